"""The numbers behind Insight's supervision panel (no Textual here): the counted minutes
of supervision in each of the last twelve months against the clinician's monthly
target, and how many answers prepared for supervision no meeting has taken up yet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reflect_tui.core import clock
from reflect_tui.core.supervision import MeetingRecord

if TYPE_CHECKING:
    from reflect_tui.journal.service import Journal

MONTHS = 12


@dataclass(frozen=True)
class MonthMinutes:
    """One calendar month (its first day) and the supervision minutes it counts."""

    month: date
    counted: int
    meetings: int


@dataclass(frozen=True)
class SupervisionInsight:
    months: tuple[MonthMinutes, ...]
    target: int
    #: Answers prepared for supervision (flagged, or questions) no meeting took up yet.
    waiting: int
    last_meeting: date | None

    @property
    def months_met(self) -> int:
        return sum(1 for m in self.months if self.target and m.counted >= self.target)


def _month_back(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


def monthly(
    meetings: Sequence[MeetingRecord], today: date, months: int = MONTHS
) -> list[MonthMinutes]:
    """Each of the ``months`` months up to ``today``'s, oldest first, with its minutes."""
    this = today.replace(day=1)
    firsts = [_month_back(this, n) for n in range(months - 1, -1, -1)]
    counted = dict.fromkeys(firsts, 0)
    held = dict.fromkeys(firsts, 0)
    for meeting in meetings:
        first = meeting.day.replace(day=1)
        if first in counted:
            counted[first] += meeting.counted_minutes
            held[first] += 1
    return [MonthMinutes(first, counted[first], held[first]) for first in firsts]


def gather(journal: Journal, target: int, today: date | None = None) -> SupervisionInsight:
    """The panel's numbers for the twelve months up to ``today`` (default: the clock's)."""
    today = today or clock.today()
    start = _month_back(today.replace(day=1), MONTHS - 1)
    meetings = journal.meetings(start, today)
    last = journal.last_meeting(today)
    waiting = journal.waiting_count(today)
    return SupervisionInsight(
        tuple(monthly(meetings, today)), target, waiting, last.day if last else None
    )
