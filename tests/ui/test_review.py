"""The review: every answer, edit any, tags, flags, finish."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from reflect_tui.ui.app import ReflectApp
from reflect_tui.ui.screens.ask_text import AskTextScreen
from reflect_tui.ui.screens.edit_answer import EditAnswerScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.review import ReviewScreen
from tests.ui.test_app_fixtures import (
    make_app,
    new_vault,
    settle,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)


async def reach_review(pilot: object, app: ReflectApp) -> ReviewScreen:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await start(pilot, "end-of-day")
    for index, text in enumerate(["Faith came up.", "I set the pace."]):
        await wait_until(pilot, lambda i=index: getattr(app.screen, "index", None) == i)
        await write(pilot, text)
        await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: getattr(app.screen, "index", None) == 2)
    await pilot.press("2", "ctrl+n")
    await wait_until(pilot, lambda: getattr(app.screen, "index", None) == 3)
    await write(pilot, "Ask first.")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: getattr(app.screen, "index", None) == 4)
    await pilot.press("ctrl+n")  # optional and empty: moves on as skipped
    return await wait_screen(pilot, ReviewScreen)


async def test_review_lists_every_answer(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        review = await reach_review(pilot, app)
        await wait_until(pilot, lambda: review.answer_ids)
        listing = review.query_one("#answers", OptionList)
        assert listing.option_count == 5
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(5)]
        assert "Faith came up." in shown[0]
        assert "2 on a scale" in shown[2]
        assert "Skipped" in shown[4]


async def test_edit_tag_and_flag_from_review(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        review = await reach_review(pilot, app)
        await wait_until(pilot, lambda: review.answer_ids)
        assert app.flow is not None
        session_id = app.flow.session_id
        # Edit the first answer.
        await pilot.press("enter")
        editor = await wait_screen(pilot, EditAnswerScreen)
        editor.query_one(TextArea).load_text("Faith came up, and I felt unsure.")
        await pilot.pause()
        await pilot.press("escape")
        await wait_screen(pilot, ReviewScreen)
        # Tag it and flag it; flag the session.
        await pilot.press("t")
        ask = await wait_screen(pilot, AskTextScreen)
        ask.query_one(Input).value = "#Supervision faith"
        await pilot.press("enter")
        await wait_screen(pilot, ReviewScreen)
        await pilot.press("f", "s")
        await settle(pilot)
        first = app.journal.session_answers(session_id)[0]
        assert first.text == "Faith came up, and I felt unsure."
        assert first.tags == "supervision faith"
        assert first.flagged
        assert app.journal.get_session(session_id).flagged
        assert "#supervision" in str(review.query_one(OptionList).get_option_at_index(0).prompt)
        # Back shows the edited text on the prompt's own screen.
        await pilot.press("ctrl+b")
        prompt = await wait_screen(pilot, PromptScreen)
        assert prompt.index == 4
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)


async def test_finish_marks_the_session_done_and_returns_home(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        review = await reach_review(pilot, app)
        assert app.flow is not None
        session_id = app.flow.session_id
        await wait_until(pilot, lambda: review.answer_ids)
        await pilot.press("ctrl+n")
        home = await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        assert app.flow is None
        assert app.journal.get_session(session_id).finished is not None
        assert app.journal.unfinished_sessions() == []
        home.refresh_data()
        assert not home.query_one("#unfinished").display
