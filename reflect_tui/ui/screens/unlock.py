"""Unlock: the passphrase, answered in place when it is wrong; also shown when the app locks."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from reflect_tui.ui.messages import JournalReady

UNEXPECTED = "Something unexpected stopped the unlock; please try again."


class UnlockFailed(Message):
    def __init__(self, sentence: str, *, wrong_passphrase: bool) -> None:
        super().__init__()
        self.sentence = sentence
        self.wrong_passphrase = wrong_passphrase


class UnlockScreen(Screen[None]):
    """Ask for the passphrase and open the vault in a worker (the KDF takes a moment)."""

    CSS_PATH = "unlock.tcss"
    AUTO_FOCUS = "#passphrase"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "unlock", "Unlock"),
    ]

    def __init__(
        self,
        vault_path: Path,
        *,
        relock: bool = False,
        demo: bool = False,
        idle: int | None = None,
    ) -> None:
        super().__init__()
        self.idle = idle
        self.vault_path = vault_path
        #: True when shown over the app after an idle lock (unlocking returns to the screen).
        self.relock = relock
        self.demo = demo

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock-box"):
            yield Static("reflect", id="title", markup=False)
            if self.relock:
                why = (
                    f"Locked after {self.idle} minutes without activity" if self.idle else "Locked"
                )
                intro = f"{why}. What you wrote is saved; unlock to carry on where you were."
            else:
                intro = "Your journal is locked. Type your passphrase to open it."
            yield Static(intro, id="intro", markup=False)
            yield Input(password=True, placeholder="Passphrase", id="passphrase")
            yield Button("Unlock", id="unlock", variant="primary", compact=True)
            yield Static("", id="message", markup=False)
            hint = "This is the example journal; its passphrase is demo." if self.demo else ""
            yield Static(hint or str(self.vault_path), id="where", markup=False)
        yield Footer(compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_unlock()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_unlock()

    def action_unlock(self) -> None:
        field = self.query_one("#passphrase", Input)
        passphrase = field.value
        if field.disabled:
            return
        if not passphrase:
            self._say("Type your passphrase, then press Enter.")
            return
        field.value = ""
        field.disabled = True
        self._say("Unlocking…", error=False)
        self.run_worker(
            lambda: self._open(passphrase),
            thread=True,
            group="unlock",
            exclusive=True,
            exit_on_error=False,
        )

    def _open(self, passphrase: str) -> None:
        """Derive the key and open the vault (in a worker thread)."""
        try:
            from reflect_tui.journal import Journal, VaultError, WrongPassphrase

            try:
                journal = Journal.open(self.vault_path, passphrase)
                # While "Unlocking…" shows, not at the first autosave while typing.
                journal.load_identifier_check()
            except VaultError as exc:
                wrong = isinstance(exc, WrongPassphrase)
                self.post_message(UnlockFailed(str(exc), wrong_passphrase=wrong))
                return
        except Exception:
            self.post_message(UnlockFailed(UNEXPECTED, wrong_passphrase=False))
            return
        self.app.post_message(JournalReady(journal))

    def on_unlock_failed(self, message: UnlockFailed) -> None:
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()
        self._say(message.sentence)

    def _say(self, sentence: str, *, error: bool = True) -> None:
        message = self.query_one("#message", Static)
        message.update(sentence)
        message.set_class(error, "-error")
