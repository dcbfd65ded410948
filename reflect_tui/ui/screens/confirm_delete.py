"""Ask before a reflection (or a meeting) is deleted for good, saying exactly what will
be lost; then delete it off the UI thread (:func:`ask_then_delete`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
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


def ask_then_delete(
    screen: Screen[Any],
    what: str,
    delete: Callable[[], None],
    deleted: Callable[[], None],
    lost: str = WHAT_IS_LOST,
) -> None:
    """Ask before deleting ``what``; on "Delete for good", run ``delete`` in a worker (it
    saves) and then ``deleted`` on the UI thread. Already gone counts as deleted; a save
    that fails is said (it is gone from memory, and the next save writes that), and a
    refusal is said and stops there."""

    def run() -> None:
        from reflect_tui.journal import NotFound, SaveFailed, VaultError

        try:
            delete()
        except NotFound:
            pass  # deleted already
        except SaveFailed as error:
            screen.app.call_from_thread(screen.notify, str(error), severity="error", timeout=8)
        except VaultError as error:
            screen.app.call_from_thread(screen.notify, str(error), severity="error")
            return
        screen.app.call_from_thread(deleted)

    def confirmed(yes: bool | None) -> None:
        if yes:
            screen.run_worker(run, thread=True, group="journal-changes")

    screen.app.push_screen(ConfirmDeleteScreen(what, lost), confirmed)
