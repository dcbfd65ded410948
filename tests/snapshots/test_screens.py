"""Layout snapshots at 100x30: unlock, home, a prompt, the review (fixed data, fixed day).

Update them after a deliberate change with ``pytest tests/snapshots --snapshot-update``
and look at every changed SVG before committing it.
"""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from reflect_tui.journal import Journal
from reflect_tui.journal.demo import demo_records
from reflect_tui.ui.app import ReflectApp
from reflect_tui.ui.screens.review import ReviewScreen
from reflect_tui.vault.crypto import TEST_KDF
from tests.ui.test_app_fixtures import (
    PASSPHRASE,
    TODAY,
    builtin_library,
    make_app,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)

SIZE = (100, 30)
#: A fixed place, because the unlock screen shows the vault's path.
VAULT_DIR = Path("/tmp/reflect-snapshot-vault")

Compare = Callable[..., bool]


@pytest.fixture
def app(tmp_path: Path) -> Any:
    # The place is shared by every checkout on this machine: two suites running at once
    # take turns with it, or one would remove the other's vault mid-test.
    with open("/tmp/reflect-snapshot-vault.lock", "w") as turn:
        fcntl.flock(turn, fcntl.LOCK_EX)
        shutil.rmtree(VAULT_DIR, ignore_errors=True)
        vault = VAULT_DIR / "journal.reflect"
        with Journal.create(vault, PASSPHRASE, kdf=TEST_KDF) as journal:
            journal.import_records(demo_records(builtin_library(tmp_path), TODAY))
        yield make_app(vault, tmp_path)
        shutil.rmtree(VAULT_DIR, ignore_errors=True)


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursor and no passing notifications in the picture."""
    await pilot.pause()
    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, Input | TextArea)
        widget.cursor_blink = False
    pilot.app.clear_notifications()
    await pilot.pause()


def then(
    *steps: Callable[[Pilot[Any]], Awaitable[None]],
) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        for step in steps:
            await step(pilot)
        await steady(pilot)

    return run


async def open_home(pilot: Pilot[Any]) -> None:
    await unlock(pilot)


async def first_prompt(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, ReflectApp)
    await start(pilot, "end-of-day")
    await pilot.pause()
    # A follow-up screen comes first for each open action: move past them.
    while type(app.screen).__name__ == "FollowUpScreen":
        screen = app.screen
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda s=screen: app.screen is not s)
    await write(pilot, "Being the youngest in the room with an older couple.")
    await pilot.press("ctrl+g")


async def review(pilot: Pilot[Any]) -> None:
    await first_prompt(pilot)
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "index", None) == 1)
    await write(pilot, "I chose the topic in the first minute.")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "index", None) == 2)
    await pilot.press("4", "ctrl+n")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "index", None) == 3)
    await write(pilot, "Ask what they want from the hour.")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: getattr(pilot.app.screen, "index", None) == 4)
    await pilot.press("ctrl+o")
    screen = await wait_screen(pilot, ReviewScreen)
    await wait_until(pilot, lambda: screen.answer_ids)
    await pilot.press("f")


def test_unlock(snap_compare: Compare, app: ReflectApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=then())


def test_home(snap_compare: Compare, app: ReflectApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=then(open_home))


def test_prompt(snap_compare: Compare, app: ReflectApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=then(open_home, first_prompt))


def test_review(snap_compare: Compare, app: ReflectApp) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=then(open_home, review))
