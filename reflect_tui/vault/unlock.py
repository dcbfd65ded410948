"""Unlocking one vault file: check it, derive the key, decrypt, open the database image.

Shared by the journal (which may then write) and the read-only reader an export uses.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reflect_tui.vault import container, crypto, database
from reflect_tui.vault.errors import NewerFormat, VaultDamaged, VaultError, WrongPassphrase


def open_file(path: Path, passphrase: str) -> tuple[container.Header, bytes, bytes]:
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


def unlock(path: Path, passphrase: str) -> tuple[container.Header, bytes, sqlite3.Connection, int]:
    """Open ``path`` in memory: (header, data key, database, migration steps run). A
    damaged vault's error names the newest good backup; a newer schema's says which
    release wrote it."""
    try:
        header, data_key, image = open_file(path, passphrase)
    except VaultDamaged as damaged:
        raise damaged.with_backup(newest_good_backup(path, passphrase)) from None
    try:
        conn, migrated = database.load_image(image)
    except database.SchemaTooNew as exc:
        raise NewerFormat(path, exc.found, database.SCHEMA_VERSION) from None
    return header, data_key, conn, migrated


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
        try:
            conn, _ = database.load_image(image)
        except database.SchemaTooNew as exc:
            raise NewerFormat(path, exc.found, database.SCHEMA_VERSION) from None
        return header, conn
    if keys:  # a key that unwraps, or this vault's own, yet the body fails: damage
        raise VaultDamaged(path, "its contents fail their integrity check")
    raise WrongPassphrase()
