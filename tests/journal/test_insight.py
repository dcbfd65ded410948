"""The numbers behind the Insight screen, on a generated journal."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.journal import Journal, insight
from reflect_tui.vault.crypto import TEST_KDF

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

TODAY = date(2025, 3, 12)  # a Wednesday


def at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12)).astimezone()


def session(
    day: date,
    *,
    topics: tuple[str, ...] = ("identity",),
    ease: int | None = None,
    actions: tuple[str, ...] = (),
) -> SessionRecord:
    answers = [
        AnswerRecord(
            prompt_id=f"p{n}", prompt_text=f"Prompt {n}", text="some words", topic=t, position=n
        )
        for n, t in enumerate(topics)
    ]
    if ease is not None:
        answers.append(
            AnswerRecord(
                prompt_id="ease",
                prompt_text="How at ease was I?",
                text=str(ease),
                kind="scale",
                topic="countertransference",
                value=json.dumps(ease),
                position=len(answers),
            )
        )
    return SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=at_noon(day),
        answers=tuple(answers),
        actions=tuple(ActionRecord(text="x", status=s) for s in actions),
    )


@pytest.fixture
def journal(tmp_path: Path):
    j = Journal.create(tmp_path / "j.reflect", "pw", kdf=TEST_KDF)
    yield j
    j.close()


def test_week_start_is_monday() -> None:
    assert insight.week_start(TODAY) == date(2025, 3, 10)
    assert insight.week_start(date(2025, 3, 10)) == date(2025, 3, 10)
    assert insight.week_start(date(2025, 3, 16)) == date(2025, 3, 10)
    assert insight.first_week(TODAY) == date(2025, 3, 10) - timedelta(weeks=51)


def test_weekly_days_counts_distinct_days_in_each_week() -> None:
    days = {
        TODAY,
        TODAY - timedelta(days=1),
        TODAY - timedelta(days=2),  # this week: Mon-Wed
        date(2025, 3, 3),
        date(2025, 3, 9),  # last week: Mon and Sun
        insight.first_week(TODAY),  # the oldest week shown
        insight.first_week(TODAY) - timedelta(days=1),  # one day too old
        TODAY + timedelta(days=1),  # tomorrow (clock skew) is not counted
    }
    weeks = insight.weekly_days(days, TODAY)
    assert len(weeks) == 52
    assert weeks[-1] == insight.WeekCount(date(2025, 3, 10), 3)
    assert weeks[-2] == insight.WeekCount(date(2025, 3, 3), 2)
    assert weeks[0] == insight.WeekCount(insight.first_week(TODAY), 1)
    assert sum(w.days for w in weeks) == 6
    assert [w.start.weekday() for w in weeks] == [0] * 52


def test_topic_frequencies_have_titles_and_zeros_most_first() -> None:
    found = insight.topic_frequencies({"power": 3, "identity": 5, "made-up": 1, "other": 0})
    assert found[0] == insight.TopicCount("identity", "Identity and perspective", 5)
    assert found[1] == insight.TopicCount("power", "Power in the room", 3)
    assert found[2] == insight.TopicCount("made-up", "Made up", 1)
    names = [t.topic for t in found]
    assert "repair" in names and "other" not in names
    assert all(t.count == 0 for t in found[3:])
    # Zero topics keep the library's order.
    assert names[3:] == [t for t in insight.TOPICS if t not in {"power", "identity"}]


def test_scale_series_groups_by_prompt_and_uses_latest_wording() -> None:
    d1, d2, d3 = date(2025, 1, 1), date(2025, 2, 1), TODAY
    rows = [
        (d3, "ease", "How at ease was I today?", 4),
        (d1, "ease", "How at ease was I?", 2),
        (d2, "ease", "How at ease was I?", 3),
        (d2, "energy", "How much energy?", 5),
    ]
    ease, energy = insight.scale_series(rows)
    assert ease.prompt_text == "How at ease was I today?"
    assert ease.values == [2, 3, 4]
    assert (ease.lowest, ease.highest, ease.average) == (2, 4, 3.0)
    assert ease.recent_average(TODAY) == 4.0
    assert energy.recent_average(TODAY) is None
    assert energy.points == (insight.ScalePoint(date(2025, 2, 1), 5),)


def test_weekly_averages_skip_weeks_without_answers() -> None:
    monday = date(2025, 3, 3)
    rows = [
        (monday, "ease", "?", 2),
        (monday + timedelta(days=6), "ease", "?", 4),  # same week (Sunday)
        (monday + timedelta(days=7), "ease", "?", 5),  # next week
        (monday + timedelta(days=28), "ease", "?", 1),  # two empty weeks later
    ]
    (ease,) = insight.scale_series(rows)
    assert ease.weekly_averages() == [3.0, 5.0, 1.0]


def test_gather_on_a_generated_journal(journal: Journal) -> None:
    records = []
    # One reflection a day on weekdays for the last 10 weeks, ease rising 1..5.
    for n in range(70):
        day = TODAY - timedelta(days=n)
        if day.weekday() < 5:
            records.append(session(day, topics=("identity", "power"), ease=1 + (69 - n) // 14))
    # Two sessions on one day count as one reflection day.
    records.append(session(TODAY, topics=("repair",)))
    # Two years ago: outside the 52 weeks, counted only "all time".
    records.append(
        session(
            TODAY - timedelta(days=730),
            topics=("systems",),
            ease=1,
            actions=("open", "done", "dropped", "done"),
        )
    )
    records.append(session(TODAY - timedelta(days=2), actions=("open", "open")))
    journal.import_records(records)

    seen = insight.gather(journal, today=TODAY)
    weekdays = sum(1 for n in range(70) if (TODAY - timedelta(days=n)).weekday() < 5)
    assert seen.reflection_days == weekdays
    assert seen.active_weeks == 11  # this partial week and ten before it
    assert seen.weeks[-1].days == 3 and seen.weeks[-2].days == 5
    assert seen.since == insight.first_week(TODAY)
    counts = {t.topic: t.count for t in seen.topics}
    assert counts["identity"] == weekdays + 1  # the extra session on Monday
    assert counts["power"] == weekdays
    assert counts["repair"] == 1 and counts["systems"] == 0
    assert seen.actions == insight.ActionSummary(open=3, done=2, dropped=1)
    assert seen.actions.closed == 3 and seen.actions.total == 6
    (ease,) = seen.scales
    assert ease.prompt_id == "ease" and len(ease.points) == weekdays
    assert ease.values == sorted(ease.values)  # oldest first, rising
    assert ease.values[-1] == 5

    ever = insight.gather(journal, today=TODAY, all_time=True)
    assert ever.since is None
    assert {t.topic: t.count for t in ever.topics}["systems"] == 1
    assert len(ever.scales[0].points) == weekdays + 1
    assert ever.weeks == seen.weeks


def test_gather_on_an_empty_journal(journal: Journal) -> None:
    seen = insight.gather(journal, today=TODAY)
    assert seen.reflection_days == 0 and seen.active_weeks == 0
    assert seen.scales == ()
    assert all(t.count == 0 for t in seen.topics)
    assert seen.actions.total == 0
