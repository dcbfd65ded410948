"""Change the tags of one answer: words separated by spaces or commas."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class EditTagsScreen(ModalScreen[list[str] | None]):
    """Dismisses with the new tags (possibly none), or None when the clinician cancels."""

    CSS_PATH = "edit_tags.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt_text: str, tags: list[str]) -> None:
        super().__init__()
        self.prompt_text = prompt_text
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Tags for this answer", id="title", markup=False)
            yield Static(self.prompt_text, id="prompt", markup=False)
            yield Input(
                " ".join(self.tags),
                placeholder="e.g. supervision boundaries",
                id="tags",
                select_on_focus=False,
            )
            yield Static(
                "Separate tags with spaces. Leave it empty to remove them all. "
                "Enter saves · Esc cancels",
                id="help",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.replace(",", " ").split())

    def action_cancel(self) -> None:
        self.dismiss(None)
