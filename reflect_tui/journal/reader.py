"""The read-only journal every read command uses (``reflect search``, ``history``,
``info``, ``export``, the word lists), and what a vault's header tells without a
passphrase.

It unlocks the vault exactly as :class:`reflect_tui.journal.Journal` does, but reads
with plain SQL and never imports SQLAlchemy or SQLModel, which would cost a third of a
second before a command could start. It takes no lock, so it works while the app is
open, and it never writes: the decrypted database lives in this process's memory only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core import paths
from reflect_tui.core.identity import IdentityMap
from reflect_tui.core.records import ActionRecord, SessionRecord
from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.journal import records as journal_records
from reflect_tui.journal import supervision_records
from reflect_tui.vault import changelog, container, crypto
from reflect_tui.vault.unlock import unlock

if TYPE_CHECKING:
    from reflect_tui.export.scan import KnownSpans
    from reflect_tui.journal import listing

# listing (search, history, counts) and identity_records are imported by the methods
# that use them: an export needs neither.


@dataclass(frozen=True)
class VaultInfo:
    """What can be told about a vault without the passphrase."""

    path: Path
    format_version: int
    kdf: crypto.KdfParams
    size: int
    generation: int
    backups: list[Path]
    #: The change log beside the vault: its size and the saves it holds (0, 0: none).
    log_size: int = 0
    log_records: int = 0


def inspect(path: Path) -> VaultInfo:
    """Read a vault's header (no passphrase needed; nothing secret is shown)."""
    path = paths.user_path(path).resolve()
    header, _ = container.read(path)
    log_size, log_records = changelog.count(changelog.log_path(path))
    return VaultInfo(
        path=path,
        format_version=header.version,
        kdf=header.kdf,
        size=path.stat().st_size,
        generation=header.generation,
        backups=container.list_backups(path),
        log_size=log_size,
        log_records=log_records,
    )


class JournalReader:
    """The records of one unlocked vault, as of its last save."""

    def __init__(self, path: Path, passphrase: str) -> None:
        path = paths.user_path(path).resolve()
        # VaultMissing if there is none; the change log beside the vault is replayed, so
        # this is the state of the writer's last save even while the app has it open.
        self._conn = unlock(path, passphrase).conn
        self.path = path

    def records(self, start: date | None = None, end: date | None = None) -> list[SessionRecord]:
        """Sessions started in the range, oldest first, with their answers and actions."""
        return journal_records.session_records(self._conn, start, end)

    def action_records(self) -> list[ActionRecord]:
        return journal_records.action_records(self._conn)

    def watch_words(self) -> list[str]:
        return journal_records.watch_words(self._conn)

    def meetings(self, start: date | None = None, end: date | None = None) -> list[MeetingRecord]:
        """Supervision meetings in the range, oldest first (as :meth:`Journal.meetings`)."""
        return supervision_records.meeting_records(self._conn, start, end)

    def last_meeting(self, before: date | None = None) -> MeetingRecord | None:
        return supervision_records.last_meeting(self._conn, before)

    def fine_words(self) -> list[str]:
        return journal_records.fine_words(self._conn)

    def known_spans(self) -> KnownSpans:
        """The identifier check's findings cache, to read (a reader never writes: what an
        export computes for texts missing from it is forgotten)."""
        from reflect_tui.export.scan import KnownSpans
        from reflect_tui.journal import findings_cache

        return KnownSpans(findings_cache.entries(self._conn))

    def identity_maps(self) -> list[IdentityMap]:
        """Every saved version of the identity map, oldest first (numbered from 1)."""
        from reflect_tui.journal import identity_records

        return identity_records.identity_maps(self._conn)

    def list_sessions(
        self,
        *,
        start: date | None = None,
        end: date | None = None,
        set_id: str | None = None,
        flagged: bool = False,
        limit: int = 50,
    ) -> list[listing.SessionSummary]:
        """Sessions newest first (as :meth:`Journal.list_sessions`)."""
        from reflect_tui.journal import listing

        return listing.session_summaries(
            self._conn, start=start, end=end, set_id=set_id, flagged=flagged, limit=limit
        )

    def search(
        self, query: str, *, tag: str | None = None, limit: int = 50
    ) -> list[listing.SearchHit]:
        """Ranked full-text search (as :meth:`Journal.search`)."""
        from reflect_tui.journal import listing

        return listing.search(self._conn, query, tag=tag, limit=limit)

    def counts(self) -> listing.Counts:
        from reflect_tui.journal import listing

        return listing.counts(self._conn)

    def close(self) -> None:
        """Drop the decrypted database from memory."""
        self._conn.close()

    def __enter__(self) -> JournalReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
