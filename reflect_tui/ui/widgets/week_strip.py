"""The last twelve weeks as a small grid: one column a week, one row a weekday."""

from __future__ import annotations

from datetime import date, timedelta

from textual.content import Content
from textual.widget import Widget

WEEKS = 12
DAY_NAMES = ("Mon", "", "Wed", "", "Fri", "", "Sun")
MARK, EMPTY, FUTURE = "■", "·", " "


def strip_start(today: date, weeks: int = WEEKS) -> date:
    """The Monday that begins the first week shown."""
    this_monday = today - timedelta(days=today.weekday())
    return this_monday - timedelta(weeks=weeks - 1)


class WeekStrip(Widget):
    """Days with a reflection are marked; ``today`` is given so tests and snapshots are fixed."""

    DEFAULT_CSS = """
    WeekStrip {
        width: auto;
        height: auto;
    }
    """

    def __init__(
        self,
        days: set[date],
        today: date,
        *,
        weeks: int = WEEKS,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.days = days
        self.today = today
        self.weeks = weeks

    def show(self, days: set[date], today: date) -> None:
        self.days, self.today = days, today
        self.refresh(layout=True)

    def render(self) -> Content:
        start = strip_start(self.today, self.weeks)
        months = [" "] * (self.weeks * 2)
        last_month = None
        for week in range(self.weeks):
            monday = start + timedelta(weeks=week)
            if monday.month != last_month and week * 2 + 3 <= len(months):
                months[week * 2 : week * 2 + 3] = monday.strftime("%b")
                last_month = monday.month
        lines = [Content("    " + "".join(months)).stylize("dim")]
        for weekday in range(7):
            cells = [Content(f"{DAY_NAMES[weekday]:<4}").stylize("dim")]
            for week in range(self.weeks):
                day = start + timedelta(weeks=week, days=weekday)
                if day > self.today:
                    cells.append(Content(FUTURE + " "))
                elif day in self.days:
                    cells.append(Content(MARK).stylize("$accent bold") + Content(" "))
                else:
                    cells.append(Content(EMPTY + " ").stylize("dim"))
            lines.append(Content("").join(cells))
        count = sum(1 for day in self.days if start <= day <= self.today)
        noun = "day" if count == 1 else "days"
        lines.append(Content(f"{count} {noun} with a reflection").stylize("dim"))
        return Content("\n").join(lines)
