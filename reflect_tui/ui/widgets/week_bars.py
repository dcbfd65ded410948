"""Reflection days per week as a bar chart drawn in text: one bar a week, a full bar
for seven days, month names underneath."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from reflect_tui.journal.insight import WeekCount

ROWS = 4
EIGHTHS = " ▁▂▃▄▅▆▇█"
BAR_STYLE = "$accent"
EMPTY_STYLE = "$text-muted"
LABEL_STYLE = "$text-muted"


def bar_cells(days: int, rows: int = ROWS) -> list[str]:
    """The characters of one bar, top row first (a day or more is never drawn empty)."""
    units = round(days / 7 * rows * 8)
    if days and not units:
        units = 1
    cells = []
    for row in reversed(range(rows)):
        cells.append(EIGHTHS[max(0, min(8, units - row * 8))])
    return cells


def month_labels(weeks: Sequence[WeekCount], per_week: int) -> str:
    """Month names under the week in which each month begins, where they fit (a later
    month wins over an earlier one, so the first, partial month gives way)."""
    line = [" "] * (len(weeks) * per_week)
    taken_from = len(line) + 1
    for index in reversed(range(len(weeks))):
        week = weeks[index]
        if index and week.start.month == weeks[index - 1].start.month:
            continue
        name = f"{week.start:%b}"
        at = index * per_week
        if at + len(name) < taken_from:
            line[at : at + len(name)] = name
            taken_from = at
    return "".join(line)


class WeekBars(Widget):
    """Draws :class:`~reflect_tui.journal.insight.WeekCount` values; ``weeks`` may be replaced."""

    DEFAULT_CSS = """
    WeekBars {
        height: 5;
        width: 1fr;
    }
    """

    def __init__(self, weeks: Sequence[WeekCount] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks = list(weeks)

    def show(self, weeks: Sequence[WeekCount]) -> None:
        self.weeks = list(weeks)
        self.refresh()

    def render(self) -> Content:
        if not self.weeks:
            return Content("")
        per_week = max(1, self.size.width // len(self.weeks))
        bar_width = per_week - 1 if per_week >= 2 else 1
        gap = " " * (per_week - bar_width)
        columns = [bar_cells(w.days) for w in self.weeks]
        lines: list[Content] = []
        for row in range(ROWS):
            parts: list[tuple[str, str] | str] = []
            for week, cells in zip(self.weeks, columns, strict=True):
                if not week.days and row == ROWS - 1:
                    parts.append(("·" * bar_width, EMPTY_STYLE))
                else:
                    parts.append((cells[row] * bar_width, BAR_STYLE))
                parts.append(gap)
            lines.append(Content.assemble(*parts))
        lines.append(Content.styled(month_labels(self.weeks, per_week), LABEL_STYLE))
        return Content("\n").join(lines)
