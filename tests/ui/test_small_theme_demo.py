"""Too small a window, the theme kept in config.toml, and ``reflect demo``."""

from __future__ import annotations

import re
from pathlib import Path

from reflect_tui.core.config import Config, load_config
from reflect_tui.journal.demo import DEMO_PASSPHRASE, demo_records
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallNotice
from reflect_tui.ui.screens.unlock import UnlockScreen
from tests.ui.test_app_fixtures import (
    TODAY,
    builtin_library,
    make_app,
    new_vault,
    unlock,
    wait_screen,
    wait_until,
)


async def test_too_small_shows_a_message_instead_of_the_layout(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(MIN_WIDTH - 10, MIN_HEIGHT - 4)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one(TooSmallNotice)
        assert notice.display and notice.region.width > 0
        assert app.screen.query_one("#unlock-box").region.width == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.has_class("-too-small")
        assert app.screen.query_one("#unlock-box").region.width > 0
        await unlock(pilot)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert app.screen.query_one(TooSmallNotice).region.width > 0


async def test_a_screen_opened_while_too_small_says_so_too(tmp_path: Path) -> None:
    from reflect_tui.ui.screens.history import HistoryScreen

    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("h")
        await wait_screen(pilot, HistoryScreen)
        await pilot.pause()
        assert app.screen.query_one(TooSmallNotice).region.width > 0


async def test_theme_choice_is_kept_in_config(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    app = make_app(new_vault(tmp_path), tmp_path, config=Config(theme="nord"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await wait_until(pilot, lambda: config_path.exists())
    config, problem = load_config(config_path)
    assert problem is None and config.theme == "gruvbox"


async def test_demo_opens_home_on_a_throwaway_vault(tmp_path: Path) -> None:
    vault = tmp_path / "scratch" / "demo.reflect"
    app = make_app(vault, tmp_path, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await wait_screen(pilot, HomeScreen)
        assert len(app.journal.list_sessions(limit=100)) >= 15
        assert "deleted when you quit" in str(home.query_one("#demo-note").render())
        await pilot.press("l")
        locked = await wait_screen(pilot, UnlockScreen)
        assert DEMO_PASSPHRASE in str(locked.query_one("#where").render())
        await unlock(pilot, DEMO_PASSPHRASE)


def test_demo_text_names_no_one(tmp_path: Path) -> None:
    records = demo_records(builtin_library(tmp_path), TODAY)
    assert records == demo_records(builtin_library(tmp_path), TODAY)  # repeatable
    assert records[-1].finished is None and all(r.finished for r in records[:-1])
    written = [a.text for r in records for a in r.answers if a.kind in ("text", "action")]
    assert written
    # A capitalised word inside a sentence would be a name or a place.
    inside = set()
    for sentence in re.split(r"(?<=[.!?:])\s+", " ".join(written)):
        inside |= set(re.findall(r"(?<=\s)[A-Z][a-z]+", sentence))
    assert inside <= {"English"}, inside
    assert not re.search(r"\d{3,}", " ".join(written))  # no ids, phone numbers or birth years


async def test_the_high_contrast_theme_shows_no_dimmed_text(tmp_path: Path) -> None:
    from rich.segment import Segment
    from rich.style import Style
    from textual.color import Color

    from reflect_tui.ui.themes import HIGH_CONTRAST, NoDim, extra_filters

    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)):
        assert HIGH_CONTRAST.name in app.available_themes
        app.theme = HIGH_CONTRAST.name
        assert any(isinstance(f, NoDim) for f in app.get_line_filters())
    [undimmed] = NoDim().apply([Segment("x", Style(dim=True))], Color(0, 0, 0))
    assert undimmed.style is not None and not undimmed.style.dim
    assert extra_filters("textual-dark") == []
