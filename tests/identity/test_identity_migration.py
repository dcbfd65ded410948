"""A vault written by release 0.2.0 (schema 4, tests/golden/vaults/release-0.2.0.reflect)
opens, gains the identity map's tables, keeps every entry, and can keep a map."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from reflect_tui.journal.merge import read_state
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import crypto, database
from reflect_tui.vault.unlock import open_file
from tests.vault.test_release_0_2_0 import PASSPHRASE, RELEASE_0_2_0

TABLES = ("identity_map_version", "identity_map_entry")


Rows = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def _every_row(conn: sqlite3.Connection, like: Rows | None = None) -> Rows:
    """Every table's columns and rows (with ``like``: only its tables and columns, so
    a column a later schema added, such as schema 5's answer.discussed, is left out)."""
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if not r[0].startswith("answer_fts") and r[0] not in TABLES
    ]
    found: Rows = {}
    for n in names if like is None else list(like):
        columns = like[n][0] if like else [c[1] for c in conn.execute(f"PRAGMA table_info({n})")]
        rows = conn.execute(f"SELECT {', '.join(columns)} FROM {n} ORDER BY rowid").fetchall()
        found[n] = (columns, rows)
    return found


def _old_rows() -> Rows:
    _, _, image = open_file(RELEASE_0_2_0, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    assert database.user_version(conn) == 4  # release 0.2.0's schema
    assert not {r[0] for r in conn.execute("SELECT name FROM sqlite_master")} & set(TABLES)
    return _every_row(conn)


def test_a_release_0_2_0_vault_gains_the_map_and_keeps_every_entry(tmp_path: Path) -> None:
    before = _old_rows()
    assert before["answer"][1] and before["supervision_meeting"][1]
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(RELEASE_0_2_0, copy)  # never touch the checked-in file
    with Journal.open(copy, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        assert journal.identity_maps() == []
        rows, _ = read_state(journal._conn)
        assert all(rows[t] == {} for t in TABLES)
        assert _every_row(journal._conn, before) == before
        journal.save_identity_map([DomainEntry("gender", "a man", "privilege", "yes", True)])
    with JournalReader(copy, PASSPHRASE) as reader:
        assert len(reader.records()) == 2
        [saved] = reader.identity_maps()
        assert saved.entry("gender").stance == "privilege"


def test_the_migrated_tables_are_the_fresh_ones(tmp_path: Path) -> None:
    def schema(path: Path, passphrase: str) -> object:
        with Journal.open(path, passphrase, write=False) as journal:
            conn = journal._conn
            return {
                t: sorted(r[1:6] for r in conn.execute(f"PRAGMA table_info({t})")) for t in TABLES
            } | {
                "fks": sorted(
                    r[2:] for r in conn.execute("PRAGMA foreign_key_list(identity_map_entry)")
                ),
                "indexes": sorted(
                    r[0]
                    for r in conn.execute(
                        "SELECT sql FROM sqlite_master WHERE type = 'index'"
                        " AND tbl_name LIKE 'identity_map_%'"
                    )
                ),
            }

    copy = tmp_path / "old.reflect"
    shutil.copyfile(RELEASE_0_2_0, copy)
    fresh = tmp_path / "fresh.reflect"
    Journal.create(fresh, "fresh one", kdf=crypto.TEST_KDF).close()
    assert schema(copy, PASSPHRASE) == schema(fresh, "fresh one")
