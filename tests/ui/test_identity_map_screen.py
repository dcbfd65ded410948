"""My identity map in the app: from Home (key m, the button) and the palette; a save is
a new version; the next visit shows last time's words beside each box and asks what has
changed; leaving or quitting with changes asks first; Home suggests a review when the
map is older than identity_review_months."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Checkbox, Input, Select, Static, TextArea

from reflect_tui.core import clock
from reflect_tui.core.config import Config
from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from reflect_tui.ui.screens.confirm import ConfirmScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.identity_map import IdentityMapScreen
from tests.conftest import PASSPHRASE
from tests.ui.test_app_fixtures import make_app, new_vault, unlock, wait_screen, wait_until


def _text(screen: IdentityMapScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_a_map_written_from_home_is_saved_as_version_one(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("m")
        screen = await wait_screen(pilot, IdentityMapScreen)
        assert "never exported unless you tick the box" in _text(screen, "#explain")
        assert "ADDRESSING" in _text(screen, "#explain")
        assert screen.query_one("#age-words", Input).has_focus
        await pilot.press(*"in my forties")
        screen.query_one("#age-stance", Select).value = "privilege"
        screen.query_one("#gender-words", Input).value = "a woman"
        screen.query_one("#gender-visible", Select).value = "yes"
        screen.query_one("#gender-salient", Checkbox).value = True
        await pilot.press("ctrl+s")
        await wait_screen(pilot, HomeScreen)
        [saved] = app.journal.identity_maps()
        assert saved.entries == (
            DomainEntry("age", "in my forties", "privilege"),
            DomainEntry("gender", "a woman", "", "yes", True),
        )


async def test_a_review_shows_last_time_beside_the_box_and_asks_what_changed(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.save_identity_map([DomainEntry("gender", "a woman", "marginalisation", "yes")])
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.screen.query_one("#identity-map").press()  # type: ignore[attr-defined]
        screen = await wait_screen(pilot, IdentityMapScreen)
        assert "reviewing version 1" in _text(screen, "#title")
        beside = [str(s.render()) for s in screen.query(".then").results(Static)]
        assert "Last time: a woman; marginalisation; clients can usually see or hear it" in beside
        assert beside.count("Last time: (empty)") == 9
        assert screen.query_one("#gender-words", Input).value == "a woman"
        assert "What has changed in how you see it?" in [
            str(s.render()) for s in screen.query(".heading").results(Static)
        ]
        screen.query_one("#gender-words", Input).value = "a woman, a mother now"
        screen.query_one("#note", TextArea).text = "Clients ask about my children"
        await pilot.press("ctrl+s")
        await wait_screen(pilot, HomeScreen)
        await pilot.press("m")
        screen = await wait_screen(pilot, IdentityMapScreen)
        assert "Saved versions: 1 (" in _text(screen, "#versions")
        compare = _text(screen, "#compare")
        assert "  then: a woman; marginalisation" in compare
        assert "Clients ask about my children" in compare
        assert [m.note for m in app.journal.identity_maps()] == [
            "",
            "Clients ask about my children",
        ]


async def test_leaving_or_quitting_with_changes_asks_first(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("m")
        screen = await wait_screen(pilot, IdentityMapScreen)
        await pilot.press("escape")  # nothing changed: straight back
        await wait_screen(pilot, HomeScreen)
        await pilot.press("m")
        screen = await wait_screen(pilot, IdentityMapScreen)
        screen.query_one("#religion-salient", Checkbox).value = True
        await pilot.press("escape")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, IdentityMapScreen)
        assert screen.query_one("#religion-salient", Checkbox).value
        await pilot.press("ctrl+q")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")
        await wait_screen(pilot, IdentityMapScreen)
        assert app.is_running and app.journal.identity_maps() == []


async def test_the_palette_opens_it(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"identity map")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_screen(pilot, IdentityMapScreen)


async def test_home_suggests_a_review_once_the_months_have_passed(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.save_identity_map([DomainEntry("age", "in my thirties")])
    saved = clock.today()
    day: list[date] = [saved + timedelta(days=150)]
    app = make_app(vault, tmp_path, config=Config(identity_review_months=6), today=lambda: day[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        home = await wait_screen(pilot, HomeScreen)
        suggestion = home.query_one("#identity-review", Static)
        assert not suggestion.display
        day[0] = saved + timedelta(days=200)
        home.refresh_data()
        await wait_until(pilot, lambda: suggestion.display)
        assert f"last saved on {saved.isoformat()}" in str(suggestion.render())
        assert "revisiting (m)" in str(suggestion.render())


async def test_the_latest_version_can_be_compared_with_any_earlier_one(tmp_path: Path) -> None:
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        for words in ("in my twenties", "in my thirties", "in my forties"):
            journal.save_identity_map([DomainEntry("age", words)])
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("m")
        screen = await wait_screen(pilot, IdentityMapScreen)
        assert "  then: in my thirties" in _text(screen, "#compare")
        screen.query_one("#compare-with", Select).value = 1
        await wait_until(pilot, lambda: "  then: in my twenties" in _text(screen, "#compare"))
        assert "Version 1 (" in _text(screen, "#compare")
        await pilot.press("escape")  # comparing is not a change: straight back
        await wait_screen(pilot, HomeScreen)
