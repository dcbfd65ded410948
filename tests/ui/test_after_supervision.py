"""After supervision: the screen from Home (key a, the button) and the palette; saving a
meeting makes its "will do" lines open actions on Home; bad input is one sentence under
the form with every field kept and nothing stored; leaving with text asks first."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from reflect_tui.core.config import Config
from reflect_tui.ui.screens.after_supervision import AfterSupervisionScreen
from reflect_tui.ui.screens.confirm import ConfirmScreen
from reflect_tui.ui.screens.home import ActionList, HomeScreen
from tests.ui.test_app_fixtures import (
    TODAY,
    make_app,
    new_vault,
    unlock,
    wait_screen,
    wait_until,
)


def _fill(screen: AfterSupervisionScreen, **values: str) -> None:
    for key, value in values.items():
        widget = screen.query_one(f"#{key.rstrip('_').replace('_', '-')}")
        if isinstance(widget, TextArea):
            widget.text = value
        elif isinstance(widget, (Input, Select)):
            widget.value = value


async def test_a_meeting_recorded_from_home_opens_its_actions(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path, config=Config(group_supervision_share=0.25))
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        screen = await wait_screen(pilot, AfterSupervisionScreen)
        assert screen.query_one("#date", Input).value == TODAY.isoformat()
        assert screen.query_one("#minutes", Input).has_focus
        await pilot.press(*"120")
        _fill(
            screen,
            format="group",
            with_="peer group",
            brought="A rupture",
            will_do="Name the rupture next session\n\n- Read about repair\n",
            summary="Rupture and repair",
        )
        screen.query_one("#restorative", Checkbox).value = True
        await pilot.press("ctrl+s")
        home = await wait_screen(pilot, HomeScreen)
        await wait_until(pilot, lambda: home.query_one(ActionList).option_count == 2)
        [meeting] = app.journal.meetings()
        assert (meeting.day, meeting.minutes, meeting.counted_minutes) == (TODAY, 120, 30)
        assert meeting.format == "group" and meeting.functions == ("restorative",)
        assert [a.text for a in app.journal.open_actions()] == [
            "Name the rupture next session",
            "Read about repair",
        ]


async def test_bad_input_is_said_under_the_form_and_nothing_is_lost(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        home = app.screen
        home.query_one("#after-supervision").press()  # type: ignore[attr-defined]
        screen = await wait_screen(pilot, AfterSupervisionScreen)
        _fill(screen, minutes="an hour", brought="What I brought, kept", with_="Jane Smith")
        await pilot.press("ctrl+s")
        await pilot.pause()
        problem = str(screen.query_one("#problem", Static).render())
        assert "The minutes must be a whole number" in problem and "nothing is lost" in problem
        assert screen.query_one("#minutes", Input).has_focus
        _fill(screen, minutes="50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "'Jane Smith' looks like a name" in str(screen.query_one("#problem").render())
        assert screen.query_one("#with", Input).has_focus
        _fill(screen, date="2099-01-01", with_="JM")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is in the future" in str(screen.query_one("#problem").render())
        assert app.screen is screen and app.journal.meetings() == []
        assert screen.query_one("#brought", TextArea).text == "What I brought, kept"
        await pilot.press("escape")  # something was typed: asked first
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, AfterSupervisionScreen)
        assert screen.query_one("#brought", TextArea).text == "What I brought, kept"
        await pilot.press("escape")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await wait_screen(pilot, HomeScreen)
        assert app.journal.meetings() == []


async def test_the_palette_opens_it(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"after supervision")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_screen(pilot, AfterSupervisionScreen)
        await pilot.press("escape")  # nothing typed: straight back
        await wait_screen(pilot, HomeScreen)


async def test_quitting_with_a_meeting_typed_asks_first(tmp_path: Path) -> None:
    """A meeting is saved only on Ctrl+S: Ctrl+Q must not throw away what was typed."""
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.screen.query_one("#after-supervision").press()  # type: ignore[attr-defined]
        screen = await wait_screen(pilot, AfterSupervisionScreen)
        _fill(screen, minutes="60", brought="Half of what we said")
        await pilot.press("ctrl+q")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")  # stay
        await wait_screen(pilot, AfterSupervisionScreen)
        assert screen.query_one("#brought", TextArea).text == "Half of what we said"
        assert app.is_running
        await pilot.press("ctrl+q")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running


async def test_a_meeting_whose_save_fails_on_disk_is_recorded_once_not_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typing import Any

    from reflect_tui.journal import SaveFailed

    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        screen = await wait_screen(pilot, AfterSupervisionScreen)
        await pilot.press(*"60")
        _fill(screen, summary="Interpreters")
        journal = app.journal
        real = journal.add_meeting

        def add_then_fail(*args: Any, **kwargs: Any) -> int:
            real(*args, **kwargs)  # kept in memory, as the journal does when the disk fails
            raise SaveFailed(journal.path, "the disk is full")

        monkeypatch.setattr(journal, "add_meeting", add_then_fail)
        await pilot.press("ctrl+s")
        await wait_screen(pilot, HomeScreen)  # not offered again: it is in the journal
        assert "the disk is full" in " ".join(n.message for n in app._notifications)
        assert [m.summary for m in app.journal.meetings()] == ["Interpreters"]
