"""A schema-3 vault (tests/golden/vaults/schema-3.reflect, made by the code at ef9fffc,
the last release before the supervision record, with its script beside it) opens, is
brought to schema 4, keeps everything it held, and can record a meeting."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reflect_tui.core.supervision import MeetingInput
from reflect_tui.journal import Journal
from reflect_tui.journal.merge import read_state
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import database
from reflect_tui.vault.unlock import open_file

SCHEMA_3 = Path(__file__).parent.parent / "golden" / "vaults" / "schema-3.reflect"
PASSPHRASE = "schema three"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(SCHEMA_3, copy)  # never touch the checked-in file
    return copy


def _image_state(path: Path) -> tuple[object, list[tuple[object, ...]]]:
    _, _, image = open_file(path, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    deletions = conn.execute("SELECT uid, kind, rev, deleted FROM deletion").fetchall()
    return conn, deletions


def test_the_checked_in_vault_is_from_schema_3() -> None:
    conn, deletions = _image_state(SCHEMA_3)
    assert database.user_version(conn) == 3  # type: ignore[attr-defined]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}  # type: ignore[attr-defined]
    assert "supervision_meeting" not in tables and "deletion" in tables
    assert [kind for _, kind, _, _ in deletions] == ["fine_word"]


def test_a_schema_3_vault_opens_with_everything_it_held(old_vault: Path) -> None:
    before, deletions_before = _image_state(SCHEMA_3)
    with Journal.open(old_vault, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        sessions = journal.list_sessions()
        assert [s.set_title for s in sessions] == ["Identity", "End of day"]
        assert sessions[0].flagged
        answers = journal.session_answers(sessions[1].id)
        assert answers[0].text == "Being the only one who speaks Portuguese at home, and at work."
        assert answers[0].edited is not None and answers[1].flagged
        assert [a.text for a in journal.open_actions()] == ["Bring the rupture to supervision"]
        done = [a for a in journal.action_records() if a.status == ActionStatus.DONE]
        assert [(a.text, a.follow_up) for a in done] == [
            ("Ask about the interpreter earlier", "Asked on Monday.")
        ]
        assert journal.watch_words() == ["Riverside"] and journal.fine_words() == ["Bion"]
        assert journal.meetings() == [] and journal.last_meeting() is None
        # Every identity, version and deletion record is what schema 3 held.
        assert read_state(journal._conn)[1] == {
            uid: {"uid": uid, "kind": kind, "rev": rev, "deleted": deleted}
            for uid, kind, rev, deleted in deletions_before
        }
        for table in database.VERSIONED:
            old = before.execute(f"SELECT uid, rev, modified FROM {table} ORDER BY id").fetchall()  # type: ignore[attr-defined]
            new = journal._conn.execute(
                f"SELECT uid, rev, modified FROM {table} ORDER BY id"
            ).fetchall()
            assert old == new, table
        journal.add_meeting(
            MeetingInput(date(2026, 3, 4), 60, "individual", summary="First one recorded")
        )
    with JournalReader(old_vault, PASSPHRASE) as reader:
        [meeting] = reader.meetings()
        assert meeting.summary == "First one recorded" and meeting.counted_minutes == 60


def test_the_read_only_path_reads_a_schema_3_vault(old_vault: Path) -> None:
    with JournalReader(old_vault, PASSPHRASE) as reader:
        assert [r.set_title for r in reader.records()] == ["End of day", "Identity"]
        assert reader.meetings() == []
    assert old_vault.read_bytes() == SCHEMA_3.read_bytes(), "reading changes nothing"


def test_the_migrated_schema_is_the_fresh_one(old_vault: Path, tmp_path: Path) -> None:
    from reflect_tui.vault import crypto

    def schema(path: Path, passphrase: str) -> dict[str, list[tuple[object, ...]]]:
        with Journal.open(path, passphrase, write=False) as journal:
            conn = journal._conn
            return {
                t: sorted(r[1:4] for r in conn.execute(f"PRAGMA table_info({t})"))
                for t in ("supervision_meeting", "action_item")
            } | {
                "fks": sorted(r[2:] for r in conn.execute("PRAGMA foreign_key_list(action_item)")),
                "indexes": sorted(
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'index'"
                        " AND tbl_name IN ('supervision_meeting', 'action_item')"
                    )
                ),
            }

    fresh = tmp_path / "fresh.reflect"
    Journal.create(fresh, "fresh one", kdf=crypto.TEST_KDF).close()
    assert schema(old_vault, PASSPHRASE) == schema(fresh, "fresh one")
