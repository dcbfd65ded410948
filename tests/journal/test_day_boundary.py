"""Which day a reflection counts toward (README: "Which day a reflection counts toward").

The rule: a reflection belongs to the local date on which it was begun, in the zone the
clinician was in then. Home's strip, Insight, History's date filter and an export's date
range all use that day; History lists reflections by the instant they were begun. Every
test here runs in every zone and at every hour of ``tests/clocks.py``'s matrix.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta

import pytest

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import Selection, plan_export
from reflect_tui.journal import Journal, insight
from tests.clocks import UTC_PLUS_14, SetClock

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

TOKYO = "<+09>-9"


def _counted_on(journal: Journal, day: date) -> None:
    """The one reflection in ``journal`` counts toward ``day``, and only ``day``, everywhere."""
    [summary] = journal.list_sessions()
    assert summary.day == day
    week = timedelta(days=7)
    assert journal.reflection_days(day - week) == {day}
    assert [s.id for s in journal.list_sessions(start=day, end=day)] == [summary.id]
    assert journal.list_sessions(start=day + timedelta(days=1)) == []
    assert journal.list_sessions(end=day - timedelta(days=1)) == []
    assert len(journal.records(day, day)) == 1
    assert journal.records(day + timedelta(days=1), None) == []
    assert journal.records(None, day - timedelta(days=1)) == []
    plan = plan_export(journal.records(), journal.action_records(), Selection(start=day, end=day))
    assert len(plan.sessions) == 1
    assert plan_export(journal.records(), [], Selection(end=day - timedelta(days=1))).sessions == ()


def test_begun_at_23_50_and_finished_at_00_10_counts_toward_the_first_day(
    journal: Journal, any_clock: SetClock
) -> None:
    day = clock.today()
    any_clock.set(datetime.combine(day, time(23, 50)))
    session = journal.start_session("end-of-day", 1, "End of day")
    sid = session.id or 0
    journal.save_answer(sid, prompt_id="p", prompt_text="?", text="first words")
    any_clock.advance(timedelta(minutes=20))
    assert clock.today() == day + timedelta(days=1)
    journal.save_answer(sid, prompt_id="p", prompt_text="?", text="first words, and more")
    journal.finish_session(sid)
    _counted_on(journal, day)
    weeks = insight.gather(journal, today=clock.today()).weeks
    assert sum(w.days for w in weeks) == 1
    [answer] = journal.session_answers(sid)
    assert answer.edited is None, "writing across midnight is not an edit"


def test_written_abroad_it_keeps_its_day_after_the_flight_home(
    journal: Journal, any_clock: SetClock
) -> None:
    home_zone, back_home = os.environ["TZ"], clock.now() + timedelta(days=1)
    any_clock.zone(TOKYO)
    any_clock.set(datetime(2026, 3, 5, 7, 30))  # 22:30 UTC on 4 March
    journal.start_session("end-of-day", 1, "End of day")
    any_clock.zone(home_zone)
    any_clock.set(back_home)
    _counted_on(journal, date(2026, 3, 5))


def test_a_reflection_from_a_wrong_clock_in_the_future(
    journal: Journal, any_clock: SetClock
) -> None:
    """A device whose clock ran two days fast: its reflection is kept at the time it
    says, counted on that day, listed first in History, and not drawn before it comes."""
    today = clock.today()
    ahead = clock.now() + timedelta(days=2)
    future = SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=ahead,
        finished=ahead + timedelta(minutes=10),
        utc_offset=clock.utc_offset(),
        answers=(AnswerRecord("p", "?", "from the fast clock", created=ahead, updated=ahead),),
    )
    journal.start_session("identity", 1, "Identity")
    journal.import_records([future])
    future_day = clock.day_of(ahead, clock.utc_offset())
    assert [s.set_id for s in journal.list_sessions()] == ["end-of-day", "identity"]
    assert journal.reflection_days(today) == {today, future_day}
    seen = insight.gather(journal, today=today)
    assert sum(w.days for w in seen.weeks) == 1, "a day that has not come is not drawn"
    assert len(journal.records(future_day, future_day)) == 1
    assert len(journal.records(None, today)) == 1
    [summary] = journal.list_sessions(start=future_day)
    [answer] = journal.session_answers(summary.id)
    edited = journal.edit_answer(answer.id or 0, "corrected today")
    assert edited.edited is not None and edited.edited < edited.created
    assert edited.edited == journal.session_answers(summary.id)[0].edited


def test_the_zone_it_was_begun_in_is_kept(journal: Journal, any_clock: SetClock) -> None:
    offset = clock.utc_offset()
    session = journal.start_session("end-of-day", 1, "End of day")
    assert session.utc_offset == offset
    any_clock.zone(UTC_PLUS_14)
    [record] = journal.records()
    assert record.utc_offset == offset
    assert clock.as_written(record.started, record.utc_offset).utcoffset() == timedelta(
        minutes=offset
    )
