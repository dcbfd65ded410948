"""Damaged, truncated, foreign and future files are reported, never decoded."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import struct
from pathlib import Path

import pytest

from reflect_tui.journal import (
    Journal,
    NewerFormat,
    NotAVault,
    VaultDamaged,
    VaultError,
    VaultMissing,
    WrongPassphrase,
)
from reflect_tui.vault import container, crypto, database
from tests.conftest import PASSPHRASE


@pytest.fixture
def saved(journal: Journal, vault_path: Path) -> bytes:
    session = journal.start_session("identity", 1, "Identity")
    for i in range(3):
        journal.save_answer(session.id or 0, prompt_id=f"p{i}", prompt_text="?", text=f"a{i}")
    journal.close()
    return vault_path.read_bytes()


def _flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def test_every_single_bit_flip_in_the_header_is_damage(saved: bytes, vault_path: Path) -> None:
    for bit in range(container.HEADER_LEN * 8):
        with pytest.raises(VaultDamaged):
            container.parse(vault_path, _flip(saved, bit))


def test_header_flips_are_reported_through_unlock(saved: bytes, vault_path: Path) -> None:
    for bit in random.Random(7).sample(range(container.HEADER_LEN * 8), 24):
        vault_path.write_bytes(_flip(saved, bit))
        with pytest.raises(VaultDamaged) as caught:
            Journal.open(vault_path, PASSPHRASE)
        assert "damaged" in str(caught.value)


def test_body_flips_are_damage_not_a_wrong_passphrase(saved: bytes, vault_path: Path) -> None:
    body_bits = range(container.HEADER_LEN * 8, len(saved) * 8)
    for bit in random.Random(11).sample(body_bits, 40):
        vault_path.write_bytes(_flip(saved, bit))
        with pytest.raises(VaultDamaged):
            Journal.open(vault_path, PASSPHRASE)


def test_damage_names_the_newest_backup_that_opens(saved: bytes, vault_path: Path) -> None:
    newest = container.list_backups(vault_path)[0]
    vault_path.write_bytes(_flip(saved, len(saved) * 8 - 3))
    with pytest.raises(VaultDamaged) as caught:
        Journal.open(vault_path, PASSPHRASE)
    assert caught.value.backup == newest
    assert str(newest) in str(caught.value) and "copy it over" in str(caught.value)
    # ... and following the advice restores a working vault
    vault_path.write_bytes(newest.read_bytes())
    Journal.open(vault_path, PASSPHRASE).close()


@pytest.mark.usefixtures("snapshot_every_save")
def test_damaged_backups_are_skipped(saved: bytes, vault_path: Path) -> None:
    backups = container.list_backups(vault_path)
    backups[0].unlink()
    backups[0].write_bytes(b"\x89REFL broken")
    vault_path.write_bytes(saved[:-1])
    with pytest.raises(VaultDamaged) as caught:
        Journal.open(vault_path, PASSPHRASE)
    assert caught.value.backup == backups[1]


def test_truncation_at_every_length_is_damage(saved: bytes, vault_path: Path) -> None:
    for length in range(len(saved)):
        with pytest.raises(VaultDamaged):
            container.parse(vault_path, saved[:length])


def test_truncated_file_reported_through_unlock(saved: bytes, vault_path: Path) -> None:
    for length in (0, 5, container.HEADER_LEN - 1, container.HEADER_LEN + 10, len(saved) - 1):
        vault_path.write_bytes(saved[:length])
        with pytest.raises(VaultDamaged):
            Journal.open(vault_path, PASSPHRASE)


def test_appended_bytes_are_damage(saved: bytes, vault_path: Path) -> None:
    vault_path.write_bytes(saved + b"\0")
    with pytest.raises(VaultDamaged):
        Journal.open(vault_path, PASSPHRASE)


def test_wrong_passphrase_is_not_damage(saved: bytes, vault_path: Path) -> None:
    with pytest.raises(WrongPassphrase):
        Journal.open(vault_path, "not the passphrase")
    assert vault_path.read_bytes() == saved


@pytest.mark.parametrize(
    "content",
    [
        b"Dear diary, this is a plain text file.\n",
        b"SQLite format 3\x00" + b"\x00" * 200,
        bytes(random.Random(3).randrange(256) for _ in range(4096)),
        b"%PDF-1.7\n" + b"x" * 300,
    ],
    ids=["text", "sqlite", "random", "pdf"],
)
def test_foreign_files_are_not_a_vault(vault_path: Path, content: bytes) -> None:
    vault_path.parent.mkdir(parents=True)
    vault_path.write_bytes(content)
    with pytest.raises(NotAVault):
        Journal.open(vault_path, PASSPHRASE)
    assert vault_path.read_bytes() == content


def test_a_folder_is_not_a_vault(vault_path: Path) -> None:
    vault_path.mkdir(parents=True)
    with pytest.raises(NotAVault):
        Journal.open(vault_path, PASSPHRASE, write=False)


def test_missing_vault(vault_path: Path) -> None:
    with pytest.raises(VaultMissing):
        Journal.open(vault_path, PASSPHRASE)


def test_newer_format_version_is_named(saved: bytes, vault_path: Path) -> None:
    fields = bytearray(saved[: container.HEADER_LEN - 32])
    struct.pack_into("<H", fields, 8, container.FORMAT_VERSION + 1)
    future = bytes(fields) + hashlib.sha256(fields).digest() + saved[container.HEADER_LEN :]
    vault_path.write_bytes(future)
    with pytest.raises(NewerFormat) as caught:
        Journal.open(vault_path, PASSPHRASE)
    assert "newer reflect" in str(caught.value)


def test_newer_schema_is_named(vault_path: Path) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        journal._conn.execute("PRAGMA user_version = 99")
        journal.save()
    with pytest.raises(NewerFormat):
        Journal.open(vault_path, PASSPHRASE)


def test_migrations_run_on_open(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF):
        pass

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE answer ADD COLUMN mood TEXT")

    future = database.SCHEMA_VERSION + 1
    monkeypatch.setattr(database, "SCHEMA_VERSION", future)
    monkeypatch.setitem(database.MIGRATIONS, future, add_column)
    with Journal.open(vault_path, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == future
        columns = [row[1] for row in journal._conn.execute("PRAGMA table_info(answer)")]
        assert "mood" in columns


def test_every_error_is_one_sentence_with_advice(saved: bytes, vault_path: Path) -> None:
    errors: list[VaultError] = [
        WrongPassphrase(),
        NotAVault(vault_path),
        VaultDamaged(vault_path, "it is cut short"),
        NewerFormat(vault_path, 2, 1),
        VaultMissing(vault_path),
    ]
    codes = {e.exit_code for e in errors}
    assert len(codes) == len(errors) and 0 not in codes and 1 not in codes
    for e in errors:
        text = str(e)
        assert text.endswith(".") and "\n" not in text and "Traceback" not in text


def _forge(saved: bytes, body: bytes) -> bytes:
    """The header a forger would write for ``body``: right length, valid checksum."""
    fields = bytearray(saved[: container.HEADER_LEN - 32])
    struct.pack_into("<Q", fields, container.HEADER_LEN - 32 - 8, len(body))
    return bytes(fields) + hashlib.sha256(fields).digest() + body


def test_chunks_cannot_be_dropped_reordered_or_appended(vault_path: Path) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("s", 1, "S")
        big = "y" * (3 * crypto.CHUNK_LEN)  # one long token: a multi-chunk body, cheaply
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=big)
    saved = vault_path.read_bytes()
    body = saved[container.HEADER_LEN :]
    step = crypto.CHUNK_LEN + crypto.TAG_LEN
    chunks = [body[i : i + step] for i in range(0, len(body), step)]
    assert len(chunks) >= 3, "the body should span several chunks"
    forgeries = {
        "last chunk dropped": b"".join(chunks[:-1]),
        "two chunks swapped": b"".join([chunks[1], chunks[0], *chunks[2:]]),
        "a chunk repeated": b"".join([*chunks, chunks[-1]]),
    }
    for forged in forgeries.values():
        vault_path.write_bytes(_forge(saved, forged))
        with pytest.raises(VaultDamaged):
            Journal.open(vault_path, PASSPHRASE)
    vault_path.write_bytes(saved)
    with Journal.open(vault_path, PASSPHRASE) as journal:
        assert journal.session_answers(session.id or 0)[0].text == big
