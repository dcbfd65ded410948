"""Below the smallest size reflect can lay out, a message instead of a broken layout.

Every screen (including ones added later) gets a :class:`TooSmallNotice`; while the
app has the ``-too-small`` class, app.tcss hides everything else on the screen.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static

#: The smallest window every screen is laid out for.
MIN_WIDTH, MIN_HEIGHT = 80, 22
MESSAGE = "This window is too small for reflect.\nMake it at least {width} × {height}."


class TooSmallNotice(Static):
    DEFAULT_CSS = """
    TooSmallNotice {
        display: none;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        text-style: bold;
    }
    """


def show_too_small(app: Any, small: bool) -> None:
    """Switch the app in or out of its too-small look, on the current screen."""
    app.set_class(small, "-too-small")
    if not small:
        return
    screen = app.screen
    if not screen.query_children(TooSmallNotice):
        screen.mount(TooSmallNotice(MESSAGE.format(width=MIN_WIDTH, height=MIN_HEIGHT)))
