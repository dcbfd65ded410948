"""A session: one screen per prompt, answers saved as written, skip, leave and resume."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import RadioSet, SelectionList, Static

from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.journal import Journal
from reflect_tui.journal.models import ActionStatus
from reflect_tui.ui.app import ReflectApp
from reflect_tui.ui.screens.follow_up import FollowUpScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.review import ReviewScreen
from reflect_tui.ui.widgets.scale import ScaleInput
from reflect_tui.vault.crypto import TEST_KDF
from tests.ui.test_app_fixtures import (
    PASSPHRASE,
    TODAY,
    local_time,
    make_app,
    new_vault,
    settle,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)


def text_of(screen: PromptScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def answers_by_prompt(app: ReflectApp) -> dict[str, str]:
    assert app.flow is not None
    return {a.prompt_id: a.text for a in app.journal.session_answers(app.flow.session_id)}


async def test_prompt_screen_shows_set_progress_and_guidance_on_request(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        screen = await wait_screen(pilot, PromptScreen)
        assert text_of(screen, "#set-title") == "End of day"
        assert text_of(screen, "#where").startswith("1 of 5")
        assert "Which part of who I am" in text_of(screen, "#prompt-text")
        guidance = screen.query_one("#guidance")
        assert not guidance.display
        await pilot.press("ctrl+g")
        assert guidance.display
        assert "pseudonym" in str(guidance.render())


async def test_a_required_prompt_asks_for_an_answer(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        screen = await wait_screen(pilot, PromptScreen)
        await pilot.press("ctrl+n")
        assert app.screen is screen
        assert "asks for an answer" in text_of(screen, "#note")


async def test_answers_are_saved_while_typing(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path, autosave_delay=0.2)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await wait_screen(pilot, PromptScreen)
        await write(pilot, "Being the youngest in the room.")
        await wait_until(pilot, lambda: answers_by_prompt(app).get("identity-today"))
        assert answers_by_prompt(app)["identity-today"] == "Being the youngest in the room."
        await wait_until(pilot, lambda: app.save_state == "saved")


async def test_scale_choice_and_skip(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await write(pilot, "One.")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 1)  # type: ignore[attr-defined]
        await write(pilot, "Two.")
        await pilot.press("ctrl+n")
        scale_screen = await wait_screen(pilot, PromptScreen)
        await wait_until(pilot, lambda: scale_screen.index == 2)
        scale = scale_screen.query_one(ScaleInput)
        assert scale.has_focus and scale.value is None
        await pilot.press("4")
        assert scale.value == 4
        await pilot.press("left")
        assert scale.value == 3
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 3)  # type: ignore[attr-defined]
        await write(pilot, "Ask before assuming.")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 4)  # type: ignore[attr-defined]
        await pilot.press("ctrl+o")  # the last prompt is optional
        await wait_screen(pilot, ReviewScreen)
        await settle(pilot)
        assert app.flow is not None
        rows = {a.prompt_id: a for a in app.journal.session_answers(app.flow.session_id)}
        assert rows["ease-with-culture"].value == "3"
        assert rows["ease-with-culture"].text.startswith("3 on a scale from 1")
        assert rows["set-it-down"].skipped
        assert [a.text for a in app.journal.open_actions()] == ["Ask before assuming."]


async def test_single_and_multiple_choices(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await start(pilot, "power")  # its first prompt is a single choice
        screen = await wait_screen(pilot, PromptScreen)
        radios = screen.query_one(RadioSet)
        assert radios.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.flow is not None
        assert app.flow.draft(0).value == [app.flow.prompt(0).options[radios.pressed_index]]
        app.flow = None
        app.return_home()
        await wait_screen(pilot, HomeScreen)
        await start(pilot, "identity")  # its second prompt is several choices
        await write(pilot, "A quiet moment.")
        await pilot.press("ctrl+n")
        screen = await wait_screen(pilot, PromptScreen)
        await wait_until(pilot, lambda: app.screen.index == 1)  # type: ignore[attr-defined]
        selection = app.screen.query_one(SelectionList)
        selection.select("Gender")
        selection.select("Age and generation")
        await pilot.pause()
        assert app.flow.draft(1).value == ["Age and generation", "Gender"]
        assert app.flow.draft(1).text == "Age and generation; Gender"


async def test_leave_and_resume_where_it_was_left(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await write(pilot, "First answer.")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 1)  # type: ignore[attr-defined]
        await write(pilot, "Half a thought")
        await pilot.press("escape")
        home = await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        home.refresh_data()
        assert home.query_one("#unfinished").display
        await pilot.press("r")
        screen = await wait_screen(pilot, PromptScreen)
        await wait_until(pilot, lambda: app.screen.index == 1)  # type: ignore[attr-defined]
        assert app.screen.query_one("TextArea").text == "Half a thought"  # type: ignore[attr-defined]
        await pilot.press("ctrl+b")
        await wait_until(pilot, lambda: app.screen.index == 0)  # type: ignore[attr-defined]
        assert app.screen.query_one("TextArea").text == "First answer."  # type: ignore[attr-defined]
        assert screen is not app.screen


async def test_open_actions_are_followed_up_first(tmp_path: Path) -> None:
    vault = tmp_path / "vault" / "journal.reflect"
    earlier = SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=local_time(TODAY, 17),
        finished=local_time(TODAY, 18),
        answers=(
            AnswerRecord(
                prompt_id="do-differently",
                prompt_text="One thing I will do differently next time",
                text="Ask about their family's view of therapy.",
                kind="action",
                position=3,
            ),
        ),
    )
    with Journal.create(vault, PASSPHRASE, kdf=TEST_KDF) as journal:
        journal.import_records([earlier])
        journal.save_answer(
            journal.list_sessions()[0].id,
            prompt_id="do-differently",
            prompt_text="One thing I will do differently next time",
            text="Ask about their family's view of therapy.",
            kind="action",
            position=3,
        )
        assert len(journal.open_actions()) == 1
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        screen = await wait_screen(pilot, FollowUpScreen)
        assert "family's view" in str(screen.query_one("#planned", Static).render())
        await write(pilot, "I asked; it opened up a lot.")
        screen.query_one(RadioSet).query("RadioButton")[1].value = True  # Done
        await pilot.pause()
        await pilot.press("ctrl+n")
        await wait_screen(pilot, PromptScreen)
        await settle(pilot)
        assert app.journal.open_actions() == []
        [item] = app.journal.action_records()
        assert item.status == ActionStatus.DONE.value
        assert item.follow_up == "I asked; it opened up a lot."
        await pilot.press("ctrl+b")
        await wait_screen(pilot, FollowUpScreen)


async def test_starting_a_set_with_one_unfinished_offers_to_carry_on(tmp_path: Path) -> None:
    from reflect_tui.ui.screens.confirm import ConfirmScreen

    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        await write(pilot, "Left half way.")
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        app.start_reflection("end-of-day")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("y")  # carry on with it
        await wait_screen(pilot, PromptScreen)
        assert app.screen.query_one("TextArea").text == "Left half way."  # type: ignore[attr-defined]
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)
        await settle(pilot)
        app.start_reflection("end-of-day")
        await wait_screen(pilot, ConfirmScreen)
        await pilot.press("n")  # start a new one
        await wait_screen(pilot, PromptScreen)
        assert app.screen.query_one("TextArea").text == ""  # type: ignore[attr-defined]
        assert len(app.journal.unfinished_sessions()) == 2


async def test_two_quick_ctrl_n_on_the_last_prompt_review_then_finish(tmp_path: Path) -> None:
    """The second key reaches the Review the first one opened (no Review stacked twice)."""
    from textual import events

    from tests.ui.test_app_fixtures import settle, wait_until

    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")
        for text in ("One.", "Two.", None, "Three."):
            screen = await wait_screen(pilot, PromptScreen)
            if text is None:
                await pilot.press("4")
            else:
                await write(pilot, text)
            index = screen.index
            await pilot.press("ctrl+n")
            await wait_until(pilot, lambda i=index: getattr(app.screen, "index", -1) == i + 1)
        await write(pilot, "Four.")
        app.post_message(events.Key("ctrl+n", None))
        app.post_message(events.Key("ctrl+n", None))
        await settle(pilot)
        await pilot.pause(0.3)
        reviews = [s for s in app.screen_stack if isinstance(s, ReviewScreen)]
        assert len(reviews) <= 1
