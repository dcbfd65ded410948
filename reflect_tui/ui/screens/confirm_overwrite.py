"""Ask before an export replaces a file that is already there."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmOverwriteScreen(ModalScreen[bool]):
    """Dismisses with True only when the clinician chooses to replace the file."""

    DEFAULT_CSS = """
    ConfirmOverwriteScreen {
        align: center middle;
    }
    ConfirmOverwriteScreen > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $warning 60%;
        background: $surface;
        padding: 1 2;
    }
    ConfirmOverwriteScreen Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    ConfirmOverwriteScreen Button {
        margin-left: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep it"),
        Binding("left,right", "switch", "Switch button", show=False),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"{self.path} is already there. Replace it with this export?", markup=False
            )
            with Horizontal():
                yield Button("Keep the old file", id="keep", variant="primary")
                yield Button("Replace it", id="replace", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "replace")

    def action_keep(self) -> None:
        self.dismiss(False)

    def action_switch(self) -> None:
        focused = self.focused
        other = "#replace" if focused is not None and focused.id == "keep" else "#keep"
        self.query_one(other, Button).focus()
