"""Supervision hours per month as a vertical bar chart drawn in text: one column a month,
oldest on the left, the monthly target as a dashed line across, each month's counted
hours under its name."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reflect_tui.journal.supervision_insight import SupervisionInsight

#: Rows of bars (each row splits into eighths with the block characters).
ROWS = 8
AXIS = 6  # "1h30 ┤"
EIGHTHS = " ▁▂▃▄▅▆▇█"
TARGET = "╌"


def hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def short_hours(minutes: int) -> str:
    """'1h30', '45m', '-' for none: fits under a month's column."""
    if not minutes:
        return "-"
    if minutes < 60:
        return f"{minutes}m"
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes % 60 else f"{minutes // 60}h"


def column(counted: int, scale: int, rows: int = ROWS) -> list[str]:
    """One month's bar from the top row down: full blocks, a partial top, blanks."""
    height = round(counted / scale * rows * 8) if scale else 0
    if counted and not height:
        height = 1
    return [EIGHTHS[max(0, min(8, height - row * 8))] for row in range(rows - 1, -1, -1)]


def target_row(target: int, scale: int, rows: int = ROWS) -> int | None:
    """The row (from the top) the target line is drawn on, or None without a target."""
    if not target or not scale:
        return None
    level = max(1, round(target / scale * rows))
    return rows - level


class SupervisionBars(Widget):
    DEFAULT_CSS = """
    SupervisionBars {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.seen: SupervisionInsight | None = None

    def show(self, seen: SupervisionInsight) -> None:
        self.seen = seen
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return ROWS + 2 if self.seen else 1

    def render(self) -> Content:
        seen = self.seen
        if seen is None:
            return Content("")
        months = seen.months
        each = max(4, min(8, (self.size.width - AXIS) // max(1, len(months))))
        bar = max(1, each - 2)
        scale = max([seen.target, *(m.counted for m in months), 1])
        columns = [column(m.counted, scale) for m in months]
        line_at = target_row(seen.target, scale)
        lines = []
        for row in range(ROWS):
            axis = " " * (AXIS - 2) + " │"
            if row == line_at:
                axis = short_hours(seen.target).rjust(AXIS - 2) + " ┤"
            elif row == 0:
                axis = short_hours(scale).rjust(AXIS - 2) + " ┤"
            parts: list[tuple[str, str] | str] = [(axis, "$text-muted")]
            for month, cells in zip(months, columns, strict=True):
                met = bool(seen.target) and month.counted >= seen.target
                cell = cells[row]
                if cell == " " and row == line_at:
                    parts.append((TARGET * each, "$text-muted"))
                    continue
                gap = TARGET if row == line_at else " "
                parts.append((gap, "$text-muted"))
                parts.append((cell * bar, "$success" if met else "$warning"))
                parts.append((gap * (each - bar - 1), "$text-muted"))
            lines.append(Content.assemble(*parts))
        names = " " * AXIS + "".join(m.month.strftime("%b").center(each) for m in months)
        figures = " " * AXIS + "".join(short_hours(m.counted).center(each) for m in months)
        lines += [Content.styled(names, "$text-muted"), Content(figures)]
        return Content("\n").join(lines)
