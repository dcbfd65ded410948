"""My identity map's screen at its edges: a save that fails, the idle lock, quitting
from a dialog over the map or while locked; none of them may lose what was typed or
save it twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from reflect_tui.journal import Journal, SaveFailed
from reflect_tui.ui.screens.confirm import ConfirmScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.identity_map import IdentityMapScreen
from reflect_tui.ui.screens.unlock import UnlockScreen
from tests.conftest import PASSPHRASE
from tests.ui.test_app_fixtures import make_app, new_vault, unlock, wait_screen, wait_until


async def _typed_map(pilot: Pilot[Any], words: str = "in my forties") -> IdentityMapScreen:
    await unlock(pilot)
    await pilot.press("m")
    screen = await wait_screen(pilot, IdentityMapScreen)
    screen.query_one("#age-words", Input).value = words
    await pilot.pause()
    return screen


async def test_a_save_that_fails_on_disk_keeps_one_version_not_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _typed_map(pilot)
        journal = app.journal
        real = journal.save_identity_map

        def save_then_fail(*args: Any, **kwargs: Any) -> int:
            real(*args, **kwargs)  # kept in memory, as the journal does
            raise SaveFailed(journal.path, "the disk is full")

        monkeypatch.setattr(journal, "save_identity_map", save_then_fail)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, IdentityMapScreen))
        messages = " ".join(n.message for n in app._notifications)
        assert "the disk is full" in messages
        monkeypatch.setattr(journal, "save_identity_map", real)
        # Kept in memory and saved with the next save: the screen does not offer a second.
        assert [m.entry("age").description for m in app.journal.identity_maps()] == [
            "in my forties"
        ]
        assert isinstance(app.screen, HomeScreen)


async def test_quitting_from_the_leave_dialog_still_asks(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _typed_map(pilot)
        await pilot.press("escape")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
        assert app.is_running
        assert isinstance(app.screen, ConfirmScreen)
        assert "not saved yet" in app.screen.question
        await pilot.press("n")
        await wait_screen(pilot, ConfirmScreen)  # back to "Leave without saving?"
        await pilot.press("n")
        await wait_screen(pilot, IdentityMapScreen)


async def test_the_idle_lock_keeps_the_typed_map_and_quitting_while_locked_asks(
    tmp_path: Path,
) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _typed_map(pilot, "words I must not lose")
        app._last_input -= app.config.auto_lock_minutes * 60 + 1
        await app.lock_if_idle()
        locked = await wait_screen(pilot, UnlockScreen)
        await pilot.press("ctrl+q")
        await pilot.pause(0.2)
        assert app.is_running, "quitting while locked dropped the unsaved map"
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, UnlockScreen)
        locked.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await wait_screen(pilot, IdentityMapScreen)
        assert screen.query_one("#age-words", Input).value == "words I must not lose"
        await pilot.press("ctrl+s")
        await wait_screen(pilot, HomeScreen)
    with Journal.open(app.vault_path, PASSPHRASE, write=False) as journal:
        [saved] = journal.identity_maps()
        assert saved.entry("age").description == "words I must not lose"
