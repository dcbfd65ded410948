"""Recording supervision meetings: the rules every way in shares, and the journal's
add, edit, delete and list (actions agreed become open actions like any other)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflect_tui.core.supervision import (
    MeetingInput,
    MeetingProblem,
    checked_input,
    counted,
    parse_lines,
)
from reflect_tui.journal import Journal, NotFound
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.reader import JournalReader
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 5)


def _meeting(**changes: object) -> MeetingInput:
    values: dict[str, object] = {
        "day": date(2026, 3, 3),
        "minutes": 90,
        "format": "group",
        "who": "clinical lead",
        "brought": "The rupture with a client",
        "took_away": "Repair is possible",
        "will_do": ("Name the rupture next session", "Read about repair"),
        "functions": ("formative", "restorative"),
        "summary": "Rupture and repair",
    }
    return MeetingInput(**(values | changes))  # type: ignore[arg-type]


def test_group_time_counts_its_share_and_other_time_counts_whole() -> None:
    assert counted(90, "group", 0.5) == 45
    assert counted(90, "group", 1 / 3) == 30
    assert counted(90, "individual", 0.5) == 90 and counted(50, "peer", 0.5) == 50


def test_the_line_format_reads_keys_and_continued_lines() -> None:
    text = """# after Tuesday's supervision
date: 2026-03-03
minutes: 60
format: peer
with: JM
will do: - Ask the team about cover
  - Book a longer slot
functions: norm, rest
summary: Workload
"""
    meeting = checked_input(parse_lines(text), TODAY)
    assert (meeting.day, meeting.minutes, meeting.format, meeting.who) == (
        date(2026, 3, 3),
        60,
        "peer",
        "JM",
    )
    assert meeting.will_do == ("Ask the team about cover", "Book a longer slot")
    assert meeting.functions == ("normative", "restorative")


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"minutes": "an hour", "summary": "x"}, "whole number"),
        ({"minutes": "0", "summary": "x"}, "between 1 and"),
        ({"minutes": "60", "date": "2026-03-06", "summary": "x"}, "in the future"),
        ({"minutes": "60", "date": "3rd March", "summary": "x"}, "must look like"),
        ({"minutes": "60", "format": "team", "summary": "x"}, "individual, group or peer"),
        ({"minutes": "60", "functions": "supportive", "summary": "x"}, "normative, formative"),
        ({"minutes": "60"}, "The meeting is empty"),
        ({"summary": "x"}, "length in minutes"),
    ],
)
def test_bad_input_is_one_clear_sentence(values: dict[str, str], said: str) -> None:
    with pytest.raises(MeetingProblem) as caught:
        checked_input(values, TODAY)
    message = str(caught.value)
    assert said in message and message.endswith("nothing was saved.")
    assert message.count(". ") == 0, "one sentence"


def test_a_line_without_a_key_is_refused() -> None:
    with pytest.raises(MeetingProblem, match="Each line starts with one of"):
        parse_lines("We talked about the rupture\nminutes: 60")


def test_a_meeting_is_stored_with_its_actions_open(journal: Journal, vault_path: Path) -> None:
    meeting_id = journal.add_meeting(_meeting(), group_share=0.5)
    [meeting] = journal.meetings()
    assert meeting.id == meeting_id and meeting.counted_minutes == 45 and meeting.minutes == 90
    assert meeting.functions == ("formative", "restorative") and meeting.who == "clinical lead"
    assert [a.text for a in journal.open_actions()] == [
        "Name the rupture next session",
        "Read about repair",
    ]
    assert all(a.meeting_id == meeting_id and a.answer_id is None for a in journal.open_actions())
    journal.close()
    with JournalReader(vault_path, PASSPHRASE) as reader:  # saved, and read without the ORM
        [again] = reader.meetings()
        assert again == meeting
        assert [a.status for a in again.actions] == ["open", "open"]


def test_meetings_list_by_period_and_the_last_one(journal: Journal) -> None:
    journal.add_meeting(_meeting(day=date(2026, 2, 10), summary="February"))
    journal.add_meeting(_meeting(day=date(2026, 3, 3), summary="March"))
    journal.add_meeting(_meeting(day=date(2026, 1, 20), summary="January"))
    assert [m.summary for m in journal.meetings()] == ["January", "February", "March"]
    assert [m.summary for m in journal.meetings(date(2026, 2, 1), date(2026, 2, 28))] == [
        "February"
    ]
    assert (last := journal.last_meeting()) is not None and last.summary == "March"
    assert (earlier := journal.last_meeting(date(2026, 3, 1))) is not None
    assert earlier.summary == "February"


def test_an_action_from_a_meeting_is_followed_up_like_any_other(journal: Journal) -> None:
    journal.add_meeting(_meeting(will_do=("Book a longer slot",)))
    [action] = journal.open_actions()
    journal.update_action(action.id or 0, status=ActionStatus.DONE, follow_up="Booked for April.")
    assert journal.open_actions() == []
    [meeting] = journal.meetings()
    assert [(a.status, a.follow_up) for a in meeting.actions] == [("done", "Booked for April.")]


def test_editing_a_meeting_keeps_closed_actions_and_follows_the_lines(journal: Journal) -> None:
    meeting_id = journal.add_meeting(_meeting(will_do=("A", "B")))
    [a, _] = journal.open_actions()
    journal.update_action(a.id or 0, status=ActionStatus.DONE)
    journal.edit_meeting(
        meeting_id, _meeting(will_do=("C",), format="individual", minutes=50), group_share=0.5
    )
    [meeting] = journal.meetings()
    assert meeting.counted_minutes == 50
    assert sorted((x.text, x.status) for x in meeting.actions) == [("A", "done"), ("C", "open")]


def test_rewording_an_open_action_keeps_its_follow_up_note(journal: Journal) -> None:
    """Correcting a "will do" line in a meeting changes the action in place: the note
    written on it since (from Home) stays with it, and it stays the same action."""
    meeting_id = journal.add_meeting(_meeting(will_do=("Book interpeter", "Read Casement")))
    [first, second] = journal.open_actions()
    journal.update_action(first.id or 0, follow_up="Called the service; waiting to hear.")
    journal.edit_meeting(
        meeting_id, _meeting(will_do=("Book an interpreter", "Read Casement", "Ask about pace"))
    )
    [meeting] = journal.meetings()
    assert [(a.text, a.follow_up) for a in meeting.actions] == [
        ("Book an interpreter", "Called the service; waiting to hear."),
        ("Read Casement", ""),
        ("Ask about pace", ""),
    ]
    assert [a.id for a in journal.open_actions()][:2] == [first.id, second.id]


def test_deleting_a_meeting_removes_it_and_its_actions(journal: Journal) -> None:
    meeting_id = journal.add_meeting(_meeting())
    journal.delete_meeting(meeting_id)
    assert journal.meetings() == [] and journal.open_actions() == []
    assert not journal._conn.execute(
        "SELECT 1 FROM action_item WHERE text LIKE '%rupture%'"
    ).fetchall()
    with pytest.raises(NotFound):
        journal.delete_meeting(meeting_id)


@pytest.mark.parametrize("who", ["Jane Smith", "Dr Maria Gonzalez", "jane@clinic.org", "Oakwood"])
def test_who_must_be_a_role_or_initials(journal: Journal, who: str) -> None:
    journal.add_watch_word("Oakwood")
    with pytest.raises(MeetingProblem, match="give a role or initials"):
        journal.add_meeting(_meeting(who=who))
    assert journal.meetings() == [] and journal.open_actions() == []


@pytest.mark.parametrize("who", ["clinical lead", "JM", "peer group", ""])
def test_a_role_or_initials_is_taken(journal: Journal, who: str) -> None:
    journal.add_meeting(_meeting(who=who))
    assert [m.who for m in journal.meetings()] == [who]


@pytest.mark.parametrize(
    "who",
    [
        "Sam",
        "my supervisor Mateo",
        "Dr Okafor",
        "Grace",
        "Jane Smith",
        "peer group (Tomasz)",
        # Given names that are also dictionary words ("maria": seas on the moon).
        "my supervisor Maria",
        "John",
        "Peter",
    ],
)
def test_who_refuses_a_single_given_name_as_well_as_a_full_one(who: str) -> None:
    from reflect_tui.export.supervision_check import check_who

    with pytest.raises(MeetingProblem, match="looks like a name") as refused:
        check_who(who)
    assert refused.value.field == "with"


@pytest.mark.parametrize(
    "who",
    [
        "clinical lead",
        "Clinical Lead",
        "JM",
        "J.M.",
        "Dr",
        "CAMHS team lead",
        "peer group",
        # Supervision formats and schools named after a person are not a person.
        "Balint group",
        "Kleinian supervisor",
        "Lacanian group",
    ],
)
def test_who_takes_roles_initials_and_acronyms(who: str) -> None:
    from reflect_tui.export.supervision_check import check_who

    check_who(who)


def test_a_word_marked_fine_or_written_in_lower_case_is_taken() -> None:
    from reflect_tui.export.supervision_check import check_who

    with pytest.raises(MeetingProblem):
        check_who("Brackwell group")
    check_who("Brackwell group", fine_words=["brackwell"])
    check_who("brackwell group")
