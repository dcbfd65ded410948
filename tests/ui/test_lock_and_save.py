"""Idle lock (key dropped, text kept), failed saves (shown, kept, retried) and quitting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from reflect_tui.journal import Journal, SaveFailed
from reflect_tui.ui import app as app_module
from reflect_tui.ui.app import ReflectApp
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.merge_offer import MergeOfferScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.unlock import UnlockScreen
from reflect_tui.vault import changelog, container
from tests.ui.test_app_fixtures import (
    PASSPHRASE,
    make_app,
    new_vault,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)


def saved_texts(vault: Path) -> list[str]:
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        return [a.text for s in journal.list_sessions() for a in journal.session_answers(s.id)]


def notifications(app: ReflectApp) -> list[str]:
    return [n.message for n in app._notifications]


def disk_fails(
    monkeypatch: pytest.MonkeyPatch, reason: str, when: Callable[[], bool] = lambda: True
) -> None:
    """Every save fails while ``when()`` says so: whole snapshots and change-log records."""
    real_write = container.write_atomic
    real_append = changelog.LogWriter.append

    def write_atomic(path: Path, data: bytes, **options: Any) -> None:
        if when():
            raise SaveFailed(path, reason)
        real_write(path, data, **options)

    def append(log: changelog.LogWriter, kind: int, payload: bytes) -> int:
        if when():
            raise SaveFailed(log.path, reason)
        return real_append(log, kind, payload)

    monkeypatch.setattr(container, "write_atomic", write_atomic)
    monkeypatch.setattr(changelog.LogWriter, "append", append)


async def test_idle_lock_drops_the_key_and_unlock_returns_with_text_intact(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path, autosave_delay=60)  # only the lock saves it
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        prompt = await wait_screen(pilot, PromptScreen)
        await write(pilot, "Written just before I walked away")
        app._last_input -= app.config.auto_lock_minutes * 60 + 1
        await app.lock_if_idle()
        locked = await wait_screen(pilot, UnlockScreen)
        assert locked.relock
        assert not app.unlocked
        # The text reached the disk before the key was dropped, and the lock is free.
        assert "Written just before I walked away" in saved_texts(vault)
        assert not changelog.log_path(vault).exists(), "locking compacted the change log"
        locked.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is prompt)
        assert app.unlocked
        area = prompt.query_one(TextArea)
        assert area.text == "Written just before I walked away"
        assert area.has_focus
        await write(pilot, area.text + ", and more after.")
        await pilot.press("ctrl+s")
        assert await app.saves.settle()
        assert app.flow is not None
        texts = [a.text for a in app.journal.session_answers(app.flow.session_id)]
        assert texts == ["Written just before I walked away, and more after."]


async def test_recent_input_keeps_it_unlocked(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app._last_input -= app.config.auto_lock_minutes * 60 + 1
        await pilot.press("down")  # any key counts as activity
        await app.lock_if_idle()
        assert app.unlocked
        assert isinstance(app.screen, HomeScreen)


async def test_lock_now_from_home(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("l")
        await wait_screen(pilot, UnlockScreen)
        assert not app.unlocked
        await unlock_again(pilot)
        assert isinstance(app.screen, HomeScreen)


async def unlock_again(pilot: Any) -> None:
    pilot.app.screen.query_one("#passphrase", Input).value = PASSPHRASE
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.unlocked)
    await pilot.pause()


async def test_a_failed_save_is_shown_kept_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = new_vault(tmp_path)
    disk = {"full": False}
    disk_fails(monkeypatch, "no space left on device", lambda: disk["full"])
    monkeypatch.setattr(app_module, "RETRY_SECONDS", (0.2,))
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        prompt = await wait_screen(pilot, PromptScreen)
        disk["full"] = True
        await write(pilot, "Words that must not be lost")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.save_state == "failed")
        assert any("no space left" in message for message in notifications(app))
        assert prompt.query_one(TextArea).text == "Words that must not be lost"
        assert "Not saved" in str(prompt.query_one("SaveStatus").render())
        disk["full"] = False  # space freed: the retry timer saves it
        await wait_until(pilot, lambda: app.save_state == "saved")
        assert not app.journal.unsaved
    assert "Words that must not be lost" in saved_texts(vault)


async def test_quit_saves_the_text_first(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path, autosave_delay=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await wait_screen(pilot, PromptScreen)
        await write(pilot, "Quitting in the middle of a sentence")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: not app.is_running)
    assert "Quitting in the middle of a sentence" in saved_texts(vault)


async def test_quit_asks_when_the_text_cannot_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = new_vault(tmp_path)
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await wait_screen(pilot, PromptScreen)
        disk_fails(monkeypatch, "permission denied")
        await write(pilot, "Cannot be saved")
        await pilot.press("ctrl+q")
        from reflect_tui.ui.screens.confirm import ConfirmScreen

        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, PromptScreen)
        assert app.is_running
        monkeypatch.undo()


async def test_it_never_locks_away_words_that_are_not_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = new_vault(tmp_path)
    disk = {"full": False}
    disk_fails(monkeypatch, "no space left on device", lambda: disk["full"])
    monkeypatch.setattr(app_module, "RETRY_SECONDS", (30.0,))
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        prompt = await wait_screen(pilot, PromptScreen)
        disk["full"] = True
        await write(pilot, "Still only in memory")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.save_state == "failed")
        await app.action_lock(idle=True)
        await pilot.pause()
        assert app.unlocked and app.screen is prompt
        assert any("Not locked" in message for message in notifications(app))
        disk["full"] = False
        await app.action_lock(idle=True)  # the save goes through, then it locks
        assert not app.unlocked
    assert "Still only in memory" in saved_texts(vault)


async def test_quit_asks_when_a_history_change_could_not_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """History saves its changes itself; the journal still knows they are not on disk."""
    from reflect_tui.ui.screens.confirm import ConfirmScreen
    from reflect_tui.ui.screens.history import HistoryScreen
    from reflect_tui.ui.screens.session_detail import SessionDetailScreen

    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        sid = journal.start_session("end-of-day", 1, "End of day").id or 0
        journal.save_answer(sid, prompt_id="p", prompt_text="?", text="Flag me")
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("h")
        await wait_screen(pilot, HistoryScreen)
        await pilot.pause(0.2)
        await pilot.press("enter")
        await wait_screen(pilot, SessionDetailScreen)
        disk_fails(monkeypatch, "the disk is full")
        await pilot.press("f")
        await wait_until(pilot, lambda: any("disk is full" in m for m in notifications(app)))
        await pilot.press("ctrl+q")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, SessionDetailScreen)
        assert app.is_running
        monkeypatch.undo()


async def test_a_change_log_of_another_version_is_kept_and_said_at_unlock(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.add_watch_word("Oakwood")
        stray = changelog.log_path(vault).read_bytes()
    changelog.log_path(vault).write_bytes(stray)  # it continues the snapshot before this one
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await wait_until(pilot, lambda: any("kept, unopened" in n for n in notifications(app)))
        [note] = [n for n in notifications(app) if "kept, unopened" in n]
        [aside] = vault.parent.glob("*.unmatched-*.changes")
        assert aside.name in note and aside.read_bytes() == stray
        # Its snapshot is a backup: that version is a conflict copy, offered at once.
        assert "merge it when reflect offers" in note
        await wait_screen(pilot, MergeOfferScreen)
