"""The findings cache's part of :class:`reflect_tui.journal.Journal`: flushed with each
change, read and refilled by the app's Export screen (see
:mod:`reflect_tui.journal.findings_cache`)."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlmodel import Session

from reflect_tui.journal import findings_cache
from reflect_tui.journal.engine import sqlite_of
from reflect_tui.vault.container import WriterLock

if TYPE_CHECKING:
    from reflect_tui.export.scan import KnownSpans


class FindingsKept:
    """Provided by :class:`reflect_tui.journal.Journal`."""

    _conn: sqlite3.Connection
    _db_lock: threading.RLock
    _writer: WriterLock | None
    #: Keeps the cache up to date (a writer's only).
    _findings: findings_cache.FindingsCache | None

    def _writing(self, *, purge: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _flush_findings(self) -> None:
        """Store the cache's entries for the texts this change saved (in its transaction)."""
        if self._findings is not None:
            self._findings.flush()

    def _flush_findings_alone(self) -> bool:
        """Entries for texts noted outside a change of this service's (a merge's SQL on
        the connection itself), in a transaction of their own; True if there were any
        (the caller saves them)."""
        if self._findings is None or not self._findings.pending:
            return False
        with self._db_lock:
            self._conn.execute("BEGIN")
            try:
                self._findings.flush()
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                self._findings.forget()
                raise
        return True

    def _forget_findings(self) -> None:
        if self._findings is not None:
            self._findings.forget()

    def load_identifier_check(self) -> None:
        """Load what saving a text's findings needs now, not at the first autosave (see
        :func:`reflect_tui.journal.findings_cache.load_detector`)."""
        if self._findings is not None:
            findings_cache.load_detector()

    def known_spans(self) -> KnownSpans:
        """The identifier check's findings cache, for :func:`reflect_tui.export.plan_export`."""
        from reflect_tui.export.scan import KnownSpans

        with self._db_lock:
            generation = 0 if self._findings is None else self._findings.generation
            return KnownSpans(findings_cache.entries(self._conn), generation=generation)

    def keep_findings(self, known: KnownSpans) -> None:
        """Keep the entries an export computed for texts the cache lacked, so the next
        export of the same texts need not scan them (a reader's journal keeps nothing).
        Nothing is kept if a text left the vault since ``known`` was read: the export may
        have checked it, and its entry would outlive it."""
        if self._writer is None or not known.learned:
            return
        with self._writing() as db:
            if self._findings is not None and self._findings.generation == known.generation:
                findings_cache.learned(sqlite_of(db), known.learned)
        known.learned.clear()
