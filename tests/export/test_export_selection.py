"""Selection: dates in local time, flagged, prompt set, tag and topic."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export import Selection, select
from tests.export.test_export_sample import TZ, sample_sessions


def days(sessions: list[SessionRecord]) -> list[str]:
    return [s.started.astimezone(TZ).date().isoformat() for s in sessions]


def test_no_criteria_keeps_every_session_whole_even_empty_ones() -> None:
    empty = SessionRecord("end-of-day", "End of day", datetime(2024, 3, 1, tzinfo=UTC))
    sessions = [*sample_sessions(), empty]
    chosen = select(sessions, Selection(), tz=TZ)
    assert len(chosen) == len(sessions) and empty in chosen
    assert chosen == sorted(chosen, key=lambda s: s.started)


def test_dates_are_inclusive_and_compared_in_local_time() -> None:
    # The repair session starts 2024-03-04 23:30 UTC, which is 00:30 on the 5th in CET.
    chosen = select(sample_sessions(), Selection(date(2024, 3, 5), date(2024, 3, 7)), tz=TZ)
    assert days(chosen) == ["2024-03-05", "2024-03-06", "2024-03-07"]
    utc = select(sample_sessions(), Selection(date(2024, 3, 5), date(2024, 3, 7)), tz=UTC)
    assert [s.set_id for s in utc] == ["end-of-day", "supervision-prep"]


def test_a_start_after_the_end_is_refused() -> None:
    with pytest.raises(ValueError, match="after the end"):
        Selection(date(2024, 3, 7), date(2024, 3, 5))


def test_flagged_keeps_flagged_answers_flagged_sessions_and_supervision_questions() -> None:
    chosen = select(sample_sessions(), Selection(flagged_only=True), tz=TZ)
    kept = {(s.set_id, a.prompt_id) for s in chosen for a in s.answers}
    # The whole flagged repair session ...
    assert {p for s, p in kept if s == "repair"} == {
        "what-happened",
        "likely-impact",
        "what-i-feel",
        "acknowledged",
        "next-step",
    }
    # ... one flagged answer of an unflagged session, and the questions for supervision.
    assert ("end-of-day", "power-today") in kept
    assert ("supervision-prep", "supervision-question") in kept
    assert ("supervision-prep", "most-pressing") in kept
    assert ("end-of-day", "identity-today") in kept  # tagged "question" (March 10)
    assert ("supervision-prep", "hard-to-understand") not in kept
    assert "jrnl" not in {s for s, _ in kept}


def test_sessions_left_without_answers_drop_out_and_keep_only_their_answers_actions() -> None:
    chosen = select(sample_sessions(), Selection(topic="identity"), tz=TZ)
    assert days(chosen) == ["2024-02-20", "2024-03-06", "2024-03-10"]
    first = chosen[0]
    assert [a.prompt_id for a in first.answers] == ["identity-today", "do-differently"]
    assert [a.answer_position for a in first.actions] == [3]  # the do-differently action
    chosen = select(sample_sessions(), Selection(topic="repair"), tz=TZ)
    assert [a.answer_position for a in chosen[0].actions] == [4]


def test_actions_from_dropped_answers_are_dropped_but_loose_ones_stay() -> None:
    when = datetime(2024, 3, 1, tzinfo=UTC)
    session = SessionRecord(
        "s",
        "S",
        when,
        answers=(
            AnswerRecord("a", "A?", "kept", topic="power", position=0),
            AnswerRecord("b", "B?", "gone", topic="identity", position=1),
        ),
        actions=(
            ActionRecord("from a", answer_position=0),
            ActionRecord("from b", answer_position=1),
            ActionRecord("loose"),
        ),
    )
    (chosen,) = select([session], Selection(topic="power"))
    assert [a.text for a in chosen.actions] == ["from a", "loose"]


def test_set_tag_and_topic_combine() -> None:
    sessions = sample_sessions()
    assert days(select(sessions, Selection(set_id="supervision-prep"), tz=TZ)) == ["2024-03-07"]
    by_tag = select(sessions, Selection(tag="#Reading"), tz=TZ)
    assert [s.set_id for s in by_tag] == ["jrnl"]
    both = select(sessions, Selection(set_id="end-of-day", topic="power"), tz=TZ)
    assert days(both) == ["2024-02-20", "2024-03-06", "2024-03-10"]
    assert all(a.topic == "power" for s in both for a in s.answers)
    assert select(sessions, Selection(set_id="jrnl", topic="power"), tz=TZ) == []


def test_a_session_just_before_local_midnight_belongs_to_that_local_day() -> None:
    late = SessionRecord(
        "s",
        "S",
        datetime(2024, 3, 5, 4, 30, tzinfo=UTC),  # 23:30 on the 4th in UTC-5
        answers=(AnswerRecord("p", "P?", "text"),),
    )
    minus_five = timezone(timedelta(hours=-5))
    assert select([late], Selection(end=date(2024, 3, 4)), tz=minus_five) == [late]
    assert select([late], Selection(end=date(2024, 3, 4)), tz=UTC) == []


def test_describe_says_what_was_chosen() -> None:
    selection = Selection(flagged_only=True, set_id="repair", tag="@Grief", topic="power")
    assert selection.describe() == [
        "flagged for supervision",
        "prompt set “repair”",
        "tag “grief”",
        "topic “power”",
    ]
