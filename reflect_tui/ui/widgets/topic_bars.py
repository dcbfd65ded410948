"""How often each topic came up, as labelled bars drawn in text, longest first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from reflect_tui.journal.insight import TopicCount

PARTIAL = " ▏▎▍▌▋▊▉"
BAR_STYLE = "$accent"


def bar(value: int, most: int, width: int) -> str:
    """A bar ``width`` cells long for ``most``, in eighths of a cell."""
    if not value or not most or width <= 0:
        return ""
    eighths = max(1, round(value / most * width * 8))
    return "█" * (eighths // 8) + (PARTIAL[eighths % 8] if eighths % 8 else "")


class TopicBars(Widget):
    """One line a topic: its title, a bar, and the number of answers."""

    DEFAULT_CSS = """
    TopicBars {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, topics: Sequence[TopicCount] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.topics = list(topics)

    def show(self, topics: Sequence[TopicCount]) -> None:
        self.topics = list(topics)
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.topics))

    def render(self) -> Content:
        if not self.topics:
            return Content("")
        width = self.size.width
        numbers = max(len(f"{t.count:,}") for t in self.topics)
        title_width = min(max(len(t.title) for t in self.topics), max(12, width * 9 // 20))
        bar_width = width - title_width - numbers - 3
        most = max(t.count for t in self.topics)
        lines = []
        for topic in self.topics:
            title = Content(topic.title).truncate(title_width, ellipsis=True, pad=True)
            count = f"{topic.count:,}".rjust(numbers)
            drawn = bar(topic.count, most, bar_width).ljust(bar_width)
            style = "" if topic.count else "$text-muted"
            lines.append(
                Content.assemble(
                    title.stylize(style) if style else title,
                    " ",
                    (drawn, BAR_STYLE),
                    " ",
                    (count, style or "bold"),
                )
            )
        return Content("\n").join(lines)
