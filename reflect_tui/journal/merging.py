"""The journal's half that merges another copy into it: ``reflect merge`` and the offer
at unlock when a conflict copy lies beside the vault (see :mod:`reflect_tui.journal.merge`
for how rows are matched, and :mod:`reflect_tui.vault.conflicts` for the copies)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from reflect_tui.core import clock, paths
from reflect_tui.journal.merge import MergeSummary, merge_into
from reflect_tui.vault import conflicts, container, database
from reflect_tui.vault.errors import VaultError
from reflect_tui.vault.unlock import open_copy


class MergeRefused(VaultError):
    exit_code = 2

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is this journal itself; give the other copy's path.")


class MergeCopies:
    """Provided by :class:`reflect_tui.journal.Journal`."""

    path: Path
    _data_key: bytes | None
    _conn: sqlite3.Connection
    _db_lock: threading.RLock
    _save_lock: threading.Lock
    _save: Callable[[], None]
    _flush_findings_alone: Callable[[], bool]
    _forget_findings: Callable[[], None]

    @property
    def _header(self) -> container.Header:
        raise NotImplementedError

    @property
    def conflict_copy(self) -> Path | None:
        raise NotImplementedError

    def _writable_key(self) -> bytes:
        """The data key, if this journal may write (else the journal's own error)."""
        raise NotImplementedError

    def _merged_digests(self) -> set[str]:
        with self._db_lock:
            return {row[0] for row in self._conn.execute("SELECT digest FROM merged_copy")}

    def copies_to_merge(self) -> list[Path]:
        """Copies of this vault beside it (a sync tool's conflict copies, reflect's own)
        not merged yet, oldest first."""
        done = self._merged_digests()
        found = []
        for copy in conflicts.find_copies(self.path, self._header.file_id):
            print_ = conflicts.fingerprint(copy)
            if copy == self.conflict_copy or print_ is None or print_.digest.hex() in done:
                continue
            found.append(copy)
        return found

    def merge_from(self, other: Path, passphrases: list[str] | None = None) -> MergeSummary:
        """Merge the vault at ``other`` into this journal and save. A copy of this vault
        opens with its key; another vault needs its passphrase among ``passphrases``
        (:class:`WrongPassphrase` otherwise). ``other`` is left as it was."""
        other = paths.user_path(other).resolve()
        if other == self.path or other == self.conflict_copy:
            raise MergeRefused(other)
        data_key = self._writable_key()
        print_ = conflicts.fingerprint(other)
        header, source = open_copy(other, self._header.file_id, data_key, passphrases or [])
        try:
            with self._save_lock:
                with self._db_lock:
                    try:
                        summary = merge_into(self._conn, source)
                    except BaseException:
                        self._forget_findings()  # rolled back: nothing it noted is there
                        raise
                    # The cache is never merged (it is derived): entries for what came.
                    self._flush_findings_alone()
                    digest = (print_ or conflicts.fingerprint_of(header)).digest.hex()
                    self._conn.execute(
                        "INSERT OR REPLACE INTO merged_copy (digest, name, merged)"
                        " VALUES (?, ?, ?)",
                        (digest, other.name, clock.now().isoformat(timespec="microseconds")),
                    )
                    if summary.changed:
                        database.purge_deleted_text(self._conn)
                self._save()
        finally:
            source.close()
        return summary
