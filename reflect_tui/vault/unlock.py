"""Unlocking one vault: check it, derive the key, decrypt, replay its change log, open
the database image.

Shared by the journal (which may then write) and the read-only reader an export uses.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reflect_tui.vault import changelog, container, crypto, database, rowlog
from reflect_tui.vault.errors import NewerFormat, VaultDamaged, VaultError, WrongPassphrase


def open_file(path: Path, passphrase: str) -> tuple[container.Header, bytes, bytes | bytearray]:
    """Check, unwrap and decrypt one vault file: (header, data key, database image)."""
    header, sealed = container.read(path)
    kek = crypto.derive_passphrase_key(passphrase, header.salt, header.kdf)
    try:
        data_key = crypto.unwrap_key(kek, header.wrapped_key, header.wrap_ad())
    except crypto.DecryptionError:
        raise WrongPassphrase() from None
    try:
        image = crypto.decrypt_body(data_key, header.seed, header.nonce, sealed, header.body_ad())
    except crypto.DecryptionError:
        raise VaultDamaged(path, "its contents fail their integrity check") from None
    return header, data_key, image


def newest_good_backup(path: Path, passphrase: str) -> Path | None:
    """The newest backup this passphrase opens intact, if any (named when a vault is damaged)."""
    for backup in container.list_backups(path):
        try:
            open_file(backup, passphrase)
        except VaultError:
            continue
        return backup
    return None


@dataclass
class Unlocked:
    """An unlocked vault: its snapshot's header, the data key, the database with the
    change log replayed, migration steps run, and the log as read (None when there is
    none). ``log_fits`` says whether the log continues this snapshot (replayed); a log
    that does not is either inside the snapshot already (``log.folded_into``, after a
    compaction cut short) or belongs to another version of the vault."""

    header: container.Header
    data_key: bytes
    conn: sqlite3.Connection
    migrated: int
    log: changelog.Log | None
    log_fits: bool


#: How many times a reader reads the snapshot and log again when a compaction replaced
#: the snapshot between the two reads.
_TRIES = 5


def _read_pair(
    path: Path, header: container.Header, data_key: bytes, image: bytes | bytearray
) -> tuple[container.Header, bytes | bytearray, changelog.Log | None]:
    """The snapshot and the log as one consistent pair: the log is read after the
    snapshot, and the snapshot is read again if a compaction replaced it meanwhile."""
    log_file = changelog.log_path(path)
    for _ in range(_TRIES):
        try:
            log = changelog.read(log_file, data_key)
        except VaultDamaged as exc:  # its header: the vault file itself is sound
            raise VaultDamaged(path, exc.detail, advice=_log_advice(log_file)) from None
        with open(path, "rb") as handle:
            if handle.read(container.HEADER_LEN) == header.pack():
                return header, image, log
        header, sealed = container.read(path)
        try:
            image = crypto.decrypt_body(
                data_key, header.seed, header.nonce, sealed, header.body_ad()
            )
        except crypto.DecryptionError:
            raise VaultDamaged(path, "its contents fail their integrity check") from None
    return header, image, log


def _log_advice(log: Path) -> str:
    """What to do when the log is damaged but the vault file itself is sound."""
    return (
        f"the vault file itself is intact: with reflect closed, move {log.name} out of "
        "the folder (keep it) to open the journal as it was when last locked or closed."
    )


def _replayed(
    path: Path, image: bytes | bytearray, log: changelog.Log | None
) -> tuple[sqlite3.Connection, int]:
    """The database of ``image`` with ``log`` (one that continues it) replayed and its
    schema brought up to date; also how many migration steps ran."""
    if log is not None and log.damage is not None:
        raise VaultDamaged(path, f"{log.damage}, in {log.path.name}", advice=_log_advice(log.path))
    conn = database.connect()
    conn.deserialize(image)  # connect()'s settings hold for the image too (tested)
    try:
        if database.user_version(conn) > database.SCHEMA_VERSION:
            raise database.SchemaTooNew(database.user_version(conn))
        if log is not None:
            try:
                rowlog.apply(conn, log.changes())
            except (sqlite3.Error, ValueError, KeyError, TypeError):
                detail = f"its change log {log.path.name} does not fit its snapshot"
                raise VaultDamaged(path, detail, advice=_log_advice(log.path)) from None
        migrated = database.migrate(conn)
    except database.SchemaTooNew as exc:
        conn.close()
        raise NewerFormat(path, exc.found, database.SCHEMA_VERSION) from None
    except BaseException:
        conn.close()
        raise
    return conn, migrated


def unlock(path: Path, passphrase: str) -> Unlocked:
    """Open ``path`` in memory, its change log replayed. A damaged vault's error names
    the newest good backup; a newer schema's says which release wrote it."""
    try:
        header, data_key, image = open_file(path, passphrase)
        header, image, log = _read_pair(path, header, data_key, image)
        fits = log is not None and log.header.continues(header)
    except VaultDamaged as damaged:
        raise damaged.with_backup(newest_good_backup(path, passphrase)) from None
    conn, migrated = _replayed(path, image, log if fits else None)
    del image
    return Unlocked(header, data_key, conn, migrated, log, fits)


def open_copy(
    path: Path, file_id: bytes, data_key: bytes, passphrases: list[str]
) -> tuple[container.Header, sqlite3.Connection]:
    """Open another vault in memory to merge it: a copy of this vault (same vault id)
    opens with this vault's key, any other with one of ``passphrases``
    (:class:`WrongPassphrase` when none opens it)."""
    header, sealed = container.read(path)
    keys = [data_key] if header.file_id == file_id else []
    for passphrase in passphrases:
        kek = crypto.derive_passphrase_key(passphrase, header.salt, header.kdf)
        try:
            keys.append(crypto.unwrap_key(kek, header.wrapped_key, header.wrap_ad()))
        except crypto.DecryptionError:
            continue
    for key in keys:
        try:
            image = crypto.decrypt_body(key, header.seed, header.nonce, sealed, header.body_ad())
        except crypto.DecryptionError:
            continue
        # Its saves since its last compaction are in its own change log, if it has one.
        header, image, log = _read_pair(path, header, key, image)
        fits = log is not None and log.header.continues(header)
        return header, _replayed(path, image, log if fits else None)[0]
    if keys:  # a key that unwraps, or this vault's own, yet the body fails: damage
        raise VaultDamaged(path, "its contents fail their integrity check")
    raise WrongPassphrase()
