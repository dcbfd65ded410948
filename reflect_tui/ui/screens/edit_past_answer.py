"""Correct the text of an answer written earlier (from History or Search), in a roomy
text area; Ctrl+S keeps the change, Esc leaves it (twice, if something was changed)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from reflect_tui.ui.widgets.entry_area import EntryArea


class EditPastAnswerScreen(ModalScreen[str | None]):
    """Dismisses with the new text, or None when nothing changed or the edit was left."""

    CSS_PATH = "edit_past_answer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, prompt_text: str, text: str) -> None:
        super().__init__()
        self.prompt_text = prompt_text
        self.original = text
        self._warned = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Edit your answer", id="title", markup=False)
            yield Static(self.prompt_text, id="prompt", markup=False)
            yield EntryArea(self.original, id="text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="buttons"):
                yield Static("Ctrl+S saves · Esc cancels", id="keys", markup=False)
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(None if self.text == self.original else self.text)

    def action_cancel(self) -> None:
        if self.text != self.original and not self._warned:
            self._warned = True
            self.notify("Press Esc again to discard your changes, or Ctrl+S to save them.")
            return
        self.dismiss(None)
