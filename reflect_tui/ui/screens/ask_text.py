"""A small question with a text answer: tags, or a note on how an action went."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static, TextArea

from reflect_tui.ui.widgets.entry_area import EntryArea


class AskTextScreen(ModalScreen[str | None]):
    """Dismisses with the text (Enter, or Ctrl+S when multi-line) or None (Escape).

    With ``on_change`` every change is handed over as it is typed (to be saved), and
    Escape closes with the text instead of discarding it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "Done"),
        Binding("escape", "cancel", "Close"),
    ]
    DEFAULT_CSS = """
    AskTextScreen {
        align: center middle;
    }
    AskTextScreen > Vertical {
        width: 70;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $border;
        background: $panel;
    }
    AskTextScreen #hint {
        color: $text-muted;
        margin-top: 1;
    }
    AskTextScreen TextArea {
        height: 6;
    }
    """

    def __init__(
        self,
        question: str,
        value: str = "",
        *,
        hint: str = "",
        multiline: bool = False,
        on_change: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.question, self.value, self.hint, self.multiline = question, value, hint, multiline
        self.on_change = on_change

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            if self.multiline:
                yield EntryArea(self.value, soft_wrap=True, tab_behavior="focus", id="answer")
            else:
                yield Input(self.value, id="answer")
            if self.hint:
                yield Static(self.hint, id="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#answer").focus()

    @property
    def text(self) -> str:
        if self.multiline:
            return self.query_one("#answer", TextArea).text
        return self.query_one("#answer", Input).value

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.on_change is not None:
            self.on_change(event.value)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.on_change is not None and event.text_area.text != self.value:
            self.on_change(event.text_area.text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_done(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        self.dismiss(self.text if self.on_change is not None else None)
