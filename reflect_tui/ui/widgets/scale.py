"""A number on a scale with words at both ends, chosen with the arrow keys, a digit or a click."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

MAX_CELL = 10


class ScaleInput(Widget, can_focus=True):
    """Pick one whole number from ``low`` to ``high``; ``value`` is None until picked."""

    DEFAULT_CSS = """
    ScaleInput {
        height: auto;
        padding: 1 1;
        border: tall $border-blurred;
    }
    ScaleInput:focus {
        border: tall $border;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "step(-1)", "Lower", show=False),
        Binding("right,l", "step(1)", "Higher", show=False),
        Binding("home", "pick_end(0)", "Lowest", show=False),
        Binding("end", "pick_end(1)", "Highest", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale: ScaleInput, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> ScaleInput:
            return self.scale

    def __init__(
        self,
        low: int,
        high: int,
        labels: tuple[str, str],
        value: int | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.low, self.high, self.labels = low, high, labels
        self.set_reactive(ScaleInput.value, value)

    @property
    def _numbers(self) -> list[int]:
        return list(range(self.low, self.high + 1))

    def _cell_width(self) -> int:
        usable = max(self.content_size.width, 1)
        return max(3, min(MAX_CELL, usable // len(self._numbers)))

    def render(self) -> Content:
        cell = self._cell_width()
        parts: list[Content] = []
        for number in self._numbers:
            if number == self.value:
                label = f"[{number}]".center(cell - 1)
                parts.append(Content.from_markup("[reverse bold]$label[/] ", label=label))
            else:
                parts.append(Content(f"{number}".center(cell - 1) + " "))
        row = Content("").join(parts)
        low, high = self.labels
        left, right = f"{self.low} = {low}", f"{self.high} = {high}"
        width = max(self.content_size.width, 1)
        if len(left) + len(right) + 3 <= width:
            labels = Content(left + " " * (width - len(left) - len(right)) + right)
        else:
            labels = Content(f"{left}\n{right}")
        hint = "not chosen yet: use ← → or type a number" if self.value is None else ""
        lines = [row, labels.stylize("dim")]
        if hint:
            lines.append(Content(hint).stylize("italic dim"))
        return Content("\n").join(lines)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        if self.value is None:
            middle = (self.low + self.high + (1 if delta > 0 else 0)) // 2
            self.value = middle
        else:
            self.value = max(self.low, min(self.high, self.value + delta))

    def action_pick_end(self, end: int) -> None:
        self.value = self.high if end else self.low

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            if number == 0 and self.high == 10:
                number = 10
            if self.low <= number <= self.high:
                self.value = number
                event.stop()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != 0:
            return
        index = offset.x // self._cell_width()
        if 0 <= index < len(self._numbers):
            self.value = self._numbers[index]
