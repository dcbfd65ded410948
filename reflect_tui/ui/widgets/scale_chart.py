"""One scale prompt's answers over time: its wording, a Sparkline, and plain numbers."""

from __future__ import annotations

from datetime import date
from statistics import fmean

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Sparkline, Static

from reflect_tui.journal.insight import RECENT_DAYS, ScaleSeries
from reflect_tui.ui.widgets.entry_text import plural


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def describe(series: ScaleSeries, today: date) -> str:
    """The numbers under the chart, in plain words."""
    first = day_text(series.points[0].day)
    count = len(series.points)
    if count == 1:
        return f"One answer so far: {series.values[0]}, on {first}."
    if series.lowest == series.highest:
        return f"All {count} answers since {first} were {series.lowest}."
    parts = [f"Average {series.average:.1f}"]
    recent = series.recent_average(today)
    if recent is not None:
        parts.append(f"last {RECENT_DAYS // 7} weeks {recent:.1f}")
    parts.append(f"from {series.lowest} to {series.highest}")
    parts.append(f"{plural(count, 'answer')} since {first}")
    return " · ".join(parts)


def worth_drawing(series: ScaleSeries) -> bool:
    """A chart needs two answers that differ; otherwise the words say it all."""
    return len(series.points) > 1 and series.lowest != series.highest


#: Cells per week while there are few weeks, so a short series is not stretched.
CELLS_PER_WEEK = 2


class ScaleChart(Vertical):
    """Oldest week on the left; each bar is a week's average answer (weeks without an
    answer are left out). ``show`` redraws it for another series of the same prompt."""

    DEFAULT_CSS = """
    ScaleChart {
        height: auto;
        margin-bottom: 1;
    }
    ScaleChart > .scale-prompt {
        text-style: italic;
    }
    ScaleChart > Sparkline {
        height: 3;
    }
    ScaleChart > .scale-numbers {
        color: $text-muted;
    }
    """

    def __init__(self, series: ScaleSeries, today: date) -> None:
        super().__init__()
        self.series = series
        self.today = today
        self.weeks = series.weekly_averages()

    def compose(self) -> ComposeResult:
        yield Static(Content(self.series.prompt_text), classes="scale-prompt", markup=False)
        yield Sparkline(self.weeks, summary_function=fmean)
        yield Static(
            Content(describe(self.series, self.today)), classes="scale-numbers", markup=False
        )

    def on_mount(self) -> None:
        self.query_one(Sparkline).display = worth_drawing(self.series)

    def show(self, series: ScaleSeries, today: date) -> None:
        self.series, self.today = series, today
        self.weeks = series.weekly_averages()
        sparkline = self.query_one(Sparkline)
        sparkline.data = self.weeks
        sparkline.display = worth_drawing(series)
        self.query(Static).last().update(Content(describe(series, today)))
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        wanted = max(8, len(self.weeks) * CELLS_PER_WEEK)
        self.query_one(Sparkline).styles.width = min(wanted, self.size.width)
