"""Insight's identity panel: over the last year, the domains chosen in reflections beside
those marked on the identity map as often present in the work, and the marked ones that
never came up (see :mod:`reflect_tui.journal.identity_insight`)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reflect_tui.journal import Journal, VaultError
from reflect_tui.journal.identity_insight import IdentityInsight, gather, lines


class IdentityPanel(Vertical):
    DEFAULT_CSS = """
    IdentityPanel {
        height: auto;
        margin-top: 1;
    }
    IdentityPanel .heading {
        text-style: bold;
        margin-bottom: 1;
    }
    IdentityPanel #identity-lines {
        color: $text-muted;
    }
    """

    def __init__(
        self,
        journal: Journal,
        today: date | None,
        *,
        prompts: Collection[tuple[str, str]] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.journal = journal
        self.today = today
        #: The (set id, prompt id) that draw on the map: only their choices count.
        self.prompts = prompts
        self.seen: IdentityInsight | None = None

    def compose(self) -> ComposeResult:
        yield Static("My identities in my reflections, this year", classes="heading", markup=False)
        yield Static("Reading…", id="identity-lines", markup=False)

    def on_mount(self) -> None:
        self._gather()

    @work(thread=True, group="insight-identity")
    def _gather(self) -> None:
        try:
            seen = gather(self.journal, self.today, self.prompts)
        except VaultError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, seen)

    def _show(self, seen: IdentityInsight) -> None:
        self.seen = seen
        self.query_one("#identity-lines", Static).update("\n".join(lines(seen)))
