"""The vault release 0.2.0 writes (tests/golden/vaults/release-0.2.0.reflect, with its
script) opens in this release with everything it held: kept here so the next schema
change has a file made by the previous release to migrate."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from reflect_tui.core.supervision import MeetingInput
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import database
from reflect_tui.vault.unlock import open_file

RELEASE_0_2_0 = Path(__file__).parent.parent / "golden" / "vaults" / "release-0.2.0.reflect"
PASSPHRASE = "release two"


def test_the_checked_in_vault_is_schema_4() -> None:
    _, _, image = open_file(RELEASE_0_2_0, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    assert database.user_version(conn) == 4


def test_a_release_0_2_0_vault_opens_with_its_reflections_and_meetings(tmp_path: Path) -> None:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(RELEASE_0_2_0, copy)  # never touch the checked-in file
    with Journal.open(copy, PASSPHRASE) as journal:
        assert len(journal.list_sessions()) == 2
        assert journal.watch_words() == ["Riverside"] and journal.fine_words() == ["Bion"]
        meetings = journal.meetings()
        assert sorted(m.day for m in meetings) == [date(2026, 3, 4), date(2026, 3, 18)]
        assert {m.minutes for m in meetings} == {60, 90}
        assert "Book the interpreter for R." in [a.text for a in journal.open_actions()]
    with JournalReader(copy, PASSPHRASE) as reader:
        assert len(reader.records()) == 2


def test_a_release_0_2_0_vault_gains_the_discussed_mark_and_keeps_it(tmp_path: Path) -> None:
    """Schema 5: every answer starts as not yet discussed; what the flagged answers of
    release 0.2.0 were is offered to a new meeting, and a mark survives closing."""
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(RELEASE_0_2_0, copy)
    with Journal.open(copy, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        assert all(a.discussed_on is None for s in journal.records() for a in s.answers)
        waiting = journal.prepared_items(date(2026, 3, 31))
        assert "Ask about the interpreter earlier" in [item.opening for item in waiting]
        meeting = journal.meetings()[-1]
        assert meeting.id is not None
        journal.edit_meeting(
            meeting.id,
            MeetingInput(
                day=meeting.day,
                minutes=meeting.minutes,
                format=meeting.format,
                who=meeting.who,
                summary=meeting.summary,
            ),
            discussed=[item.answer_id for item in waiting],
        )
    with JournalReader(copy, PASSPHRASE) as reader:
        marked = {a.text for s in reader.records() for a in s.answers if a.discussed_on}
    assert "Ask about the interpreter earlier" in marked
