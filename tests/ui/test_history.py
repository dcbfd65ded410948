"""The History screen: listing, filtering, paging and opening reflections."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Checkbox, Input, Select, Static

from reflect_tui.core import clock
from reflect_tui.ui.screens.history import PAGE, HistoryScreen
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.widgets.answer_card import AnswerCard
from reflect_tui.ui.widgets.history_table import HistoryTable
from tests.ui.test_history_fixtures import HostApp, demo_records, make_session, new_journal

TODAY = clock.today()
SETS = {"end-of-day": "End of day", "repair": "After a cultural misstep or rupture"}


def small_journal(tmp_path: Path):
    records = [
        make_session(
            TODAY, ["Newest words about [bold]faith[/bold]", "b", "c", "d"], tags=("supervision",)
        ),
        make_session(TODAY - timedelta(days=1), ["Flagged one", "b", "c", "d"], flagged=True),
        make_session(
            TODAY - timedelta(days=10),
            ["Repair words", "b", "c", "d"],
            set_id="repair",
            set_title="After a cultural misstep or rupture",
        ),
        make_session(TODAY - timedelta(days=40), ["Old words", "b", "c", "d"], finished=False),
    ]
    return new_journal(tmp_path, records)


def history_app(journal) -> HostApp:
    return HostApp(lambda: HistoryScreen(journal, set_titles=SETS))


def first_words(screen: HistoryScreen) -> list[str]:
    table = screen.query_one(HistoryTable)
    return [table.get_row_at(n)[4].plain for n in range(table.row_count)]


async def test_lists_reflections_newest_first(tmp_path: Path) -> None:
    journal = small_journal(tmp_path)
    async with history_app(journal).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert first_words(screen) == [
            "Newest words about [bold]faith[/bold]",
            "Flagged one",
            "Repair words",
            "Unfinished: Old words",
        ]
        table = screen.query_one(HistoryTable)
        assert table.has_focus
        first = table.get_row_at(0)
        assert first[1].plain == "End of day"
        assert first[3].plain == "5"  # four written answers and the scale
        assert table.get_row_at(1)[2].plain == "⚑"
        assert table.get_row_at(0)[2] == ""
    journal.close()


async def test_filters_by_flag_set_topic_tag_and_dates(tmp_path: Path) -> None:
    journal = small_journal(tmp_path)
    async with history_app(journal).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert "Press f to filter" in str(screen.query_one("#summary", Static).render())
        await pilot.press("f")
        assert pilot.app.focused is screen.query_one("#from", Input)

        screen.query_one("#flagged", Checkbox).value = True
        await pilot.pause()
        assert first_words(screen) == ["Flagged one"]
        summary = str(screen.query_one("#summary", Static).render())
        assert summary == "Only flagged for supervision. Press c to show all."

        screen.table.focus()
        await pilot.press("c")  # clear filters (the table has focus)
        await pilot.pause()
        assert not screen.query_one("#flagged", Checkbox).value
        assert len(first_words(screen)) == 4

        screen.query_one("#set", Select).value = "repair"
        await pilot.pause()
        assert first_words(screen) == ["Repair words"]
        screen.query_one("#set", Select).value = ""

        screen.query_one("#topic", Select).value = "repair"  # no answer has that topic
        await pilot.pause()
        assert first_words(screen) == []
        empty = screen.query_one("#empty", Static)
        assert empty.display and "No reflections match" in str(empty.render())
        screen.query_one("#topic", Select).value = "wellbeing"
        await pilot.pause()
        assert len(first_words(screen)) == 4

        screen.action_clear_filters()
        screen.query_one("#tag", Input).value = "#Supervision"
        await pilot.pause(0.5)  # the tag box waits for a pause in typing
        assert first_words(screen) == ["Newest words about [bold]faith[/bold]"]

        screen.action_clear_filters()
        start = (TODAY - timedelta(days=12)).isoformat()
        end = (TODAY - timedelta(days=1)).isoformat()
        screen.query_one("#from", Input).value = start
        screen.query_one("#to", Input).value = end
        await pilot.pause()
        assert first_words(screen) == ["Flagged one", "Repair words"]

        # An unreadable date leaves the list as it was and says how dates look.
        screen.query_one("#to", Input).value = "2025-13-40"
        await pilot.pause()
        assert "2025-03-12" in str(screen.query_one("#hint", Static).render())
        assert len(first_words(screen)) == 2
        screen.query_one("#to", Input).value = "2000-01-01"
        await pilot.pause()
        assert "after the To date" in str(screen.query_one("#hint", Static).render())
    journal.close()


async def test_pages_load_as_the_reader_scrolls(tmp_path: Path) -> None:
    journal = new_journal(tmp_path, demo_records(PAGE * 2 + 30, words=6))
    async with history_app(journal).run_test(size=(80, 24)) as pilot:
        table = pilot.app.screen.query_one(HistoryTable)
        assert table.row_count == PAGE
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert table.row_count == PAGE * 2
        table.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert table.row_count == PAGE * 2 + 30
        dates = [table.get_row_at(n)[0] for n in range(table.row_count)]
        assert len(set(dates)) == len(dates)  # no page was read twice
    journal.close()


async def test_enter_opens_a_reflection_and_escape_comes_back(tmp_path: Path) -> None:
    journal = small_journal(tmp_path)
    async with history_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        detail = pilot.app.screen
        assert isinstance(detail, SessionDetailScreen)
        cards = list(detail.query(AnswerCard))
        assert [c.answer.prompt_text for c in cards][:2] == [
            "Which part of who I am shaped what I noticed, assumed or felt in today's work?",
            "Where did the power between me and a client show up today, and what did I do with it?",
        ]
        assert cards[0].answer.text == "Flagged one"
        assert cards[0].has_focus
        heading = str(detail.query_one("#status", Static).render())
        assert "Whole reflection flagged" in heading and "5 answers" in heading
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert pilot.app.screen.query_one(HistoryTable).cursor_row == 1
    journal.close()


async def test_reads_well_at_160_by_48(tmp_path: Path) -> None:
    journal = small_journal(tmp_path)
    async with history_app(journal).run_test(size=(160, 48)) as pilot:
        table = pilot.app.screen.query_one(HistoryTable)
        assert ", " in table.get_row_at(0)[0]  # wide: the time is shown too
        widths = [c.width for c in table.ordered_columns]
        assert sum(widths) + 2 * len(widths) <= 160
    journal.close()


async def test_escape_leaves_the_filters_then_the_screen(tmp_path: Path) -> None:
    journal = small_journal(tmp_path)
    async with history_app(journal).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert not screen.filters_shown  # the filter boxes are made when first asked for
        await pilot.press("f")
        screen.query_one("#tag", Input).value = "supervision"
        await pilot.press("enter")  # applies at once and goes back to the list
        await pilot.pause()
        assert screen.table.has_focus and first_words(screen) == [
            "Newest words about [bold]faith[/bold]"
        ]
        assert "tag #supervision" in str(screen.query_one("#summary", Static).render())
        await pilot.press("f", "escape")
        assert screen.table.has_focus and not screen.query_one("#filters").display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HistoryScreen)
    journal.close()
