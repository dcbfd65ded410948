"""A schema-2 vault (tests/golden/vaults/schema-2.reflect, made by the code before sync
identities, with its script beside it) opens, is brought to schema 3, and keeps
everything it held; two devices that migrate the same file agree on its identities."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import database
from reflect_tui.vault.unlock import open_file

SCHEMA_2 = Path(__file__).parent.parent / "golden" / "vaults" / "schema-2.reflect"
PASSPHRASE = "schema two"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(SCHEMA_2, copy)  # never touch the checked-in file
    return copy


def _uids(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with Journal.open(path, PASSPHRASE, write=False) as journal:
        conn = journal._conn
        return {
            table: conn.execute(f"SELECT uid, rev, modified FROM {table} ORDER BY id").fetchall()
            for table in database.VERSIONED
        }


def test_the_checked_in_vault_is_from_schema_2() -> None:
    _, _, image = open_file(SCHEMA_2, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    assert database.user_version(conn) == 2
    assert "uid" not in {row[1] for row in conn.execute("PRAGMA table_info(answer)")}


def test_a_schema_2_vault_opens_with_everything_it_held(old_vault: Path) -> None:
    with Journal.open(old_vault, PASSPHRASE) as journal:
        sessions = journal.list_sessions()
        assert [s.set_title for s in sessions] == ["Identity", "End of day"]
        assert sessions[0].flagged and sessions[1].utc_offset == 60
        answers = journal.session_answers(sessions[1].id)
        assert [a.text for a in answers] == [
            "Being the youngest in the room, and the only one without a title.",
            "Name the age gap out loud",
        ]
        assert answers[0].tag_list == ["age", "power"] and answers[0].edited is not None
        assert answers[1].flagged
        assert journal.open_actions() == []
        [action] = journal.action_records()
        assert action.status == ActionStatus.DONE and action.follow_up == "Did it on Friday."
        assert journal.watch_words() == ["Oakwood"] and journal.fine_words() == ["Winnicott"]
        assert [h.prompt_text for h in journal.search("youngest")] == [answers[0].prompt_text]
        # Every row has an identity of its own, and a version named after its content
        # (so an edit made meanwhile on a device still on schema 2 is told apart).
        for table, rows in _uids_of(journal).items():
            assert rows and len({uid for uid, _ in rows}) == len(rows), table
            assert all(
                len(uid) == 32 and re.fullmatch(r'\{"v2:[0-9a-f]{12}":1\}', rev)
                for uid, rev in rows
            ), table
        journal.edit_answer(answers[0].id or 0, "Changed after the upgrade.")
    with Journal.open(old_vault, PASSPHRASE, write=False) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        [answer, _] = journal.session_answers(journal.list_sessions()[1].id)
        assert answer.text == "Changed after the upgrade." and answer.rev != "{}"


def _uids_of(journal: Journal) -> dict[str, list[tuple[str, str]]]:
    return {
        table: journal._conn.execute(f"SELECT uid, rev FROM {table}").fetchall()
        for table in database.VERSIONED
    }


def test_the_read_only_path_reads_a_schema_2_vault(old_vault: Path) -> None:
    with JournalReader(old_vault, PASSPHRASE) as reader:
        assert [r.set_title for r in reader.records()] == ["End of day", "Identity"]
    assert old_vault.read_bytes() == SCHEMA_2.read_bytes(), "reading changes nothing"


def test_two_devices_migrating_the_same_file_give_it_the_same_identities(
    old_vault: Path, tmp_path: Path
) -> None:
    other = tmp_path / "desktop" / "journal.reflect"
    other.parent.mkdir()
    shutil.copyfile(SCHEMA_2, other)
    Journal.open(old_vault, PASSPHRASE).close()  # each device saves its migrated copy
    Journal.open(other, PASSPHRASE).close()
    assert _uids(old_vault) == _uids(other)


def test_a_device_still_on_schema_2_merges_without_doubling_anything(
    old_vault: Path, tmp_path: Path
) -> None:
    # The desktop still runs the old release: its copy of the file is schema 2, with an
    # edit of its own. The laptop upgraded; merging finds the same rows by identity.
    desktop = tmp_path / "journal.sync-conflict-20260305-084700-ABCDEF7.reflect"
    shutil.copyfile(SCHEMA_2, desktop)
    with Journal.open(old_vault, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        assert not summary.changed
        assert len(journal.list_sessions()) == 2 and journal.watch_words() == ["Oakwood"]
        assert journal.copies_to_merge() == []  # merged once: not offered again


def _edit_as_schema_2(path: Path, *statements: str) -> None:
    """What a device still on schema 2 does: change the file's rows and save it, without
    ever migrating it (the old release's save, done here by hand)."""
    import sqlite3

    from reflect_tui.vault import container, crypto, unlock

    header, data_key, image = unlock.open_file(path, PASSPHRASE)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(image)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    image = conn.serialize()
    header = header.evolve(
        seed=crypto.random_bytes(crypto.SEED_LEN),
        nonce=crypto.random_bytes(crypto.NONCE_LEN),
        generation=header.generation + 1,
        body_len=crypto.sealed_len(len(image)),
    )
    chunks = crypto.encrypt_body(data_key, header.seed, header.nonce, image, header.body_ad())
    container.write_atomic(path, (header.pack(), *chunks), previous_generation=None)


def test_an_edit_made_on_a_device_still_on_schema_2_is_kept_in_a_merge(
    old_vault: Path, tmp_path: Path
) -> None:
    # The desktop keeps the old release a week longer and changes an answer and a flag;
    # the laptop upgraded and changed the same answer. Nothing either wrote may be lost.
    desktop = tmp_path / "journal.sync-conflict-20260310-190000-DESKTOP.reflect"
    shutil.copyfile(SCHEMA_2, desktop)
    _edit_as_schema_2(
        desktop,
        "UPDATE answer SET text = 'Being the youngest, and the only one without a car.'"
        " WHERE prompt_id = 'identity-today'",
        "UPDATE reflection_session SET flagged = 1",
    )
    with Journal.open(old_vault, PASSPHRASE, write=True) as laptop:
        [session] = [s for s in laptop.list_sessions() if s.set_id == "end-of-day"][:1]
        first = next(a for a in laptop.session_answers(session.id) if a.position == 0)
        laptop.edit_answer(first.id, "Being the youngest in the room, again.")
        laptop.merge_from(desktop)
        merged = next(a for a in laptop.session_answers(session.id) if a.position == 0)
        assert "again." in merged.text and "without a car" in merged.text
        assert next(s for s in laptop.list_sessions() if s.id == session.id).flagged
