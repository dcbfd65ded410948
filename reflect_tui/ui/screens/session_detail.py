"""Read one reflection: every answer under its prompt as it was asked; edit, tag, flag,
or delete it.

Changes are saved in a worker thread, one after another in the order they were made,
so the screen never waits for the disk. A change that cannot be saved is reported in
one sentence, and an edit's words are kept to try again.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from reflect_tui.journal import Journal, NotFound, SaveFailed, VaultError
from reflect_tui.ui.screens.confirm_delete import ask_then_delete
from reflect_tui.ui.screens.edit_past_answer import EditPastAnswerScreen
from reflect_tui.ui.screens.edit_tags import EditTagsScreen
from reflect_tui.ui.widgets.answer_card import AnswerCard
from reflect_tui.ui.widgets.entry_text import clock, long_day, plural

if TYPE_CHECKING:
    from reflect_tui.journal.models import Answer, ReflectionSession

#: What the screen dismisses with, so a list behind it can refresh.
CHANGED = "changed"
DELETED = "deleted"

Change = Callable[[], object]


class SessionDetailScreen(Screen[str | None]):
    """One reflection. Dismisses with ``"deleted"``, ``"changed"`` or None (untouched)."""

    CSS_PATH = "session_detail.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("t", "tags", "Tags"),
        Binding("f", "flag_answer", "Flag"),
        Binding("F", "flag_session", "Flag all"),
        Binding("d", "delete", "Delete"),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
    ]

    def __init__(self, journal: Journal, session_id: int, *, answer_id: int | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.session_id = session_id
        self.answer_id = answer_id
        self.session: ReflectionSession | None = None
        self.answers: list[Answer] = []
        self.changed = False
        #: Words of an edit that could not be saved, by answer id, to offer again.
        self.unsaved_edits: dict[int, str] = {}
        self._changes: deque[tuple[Change, str, int | None]] = deque()
        self._changes_lock = threading.Lock()
        self._saving = False
        self.meeting_days: dict[str, date] = {}

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="heading", markup=False)
        yield Static(id="status", markup=False)
        yield VerticalScroll(id="answers", can_focus=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        try:
            self.session = self.journal.get_session(self.session_id)
            self.answers = self.journal.session_answers(self.session_id)
            self.meeting_days = self.journal.meeting_days()
        except VaultError as error:
            self.notify(str(error), severity="error")
            self.dismiss(DELETED if isinstance(error, NotFound) else None)
            return
        self._show_heading()
        cards = [AnswerCard(answer, self.meeting_days) for answer in self.answers]
        await self.query_one("#answers").mount_all(cards)
        if not cards:
            await self.query_one("#answers").mount(
                Static("Nothing was written in this reflection.", classes="empty", markup=False)
            )
            return
        wanted = next((c for c in cards if c.answer.id == self.answer_id), cards[0])
        wanted.focus(scroll_visible=False)
        scroller = self.query_one("#answers", VerticalScroll)
        self.call_after_refresh(scroller.scroll_to_widget, wanted, animate=False, top=True)

    def _show_heading(self) -> None:
        session = self.session
        assert session is not None
        offset = session.utc_offset
        title = f"{long_day(session.started, offset)}, {clock(session.started, offset)}"
        title += f" · {session.set_title}"
        self.query_one("#heading", Static).update(Content(title))
        written = sum(1 for a in self.answers if a.text.strip() and not a.skipped)
        parts = [
            Content("Finished" if session.finished else "Unfinished"),
            Content(plural(written, "answer")),
        ]
        if session.flagged:
            parts.append(Content.styled("⚑ Whole reflection flagged for supervision", "bold"))
        self.query_one("#status", Static).update(Content(" · ").join(parts))

    # -- moving between answers --------------------------------------------------

    @property
    def card(self) -> AnswerCard | None:
        focused = self.focused
        return focused if isinstance(focused, AnswerCard) else None

    def _step(self, direction: int) -> None:
        """Scroll through a long answer first, then move to the next one."""
        scroller = self.query_one("#answers", VerticalScroll)
        card = self.card
        if card is not None:
            view = scroller.content_region
            region = card.region
            if direction > 0 and region.bottom > view.bottom:
                scroller.scroll_relative(y=3, animate=False)
                return
            if direction < 0 and region.y < view.y:
                scroller.scroll_relative(y=-3, animate=False)
                return
        cards = list(self.query(AnswerCard).results(AnswerCard))
        index = cards.index(card) + direction if card in cards else 0
        if 0 <= index < len(cards):
            target = cards[index]
            target.focus(scroll_visible=False)
            # A long answer is read from its top; a short one is just brought into view.
            tall = target.outer_size.height > scroller.content_region.height
            scroller.scroll_to_widget(target, animate=False, top=tall)

    def action_next_answer(self) -> None:
        self._step(1)

    def action_previous_answer(self) -> None:
        self._step(-1)

    def action_page(self, direction: int) -> None:
        scroller = self.query_one("#answers", VerticalScroll)
        scroller.scroll_relative(y=direction * max(1, scroller.size.height - 2), animate=False)

    # -- changes -----------------------------------------------------------------

    def _save(self, change: Change, done: str, answer_id: int | None = None) -> None:
        """Queue a change to save in the background; ``done`` is said when it is saved."""
        with self._changes_lock:
            self._changes.append((change, done, answer_id))
            if self._saving:
                return
            self._saving = True
        self._save_changes()

    @work(thread=True, group="journal-changes")
    def _save_changes(self) -> None:
        while True:
            with self._changes_lock:
                if not self._changes:
                    self._saving = False
                    return
                change, done, answer_id = self._changes.popleft()
            try:
                change()
            except VaultError as error:
                self.app.call_from_thread(self._change_failed, error, answer_id)
            else:
                self.app.call_from_thread(self._change_saved, done, answer_id)

    def _change_saved(self, done: str, answer_id: int | None) -> None:
        self.changed = True
        if answer_id is not None:
            self.unsaved_edits.pop(answer_id, None)
        if done:
            self.notify(done, timeout=2)
        self.refresh_answers()

    def _change_failed(self, error: VaultError, answer_id: int | None) -> None:
        if isinstance(error, SaveFailed):
            # The change is made in memory and will reach the disk with the next save.
            self.changed = True
            if answer_id is not None:
                self.unsaved_edits.pop(answer_id, None)
        elif answer_id is not None and answer_id in self.unsaved_edits:
            error = VaultError(f"{error} Your words are kept: press e to try again.")
        self.notify(str(error), severity="error", timeout=8)
        self.refresh_answers()

    def refresh_answers(self) -> None:
        """Show the journal's current state of every answer and of the session."""
        try:
            self.session = self.journal.get_session(self.session_id)
            self.answers = self.journal.session_answers(self.session_id)
        except VaultError:
            return
        fresh = {a.id: a for a in self.answers}
        for card in self.query(AnswerCard).results(AnswerCard):
            if card.answer.id in fresh:
                card.show(fresh[card.answer.id])
        self._show_heading()

    # -- actions -----------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(CHANGED if self.changed else None)

    def action_edit(self) -> None:
        card = self.card
        if card is None:
            return
        if not card.editable:
            self.notify("Only written answers can be edited; scale and choice answers cannot.")
            return
        answer = card.answer
        assert answer.id is not None
        answer_id = answer.id
        start = self.unsaved_edits.get(answer_id, answer.text)

        def edited(text: str | None) -> None:
            if text is None or text == answer.text:
                return
            self.unsaved_edits[answer_id] = text
            self._save(lambda: self.journal.edit_answer(answer_id, text), "Saved.", answer_id)

        self.app.push_screen(EditPastAnswerScreen(answer.prompt_text, start), edited)

    def action_tags(self) -> None:
        card = self.card
        if card is None:
            return
        answer = card.answer
        assert answer.id is not None
        answer_id = answer.id

        def tagged(tags: list[str] | None) -> None:
            if tags is None:
                return
            done = "Tags saved." if tags else "Tags removed."
            self._save(lambda: self.journal.set_answer_tags(answer_id, tags), done)

        self.app.push_screen(EditTagsScreen(answer.prompt_text, answer.tag_list), tagged)

    def action_flag_answer(self) -> None:
        card = self.card
        if card is None:
            return
        answer: Answer = card.answer
        assert answer.id is not None
        answer_id, flagged = answer.id, not answer.flagged
        # Show it at once; the saved state replaces this when the save is done.
        answer.flagged = flagged
        card.show(answer)
        done = "Flagged for supervision." if flagged else "Flag removed."
        self._save(lambda: self.journal.flag_answer(answer_id, flagged), done)

    def action_flag_session(self) -> None:
        if self.session is None:
            return
        flagged = not self.session.flagged
        self.session.flagged = flagged
        self._show_heading()
        done = "Reflection flagged for supervision." if flagged else "Flag removed."
        self._save(lambda: self.journal.flag_session(self.session_id, flagged), done)

    def action_delete(self) -> None:
        if self.session is None:
            return
        session = self.session
        what = f"the reflection of {long_day(session.started, session.utc_offset)}"
        what += f" ({session.set_title})"

        ask_then_delete(
            self, what, lambda: self.journal.delete_session(self.session_id), self._deleted
        )

    def _deleted(self) -> None:
        self.notify("The reflection was deleted.")
        self.dismiss(DELETED)
