"""The bar above every step of a reflection: the set's title, where we are, the save state."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reflect_tui.ui.widgets.save_status import SaveStatus


def progress_dots(done: int, count: int) -> str:
    return "●" * done + "○" * (count - done)


class SessionBar(Horizontal):
    """The set's title, where we are ("3 of 7") and whether it is saved."""

    DEFAULT_CSS = """
    SessionBar {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    SessionBar > #set-title {
        width: 1fr;
        text-style: bold;
    }
    SessionBar > #where {
        width: auto;
        margin-right: 2;
    }
    """

    def __init__(self, title: str, where: str) -> None:
        super().__init__()
        self._title, self._where = title, where

    def compose(self) -> ComposeResult:
        yield Static(self._title, id="set-title", markup=False)
        yield Static(self._where, id="where", markup=False)
        yield SaveStatus()
