"""Home: start, resume, open actions (done, dropped, a note), recent sessions, 12 weeks."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Select, TextArea

from reflect_tui.journal import Journal
from reflect_tui.journal.demo import demo_records
from reflect_tui.ui.screens.ask_text import AskTextScreen
from reflect_tui.ui.screens.home import ActionList, HomeScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.unlock import UnlockScreen
from reflect_tui.ui.widgets.week_strip import WeekStrip
from reflect_tui.vault.crypto import TEST_KDF
from tests.ui.test_app_fixtures import (
    PASSPHRASE,
    TODAY,
    builtin_library,
    make_app,
    settle,
    unlock,
    wait_screen,
    wait_until,
)


def demo_vault(tmp_path: Path) -> Path:
    vault = tmp_path / "vault" / "journal.reflect"
    with Journal.create(vault, PASSPHRASE, kdf=TEST_KDF) as journal:
        journal.import_records(demo_records(builtin_library(tmp_path), TODAY))
    return vault


async def test_home_shows_what_is_waiting(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.query_one("#set", Select).value == "end-of-day"
        assert home.query_one("#unfinished").display
        assert home.query_one("#unfinished", OptionList).option_count == 1
        actions = home.query_one(ActionList)
        assert actions.option_count == len(app.journal.open_actions()) > 0
        assert home.query_one("#recent", OptionList).option_count == 5
        strip = home.query_one(WeekStrip)
        assert strip.today == TODAY and len(strip.days) >= 15
        assert "days with a reflection" in str(strip.render())


async def test_start_uses_the_chosen_set(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        app.screen.query_one("#set", Select).value = "power"
        await pilot.pause()
        await pilot.press("n")
        await wait_until(pilot, lambda: app.flow is not None)
        assert app.flow is not None and app.flow.prompt_set.id == "power"


async def test_resume_from_home(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        [unfinished] = app.journal.unfinished_sessions()
        await pilot.press("r")
        screen = await wait_screen(pilot, PromptScreen)
        assert app.flow is not None and app.flow.session_id == unfinished.id
        assert screen.flow.prompt_set.id == unfinished.set_id


async def test_mark_done_drop_and_note(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        before = app.journal.open_actions()
        actions = app.screen.query_one(ActionList)
        actions.focus()
        actions.highlighted = 0
        await pilot.press("d")
        await settle(pilot)
        assert len(app.journal.open_actions()) == len(before) - 1
        statuses = {r.text: r.status for r in app.journal.action_records() if r.status != "open"}
        assert statuses.get(before[0].text) == "done" or "done" in statuses.values()
        actions.highlighted = 0
        await pilot.press("x")
        await settle(pilot)
        assert len(app.journal.open_actions()) == len(before) - 2
        actions.highlighted = 0
        target = app.journal.open_actions()[0]
        await pilot.press("o")
        ask = await wait_screen(pilot, AskTextScreen)
        ask.query_one(TextArea).load_text("Tried it twice; it helps.")
        await pilot.pause()
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        [noted] = [a for a in app.journal.open_actions() if a.id == target.id]
        assert noted.follow_up == "Tried it twice; it helps."


async def test_home_keys_open_search_history_insight_and_export(tmp_path: Path) -> None:
    from reflect_tui.ui.screens.export import ExportScreen
    from reflect_tui.ui.screens.history import HistoryScreen
    from reflect_tui.ui.screens.insight import InsightScreen
    from reflect_tui.ui.screens.search import SearchScreen

    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        for key, screen in (
            ("s", SearchScreen),
            ("h", HistoryScreen),
            ("i", InsightScreen),
            ("e", ExportScreen),
        ):
            await pilot.press(key)
            await wait_screen(pilot, screen)
            await pilot.press("escape")
            await wait_screen(pilot, HomeScreen)


async def test_palette_offers_lock_now(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"lock now")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_screen(pilot, UnlockScreen)
        assert not app.unlocked


async def test_palette_starts_a_set(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"start: after a cultural")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.flow is not None)
        assert app.flow is not None and app.flow.prompt_set.id == "repair"


async def test_a_tall_terminal_shows_more_recent_reflections_all_in_view(tmp_path: Path) -> None:
    shown = {}
    sizes = ((80, 24), (100, 30), (100, 40), (120, 30), (120, 40), (160, 30), (160, 48))
    for size in sizes:
        folder = tmp_path / f"{size[0]}x{size[1]}"
        folder.mkdir()
        app = make_app(demo_vault(folder), folder)
        async with app.run_test(size=size) as pilot:
            await unlock(pilot)
            await pilot.pause()
            recent = app.screen.query_one("#recent", OptionList)
            shown[size] = recent.option_count
            assert recent.max_scroll_y == 0, f"{size}: some reflections hide behind a scrollbar"
            strip = app.screen.query_one(WeekStrip)
            assert strip.region.bottom <= size[1] - 1, f"{size}: the twelve weeks are cut off"
    assert shown[(100, 40)] > shown[(100, 30)] and shown[(160, 48)] > shown[(160, 30)]


async def test_growing_a_tall_terminal_lists_more(tmp_path: Path) -> None:
    app = make_app(demo_vault(tmp_path), tmp_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await unlock(pilot)
        recent = app.screen.query_one("#recent", OptionList)
        before = recent.option_count
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert recent.option_count > before
