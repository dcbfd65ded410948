"""The watch list: words that must never leave in an export (names, places, a school).
Kept inside the encrypted vault; an export that contains one asks before writing."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.journal import Journal, VaultError


class WatchListScreen(ModalScreen[bool]):
    """Dismisses with True if the list was changed."""

    CSS_PATH = "watch_list.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("delete", "remove", "Remove word"),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static("Watch list", id="title", markup=False)
            yield Static(
                "Names, places or anything else that must never leave in an export. "
                "Case and accents do not matter. The list is kept inside your vault.",
                id="explain",
                markup=False,
            )
            yield Input(placeholder="Add a word or phrase, then Enter", id="word")
            yield OptionList(id="words")
            yield Static(
                "Delete removes the word picked in the list · Esc when done",
                id="keys",
                markup=False,
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.show_words()

    def show_words(self) -> None:
        try:
            words = self.journal.watch_words()
        except VaultError as error:
            self.notify(str(error), severity="error")
            return
        listed = self.query_one(OptionList)
        listed.set_options([Option(Content(word), id=word) for word in words])
        listed.display = bool(words)
        if words:
            listed.highlighted = 0

    @on(Input.Submitted)
    def _add(self, event: Input.Submitted) -> None:
        word = event.value.strip()
        if word:
            event.input.value = ""
            self._change(word, add=True)

    def action_remove(self) -> None:
        listed = self.query_one(OptionList)
        option = listed.highlighted_option
        if listed.has_focus and option is not None and option.id is not None:
            self._change(option.id, add=False)

    @work(thread=True, group="watch-list")
    def _change(self, word: str, *, add: bool) -> None:
        try:
            if add:
                done = self.journal.add_watch_word(word)
                said = f"Added “{word}”." if done else f"“{word}” is on the list already."
            else:
                self.journal.remove_watch_word(word)
                said, done = f"Removed “{word}”.", True
        except VaultError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._changed, said, done)

    def _changed(self, said: str, done: bool) -> None:
        self.changed = self.changed or done
        self.notify(said, timeout=2)
        self.show_words()

    def action_close(self) -> None:
        self.dismiss(self.changed)
