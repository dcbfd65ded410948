"""The passphrase of a sealed share, shown once, with how to pass it on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

ADVICE = (
    "Tell it to your supervisor by voice, or send it by another channel: never in the "
    "same e-mail or message as the file. Spaces and capitals do not matter. It is not "
    "kept anywhere, so note it now; if it is lost, export again."
)


class SharePassphraseScreen(ModalScreen[None]):
    """``said`` tells what was written; the passphrase is shown until the clinician closes."""

    #: Enter only: a habitual Escape, on the way out of Export, must not lose it.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "I have noted it"),
    ]
    DEFAULT_CSS = """
    SharePassphraseScreen {
        align: center middle;
    }
    SharePassphraseScreen > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $border;
        background: $panel;
    }
    SharePassphraseScreen #passphrase {
        margin: 1 0;
        padding: 1 2;
        text-style: bold;
        background: $boost;
        text-align: center;
    }
    SharePassphraseScreen Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    """

    def __init__(self, passphrase: str, said: str) -> None:
        super().__init__()
        self.passphrase, self.said = passphrase, said

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                f"{self.said} It opens in any web browser, offline, with this passphrase, "
                "shown only now:",
                markup=False,
            )
            yield Static(self.passphrase, id="passphrase", markup=False)
            yield Static(ADVICE, markup=False)
            with Horizontal():
                yield Button("I have noted it (Enter)", id="close", variant="primary")
        yield Footer(compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
