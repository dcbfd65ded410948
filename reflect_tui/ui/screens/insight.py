"""Insight: the shape of a practice over time, as pictures rather than tables.

Reflection days per week over the last year, how often each topic came up, open and
closed action items, the scale answers over time, and supervision hours per month
against the clinician's target (:mod:`reflect_tui.ui.screens.insight_supervision`), and
the identities that came up in reflections beside the identity map
(:mod:`reflect_tui.ui.screens.insight_identity`).
Topics and scales cover the last 52 weeks, or all time (a key switches between them).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from reflect_tui.journal import Journal, VaultError, insight
from reflect_tui.ui.screens.insight_identity import IdentityPanel
from reflect_tui.ui.screens.insight_supervision import SupervisionPanel
from reflect_tui.ui.widgets.action_bar import ActionBar
from reflect_tui.ui.widgets.entry_text import plural
from reflect_tui.ui.widgets.scale_chart import ScaleChart
from reflect_tui.ui.widgets.topic_bars import TopicBars
from reflect_tui.ui.widgets.week_bars import WeekBars

NOTHING_YET = (
    "Nothing to picture yet. After a few reflections this page shows on which days you "
    "reflected, which topics came up, your action items and how your scale answers move."
)


def days_caption(seen: insight.Insight) -> str:
    if not seen.reflection_days:
        return "No reflections in the last 52 weeks."
    this_week = seen.weeks[-1].days
    return (
        f"You reflected on {plural(seen.reflection_days, 'day')} in the last 52 weeks "
        f"(in {seen.active_weeks} of the weeks). This week so far: "
        f"{plural(this_week, 'day')}. A full bar is all seven days."
    )


def quiet_topics(seen: insight.Insight) -> str:
    quiet = [t.title for t in seen.topics if not t.count]
    return "Not yet in this time: " + "; ".join(quiet) + "." if quiet else ""


class InsightScreen(Screen[None]):
    """Pictures of the journal; ``today`` may be fixed (tests, snapshots)."""

    CSS_PATH = "insight.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("a", "range(True)", "All time"),
        Binding("y", "range(False)", "Last 52 weeks"),
    ]

    def __init__(
        self,
        journal: Journal,
        *,
        today: date | None = None,
        supervision_target: int = 90,
        identity_prompts: Collection[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.today = today
        #: The prompts whose choices the identity panel counts (None: every choice).
        self.identity_prompts = identity_prompts
        #: Minutes of supervision a month the clinician aims for (config).
        self.supervision_target = supervision_target
        self.all_time = False
        self.seen: insight.Insight | None = None
        #: What was read for each range (True: all time), so switching back is instant.
        self._read: dict[bool, insight.Insight] = {}
        self._reading: set[bool] = set()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="pictures"):
            yield Static("Insight", id="title", markup=False)
            yield Static(id="nothing", markup=False)
            with Vertical(id="days", classes="section"):
                yield Static("Reflection days, week by week", classes="heading", markup=False)
                yield WeekBars(id="weeks")
                yield Static(id="days-caption", classes="caption", markup=False)
            with Vertical(id="topics", classes="section"):
                yield Static(id="topics-heading", classes="heading", markup=False)
                yield TopicBars(id="topic-bars")
                yield Static(id="quiet-topics", classes="caption", markup=False)
            with Vertical(id="actions", classes="section"):
                yield Static("Action items", classes="heading", markup=False)
                yield ActionBar(id="action-bar")
            with Vertical(id="scales", classes="section"):
                yield Static(id="scales-heading", classes="heading", markup=False)
                yield Vertical(id="scale-charts")
            yield SupervisionPanel(
                self.journal, self.supervision_target, self.today, id="supervision"
            )
            yield IdentityPanel(
                self.journal, self.today, prompts=self.identity_prompts, id="identity"
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#pictures").focus()
        self.query_one("#nothing", Static).update("Reading your journal…")
        for section in self.query(".section"):
            section.display = False
        self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "range":
            return parameters[0] != self.all_time  # offer only the other range
        return True

    def action_range(self, all_time: bool) -> None:
        self.all_time = all_time
        self.refresh_bindings()
        self.show()

    def show(self) -> None:
        """Draw the current range: as read before, or once a worker has read it."""
        seen = self._read.get(self.all_time)
        if seen is not None:
            self.call_next(self.draw, seen)
        elif self.all_time not in self._reading:
            self._reading.add(self.all_time)
            self._gather(self.all_time)

    @work(thread=True, group="insight")
    def _gather(self, all_time: bool) -> None:
        try:
            seen = insight.gather(self.journal, today=self.today, all_time=all_time)
        except VaultError as error:
            self.app.call_from_thread(self._not_gathered, all_time, error)
            return
        self.app.call_from_thread(self._gathered, all_time, seen)

    def _not_gathered(self, all_time: bool, error: VaultError) -> None:
        self._reading.discard(all_time)
        self.notify(str(error), severity="error")

    def _gathered(self, all_time: bool, seen: insight.Insight) -> None:
        self._reading.discard(all_time)
        self._read[all_time] = seen
        if all_time == self.all_time:
            self.call_next(self.draw, seen)
        if not all_time and True not in self._read and True not in self._reading:
            # Read all time too while the reader looks, so switching to it is quick.
            self._reading.add(True)
            self._gather(True)

    async def draw(self, seen: insight.Insight) -> None:
        self.seen = seen
        empty = not seen.reflection_days and not any(t.count for t in seen.topics)
        empty = empty and not seen.actions.total and not seen.scales
        self.query_one("#nothing", Static).update(NOTHING_YET if empty else "")
        self.query_one("#nothing").display = empty
        for section in self.query(".section"):
            section.display = not empty
        span = "all time" if seen.since is None else "the last 52 weeks"
        self.query_one(WeekBars).show(seen.weeks)
        self.query_one("#days-caption", Static).update(days_caption(seen))
        self.query_one("#topics-heading", Static).update(
            f"How often each topic came up, {span} (answers written)"
        )
        self.query_one(TopicBars).show([t for t in seen.topics if t.count])
        quiet = quiet_topics(seen)
        self.query_one("#quiet-topics", Static).update(quiet)
        self.query_one("#quiet-topics").display = bool(quiet)
        self.query_one(ActionBar).show(seen.actions)
        heading = f"How it felt, {span}" if seen.scales else "No scale answers in " + span
        self.query_one("#scales-heading", Static).update(heading)
        # The same prompts in the same order are redrawn in place; otherwise anew.
        charts = self.query_one("#scale-charts")
        shown = list(charts.query(ScaleChart))
        if [c.series.prompt_id for c in shown] == [s.prompt_id for s in seen.scales]:
            for chart, series in zip(shown, seen.scales, strict=True):
                chart.show(series, seen.today)
        else:
            await charts.remove_children()
            await charts.mount_all(ScaleChart(series, seen.today) for series in seen.scales)

    def action_back(self) -> None:
        self.dismiss(None)
