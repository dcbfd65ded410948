"""What was prepared for supervision and a meeting took up (schema 5): the list a
meeting offers, the mark it leaves ("taken to supervision on ..."), and the next
preparation leaving it out unless asked."""

from __future__ import annotations

from datetime import UTC, date, datetime

from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.core.supervision import MeetingInput
from reflect_tui.export.selection import Selection, select
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.journal.supervision_records import MOST_PREPARED
from tests.conftest import PASSPHRASE


def _answer(position: int, text: str, **changes: object) -> AnswerRecord:
    values: dict[str, object] = {
        "prompt_id": f"p{position}",
        "prompt_text": f"Prompt {position}",
        "text": text,
        "position": position,
    }
    return AnswerRecord(**(values | changes))  # type: ignore[arg-type]


def _session(day: int, *answers: AnswerRecord, flagged: bool = False) -> SessionRecord:
    return SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=datetime(2026, 3, day, 18, tzinfo=UTC),
        utc_offset=0,
        flagged=flagged,
        answers=answers,
    )


def _meeting(day: date, summary: str = "Rupture and repair") -> MeetingInput:
    return MeetingInput(day=day, minutes=60, format="individual", summary=summary)


def _fill(journal: Journal) -> None:
    journal.import_records(
        [
            _session(
                2, _answer(0, "Flagged on the second", flagged=True), _answer(1, "Not flagged")
            ),
            _session(3, _answer(0, "In a flagged reflection"), flagged=True),
            _session(
                4,
                _answer(0, "A question for supervision", topic="question"),
                _answer(1, "", flagged=True),  # empty: nothing to discuss
                _answer(2, "Skipped", flagged=True, skipped=True),
                _answer(3, "Tagged as a question", tags=("question",)),
            ),
            _session(9, _answer(0, "Flagged after the meeting", flagged=True)),
        ]
    )


def _openings(journal: Journal, day: date, meeting_id: int | None = None) -> list[str]:
    return [item.opening for item in journal.prepared_items(day, meeting_id)]


def test_a_meeting_offers_what_was_prepared_up_to_its_day_newest_first(journal: Journal) -> None:
    _fill(journal)
    assert _openings(journal, date(2026, 3, 5)) == [
        "A question for supervision",
        "Tagged as a question",
        "In a flagged reflection",
        "Flagged on the second",
    ]
    assert _openings(journal, date(2026, 3, 9))[0] == "Flagged after the meeting"
    assert journal.prepared_items(date(2026, 3, 1)) == []


def test_what_a_meeting_took_up_is_marked_and_left_out_of_the_next_preparation(
    journal: Journal,
) -> None:
    _fill(journal)
    items = {i.opening: i.answer_id for i in journal.prepared_items(date(2026, 3, 5))}
    taken = [items["Flagged on the second"], items["A question for supervision"]]
    journal.add_meeting(_meeting(date(2026, 3, 5)), discussed=taken)

    assert _openings(journal, date(2026, 3, 9)) == [
        "Flagged after the meeting",
        "Tagged as a question",
        "In a flagged reflection",
    ]
    answers = {a.text: a for s in journal.records() for a in s.answers}
    assert answers["Flagged on the second"].discussed_on == date(2026, 3, 5)
    assert answers["A question for supervision"].discussed_on == date(2026, 3, 5)
    assert answers["In a flagged reflection"].discussed_on is None

    flagged = select(journal.records(), Selection(flagged_only=True))
    chosen = [a.text for s in flagged for a in s.answers]
    assert "Flagged on the second" not in chosen and "A question for supervision" not in chosen
    assert "In a flagged reflection" in chosen and "Flagged after the meeting" in chosen
    everything = select(journal.records(), Selection(flagged_only=True, include_discussed=True))
    assert "Flagged on the second" in [a.text for s in everything for a in s.answers]
    # Without --flagged nothing is left out: a whole-journal export loses nothing.
    assert "Flagged on the second" in [
        a.text for s in select(journal.records(), Selection()) for a in s.answers
    ]


def test_the_mark_is_kept_in_the_vault_and_read_without_the_orm(
    journal: Journal, vault_path: object
) -> None:
    _fill(journal)
    first = journal.prepared_items(date(2026, 3, 5))[-1]
    journal.add_meeting(_meeting(date(2026, 3, 5)), discussed=[first.answer_id])
    journal.close()
    with JournalReader(journal.path, PASSPHRASE) as reader:
        marked = [a for s in reader.records() for a in s.answers if a.discussed_on]
    assert [(a.text, a.discussed_on) for a in marked] == [
        ("Flagged on the second", date(2026, 3, 5))
    ]


def test_changing_a_meeting_shows_its_ticks_and_replaces_them(journal: Journal) -> None:
    _fill(journal)
    items = {i.opening: i.answer_id for i in journal.prepared_items(date(2026, 3, 5))}
    meeting_id = journal.add_meeting(
        _meeting(date(2026, 3, 5)), discussed=[items["Flagged on the second"]]
    )
    shown = {i.opening: i.discussed for i in journal.prepared_items(date(2026, 3, 5), meeting_id)}
    assert shown["Flagged on the second"] is True and shown["In a flagged reflection"] is False

    journal.edit_meeting(
        meeting_id, _meeting(date(2026, 3, 5)), discussed=[items["In a flagged reflection"]]
    )
    assert "Flagged on the second" in _openings(journal, date(2026, 3, 5))
    assert "In a flagged reflection" not in _openings(journal, date(2026, 3, 5))
    journal.edit_meeting(meeting_id, _meeting(date(2026, 3, 5), "Changed"))  # ticks untouched
    assert "In a flagged reflection" not in _openings(journal, date(2026, 3, 5))


def test_deleting_a_meeting_puts_what_it_took_up_back_in_waiting(journal: Journal) -> None:
    _fill(journal)
    items = journal.prepared_items(date(2026, 3, 5))
    meeting_id = journal.add_meeting(
        _meeting(date(2026, 3, 5)), discussed=[i.answer_id for i in items]
    )
    assert journal.prepared_items(date(2026, 3, 5)) == []
    journal.delete_meeting(meeting_id)
    assert [i.opening for i in journal.prepared_items(date(2026, 3, 5))] == [
        i.opening for i in items
    ]
    assert all(a.discussed_on is None for s in journal.records() for a in s.answers)


def test_changing_a_meeting_offers_all_it_took_up_however_much_else_waits(
    journal: Journal,
) -> None:
    """The list is capped (the newest waiting items), but what the meeting took up is
    always in it, ticked (though unflagged since): saving the change as shown keeps
    every one of its marks."""
    oldest = _session(1, _answer(0, "The oldest, taken up", flagged=True))
    newer = [
        SessionRecord(
            set_id="end-of-day",
            set_title="End of day",
            started=datetime(2026, 3, 2 + n // 10, 8 + n % 10, tzinfo=UTC),
            utc_offset=0,
            answers=(_answer(0, f"Waiting {n}", flagged=True),),
        )
        for n in range(MOST_PREPARED)
    ]
    journal.import_records([oldest, *newer])
    day = date(2026, 3, 20)
    [taken] = journal.prepared_items(date(2026, 3, 1))
    meeting_id = journal.add_meeting(_meeting(day), discussed=[taken.answer_id])
    journal.flag_answer(taken.answer_id, False)  # discussed, so no longer flagged

    shown = journal.prepared_items(day, meeting_id)
    assert len([i for i in shown if not i.discussed]) == MOST_PREPARED
    assert [i.opening for i in shown if i.discussed] == ["The oldest, taken up"]
    assert shown[-1].opening == "The oldest, taken up", "newest first, as the others"
    journal.edit_meeting(
        meeting_id, _meeting(day), discussed=[i.answer_id for i in shown if i.discussed]
    )
    assert [i.opening for i in journal.discussed_in(meeting_id)] == ["The oldest, taken up"]
