"""First run: the create screen explains, checks the passphrase twice, and creates the vault."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from reflect_tui.journal import Journal
from reflect_tui.ui.screens.create import CreateScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.widgets.strength import StrengthMeter
from tests.ui.test_app_fixtures import make_app, wait_screen

GOOD = "lantern orchard quietly seventeen"


def message(screen: CreateScreen) -> str:
    return str(screen.query_one("#message", Static).render())


async def test_first_run_explains_and_warns(tmp_path: Path) -> None:
    vault = tmp_path / "new" / "journal.reflect"
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, CreateScreen)
        explain = str(screen.query_one("#explain", Static).render())
        assert str(vault) in explain and "encrypted" in explain
        assert "cannot be recovered" in str(screen.query_one("#warning", Static).render())


async def test_strength_is_shown_as_typed(tmp_path: Path) -> None:
    app = make_app(tmp_path / "journal.reflect", tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, CreateScreen)
        await pilot.press(*"password")
        assert "Very weak" in str(screen.query_one(StrengthMeter).render())
        screen.query_one("#passphrase", Input).value = GOOD
        await pilot.pause()
        assert "Strong" in str(screen.query_one(StrengthMeter).render())


async def test_weak_and_mismatched_passphrases_are_refused(tmp_path: Path) -> None:
    vault = tmp_path / "journal.reflect"
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await wait_screen(pilot, CreateScreen)
        first = screen.query_one("#passphrase", Input)
        again = screen.query_one("#again", Input)
        first.value = again.value = "letmein1"
        await pilot.pause()
        screen.action_create()
        await pilot.pause()
        assert "guess" in message(screen) or "at least" in message(screen)
        first.value, again.value = GOOD, GOOD + "x"
        await pilot.pause()
        screen.action_create()
        await pilot.pause()
        assert "differ" in message(screen)
        assert again.value == "" and first.value == "" and first.has_focus
        assert not vault.exists()


async def test_create_opens_home_and_the_vault_opens_later(tmp_path: Path) -> None:
    vault = tmp_path / "journal.reflect"
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_screen(pilot, CreateScreen)
        await pilot.press(*"lantern orchard")
        await pilot.press("enter")  # Enter in the first box moves to the second
        assert app.screen.focused is app.screen.query_one("#again", Input)
        app.screen.query_one("#passphrase", Input).value = GOOD
        app.screen.query_one("#again", Input).value = GOOD
        await pilot.press("enter")
        await wait_screen(pilot, HomeScreen)
    assert vault.exists()
    Journal.open(vault, GOOD).close()
