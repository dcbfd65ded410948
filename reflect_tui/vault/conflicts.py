"""A vault in a synced folder: is the file still the one we read, conflict copies' names.

A sync tool (Dropbox, iCloud Drive, OneDrive, Syncthing) may replace the vault under a
running reflect with another device's save. :func:`fingerprint` names one saved state
of the vault: the file's generation, a digest of its whole header (which holds a fresh
seed and nonce for every snapshot) and the state of the change log beside it (its
header, length and last record's tag: see :mod:`reflect_tui.vault.changelog`), so a
writer can tell, just before it saves, whether the snapshot and the log are still the
ones it loaded or last wrote (the two sync separately, and either may be replaced).
When they are not, the writer keeps its own state in a *conflict copy* beside the vault
(:func:`conflict_copy_path`) instead of replacing the other device's save.

:func:`find_copies` finds the copies a later unlock offers to merge: every file beside
the vault that carries its vault id, whatever its name: reflect's own, the sync tools'
(``.sync-conflict-`` from Syncthing, "conflicted copy" from Dropbox, which
:func:`is_conflict_name` knows), iCloud's "journal 2", OneDrive's "journal-laptop".
Another journal is never offered, even under such a name; ``reflect merge`` brings one
in on purpose.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import socket
from dataclasses import dataclass
from pathlib import Path

from reflect_tui.core import clock
from reflect_tui.vault import changelog, container
from reflect_tui.vault.errors import VaultError

#: Names the sync tools and reflect give a copy of ``journal.reflect``.
_KNOWN = (
    re.compile(r"\.conflict-[A-Za-z0-9-]+-\d{8}-\d{6}"),  # reflect's own
    re.compile(r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+"),  # Syncthing
    re.compile(r"conflicted copy", re.IGNORECASE),  # Dropbox
)


@dataclass(frozen=True)
class Fingerprint:
    """One saved state of a vault: its snapshot's generation and header digest, and the
    state of its change log (b"" when there is none)."""

    generation: int
    digest: bytes
    log: bytes = b""


def fingerprint_of(header: container.Header, log: bytes = b"") -> Fingerprint:
    return Fingerprint(header.generation, hashlib.sha256(header.pack()).digest(), log)


def fingerprint(path: Path) -> Fingerprint | None:
    """The state of the vault at ``path`` now; None only when there is no file there
    (nothing to overwrite). A file cut short or unreadable (a sync tool halfway through
    writing it) gets a fingerprint no save matches, so it is never written over."""
    log = changelog.current_state(changelog.log_path(path))
    try:
        with path.open("rb") as handle:
            raw = handle.read(container.HEADER_LEN)
    except FileNotFoundError:  # a change log without its snapshot is nothing to keep
        return None
    except OSError as exc:
        return Fingerprint(-1, hashlib.sha256(str(exc).encode()).digest(), log)
    if len(raw) < container.HEADER_LEN or not raw.startswith(container.MAGIC):
        return Fingerprint(-1, hashlib.sha256(raw).digest(), log)
    end = container.HEADER_LEN - 32 - 8  # generation(u64) body_len(u64) checksum(32)
    generation = int.from_bytes(raw[end - 8 : end], "little")
    return Fingerprint(generation, hashlib.sha256(raw).digest(), log)


def device_name() -> str:
    """This computer's name as a file name can hold it (letters, digits, hyphens)."""
    name = re.sub(r"[^A-Za-z0-9-]+", "-", socket.gethostname().split(".")[0]).strip("-")
    return name[:40] or "this-computer"


def conflict_copy_path(vault: Path) -> Path:
    """A new name beside ``vault`` saying which device wrote it and when (local time):
    ``journal.conflict-laptop-20260305-084700.reflect``."""
    stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
    base = f"{vault.stem}.conflict-{device_name()}-{stamp}"
    candidate = vault.with_name(base + vault.suffix)
    number = 2
    while candidate.exists():
        candidate = vault.with_name(f"{base}-{number}{vault.suffix}")
        number += 1
    return candidate


def is_conflict_name(vault: Path, other: Path) -> bool:
    """True when ``other``'s name is one reflect or a sync tool gives a copy of ``vault``."""
    if other.name == vault.name or not other.name.startswith(vault.stem):
        return False
    if other.suffix != vault.suffix:
        return False
    return any(pattern.search(other.name) for pattern in _KNOWN)


def find_copies(vault: Path, file_id: bytes) -> list[Path]:
    """Copies of ``vault`` beside it (see the module docstring), oldest first."""
    found: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for other in vault.parent.iterdir():
            if other.name == vault.name or other.name.startswith("."):
                continue
            if other.suffix != vault.suffix or not other.is_file():
                continue
            try:
                header, _ = container.read(other)
            except (VaultError, OSError):
                continue
            # Only this vault's own copies: a sync tool's copy keeps the vault's id. Another
            # journal with a conflict-like name is not offered (`reflect merge` can still
            # bring it in on purpose).
            if header.file_id == file_id:
                with contextlib.suppress(OSError):
                    found.append((other.stat().st_mtime, other))
    return [path for _, path in sorted(found)]
