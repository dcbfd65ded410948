"""Where one writer's saves go: a record appended to the change log, or a whole snapshot.

A save appends the rows it changed to the change log beside the vault
(:mod:`reflect_tui.vault.changelog`, :mod:`reflect_tui.vault.rowlog`): kilobytes and one
fsync, whatever the journal's size. A *compaction* writes the whole database as a new
snapshot (keeping the old one as a backup) and removes the log: on lock and quit, when
the log would pass :data:`changelog.LOG_LIMIT`, after a schema change or a VACUUM (which
may renumber rows), and after a failed save (what it noted may not be on disk).

Before every save the vault's fingerprint (snapshot and log: see
:mod:`reflect_tui.vault.conflicts`) is compared with the one last loaded or written
here. When another device's save replaced either file, this device's whole state goes
to a new conflict copy (a snapshot, never a log), later saves follow it, and
:class:`SavedAsConflictCopy` says so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from pathlib import Path

from reflect_tui.core import clock
from reflect_tui.vault import (
    changelog,
    conflicts,
    container,
    crypto,
    database,
    rowlog,
    unmatched,
)
from reflect_tui.vault.errors import SavedAsConflictCopy, SaveFailed, VaultError


class VaultStore:
    """The files of one open vault, as this writer last loaded or wrote them."""

    def __init__(
        self,
        path: Path,
        header: container.Header,
        data_key: bytes,
        conn: sqlite3.Connection,
        db_lock: threading.RLock,
    ) -> None:
        self.path = path
        self.header = header
        self._key = data_key
        self._conn = conn
        self._db_lock = db_lock
        #: The file saves go to: the vault, or a conflict copy (see the module docstring).
        self.target = path
        self.on_disk = conflicts.fingerprint_of(header)
        self._log: changelog.LogWriter | None = None
        #: Saves in the log since the snapshot: each counts as a generation.
        self._saves = 0
        #: Rows were taken for a record that went into a snapshot instead.
        self._taken = False
        self._tracking = False
        self._schema = (-1, -1)
        #: The next save writes a snapshot (nothing tracked yet, or a save failed).
        self._need_snapshot = True
        #: Where a change log that belonged to another version of the vault was kept,
        #: and the conflict copy made of it and the backup it continues, if there was one.
        self.set_aside: Path | None = None
        self.rebuilt: Path | None = None

    # -- at open -----------------------------------------------------------------------

    def adopt(self, log: changelog.Log | None, fits: bool) -> None:
        """Take over the log found at unlock (the caller holds the writer's lock): go on
        appending to one that continues the snapshot (cutting a torn last record), remove
        one a compaction already put in the snapshot, and set aside any other."""
        if log is not None and fits:
            self._log = changelog.LogWriter.resume(log, self._key)
            self._saves = len(log.changes())
            if log.torn:
                # If this fails, the next append cuts it (the writer knows where).
                with contextlib.suppress(OSError), open(log.path, "r+b") as handle:
                    handle.truncate(log.end)
                    os.fsync(handle.fileno())
            self.on_disk = conflicts.fingerprint_of(self.header, changelog.current_state(log.path))
        elif log is not None and log.folded_into(self.header):
            with contextlib.suppress(OSError):
                log.path.unlink()
            self.on_disk = conflicts.fingerprint_of(self.header, changelog.current_state(log.path))
        elif log is not None or changelog.log_path(self.path).exists():
            # Another version's, or (beside a new vault) a vault's moved away without it.
            stray = changelog.log_path(self.path)
            try:
                self.set_aside = self._set_aside(stray)
            except OSError as exc:  # never written over: no saves until it can be kept
                raise SaveFailed(stray, container.explain(exc)) from exc
        # This one, and any set aside before whose snapshot is here now (see unmatched).
        for done, copy in unmatched.retry(self.path, self._key).items():
            if self.set_aside is not None and done == unmatched.rebuilt_name(self.set_aside):
                self.set_aside, self.rebuilt = done, copy
        self._start_tracking()

    def _set_aside(self, log: Path) -> Path:
        """Keep a log of another version of this vault (a backup copied over it, or a
        sync tool's mix of two devices' files) beside it under a name of its own: it is
        never replayed onto a snapshot it does not continue, and never deleted."""
        stamp = clock.local_now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.unmatched-{stamp}.changes")
        number = 2
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.unmatched-{stamp}-{number}.changes")
            number += 1
        os.replace(log, aside)
        container.fsync_dir(self.path.parent)
        return aside

    def _start_tracking(self) -> None:
        with self._db_lock:
            self._tracking = rowlog.track(self._conn)
            self._schema = rowlog.layout(self._conn)
        self._need_snapshot = not self._tracking

    # -- saving ------------------------------------------------------------------------

    @property
    def generation(self) -> int:
        """How many saves the vault has had: the snapshot's, and one per log record.
        A compaction gives its snapshot this number, so it names a state, not a file."""
        return self.header.generation + self._saves

    @property
    def log_bytes(self) -> int:
        """How long the change log is (0 when there is none)."""
        return self._log.size if self._log is not None and self._log.exists else 0

    def save(self, *, snapshot: bool = False, first: bool = False) -> None:
        """Write what the database holds now (the caller holds the journal's save lock):
        a log record, or a snapshot when ``snapshot`` or when one is due."""
        diverted: Path | None = None
        found = None if first else conflicts.fingerprint(self.target)
        if found is not None and found != self.on_disk and not self._only_our_tail(found):
            diverted = conflicts.conflict_copy_path(self.path)
        gone = found is None  # the vault itself was moved away: write it again, whole
        logged = not (snapshot or first or diverted or gone or self._need_snapshot)
        if logged and self.target == self.path and self._append():
            return
        self._snapshot(diverted, first=first)

    def _only_our_tail(self, found: conflicts.Fingerprint) -> bool:
        """True when the log differs from our last save only by part of a record of ours
        that a failed append (a full disk) left past its end: no other device's save, so
        the retry goes to the vault (the next append cuts that part)."""
        log = self._log
        if log is None or not log.dirty or self.target != self.path:
            return False
        if (found.generation, found.digest) != (self.on_disk.generation, self.on_disk.digest):
            return False  # the snapshot itself was replaced
        try:
            read = changelog.read(log.path, self._key)
        except (VaultError, OSError):
            return False
        return (
            read is not None
            and read.header == log.header
            and (read.end, len(read.records), read.damage) == (log.end, log.seq, None)
            and read.state == self.on_disk.log
        )

    def _append(self) -> bool:
        """Log the rows changed since the last save; False when a snapshot is due instead."""
        with self._db_lock:
            if rowlog.layout(self._conn) != self._schema:
                return False
            if rowlog.pending(self._conn) > changelog.ROWS_LIMIT:
                return False  # an import, a merge: a snapshot is smaller than its rows
            payload = rowlog.take(self._conn)
        if payload is None:
            return True
        log = self._log or changelog.LogWriter.new(self.path, self.header, self._key)
        if log.size + len(payload) + changelog.HEADER_LEN + 64 > changelog.LOG_LIMIT:
            self._taken = True  # the rows just taken are in the snapshot written instead
            return False
        try:
            log.append(changelog.CHANGES, payload)
        except BaseException:
            self._need_snapshot = True
            raise
        self._log = log
        self._saves += 1
        self.on_disk = conflicts.fingerprint_of(self.header, log.state)
        return True

    def _snapshot(self, diverted: Path | None, *, first: bool) -> None:
        with self._db_lock:
            image = database.dump_image(self._conn)
            # A compaction of saves already logged is no new save; anything else is.
            fresh = (
                not self._tracking
                or self._saves == 0
                or self._taken
                or rowlog.pending(self._conn) > 0
            )
            if self._tracking:
                rowlog.discard(self._conn)
            schema = rowlog.layout(self._conn)
        header = self.header.evolve(
            seed=crypto.random_bytes(crypto.SEED_LEN),
            nonce=crypto.random_bytes(crypto.NONCE_LEN),
            generation=self.generation + int(fresh),
            body_len=crypto.sealed_len(len(image)),
        )
        chunks = crypto.encrypt_body(self._key, header.seed, header.nonce, image, header.body_ad())
        del image  # its memory is reused by the next save and handed back at lock
        target = diverted or self.target
        log = self._log if target == self.path and self._log is not None else None
        try:
            if log is not None and log.exists:
                # Said in the log before the snapshot replaces the vault, so a crash
                # between the two leaves a log known to be inside the new snapshot.
                log.append(changelog.FOLDED, changelog.snapshot_id(header))
            container.write_atomic(
                target,
                (header.pack(), *chunks),
                previous_generation=None if first or diverted else self.header.generation,
            )
        except BaseException:
            self._need_snapshot = True
            raise
        if log is not None:
            with contextlib.suppress(OSError):
                log.remove()
        # The next record starts a new log of the new snapshot (a conflict copy has none).
        self._log = None
        self._saves, self._taken = 0, False
        self.header = header
        self.target = target
        left = changelog.current_state(changelog.log_path(target)) if log is not None else b""
        self.on_disk = conflicts.fingerprint_of(header, left)  # a log not removed: as it is
        if schema != self._schema:
            self._start_tracking()  # a new table gets its triggers
        else:
            self._need_snapshot = not self._tracking
        if diverted is not None:
            raise SavedAsConflictCopy(self.path, diverted)

    def compact(self) -> bool:
        """Write a snapshot if the log holds anything (True when it did)."""
        if self.log_bytes == 0 and not self._need_snapshot:
            return False
        self.save(snapshot=True)
        return True

    def rewrapped(self, header: container.Header) -> None:
        """The vault's header was rewritten under a new passphrase (same body, same log)."""
        self.header = header
        log = self._log.state if self._log is not None else b""
        self.on_disk = conflicts.fingerprint_of(header, log)
