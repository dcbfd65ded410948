"""The Insight screen: the pictures show the journal's numbers, for either range."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Sparkline, Static

from reflect_tui.core.records import ActionRecord
from reflect_tui.journal import insight
from reflect_tui.ui.screens.insight import NOTHING_YET, InsightScreen
from reflect_tui.ui.widgets.action_bar import ActionBar, split_width
from reflect_tui.ui.widgets.scale_chart import ScaleChart
from reflect_tui.ui.widgets.topic_bars import TopicBars, bar
from reflect_tui.ui.widgets.week_bars import WeekBars, bar_cells, month_labels
from tests.ui.test_history_fixtures import HostApp, make_session, new_journal

TODAY = date(2025, 3, 12)


def journal_with_history(tmp_path: Path):
    records = [
        make_session(TODAY - timedelta(days=n), ["a", "b", "c", "d"], ease=1 + n % 5)
        for n in range(0, 60, 2)
    ]
    old = make_session(TODAY - timedelta(days=800), ["x", "y", "z", "w"], ease=5)
    actions = (ActionRecord("ask first"), ActionRecord("read", status="done"))
    records.append(type(old)(**{**old.__dict__, "answers": old.answers[:3], "actions": actions}))
    return new_journal(tmp_path, records)


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text_of(widget) -> str:
    return str(widget.render())


async def test_pictures_show_the_numbers(tmp_path: Path) -> None:
    journal = journal_with_history(tmp_path)
    app = HostApp(lambda: InsightScreen(journal, today=TODAY))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, InsightScreen)
        seen = screen.seen
        assert seen is not None and seen.reflection_days == 30
        weeks = screen.query_one(WeekBars)
        assert len(weeks.weeks) == 52 and weeks.size.height == 5
        caption = text_of(screen.query_one("#days-caption", Static))
        assert "30 days" in caption and "This week so far: 2 days" in caption
        drawn = text_of(screen.query_one(TopicBars)).splitlines()
        assert drawn[0].startswith("Identity and perspective") and drawn[0].endswith("60")
        assert len(drawn) == 4  # identity, power, countertransference, well-being
        assert "Repair" in text_of(screen.query_one("#quiet-topics", Static))
        legend = text_of(screen.query_one(ActionBar)).splitlines()[1]
        assert "1 open" in legend and "1 done" in legend
        [chart] = screen.query(ScaleChart)
        assert len(chart.series.points) == 30
        assert chart.query_one(Sparkline).data == chart.series.weekly_averages()
        assert "from 1 to 5" in text_of(chart.query(Static).last())
        assert "last 52 weeks" in text_of(screen.query_one("#topics-heading", Static))

        await pilot.press("a")  # all time: the old reflection counts too
        await settle(pilot)
        [chart] = screen.query(ScaleChart)
        assert len(chart.series.points) == 31
        drawn = text_of(screen.query_one(TopicBars)).splitlines()
        assert drawn[0].endswith("61")
        assert "all time" in text_of(screen.query_one("#topics-heading", Static))
        assert screen.seen is not None and screen.seen.reflection_days == 30
        await pilot.press("y")  # back: drawn again from what was read before
        await pilot.pause()
        assert not screen.all_time and screen.seen is seen
    journal.close()


async def test_an_empty_journal_says_what_will_appear(tmp_path: Path) -> None:
    journal = new_journal(tmp_path)
    async with HostApp(lambda: InsightScreen(journal)).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        nothing = screen.query_one("#nothing", Static)
        assert nothing.display and text_of(nothing) == NOTHING_YET
        assert not any(section.display for section in screen.query(".section"))
    journal.close()


async def test_reads_well_at_160_by_48(tmp_path: Path) -> None:
    journal = journal_with_history(tmp_path)
    app = HostApp(lambda: InsightScreen(journal, today=TODAY))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        weeks = pilot.app.screen.query_one(WeekBars)
        lines = text_of(weeks).splitlines()
        assert len(lines) == 5 and all(len(line) <= weeks.size.width for line in lines)
        assert lines[4].startswith("Mar")  # room for both at this width
    journal.close()


def test_week_bar_cells() -> None:
    assert bar_cells(7) == ["█"] * 4
    assert bar_cells(0) == [" "] * 4
    assert bar_cells(1) == [" ", " ", " ", "▅"]
    assert bar_cells(4) == [" ", "▂", "█", "█"]


def test_month_labels_sit_under_the_week_a_month_begins() -> None:
    weeks = insight.weekly_days(set(), TODAY)
    line = month_labels(weeks, 1)
    assert line.startswith("  Apr") and len(line) == 52  # March gives way to April
    assert line.index("Apr") == next(n for n, w in enumerate(weeks) if w.start.month == 4)


def test_text_bars() -> None:
    assert bar(10, 10, 4) == "████"
    assert bar(5, 10, 4) == "██"
    assert bar(1, 10, 4) == "▍" or bar(1, 10, 4) == "▎"
    assert bar(0, 10, 4) == ""
    assert split_width(insight.ActionSummary(1, 98, 1), 10) == {
        "open": 1,
        "done": 8,
        "dropped": 1,
    }


async def test_the_supervision_panel_shows_each_month_against_the_target(tmp_path: Path) -> None:
    from reflect_tui.core.supervision import MeetingInput
    from reflect_tui.ui.screens.insight_supervision import SupervisionPanel
    from reflect_tui.ui.widgets.supervision_bars import SupervisionBars

    journal = journal_with_history(tmp_path)
    journal.add_meeting(MeetingInput(date(2025, 2, 11), 100, "individual", summary="Feb"))
    journal.add_meeting(MeetingInput(date(2025, 3, 4), 60, "group", summary="Mar"))
    app = HostApp(lambda: InsightScreen(journal, today=TODAY, supervision_target=90))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(SupervisionPanel)
        lines = text_of(panel.query_one(SupervisionBars)).splitlines()
        assert len(lines) == 8 + 2  # the bars' rows, the months, their hours
        names, figures = lines[-2].split(), lines[-1].split()
        assert names[0] == "Apr" and names[-2:] == ["Feb", "Mar"] and len(names) == 12
        assert figures[-2:] == ["1h40", "30m"] and figures[:10] == ["-"] * 10
        assert lines[0].lstrip().startswith("1h40 ┤")  # the scale: the largest month
        target = next(n for n, line in enumerate(lines) if "1h30 ┤" in line)
        assert "╌" in lines[target]
        full_rows = [line for line in lines[:8] if "█" in line]
        assert len(full_rows) >= 7  # February's column reaches the top
        said = text_of(panel.query_one("#supervision-caption"))
        assert "target is 1 h 30 a month, met in 1 of these 12 months" in said
        assert "Last meeting 2025-03-04" in said and "to be discussed" in said
    journal.close()
