"""Messages the screens and helpers send the app (so none of them imports the app)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.journal.models import ActionItem
    from reflect_tui.prompts import PromptSet


class JournalReady(Message):
    """A screen unlocked or created the journal (posted from a worker thread)."""

    def __init__(self, journal: Journal, *, created: bool = False) -> None:
        super().__init__()
        self.journal = journal
        self.created = created


class SessionStarted(Message):
    """The journal has the new session (posted from the worker to the app)."""

    def __init__(self, prompt_set: PromptSet, session_id: int, actions: list[ActionItem]) -> None:
        super().__init__()
        self.prompt_set = prompt_set
        self.session_id = session_id
        self.actions = actions
