"""First run: what reflect keeps and where, a passphrase twice with its strength, then the vault."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, ProgressBar, Static

from reflect_tui.core.passphrase_strength import MINIMUM_LENGTH, estimate
from reflect_tui.ui.messages import JournalReady
from reflect_tui.ui.widgets.strength import StrengthMeter

WARNING = (
    "If you lose this passphrase, your reflections cannot be recovered: not by you, "
    "not by anyone. Write it down and keep it somewhere safe."
)


class CreateFailed(Message):
    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class CreateScreen(Screen[None]):
    """Create the vault; the key derivation runs in a worker with progress shown."""

    CSS_PATH = "create.tcss"
    AUTO_FOCUS = "#passphrase"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next_field", "Next / Create"),
    ]

    def __init__(self, vault_path: Path) -> None:
        super().__init__()
        self.vault_path = vault_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="create-scroll"), Vertical(id="create-box"):
            yield Static("Welcome to reflect", id="title", markup=False)
            yield Static(
                "reflect keeps your reflections in one encrypted file on this computer, "
                f"at {self.vault_path}. Nothing is sent anywhere, and only your "
                "passphrase opens it.",
                id="explain",
                markup=False,
            )
            yield Input(password=True, placeholder="Choose a passphrase", id="passphrase")
            yield StrengthMeter(id="strength")
            yield Input(password=True, placeholder="The same passphrase again", id="again")
            yield Static(WARNING, id="warning", markup=False)
            yield Button("Create my journal", id="create", variant="primary", compact=True)
            yield Static("", id="message", markup=False)
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="progress")
        yield Footer(compact=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "passphrase":
            self.query_one(StrengthMeter).show_for(event.value)
        if event.value:
            self._say("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "passphrase":
            self.query_one("#again", Input).focus()
        else:
            self.action_create()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_create()

    def action_next_field(self) -> None:
        if self.focused is self.query_one("#passphrase", Input):
            self.query_one("#again", Input).focus()
        else:
            self.action_create()

    def action_create(self) -> None:
        first = self.query_one("#passphrase", Input)
        again = self.query_one("#again", Input)
        if first.disabled:
            return
        passphrase = first.value
        strength = estimate(passphrase)
        if len(passphrase) < MINIMUM_LENGTH or not strength.acceptable:
            self._say(strength.advice)
            first.focus()
            return
        if again.value != passphrase:
            self._say("The two passphrases differ. Please type it again in both boxes.")
            first.value = again.value = ""
            self.query_one(StrengthMeter).show_for("")
            first.focus()
            return
        first.disabled = again.disabled = True
        self.query_one("#create", Button).disabled = True
        self._say(
            "Creating your vault. This takes a moment on purpose: it makes your "
            "passphrase slow to guess.",
            error=False,
        )
        self.add_class("-working")
        kdf = getattr(self.app, "kdf", None)
        self.run_worker(
            lambda: self._create(passphrase, kdf),
            thread=True,
            group="create",
            exclusive=True,
            exit_on_error=False,
        )

    def _create(self, passphrase: str, kdf: Any) -> None:
        """Create the vault file (in a worker thread)."""
        try:
            from reflect_tui.journal import Journal, VaultError

            try:
                journal = Journal.create(self.vault_path, passphrase, kdf=kdf)
            except VaultError as exc:
                self.post_message(CreateFailed(str(exc)))
                return
        except Exception:
            self.post_message(CreateFailed("Something unexpected stopped the vault being created."))
            return
        self.app.post_message(JournalReady(journal, created=True))

    def on_create_failed(self, message: CreateFailed) -> None:
        self.remove_class("-working")
        for field in self.query(Input):
            field.disabled = False
        self.query_one("#create", Button).disabled = False
        self.query_one("#passphrase", Input).focus()
        self._say(message.sentence)

    def _say(self, sentence: str, *, error: bool = True) -> None:
        line = self.query_one("#message", Static)
        line.update(sentence)
        line.set_class(error, "-error")
