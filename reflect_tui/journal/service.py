"""The one service the UI and the CLI call: unlock, write, read and save a journal.

Every mutating call ends with a durable save: a record in the change log beside the
vault, or a whole snapshot (see :mod:`reflect_tui.vault.store`); closing compacts.
Calls are thread-safe: the UI runs them in worker threads so typing never waits for
the disk. A reader (``write=False``) sees the last saved state and takes no lock.
"""

from __future__ import annotations

import contextlib
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from reflect_tui.core import memory, paths
from reflect_tui.journal import versions
from reflect_tui.journal.data import ImportRefused, JournalData, NotFound
from reflect_tui.journal.engine import make_engine, new_database
from reflect_tui.journal.errors import (
    BackupsKeepOldPassphrase,
    JournalLocked,
    PassphraseUnchanged,
    ReadOnlyJournal,
)
from reflect_tui.journal.findings_cache import FindingsCache
from reflect_tui.journal.findings_kept import FindingsKept
from reflect_tui.journal.identity_map import IdentityMaps
from reflect_tui.journal.listing import (
    MATCH_END,
    MATCH_START,
    Counts,
    SearchHit,
    SearchQueryError,
    SessionSummary,
)
from reflect_tui.journal.merge import MergeSummary
from reflect_tui.journal.merging import MergeCopies, MergeRefused
from reflect_tui.journal.reader import VaultInfo, inspect
from reflect_tui.journal.supervision import SupervisionMeetings
from reflect_tui.vault import conflicts, container, crypto, database
from reflect_tui.vault.errors import (
    NewerFormat,
    NotAVault,
    SavedAsConflictCopy,
    SaveFailed,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultInUse,
    VaultMissing,
    WrongPassphrase,
)
from reflect_tui.vault.store import VaultStore
from reflect_tui.vault.unlock import unlock

# What the package's face (reflect_tui.journal) hands the UI and the CLI.
__all__ = [
    "MATCH_END",
    "MATCH_START",
    "BackupsKeepOldPassphrase",
    "Counts",
    "ImportRefused",
    "Journal",
    "JournalLocked",
    "MergeRefused",
    "MergeSummary",
    "NewerFormat",
    "NotAVault",
    "NotFound",
    "PassphraseUnchanged",
    "ReadOnlyJournal",
    "SaveFailed",
    "SavedAsConflictCopy",
    "SearchHit",
    "SearchQueryError",
    "SessionSummary",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultInfo",
    "VaultMissing",
    "WrongPassphrase",
    "inspect",
]


def _real(path: Path) -> Path:
    """The vault's real path: through a symlink, so the lock, the temp file and the
    replace all act on the file itself (and a symlink into a synced folder survives)."""
    return paths.user_path(path).resolve()


class Journal(MergeCopies, JournalData, SupervisionMeetings, IdentityMaps, FindingsKept):
    """An unlocked vault: the decrypted database in memory and the key to save it."""

    def __init__(
        self,
        path: Path,
        header: container.Header,
        data_key: bytes,
        conn: Any,
        writer: container.WriterLock | None,
    ) -> None:
        self.path = path
        self._data_key: bytes | None = data_key
        self._conn = conn
        self._engine: Engine | None = make_engine(conn)
        self._writer = writer
        #: Keeps the identifier check's findings cache up to date (a writer's only).
        self._findings = None if writer is None else FindingsCache(conn)
        self._db_lock = threading.RLock()
        #: Where saves go and the state of the files as last loaded or written here.
        self._store = VaultStore(path, header, data_key, conn, self._db_lock)
        self._save_lock = threading.Lock()
        #: Names this opening in the versions of the rows it changes (see ``versions``).
        self._opening = secrets.token_hex(6)
        #: True while a change is in memory but not yet on disk (a save failed).
        self.unsaved = False

    # -- lifecycle ---------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, *, kdf: crypto.KdfParams | None = None) -> Journal:
        """Create a new vault file (refusing to overwrite one) and return it unlocked.

        ``kdf`` defaults to :data:`crypto.DEFAULT_KDF`; only tests and benchmarks pass
        cheaper parameters.
        """
        kdf = crypto.chosen_kdf(kdf)
        path = _real(path)
        if path.exists():
            raise VaultExists(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        writer = container.WriterLock(path)
        writer.acquire(path)
        try:
            if path.exists():  # another `reflect init` won the race while we waited
                raise VaultExists(path)
            salt = crypto.random_bytes(crypto.SALT_LEN)
            data_key = crypto.random_bytes(crypto.KEY_LEN)
            header = container.Header(
                file_id=crypto.random_bytes(16),
                kdf=kdf,
                salt=salt,
                wrapped_key=b"",
                seed=b"",
                nonce=b"",
                generation=0,
                body_len=0,
            )
            kek = crypto.derive_passphrase_key(passphrase, salt, kdf)
            header = header.evolve(wrapped_key=crypto.wrap_key(kek, data_key, header.wrap_ad()))
            journal = cls(path, header, data_key, new_database(), writer)
            journal._store.adopt(None, fits=False)
            journal._save(first=True)
            return journal
        except BaseException:
            writer.release()
            raise

    @classmethod
    def open(cls, path: Path, passphrase: str, *, write: bool = True) -> Journal:
        """Unlock a vault. With ``write`` the writer's lock is taken (one at a time)."""
        path = _real(path)
        writer = container.WriterLock(path) if write else None
        if writer is not None:
            if not path.exists():
                raise VaultMissing(path)
            writer.acquire(path)
        try:
            opened = unlock(path, passphrase)
            if writer is not None:
                container.remove_stale_temps(path)
            journal = cls(path, opened.header, opened.data_key, opened.conn, writer)
            if writer is not None:
                journal._store.adopt(opened.log, opened.log_fits)
            if writer is not None and opened.migrated:
                # What the migration decided (each old reflection's zone among it) is
                # kept now, not worked out again at every open until the next change.
                with journal._save_lock:
                    journal._save(snapshot=True)
            return journal
        except BaseException:
            if writer is not None:
                writer.release()
            raise

    @staticmethod
    def check_exists(path: Path) -> None:
        """Raise :class:`VaultMissing` before asking for a passphrase that has no use."""
        if not path.exists():
            raise VaultMissing(path)

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    @property
    def _header(self) -> container.Header:
        return self._store.header

    @property
    def generation(self) -> int:
        """How many saves the vault has had (see :attr:`VaultStore.generation`)."""
        return self._store.generation

    @property
    def saved_state(self) -> tuple[Path, conflicts.Fingerprint]:
        """Where this journal last saved, and that save's fingerprint."""
        return self._store.target, self._store.on_disk

    @property
    def conflict_copy(self) -> Path | None:
        """Where saves go since another device's save replaced the vault, if it did."""
        return None if self._store.target == self.path else self._store.target

    @property
    def set_aside_log(self) -> Path | None:
        """Where a change log of another version of this vault was kept at open, if any."""
        return self._store.set_aside

    @property
    def set_aside_copy(self) -> Path | None:
        """The conflict copy made at open of that log and the backup it continues, if any
        (offered to merge like any copy)."""
        return self._store.rebuilt

    def close(self, *, discard_unsaved: bool = False) -> None:
        """Drop the key and the database from memory and release the writer's lock.

        A change whose save failed is written first; if that fails again,
        :class:`SaveFailed` is raised and the journal stays open (unless
        ``discard_unsaved``), so no caller loses it by closing.
        """
        with self._save_lock:
            if self.unsaved and self._writer is not None and not discard_unsaved:
                self._save()
            if self._writer is not None and self._data_key is not None and not self.unsaved:
                # Compaction: a new snapshot, and no change log left to replay at unlock.
                # The log is durable, so a compaction that fails loses nothing.
                with contextlib.suppress(VaultError):
                    self._store.compact()
        with self._save_lock, self._db_lock:
            self._data_key = None
            if self._engine is not None:
                self._engine.dispose()
                self._engine = None
            self._conn.close()
            if self._writer is not None:
                self._writer.release()
        memory.release_free_memory()  # and the plaintext left in freed buffers with it

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- saving ------------------------------------------------------------------

    def _save(self, *, first: bool = False, snapshot: bool = False) -> None:
        """Durably write the database (caller holds _save_lock): a change-log record, or a
        snapshot (see :mod:`reflect_tui.vault.store`). Never over a save not read here:
        :class:`SavedAsConflictCopy` says when this state went to a conflict copy."""
        if self._data_key is None:
            raise JournalLocked()
        try:
            self._store.save(first=first, snapshot=snapshot)
        except SavedAsConflictCopy:
            self.unsaved = False
            raise
        except BaseException:
            self.unsaved = True
            raise
        self.unsaved = False

    def _writable_key(self) -> bytes:
        if self._writer is None:
            raise ReadOnlyJournal()
        if self._data_key is None:
            raise JournalLocked()
        return self._data_key

    def save(self) -> None:
        """Write the current state (also the way to retry after a failed save)."""
        if self._writer is None:
            raise ReadOnlyJournal()
        with self._save_lock:
            self._save()

    @contextmanager
    def _writing(self, *, purge: bool = False) -> Iterator[Session]:
        """A SQL session for one change: committed, then durably saved; rolled back on error.

        The in-memory change stays even if the save fails (``unsaved`` is then True and
        the next save, or :meth:`save`, writes it).
        """
        if self._writer is None:
            raise ReadOnlyJournal()
        with self._save_lock:
            with self._db_lock:
                if self._engine is None:
                    raise JournalLocked()
                with Session(self._engine, expire_on_commit=False) as session:
                    versions.track(session, self._opening)
                    try:
                        yield session
                        session.flush()
                        self._flush_findings()
                    except BaseException:
                        self._forget_findings()
                        raise
                    session.commit()
                if purge:
                    database.purge_deleted_text(self._conn)
            self._save(snapshot=purge)

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._db_lock:
            if self._engine is None:
                raise JournalLocked()
            with Session(self._engine, expire_on_commit=False) as session:
                yield session

    def change_passphrase(
        self, new_passphrase: str, *, kdf: crypto.KdfParams | None = None
    ) -> None:
        """Rewrap the data key under a new passphrase, in the vault and then every backup.

        The body's bytes stay as they are. The vault is rewritten first, so a failure
        there changes nothing (:class:`PassphraseUnchanged`); a backup that cannot be
        rewritten is reported (:class:`BackupsKeepOldPassphrase`), never hidden.
        """
        kdf = crypto.chosen_kdf(kdf)
        if self._writer is None:
            raise ReadOnlyJournal()
        with self._save_lock:
            if self._data_key is None:
                raise JournalLocked()
            if self.unsaved:
                self._save()
            moved = conflicts.fingerprint(self.path) != self._store.on_disk
            if self.conflict_copy is not None or moved:
                raise PassphraseUnchanged(
                    self.path,
                    "another device saved it while it was open here; close reflect, "
                    "open it again and retry",
                )
            salt = crypto.random_bytes(crypto.SALT_LEN)
            kek = crypto.derive_passphrase_key(new_passphrase, salt, kdf)
            base = self._header.evolve(salt=salt, kdf=kdf)
            wrapped = crypto.wrap_key(kek, self._data_key, base.wrap_ad())
            header, sealed = container.read(self.path)
            rewrapped = header.evolve(salt=salt, kdf=kdf, wrapped_key=wrapped)
            try:  # the vault first: until it is replaced, nothing has changed
                container.write_atomic(
                    self.path, (rewrapped.pack(), sealed), previous_generation=None
                )
            except SaveFailed as exc:
                raise PassphraseUnchanged(self.path, exc.reason) from None
            self._store.rewrapped(rewrapped)
            stale = []
            for backup in container.list_backups(self.path):
                try:
                    header, sealed = container.read(backup)
                    if header.file_id != base.file_id:
                        continue
                    container.rewrite_backup(
                        backup,
                        (header.evolve(salt=salt, kdf=kdf, wrapped_key=wrapped).pack(), sealed),
                    )
                except (VaultError, OSError):
                    stale.append(backup)
            if stale:
                raise BackupsKeepOldPassphrase(stale)
