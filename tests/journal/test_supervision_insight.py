"""Insight's supervision numbers: counted minutes per month over twelve months (group
time by its share), months meeting the target, prepared answers no meeting took up."""

from __future__ import annotations

from datetime import date

from reflect_tui.core.supervision import MeetingInput, MeetingRecord
from reflect_tui.journal import Journal
from reflect_tui.journal.supervision_insight import gather, monthly
from tests.ui.test_history_fixtures import make_session


def test_twelve_months_oldest_first_across_a_year_end() -> None:
    meetings = [
        MeetingRecord(date(2026, 1, 5), 60, counted_minutes=60),
        MeetingRecord(date(2026, 1, 20), 90, "group", counted_minutes=45),
        MeetingRecord(date(2025, 2, 27), 60, counted_minutes=60),  # thirteen months ago
        MeetingRecord(date(2025, 3, 1), 50, counted_minutes=50),
    ]
    months = monthly(meetings, date(2026, 2, 14))
    assert [m.month for m in months][:2] == [date(2025, 3, 1), date(2025, 4, 1)]
    assert months[-1].month == date(2026, 2, 1) and len(months) == 12
    assert (months[0].counted, months[0].meetings) == (50, 1)
    assert (months[-2].counted, months[-2].meetings) == (105, 2)
    assert months[-1].counted == 0


def test_the_panel_counts_target_months_and_prepared_answers_waiting(
    journal: Journal,
) -> None:
    journal.import_records(
        [
            make_session(date(2026, 2, 2), ["before"], flagged=True),
            make_session(date(2026, 3, 2), ["after"], flagged=True),
            make_session(date(2026, 3, 3), ["after, not flagged"]),
        ]
    )
    empty = gather(journal, 90, date(2026, 3, 5))
    # Each flagged reflection brings its two answers (the text and the ease scale).
    assert empty.last_meeting is None and empty.waiting == 4 and empty.months_met == 0
    journal.add_meeting(MeetingInput(date(2026, 2, 10), 120, "group", summary="x"))
    before = journal.prepared_items(date(2026, 3, 1))
    assert {i.day for i in before} == {date(2026, 2, 2)}
    journal.add_meeting(
        MeetingInput(date(2026, 3, 1), 90, "individual", summary="y"),
        discussed=[i.answer_id for i in before],
    )
    seen = gather(journal, 90, date(2026, 3, 5))
    assert [m.counted for m in seen.months[-2:]] == [60, 90]
    assert seen.months_met == 1 and seen.last_meeting == date(2026, 3, 1)
    assert seen.waiting == 2, "what the meeting took up no longer waits"
