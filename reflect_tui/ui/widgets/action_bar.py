"""Action items as one bar drawn in text: open, done and dropped, with a legend."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from reflect_tui.journal.insight import ActionSummary
from reflect_tui.ui.widgets.entry_text import plural

STYLES = {"open": "$warning", "done": "$success", "dropped": "$text-muted"}


def split_width(summary: ActionSummary, width: int) -> dict[str, int]:
    """Cells for each part; every part with items gets at least one cell."""
    parts = {"open": summary.open, "done": summary.done, "dropped": summary.dropped}
    total = summary.total
    if not total or width <= 0:
        return dict.fromkeys(parts, 0)
    cells = {k: (max(1, round(v / total * width)) if v else 0) for k, v in parts.items()}
    largest = max(cells, key=lambda k: cells[k])
    cells[largest] += width - sum(cells.values())
    return cells


class ActionBar(Widget):
    DEFAULT_CSS = """
    ActionBar {
        height: 2;
        width: 1fr;
    }
    """

    def __init__(self, summary: ActionSummary | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.summary = summary or ActionSummary(0, 0, 0)

    def show(self, summary: ActionSummary) -> None:
        self.summary = summary
        self.refresh()

    def render(self) -> Content:
        s = self.summary
        if not s.total:
            return Content.styled(
                "No action items yet. Prompts that ask what you will do next add them.",
                "$text-muted",
            )
        cells = split_width(s, self.size.width)
        drawn = Content.assemble(*((("█" * n), STYLES[k]) for k, n in cells.items() if n))
        legend = Content.assemble(
            ("■ ", STYLES["open"]),
            f"{s.open:,} open   ",
            ("■ ", STYLES["done"]),
            f"{s.done:,} done   ",
            ("■ ", STYLES["dropped"]),
            f"{s.dropped:,} dropped   ",
            (f"({plural(s.closed, 'closed item')} of {s.total:,})", "$text-muted"),
        )
        return Content("\n").join([drawn, legend])
