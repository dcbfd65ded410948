"""The journal's own errors (the vault's are in :mod:`reflect_tui.vault.errors`): each
is one sentence saying what happened and what to do."""

from __future__ import annotations

from pathlib import Path

from reflect_tui.vault.errors import VaultError


class ReadOnlyJournal(VaultError):
    exit_code = 11

    def __init__(self) -> None:
        super().__init__("This vault was opened for reading only; close other reflect windows.")


class PassphraseUnchanged(VaultError):
    exit_code = 10

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The passphrase was not changed: {path} could not be written ({reason}); "
            "your old passphrase still opens it."
        )


class BackupsKeepOldPassphrase(VaultError):
    exit_code = 10

    def __init__(self, backups: list[Path]) -> None:
        self.backups = backups
        super().__init__(
            f"The vault now uses the new passphrase, but {len(backups)} backup(s) in "
            f"{backups[0].parent} could not be rewritten and still open only with the old "
            "one; keep both passphrases until the next saves replace those backups."
        )


class JournalLocked(VaultError):
    exit_code = 12

    def __init__(self) -> None:
        super().__init__("The journal is locked; unlock it with your passphrase.")
