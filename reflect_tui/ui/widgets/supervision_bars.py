"""Supervision hours per month as bars drawn in text, with the monthly target marked."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reflect_tui.journal.supervision_insight import SupervisionInsight

LABEL = 9  # "Mar 2026 "
FIGURE = 8  # "  1 h 30"


def hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d}"


def bar(counted: int, target: int, scale: int, width: int) -> tuple[str, str]:
    """The filled and empty cells of one month's bar (the target, if any, as a tick)."""
    filled = round(counted / scale * width) if scale else 0
    if counted and not filled:
        filled = 1
    cells = ["█"] * filled + ["·"] * (width - filled)
    if target and scale:
        tick = min(width - 1, max(0, round(target / scale * width) - 1))
        if cells[tick] == "·":
            cells[tick] = "│"
    return "".join(cells[:filled]), "".join(cells[filled:])


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
        return len(self.seen.months) if self.seen else 1

    def render(self) -> Content:
        seen = self.seen
        if seen is None:
            return Content("")
        width = max(10, self.size.width - LABEL - FIGURE - 2)
        scale = max([seen.target, *(m.counted for m in seen.months)])
        lines = []
        for month in seen.months:
            met = seen.target and month.counted >= seen.target
            filled, empty = bar(month.counted, seen.target, scale, width)
            lines.append(
                Content.assemble(
                    (month.month.strftime("%b %Y").ljust(LABEL), "$text-muted"),
                    (filled, "$success" if met else "$warning"),
                    (empty, "$text-muted"),
                    f"  {hours(month.counted)}" if month.counted else ("  -", "$text-muted"),
                )
            )
        return Content("\n").join(lines)
