"""A read-only journal for whole-journal reads (``reflect export``, the watch list).

It unlocks the vault exactly as :class:`reflect_tui.journal.Journal` does, but reads
with plain SQL and never imports SQLAlchemy or SQLModel, which would cost a third of a
second before an export could start. It takes no lock, so it works while the app is
open, and it never writes: the decrypted database lives in this process's memory only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reflect_tui.core import paths
from reflect_tui.core.records import ActionRecord, SessionRecord
from reflect_tui.journal import records as journal_records
from reflect_tui.vault.unlock import unlock


class JournalReader:
    """The records of one unlocked vault, as of its last save."""

    def __init__(self, path: Path, passphrase: str) -> None:
        path = paths.user_path(path).resolve()
        _, _, self._conn, _ = unlock(path, passphrase)  # VaultMissing if there is none
        self.path = path

    def records(self, start: date | None = None, end: date | None = None) -> list[SessionRecord]:
        """Sessions started in the range, oldest first, with their answers and actions."""
        return journal_records.session_records(self._conn, start, end)

    def action_records(self) -> list[ActionRecord]:
        return journal_records.action_records(self._conn)

    def watch_words(self) -> list[str]:
        return journal_records.watch_words(self._conn)

    def fine_words(self) -> list[str]:
        return journal_records.fine_words(self._conn)

    def close(self) -> None:
        """Drop the decrypted database from memory."""
        self._conn.close()

    def __enter__(self) -> JournalReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
