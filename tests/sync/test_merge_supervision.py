"""Supervision meetings recorded on two devices merge without loss (``reflect merge``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reflect_tui.core.supervision import MeetingInput
from reflect_tui.journal import Journal
from reflect_tui.journal.models import ActionStatus
from tests.conftest import PASSPHRASE
from tests.sync.devices import content, two_devices


def _meeting(day: date, summary: str, *will_do: str, brought: str = "") -> MeetingInput:
    return MeetingInput(day, 60, "individual", summary=summary, will_do=will_do, brought=brought)


def test_meetings_from_two_devices_merge_without_loss(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.add_meeting(_meeting(date(2026, 3, 2), "On the laptop", "Read Casement"))
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.add_meeting(_meeting(date(2026, 3, 4), "On the desktop", "Book a slot"))
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        meetings = journal.meetings()
        assert [m.summary for m in meetings] == ["On the laptop", "On the desktop"]
        assert [[a.text for a in m.actions] for m in meetings] == [
            ["Read Casement"],
            ["Book a slot"],
        ]
        assert {a.text for a in journal.open_actions()} >= {"Read Casement", "Book a slot"}
    assert summary.added == {"supervision_meeting": 1, "action_item": 1}
    assert "1 supervision meeting" in summary.lines()[0]
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.merge_from(laptop)
    assert content(laptop) == content(desktop), "A into B is B into A"


def test_one_meeting_edited_on_both_devices_keeps_both_texts(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        meeting_id = journal.add_meeting(_meeting(date(2026, 3, 2), "Shared", "Book a slot"))
    desktop.write_bytes(laptop.read_bytes())
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.edit_meeting(
            meeting_id, _meeting(date(2026, 3, 2), "Shared", "Book a slot", brought="Laptop words")
        )
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.edit_meeting(
            meeting_id, _meeting(date(2026, 3, 2), "Shared", "Book a slot", brought="Desktop words")
        )
        [action] = journal.open_actions()[-1:]
        journal.update_action(action.id or 0, status=ActionStatus.DONE, follow_up="Booked.")
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.merge_from(desktop)
        [meeting] = journal.meetings()
    assert "Laptop words" in meeting.brought and "Desktop words" in meeting.brought
    assert [(a.text, a.status, a.follow_up) for a in meeting.actions] == [
        ("Book a slot", "done", "Booked.")
    ]


def test_a_meeting_deleted_on_one_device_is_deleted_in_the_merge(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        meeting_id = journal.add_meeting(_meeting(date(2026, 3, 2), "Gone", "Book a slot"))
    desktop.write_bytes(laptop.read_bytes())
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.delete_meeting(meeting_id)
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        assert journal.meetings() == []
        assert "Book a slot" not in {a.text for a in journal.open_actions()}
    assert summary.deleted == {"supervision_meeting": 1, "action_item": 1}


def test_what_a_meeting_took_up_stays_taken_up_after_a_merge(tmp_path: Path) -> None:
    """The laptop records a meeting that took up the shared answer, while the desktop
    edits that answer: the merged journal keeps the edit, the meeting and the mark."""
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        session_id = journal.list_sessions()[0].id
        answer_id = journal.session_answers(session_id)[0].id or 0
        journal.flag_answer(answer_id, True)
    shutil.copyfile(laptop, desktop)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.add_meeting(_meeting(date(2026, 3, 2), "Took it up"), discussed=[answer_id])
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.edit_answer(answer_id, "The shared start, rewritten on the desktop.")
    for into, other in ((desktop, laptop), (laptop, desktop)):
        with Journal.open(into, PASSPHRASE) as journal:
            journal.merge_from(other)
            [answer] = [a for s in journal.records() for a in s.answers if a.flagged]
            assert answer.discussed_on == date(2026, 3, 2)
            assert "rewritten on the desktop" in answer.text
            assert journal.prepared_items(date(2026, 3, 5)) == []
    assert content(laptop) == content(desktop)


@pytest.mark.parametrize("laptop_does", ["edits the answer", "ticks it again"])
def test_an_answer_a_deleted_meeting_took_up_waits_again_after_a_merge(
    tmp_path: Path, laptop_does: str
) -> None:
    """The desktop deletes the meeting (what it took up waits again) while the laptop
    edits the answer it took up, or saves the meeting again with it ticked: in the merge
    the answer is waiting again, offered to the next meeting and counted, not left
    marked by a meeting that no longer exists."""
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        session_id = journal.list_sessions()[0].id
        answer_id = journal.session_answers(session_id)[0].id or 0
        journal.flag_answer(answer_id, True)
        meeting_id = journal.add_meeting(
            _meeting(date(2026, 3, 2), "Took it up"), discussed=[answer_id]
        )
    shutil.copyfile(laptop, desktop)
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.delete_meeting(meeting_id)
    with Journal.open(laptop, PASSPHRASE) as journal:
        if laptop_does == "edits the answer":
            journal.edit_answer(answer_id, "The shared start, rewritten on the laptop.")
        else:
            journal.edit_meeting(meeting_id, _meeting(date(2026, 3, 2), "Took it up"), discussed=[])
            journal.edit_meeting(
                meeting_id, _meeting(date(2026, 3, 2), "Took it up"), discussed=[answer_id]
            )
    for into, other in ((desktop, laptop), (laptop, desktop)):
        with Journal.open(into, PASSPHRASE) as journal:
            journal.merge_from(other)
            assert journal.meetings() == []
            assert [i.answer_id for i in journal.prepared_items(date(2026, 3, 5))] == [answer_id]
            assert journal.waiting_count(date(2026, 3, 5)) == 1
    assert content(laptop) == content(desktop)
