"""A change log that does not continue the vault beside it, made into a conflict copy
when the snapshot it does continue is still at hand.

Such a log (see :mod:`reflect_tui.vault.changelog`) holds saves of another version of
the vault: a device killed before it could compact, whose log a sync tool delivered
after another device had compacted; or a backup copied over the vault. It is never
replayed onto the vault (that would be a guess). When a backup is the very snapshot
the log continues, which a compaction keeps, the two together are that version
exactly: it is written as a conflict copy beside the vault, which the next unlock
offers to merge like any other. So is a log that arrived before its snapshot (the
small file synced first): it is set aside then, and every later unlock by a writer
tries again (:func:`retry`), so its copy is made once that snapshot is the vault. The
log is kept, renamed to end in :data:`REBUILT` once its copy is written.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
from pathlib import Path

from reflect_tui.vault import changelog, conflicts, container, crypto, database, rowlog
from reflect_tui.vault.errors import VaultError

#: Ends the name of a set-aside log once its conflict copy is written (it is kept).
REBUILT = ".rebuilt.changes"


def _may_continue(path: Path, log: changelog.Log) -> bool:
    """Whether ``path``'s header has the log's vault id and generation (read cheaply:
    only a file that passes is read whole)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(container.HEADER_LEN)
    except OSError:
        return False
    end = container.HEADER_LEN - 32 - 8  # generation(u64) body_len(u64) checksum(32)
    generation = int.from_bytes(raw[end - 8 : end], "little")
    return raw[12:28] == log.header.file_id and generation == log.header.generation


def _base(vault: Path, log: changelog.Log) -> tuple[container.Header, memoryview] | None:
    """The snapshot the log continues: the vault itself (a log that arrived before its
    snapshot, set aside then) or a backup."""
    for candidate in (vault, *container.list_backups(vault)):
        if not _may_continue(candidate, log):
            continue
        try:
            header, sealed = container.read(candidate)
        except (VaultError, OSError):
            continue
        if log.header.continues(header):
            return header, sealed
    return None


def rebuilt_name(aside: Path) -> Path:
    """What a set-aside log is renamed to once its conflict copy is written."""
    return aside.with_name(aside.name.removesuffix(".changes") + REBUILT)


def set_aside_logs(vault: Path) -> list[Path]:
    """Logs set aside beside ``vault`` whose conflict copy is not written yet, oldest first."""
    found = vault.parent.glob(f"{glob.escape(vault.name)}.unmatched-*.changes")
    return sorted(p for p in found if not p.name.endswith(REBUILT))


def retry(vault: Path, data_key: bytes) -> dict[Path, Path]:
    """Make the conflict copy of each set-aside log whose snapshot is at hand now (its
    snapshot arrived after it, or the copy could not be written when it was set aside);
    each such log is renamed to end in :data:`REBUILT`, so it is made once. Returns
    {the log's new name: its copy}."""
    made = {}
    for aside in set_aside_logs(vault):
        try:
            log = changelog.read(aside, data_key)
        except (VaultError, OSError):
            continue
        try:
            copy = rebuild(vault, log, data_key) if log is not None else None
        except OSError:  # a backup folder it cannot list: tried again at the next unlock
            continue
        if copy is None:
            continue
        done = rebuilt_name(aside)
        try:
            os.replace(aside, done)
            container.fsync_dir(vault.parent)
        except OSError:  # made again at the next unlock: merging it twice changes nothing
            continue
        made[done] = copy
    return made


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
