"""Insight's supervision panel: counted supervision hours in each of the last twelve
months against the monthly target (``supervision_minutes_per_month``), and how many
prepared answers wait to be taken to the next meeting."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reflect_tui.journal import Journal, VaultError
from reflect_tui.journal.supervision_insight import SupervisionInsight, gather
from reflect_tui.ui.widgets.entry_text import plural
from reflect_tui.ui.widgets.supervision_bars import SupervisionBars, hours


def caption(seen: SupervisionInsight) -> str:
    flagged = plural(seen.waiting, "prepared answer")
    if seen.last_meeting is None:
        return (
            "No supervision recorded yet: after a meeting, press a on Home. "
            f"{flagged.capitalize()} waiting to be taken."
        )
    target = (
        f" Your target is {hours(seen.target)} a month, met in {seen.months_met} of these "
        f"{len(seen.months)} months."
        if seen.target
        else ""
    )
    return (
        f"Counted hours of the last twelve months (group time by its share).{target} "
        f"Last meeting {seen.last_meeting.isoformat()}; {flagged} "
        f"{'waits' if seen.waiting == 1 else 'wait'} to be discussed."
    )


class SupervisionPanel(Vertical):
    DEFAULT_CSS = """
    SupervisionPanel {
        height: auto;
        margin-top: 1;
    }
    SupervisionPanel .heading {
        text-style: bold;
        margin-bottom: 1;
    }
    SupervisionPanel .caption {
        color: $text-muted;
    }
    """

    def __init__(
        self, journal: Journal, target: int, today: date | None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.journal = journal
        self.target = target
        self.today = today
        self.seen: SupervisionInsight | None = None

    def compose(self) -> ComposeResult:
        yield Static("Supervision, month by month", classes="heading", markup=False)
        yield SupervisionBars(id="supervision-bars")
        yield Static("Reading…", id="supervision-caption", classes="caption", markup=False)

    def on_mount(self) -> None:
        self._gather()

    @work(thread=True, group="insight-supervision")
    def _gather(self) -> None:
        try:
            seen = gather(self.journal, self.target, self.today)
        except VaultError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        self.app.call_from_thread(self._show, seen)

    def _show(self, seen: SupervisionInsight) -> None:
        self.seen = seen
        self.query_one(SupervisionBars).show(seen)
        self.query_one("#supervision-caption", Static).update(caption(seen))
