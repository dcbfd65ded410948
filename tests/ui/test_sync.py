"""The app in a synced folder: another device's save arriving under an open journal,
and conflict copies beside the vault offered for merging at unlock."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static, TextArea

from reflect_tui.journal import Journal
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.merge_offer import MergeOfferScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.widgets.save_status import SaveStatus
from tests.ui.test_app_fixtures import (
    PASSPHRASE,
    make_app,
    new_vault,
    settle,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)


def _desktop_copy(vault: Path, name: str) -> Path:
    """The desktop's version of the vault, with a reflection of its own, beside it."""
    copy = vault.with_name(name)
    shutil.copyfile(vault, copy)
    with Journal.open(copy, PASSPHRASE) as journal:
        session = journal.start_session("identity", 1, "Written on the desktop")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="P?", text="Desktop.")
    return copy


def _messages(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_another_devices_save_under_the_open_app_goes_to_a_conflict_copy(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await wait_screen(pilot, PromptScreen)
        theirs = _desktop_copy(vault, "elsewhere.tmp").read_bytes()
        os.replace(vault.with_name("elsewhere.tmp"), vault)  # the sync tool's delivery
        await write(pilot, "Words written on the laptop.")
        app.saves.flush()
        await settle(pilot)
        await wait_until(pilot, lambda: any("Another device" in m for m in _messages(app)))
        assert vault.read_bytes() == theirs, "the desktop's save is not overwritten"
        assert app.screen.query_one(TextArea).text == "Words written on the laptop."
        copy = app.journal.conflict_copy
        assert copy is not None and copy.name in " ".join(_messages(app))
        # And it stays said in the corner, for whoever comes back after the toast is gone.
        await wait_until(pilot, lambda: app.save_state == "beside")
        [status] = app.screen.query(SaveStatus)
        assert "conflict copy" in str(status.render())
    with Journal.open(copy, PASSPHRASE, write=False) as mine:
        assert mine.search("laptop")


async def _unlock_to_offer(pilot: object) -> MergeOfferScreen:
    app = pilot.app  # type: ignore[attr-defined]
    app.screen.query_one("#passphrase", Input).value = PASSPHRASE
    await pilot.press("enter")  # type: ignore[attr-defined]
    return await wait_screen(pilot, MergeOfferScreen)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        "journal.sync-conflict-20260305-084700-ABCDEF7.reflect",  # Syncthing
        "journal (Desktop's conflicted copy 2026-03-05).reflect",  # Dropbox
        "journal.conflict-desktop-20260305-084700.reflect",  # reflect's own
        "journal 2.reflect",  # iCloud: found by the vault's id, not its name
    ],
)
async def test_a_conflict_copy_beside_the_vault_is_offered_and_merged(
    tmp_path: Path, name: str
) -> None:
    vault = new_vault(tmp_path)
    copy = _desktop_copy(vault, name)
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        offer = await _unlock_to_offer(pilot)
        text = str(offer.query_one("#offer", Static).render())
        assert name in text and "Nothing in either is lost" in text
        await pilot.press("enter")  # Merge has the focus
        await wait_until(pilot, lambda: offer.query("#done") and offer.focused is not None)
        said = str(offer.query_one("#offer", Static).render())
        assert "From the other copy: 1 reflection, 1 answer added." in said
        assert [s.set_title for s in app.journal.list_sessions()] == ["Written on the desktop"]
        done = offer.query_one("#done", Button)
        assert str(done.label) == "Done" and offer.focused is done
        await pilot.press("enter")
        await wait_screen(pilot, HomeScreen)
    assert copy.exists(), "the merged-from copy is kept"
    # Merged once, it is not offered again.
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, HomeScreen)


async def test_not_now_leaves_both_files_and_asks_again_next_time(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    _desktop_copy(vault, "journal.sync-conflict-20260305-084700-ABCDEF7.reflect")
    before = vault.read_bytes()
    for _ in range(2):
        app = make_app(vault, tmp_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await _unlock_to_offer(pilot)
            await pilot.press("escape")
            await wait_screen(pilot, HomeScreen)
            assert app.journal.list_sessions() == []
    assert vault.read_bytes() == before


async def test_a_save_from_another_device_while_locked_returns_home_and_offers_the_copy(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await wait_screen(pilot, PromptScreen)
        await write(pilot, "Written just before the lock.")
        await app.action_lock()
        # Syncthing meets the desktop's save: ours becomes its conflict copy.
        ours = vault.with_name("journal.sync-conflict-20260305-084700-ABCDEF7.reflect")
        shutil.copyfile(vault, ours)
        theirs = _desktop_copy(vault, "desktop.tmp")
        os.replace(theirs, vault)
        offer = await _unlock_to_offer(pilot)
        assert any("saved on another device while it was locked" in m for m in _messages(app))
        assert app.flow is None and app.screen_stack[-2:] == [app.home, offer]
        await pilot.press("enter")
        await wait_until(pilot, lambda: offer.query("#done") and offer.focused is not None)
        [hit] = app.journal.search("lock")
        assert hit.snippet.startswith("Written just before the")
        assert "Written on the desktop" in [s.set_title for s in app.journal.list_sessions()]
