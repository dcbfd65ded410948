"""Errors a user can cause, each with one sentence saying what happened and what to do.

The CLI prints ``str(error)`` and exits with ``error.exit_code``; the UI shows the same
sentence. None of them carries reflection text.
"""

from __future__ import annotations

from pathlib import Path


class VaultError(Exception):
    """Base class: ``str()`` is the sentence shown to the user."""

    exit_code = 2


class VaultMissing(VaultError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no vault at {path}; create one with 'reflect init'.")


class VaultExists(VaultError):
    exit_code = 4

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"A vault already exists at {path}; open it, or choose another path with --vault."
        )


class WrongPassphrase(VaultError):
    exit_code = 5

    def __init__(self) -> None:
        super().__init__("That passphrase does not open this vault; check it and try again.")


class NotAVault(VaultError):
    exit_code = 6

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is not a reflect vault; check the path you gave.")


class VaultDamaged(VaultError):
    """The file is truncated or was changed after it was written."""

    exit_code = 7

    def __init__(
        self, path: Path, detail: str, backup: Path | None = None, advice: str | None = None
    ) -> None:
        self.path = path
        self.detail = detail
        self.backup = backup
        self.advice = advice
        if advice is None and backup is not None:
            advice = (
                f"the newest backup that opens is {backup}: with reflect closed, "
                f"copy it over {path} to restore it."
            )
        elif advice is None:
            advice = "no backup beside it opens either; keep the file and do not overwrite it."
        super().__init__(f"The vault {path} is damaged ({detail}); {advice}")

    def with_backup(self, backup: Path | None) -> VaultDamaged:
        return VaultDamaged(self.path, self.detail, backup, self.advice)


class NewerFormat(VaultError):
    exit_code = 8

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer reflect (format {found}; this one reads up to "
            f"{supported}); update reflect to open it."
        )


class VaultInUse(VaultError):
    exit_code = 9

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The vault {path} is already open in another reflect window; "
            "close that one first (searching and exporting still work)."
        )


class SaveFailed(VaultError):
    """Writing failed; the file on disk is unchanged and the change is kept in memory."""

    exit_code = 10

    def __init__(self, path: Path, reason: str) -> None:
        self.reason = reason
        super().__init__(
            f"Could not save to {path.parent} ({reason}); your text is kept in memory and "
            "will be saved again: free some space or fix the folder's permissions."
        )


class SavedAsConflictCopy(VaultError):
    """Another device's save replaced the vault while it was open here: this device's
    state went to a conflict copy beside it, and the other save was left as it was."""

    exit_code = 19

    def __init__(self, vault: Path, copy: Path) -> None:
        self.vault = vault
        self.copy = copy
        super().__init__(
            f"Another device saved this journal while it was open here, so your changes "
            f"were saved beside it in {copy.name}; open reflect again (or run 'reflect "
            f"merge {copy.name}' in that folder) to bring the two together."
        )
