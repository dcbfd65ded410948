"""Helpers for the app tests (unlock, home, session, review, lock). No tests here.

Every app gets a real vault file with cheap KDF parameters, the built-in prompt sets
only, a fixed "today" and its own config file, so nothing depends on the clock or on
the user's folders.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path
from typing import Any, TypeVar

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TextArea

from reflect_tui.journal import Journal
from reflect_tui.prompts import PromptLibrary, load_library
from reflect_tui.ui.app import ReflectApp
from reflect_tui.vault.crypto import TEST_KDF

PASSPHRASE = "correct horse battery staple"
TODAY = date(2025, 3, 14)
S = TypeVar("S", bound=Screen[Any])


def builtin_library(tmp_path: Path) -> PromptLibrary:
    return load_library(user_dir=tmp_path / "no-user-prompts")


def new_vault(tmp_path: Path, name: str = "journal.reflect") -> Path:
    path = tmp_path / "vault" / name
    Journal.create(path, PASSPHRASE, kdf=TEST_KDF).close()
    return path


def make_app(vault: Path, tmp_path: Path, **options: Any) -> ReflectApp:
    options.setdefault("kdf", TEST_KDF)
    options.setdefault("library", builtin_library(tmp_path))
    options.setdefault("config_path", tmp_path / "config.toml")
    options.setdefault("today", lambda: TODAY)
    return ReflectApp(vault, **options)


async def wait_until(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 10.0
) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {predicate}")
        await pilot.pause(0.02)


async def wait_screen(pilot: Pilot[Any], kind: type[S], timeout: float = 10.0) -> S:
    # switch_screen makes the new screen current before it has composed its children:
    # wait until it is mounted too, or a query on it races its compose.
    await wait_until(
        pilot, lambda: isinstance(pilot.app.screen, kind) and pilot.app.screen.is_mounted, timeout
    )
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def unlock(pilot: Pilot[Any], passphrase: str = PASSPHRASE) -> None:
    from reflect_tui.ui.screens.home import HomeScreen

    field = pilot.app.screen.query_one("#passphrase", Input)
    field.value = passphrase
    await pilot.press("enter")
    await wait_screen(pilot, HomeScreen)
    await pilot.pause()


async def start(pilot: Pilot[Any], set_id: str) -> None:
    """Start ``set_id`` from the palette's path (the app method), wait for its first screen."""
    from reflect_tui.ui.screens.confirm import ConfirmScreen

    app = pilot.app
    assert isinstance(app, ReflectApp)
    app.start_reflection(set_id)
    await wait_until(pilot, lambda: app.flow is not None or isinstance(app.screen, ConfirmScreen))
    if isinstance(app.screen, ConfirmScreen):  # an unfinished one of this set is waiting
        await pilot.press("n")  # start a new one
        await wait_until(pilot, lambda: app.flow is not None)
    await pilot.pause()


async def write(pilot: Pilot[Any], text: str) -> None:
    """Put ``text`` in the current screen's text area as if typed, in one go."""
    area = pilot.app.screen.query_one(TextArea)
    area.load_text(text)
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, ReflectApp)
    assert await app.saves.settle()
    await pilot.pause()


def local_time(day: date, hour: int) -> datetime:
    return datetime.combine(day, dtime(hour, 0)).astimezone()
