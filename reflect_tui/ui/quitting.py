"""Quitting the app without losing a word: saves settle first, and the clinician is asked
before anything not yet on disk is left behind.

Two things can be unsaved when Ctrl+Q comes: a save that keeps failing (a full disk),
and a form that is saved only when asked (a supervision meeting: the screen says so
through ``holds_unsaved_text()``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App

from reflect_tui.ui.saving import SaveQueue
from reflect_tui.ui.screens.confirm import ConfirmScreen

if TYPE_CHECKING:
    from reflect_tui.journal import Journal


async def quit_app(app: App[Any], saves: SaveQueue, journal: Callable[[], Journal | None]) -> None:
    """``journal`` gives the open journal, or None while locked."""
    # Any screen in the stack: the form may be under a dialog, or under the lock screen.
    if any(getattr(s, "holds_unsaved_text", lambda: False)() for s in app.screen_stack):

        async def quit_if(yes: bool | None) -> None:
            if yes:
                await _quit_saving(app, saves, journal)

        ask = "What you typed on this screen is not saved yet. Quit and lose it?"
        app.push_screen(ConfirmScreen(ask, yes="Quit and lose it", no="Stay"), quit_if)
        return
    await _quit_saving(app, saves, journal)


async def _quit_saving(
    app: App[Any], saves: SaveQueue, journal: Callable[[], Journal | None]
) -> None:
    saved = await saves.settle()
    opened = journal()
    if saved and opened is not None and opened.unsaved:
        # A change made outside the queue (History, the watch list) whose save failed.
        saved = await asyncio.to_thread(_save, opened)
    if saved or journal() is None:
        app.exit(return_code=0)
        return

    def decide(quit_anyway: bool | None) -> None:
        if quit_anyway:
            app.exit(return_code=1)

    app.push_screen(
        ConfirmScreen(
            "Your latest changes could not be saved yet. If you quit now, they are lost.",
            yes="Quit anyway",
            no="Stay and keep trying",
        ),
        decide,
    )


def _save(journal: Journal) -> bool:
    """Write what the journal holds in memory now (in a worker); False if it cannot."""
    from reflect_tui.journal import VaultError

    try:
        journal.save()
    except VaultError:
        return False
    return True
