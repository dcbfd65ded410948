"""Ask before a reflection is deleted for good, saying exactly what will be lost."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

WHAT_IS_LOST = (
    "Its answers, tags, flags and action items will be gone from the vault, from search "
    "and from every later save. Backups saved before now still hold it until they age "
    "out. This cannot be undone."
)


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Dismisses with True only when the clinician chooses to delete."""

    CSS_PATH = "confirm_delete.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep it"),
        Binding("left,right", "switch", "Switch button", show=False),
    ]

    def __init__(self, what: str, lost: str = WHAT_IS_LOST) -> None:
        """``what`` names the reflection, e.g. 'the reflection of Wednesday 12 March 2025';
        ``lost`` says what goes with it."""
        super().__init__()
        self.what = what
        self.lost = lost

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(f"Delete {self.what}?", id="question", markup=False)
            yield Static(self.lost, id="consequence", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Keep it", id="keep", variant="primary")
                yield Button("Delete for good", id="delete", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "delete")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_switch(self) -> None:
        focused = self.focused
        other = "#delete" if focused is not None and focused.id == "keep" else "#keep"
        self.query_one(other, Button).focus()
