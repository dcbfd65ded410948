"""Writing an export file: plaintext, so mode 0600, and never over a file by accident."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from reflect_tui.export.errors import ExportError


class OutputExists(ExportError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} already exists; nothing was written. Choose another name, "
            "or add --force to replace it."
        )


class OutputFailed(ExportError):
    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"Could not write {path} ({reason}); nothing was written.")


def write_export(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` with mode 0600 whatever the umask.

    Without ``force`` the file must not exist (``O_EXCL``, so not even a dangling
    symlink is followed). With it, a temporary file in the same folder replaces the old
    one atomically, so a failure leaves the old file as it was; a device or pipe such as
    ``/dev/null`` is written into rather than replaced.
    """
    data = text.encode("utf-8")
    if "\x00" in str(path):  # no file system takes it; os.open would raise ValueError
        raise OutputFailed(path, "a file name cannot hold a NUL character")
    if force and path.exists() and not (path.is_file() or path.is_dir()):
        # A device or a pipe (/dev/null, a FIFO): write into it, never replace it.
        try:
            with path.open("wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise OutputFailed(path, exc.strerror or str(exc)) from None
        return
    target = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp") if force else path
    if force and path.is_dir():
        raise OutputFailed(path, "it is a folder")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise OutputExists(path) from None
    except OSError as exc:
        raise OutputFailed(path, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(target, path)
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise OutputFailed(path, exc.strerror or str(exc)) from None
