"""At unlock: copies of this journal found beside it (a sync tool's conflict copies,
reflect's own), offered for merging; then what the merge brought, in words."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reflect_tui.ui.host import ReflectHost, host

if TYPE_CHECKING:
    from reflect_tui.journal import Journal

UNEXPECTED = "Something unexpected stopped the merge; both files are as they were."


def look_for_copies(app: ReflectHost) -> None:
    """Look beside the vault (in a worker) and offer any copy not merged yet."""

    def look() -> None:
        try:
            copies = app.journal.copies_to_merge()
        except Exception:  # a folder that cannot be listed: nothing to offer
            return
        if copies:
            app.call_from_thread(app.push_screen, MergeOfferScreen(copies))

    app.run_worker(look, thread=True, group="copies", exit_on_error=False)


CHANGED_WHILE_LOCKED = (
    "This journal was saved on another device while it was locked, so you are back on "
    "Home: what you wrote here is saved, and any copy to merge is offered now."
)


def back_home(app: ReflectHost) -> None:
    """After an unlock that found another save than the one made at lock (a sync tool
    brought it, or this journal had been saving to a conflict copy): leave the screens
    whose reflection may not be in this file, then offer the copies beside it."""

    async def home_then_offer() -> None:
        app.flow = None
        while len(app.screen_stack) > 1 and app.screen is not app.home:
            await app.pop_screen()  # the unlock screen, then the reflection's screens
        app.notify(CHANGED_WHILE_LOCKED, severity="warning", timeout=20)
        look_for_copies(app)

    app.run_worker(home_then_offer(), group="copies", exit_on_error=False)


def offer_sentence(copies: list[Path]) -> str:
    names = ", ".join(copy.name for copy in copies)
    if len(copies) == 1:
        found = f"A copy of this journal saved on another device is beside it: {names}."
    else:
        found = f"{len(copies)} copies of this journal saved elsewhere are beside it: {names}."
    return (
        f"{found} Merge it into this journal now? Nothing in either is lost, and the "
        "copy stays where it is until you delete it."
    )


def merge_all(journal: Journal, copies: list[Path]) -> list[str]:
    """Merge each copy; what came of it, as lines to show."""
    from reflect_tui.journal import VaultError, WrongPassphrase

    said: list[str] = []
    for copy in copies:
        try:
            summary = journal.merge_from(copy)
        except WrongPassphrase:
            said.append(
                f"{copy.name} has a passphrase of its own: merge it from a terminal with "
                f'reflect merge "{copy}".'
            )
            continue
        except VaultError as exc:
            said.append(str(exc))
            continue
        said.append(f"Merged {copy.name}:")
        said += summary.lines()
    return said


class MergeDone(Message):
    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines


class MergeOfferScreen(ModalScreen[None]):
    """Merge the copies found, or leave them for later (they are offered again)."""

    DEFAULT_CSS = """
    MergeOfferScreen {
        align: center middle;
    }
    MergeOfferScreen > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary 60%;
        background: $surface;
        padding: 1 2;
    }
    MergeOfferScreen Horizontal {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    MergeOfferScreen Button {
        margin-left: 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Not now"),
        Binding("left,right", "app.focus_next", "Switch button", show=False),
    ]

    def __init__(self, copies: list[Path]) -> None:
        super().__init__()
        self.copies = copies
        self.merged = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(offer_sentence(self.copies), id="offer", markup=False)
            with Horizontal():
                yield Button("Not now", id="later")
                yield Button("Merge", id="merge", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#merge", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "merge" and not self.merged:
            self._merge()
        else:
            self.dismiss(None)

    def action_later(self) -> None:
        self.dismiss(None)

    def _merge(self) -> None:
        self.merged = True
        self.query_one("#offer", Static).update("Merging…")
        for button in self.query(Button):
            button.disabled = True
        app = host(self.app)

        def work() -> None:
            try:
                lines = merge_all(app.journal, self.copies)
            except Exception:
                lines = [UNEXPECTED]
            self.post_message(MergeDone(lines))

        app.run_worker(work, thread=True, group="merge", exit_on_error=False)

    async def on_merge_done(self, message: MergeDone) -> None:
        self.query_one("#offer", Static).update("\n".join(message.lines))
        buttons = self.query_one(Horizontal)
        await buttons.remove_children()
        done = Button("Done", id="done", variant="primary")
        await buttons.mount(done)
        done.focus()
        home = host(self.app).home
        if home is not None and hasattr(home, "refresh_data"):
            home.refresh_data()
