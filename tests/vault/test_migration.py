"""A vault written by the previous release opens, is brought up to date, and keeps
everything it held (tests/golden/vaults/release-0.1.0.reflect, made by reflect 0.1.0)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import database
from tests.clocks import NEW_YORK, UTC_PLUS_14, SetClock

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

RELEASE_0_1 = Path(__file__).parent.parent / "golden" / "vaults" / "release-0.1.0.reflect"
PASSPHRASE = "previous release"


@pytest.fixture
def old_vault(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(RELEASE_0_1, copy)  # never touch the checked-in file
    return copy


def _schema(path: Path) -> int:
    with Journal.open(path, PASSPHRASE, write=False) as journal:
        return database.user_version(journal._conn)


def test_the_checked_in_vault_is_from_schema_1(old_vault: Path) -> None:
    from reflect_tui.vault.unlock import open_file

    _, _, image = open_file(old_vault, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    assert database.user_version(conn) == 1
    assert "utc_offset" not in {
        row[1] for row in conn.execute("PRAGMA table_info(reflection_session)")
    }


def test_a_release_0_1_vault_opens_with_everything_it_held(
    old_vault: Path, set_clock: SetClock
) -> None:
    # Release 0.1 showed the days in the computer's zone; a New York computer saw the
    # reflection begun at 23:50 on 4 March (04:50 UTC on the 5th) on the 4th.
    set_clock.zone(NEW_YORK)
    with Journal.open(old_vault, PASSPHRASE) as journal:
        sessions = journal.list_sessions()
        assert [s.set_title for s in sessions] == ["Identity", "End of day"]
        finished = sessions[1]
        assert finished.day == date(2026, 3, 4) and finished.utc_offset == -300
        answers = journal.session_answers(finished.id)
        assert [a.text for a in answers] == [
            "My accent, with J.",
            "4",
            "Ask about the interpreter earlier",
        ]
        assert answers[0].tag_list == ["language"] and answers[2].flagged and finished.flagged
        assert all(a.edited is None for a in answers), "changed within five minutes: no edit"
        assert [a.text for a in journal.open_actions()] == ["Ask about the interpreter earlier"]
        assert journal.watch_words() == ["Oakwood"]
        assert journal.fine_words() == [] and journal.add_fine_word("Winnicott")
        assert [h.prompt_text for h in journal.search("accent")] == [answers[0].prompt_text]
        unfinished = journal.unfinished_sessions()
        assert [s.set_title for s in unfinished] == ["Identity"]
        assert journal.session_answers(unfinished[0].id or 0)[0].text == "Unfinished thought"
        journal.flag_session(finished.id, False)
    assert _schema(old_vault) == database.SCHEMA_VERSION
    set_clock.zone(UTC_PLUS_14)  # the day was fixed by the migration: it no longer moves
    with Journal.open(old_vault, PASSPHRASE) as journal:
        assert journal.list_sessions()[1].day == date(2026, 3, 4)


def test_the_read_only_export_path_reads_a_release_0_1_vault(
    old_vault: Path, set_clock: SetClock
) -> None:
    set_clock.zone(NEW_YORK)
    with JournalReader(old_vault, PASSPHRASE) as reader:
        records = reader.records(date(2026, 3, 4), date(2026, 3, 4))
    assert [r.set_title for r in records] == ["End of day"]
    assert records[0].utc_offset == -300
    assert old_vault.read_bytes() == RELEASE_0_1.read_bytes(), "reading changes nothing"


def test_an_answer_changed_later_in_release_0_1_still_shows_as_edited(
    old_vault: Path, set_clock: SetClock
) -> None:
    with Journal.open(old_vault, PASSPHRASE) as journal:
        [unfinished] = journal.unfinished_sessions()
        [answer] = journal.session_answers(unfinished.id or 0)
        assert answer.edited is None
    # Release 0.1 marked an answer "Edited" when it changed more than five minutes after
    # it was written; the migration keeps that mark.
    from reflect_tui.vault.unlock import open_file

    _, _, image = open_file(RELEASE_0_1, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    conn.execute("UPDATE answer SET updated = '2026-03-05T05:30:00.000000+00:00' WHERE id = 1")
    database.migrate(conn)
    edited = conn.execute("SELECT edited, updated FROM answer WHERE id = 1").fetchone()
    assert edited[0] == edited[1]
    assert conn.execute("SELECT COUNT(*) FROM answer WHERE edited IS NOT NULL").fetchone()[0] == 1


def test_opening_a_release_0_1_vault_for_writing_saves_it_migrated(
    old_vault: Path, set_clock: SetClock
) -> None:
    set_clock.zone(NEW_YORK)
    with Journal.open(old_vault, PASSPHRASE):
        pass  # no change at all
    assert _schema(old_vault) == database.SCHEMA_VERSION
    set_clock.zone(UTC_PLUS_14)  # the zone the migration chose is on disk: days stay
    with Journal.open(old_vault, PASSPHRASE, write=False) as journal:
        assert journal.list_sessions()[1].day == date(2026, 3, 4)
