"""The numbers behind the Insight screen, computed from a journal (no Textual here).

Four pictures of a practice over time: on how many days a week the clinician reflected
(the last 52 weeks), how often each topic came up, how many action items are open or
closed, and the scale answers (e.g. "how at ease was I") as a series per prompt.
Weeks start on Monday and dates are the clinician's local dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from reflect_tui.core import clock
from reflect_tui.prompts import TOPIC_TITLES, TOPICS

if TYPE_CHECKING:
    from reflect_tui.journal.data import JournalData

WEEKS = 52
#: How far back "recent" reaches for a scale's recent average.
RECENT_DAYS = 28


@dataclass(frozen=True)
class WeekCount:
    """One week (Monday ``start``) and on how many of its days a reflection was started."""

    start: date
    days: int


@dataclass(frozen=True)
class TopicCount:
    topic: str
    title: str
    count: int


@dataclass(frozen=True)
class ActionSummary:
    open: int
    done: int
    dropped: int

    @property
    def closed(self) -> int:
        return self.done + self.dropped

    @property
    def total(self) -> int:
        return self.open + self.closed


@dataclass(frozen=True)
class ScalePoint:
    day: date
    value: int


@dataclass(frozen=True)
class ScaleSeries:
    """Every answer to one scale prompt, oldest first, with a few plain summaries."""

    prompt_id: str
    prompt_text: str
    points: tuple[ScalePoint, ...]

    @property
    def values(self) -> list[int]:
        return [p.value for p in self.points]

    @property
    def average(self) -> float:
        return fmean(self.values)

    @property
    def lowest(self) -> int:
        return min(self.values)

    @property
    def highest(self) -> int:
        return max(self.values)

    def weekly_averages(self) -> list[float]:
        """The average answer of each week that has answers, oldest first (a week with
        no answer is left out rather than drawn as a zero)."""
        weeks: dict[date, list[int]] = {}
        for point in self.points:
            weeks.setdefault(week_start(point.day), []).append(point.value)
        return [fmean(values) for _, values in sorted(weeks.items())]

    def recent_average(self, today: date, days: int = RECENT_DAYS) -> float | None:
        """The average of the answers from the last ``days`` days (None if there are none)."""
        recent = [p.value for p in self.points if (today - p.day).days < days]
        return fmean(recent) if recent else None


@dataclass(frozen=True)
class Insight:
    today: date
    #: First day counted for topics and scales (None: all time).
    since: date | None
    weeks: tuple[WeekCount, ...]
    topics: tuple[TopicCount, ...]
    actions: ActionSummary
    scales: tuple[ScaleSeries, ...]

    @property
    def reflection_days(self) -> int:
        return sum(w.days for w in self.weeks)

    @property
    def active_weeks(self) -> int:
        return sum(1 for w in self.weeks if w.days)


def week_start(day: date) -> date:
    """The Monday on or before ``day``."""
    return day - timedelta(days=day.weekday())


def first_week(today: date, weeks: int = WEEKS) -> date:
    """The Monday that starts the earliest of the last ``weeks`` weeks (this one included)."""
    return week_start(today) - timedelta(weeks=weeks - 1)


def weekly_days(days: Iterable[date], today: date, weeks: int = WEEKS) -> list[WeekCount]:
    """Reflection days per week for the last ``weeks`` weeks, oldest first."""
    start = first_week(today, weeks)
    counts = [0] * weeks
    for day in set(days):
        index = (day - start).days // 7
        if 0 <= index < weeks and day <= today:
            counts[index] += 1
    return [WeekCount(start + timedelta(weeks=n), c) for n, c in enumerate(counts)]


def topic_title(topic: str) -> str:
    """The readable title of a topic (an unknown one is tidied from its slug)."""
    return TOPIC_TITLES.get(topic) or topic.replace("-", " ").capitalize()


def topic_frequencies(counts: dict[str, int]) -> list[TopicCount]:
    """Every known topic (zero if it never came up) and any other that did, most first."""
    order = {topic: n for n, topic in enumerate(TOPICS)}
    wanted = set(TOPICS) | {topic for topic, n in counts.items() if n > 0}
    found = [TopicCount(t, topic_title(t), counts.get(t, 0)) for t in wanted]
    return sorted(found, key=lambda t: (-t.count, order.get(t.topic, len(order)), t.topic))


def action_summary(counts: dict[str, int]) -> ActionSummary:
    return ActionSummary(
        open=counts.get("open", 0), done=counts.get("done", 0), dropped=counts.get("dropped", 0)
    )


def scale_series(rows: Sequence[tuple[date, str, str, int]]) -> list[ScaleSeries]:
    """Group (day, prompt id, prompt text, value) rows into one series per prompt.

    A series is titled with the prompt's most recent wording; the series with the most
    answers comes first.
    """
    points: dict[str, list[ScalePoint]] = {}
    wording: dict[str, str] = {}
    for day, prompt_id, prompt_text, value in sorted(rows, key=lambda row: row[0]):
        points.setdefault(prompt_id, []).append(ScalePoint(day, value))
        wording[prompt_id] = prompt_text
    series = [ScaleSeries(pid, wording[pid], tuple(found)) for pid, found in points.items()]
    return sorted(series, key=lambda s: (-len(s.points), s.prompt_text))


def gather(journal: JournalData, *, today: date | None = None, all_time: bool = False) -> Insight:
    """Everything the Insight screen draws. Topics and scales cover the last 52 weeks,
    or all time with ``all_time``; reflection days always cover the last 52 weeks."""
    today = today or clock.today()
    start = first_week(today)
    since = None if all_time else start
    return Insight(
        today=today,
        since=since,
        weeks=tuple(weekly_days(journal.reflection_days(start), today)),
        topics=tuple(topic_frequencies(journal.topic_counts(since))),
        actions=action_summary(journal.action_counts()),
        scales=tuple(scale_series(journal.scale_answers(since))),
    )
