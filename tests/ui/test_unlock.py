"""The unlock screen: the right passphrase opens Home, a wrong one is answered in place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from reflect_tui.journal import Journal
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.unlock import UnlockScreen
from tests.ui.test_app_fixtures import PASSPHRASE, make_app, new_vault, unlock, wait_until


async def test_right_passphrase_opens_home(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert app.screen.query_one("#passphrase", Input).has_focus
        await unlock(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.unlocked


async def test_wrong_passphrase_is_answered_in_place(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#passphrase", Input)
        field.value = "not the passphrase"
        await pilot.press("enter")
        message = screen.query_one("#message", Static)
        await wait_until(pilot, lambda: "does not open" in str(message.render()))
        assert app.screen is screen
        assert field.value == "" and not field.disabled and field.has_focus
        assert not app.unlocked
        # And the right one still works afterwards.
        await unlock(pilot, PASSPHRASE)


async def test_empty_passphrase_asks_gently(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Type your passphrase" in str(app.screen.query_one("#message", Static).render())


async def test_vault_open_elsewhere_is_explained(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    other = Journal.open(vault, PASSPHRASE)
    try:
        app = make_app(vault, tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.query_one("#passphrase", Input).value = PASSPHRASE
            await pilot.press("enter")
            message = app.screen.query_one("#message", Static)
            await wait_until(pilot, lambda: "already open" in str(message.render()))
            assert isinstance(app.screen, UnlockScreen)
    finally:
        other.close()
