"""A change log that does not continue the vault beside it, made into a conflict copy
when the snapshot it does continue is still at hand.

Such a log (see :mod:`reflect_tui.vault.changelog`) holds saves of another version of
the vault: a device killed before it could compact, whose log a sync tool delivered
after another device had compacted; or a backup copied over the vault. It is never
replayed onto the vault (that would be a guess). When a backup is the very snapshot
the log continues, which a compaction keeps, the two together are that version
exactly: it is written as a conflict copy beside the vault, which the next unlock
offers to merge like any other.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from reflect_tui.vault import changelog, conflicts, container, crypto, database, rowlog
from reflect_tui.vault.errors import VaultError


def _base(vault: Path, log: changelog.Log) -> tuple[container.Header, memoryview] | None:
    for backup in container.list_backups(vault):
        try:
            header, sealed = container.read(backup)
        except (VaultError, OSError):
            continue
        if log.header.continues(header):
            return header, sealed
    return None


def rebuild(vault: Path, log: changelog.Log, data_key: bytes) -> Path | None:
    """The conflict copy made of ``log`` and the backup it continues; None when there
    is no such backup, or the pair does not open whole (then only the log is kept)."""
    if not log.changes() or log.damage is not None:
        return None
    found = _base(vault, log)
    if found is None:
        return None
    header, sealed = found
    try:
        image = crypto.decrypt_body(data_key, header.seed, header.nonce, sealed, header.body_ad())
    except crypto.DecryptionError:
        return None
    conn = database.connect()
    try:
        conn.deserialize(image)
        rowlog.apply(conn, log.changes())
        image = database.dump_image(conn)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None
    finally:
        conn.close()
    copy = header.evolve(
        seed=crypto.random_bytes(crypto.SEED_LEN),
        nonce=crypto.random_bytes(crypto.NONCE_LEN),
        generation=header.generation + len(log.changes()),
        body_len=crypto.sealed_len(len(image)),
    )
    chunks = crypto.encrypt_body(data_key, copy.seed, copy.nonce, image, copy.body_ad())
    target = conflicts.conflict_copy_path(vault)
    with contextlib.suppress(VaultError):
        container.write_atomic(target, (copy.pack(), *chunks), previous_generation=None)
        return target
    return None
