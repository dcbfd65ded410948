"""One full walk, as a person would: create the vault, reflect on 'identity', go back and
change an answer, finish, then reopen the vault and find every answer there."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, SelectionList

from reflect_tui.journal import Journal
from reflect_tui.prompts import PromptKind
from reflect_tui.ui.screens.create import CreateScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.review import ReviewScreen
from reflect_tui.ui.widgets.scale import ScaleInput
from tests.ui.test_app_fixtures import make_app, start, wait_screen, wait_until, write

PASSPHRASE = "walnut harbour gently ninety"


async def test_create_reflect_change_finish_and_find(tmp_path: Path) -> None:
    vault = tmp_path / "journal.reflect"
    app = make_app(vault, tmp_path)
    expected: dict[str, str] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        create = await wait_screen(pilot, CreateScreen)
        create.query_one("#passphrase", Input).value = PASSPHRASE
        create.query_one("#again", Input).value = PASSPHRASE
        await pilot.pause()
        create.action_create()
        await wait_screen(pilot, HomeScreen)

        await start(pilot, "identity")
        assert app.flow is not None
        prompts = app.flow.prompt_set.prompts
        for index, prompt in enumerate(prompts):
            screen = await wait_screen(pilot, PromptScreen)
            await wait_until(pilot, lambda i=index: getattr(app.screen, "index", None) == i)
            screen = app.screen
            assert isinstance(screen, PromptScreen)
            if prompt.kind == PromptKind.CHOICE:
                selection = screen.query_one(SelectionList)
                selection.select(prompt.options[0])
                await pilot.pause()
                expected[prompt.id] = prompt.options[0]
            elif prompt.kind == PromptKind.SCALE:
                screen.query_one(ScaleInput).value = prompt.scale_max
                await pilot.pause()
                expected[prompt.id] = f"{prompt.scale_max} on a scale"
            else:
                text = f"My answer to {prompt.id}, written slowly."
                await write(pilot, text)
                expected[prompt.id] = text
            await pilot.press("ctrl+n")
        await wait_screen(pilot, ReviewScreen)

        # Go back two prompts and change one answer.
        await pilot.press("ctrl+b")
        await wait_until(pilot, lambda: getattr(app.screen, "index", None) == len(prompts) - 1)
        await pilot.press("ctrl+b")
        target = prompts[len(prompts) - 3]
        await wait_until(pilot, lambda: getattr(app.screen, "index", None) == len(prompts) - 2)
        await pilot.press("ctrl+b")
        await wait_until(pilot, lambda: getattr(app.screen, "index", None) == len(prompts) - 3)
        assert target.kind == PromptKind.TEXT
        await write(pilot, "Changed my mind: I felt protective, then curious.")
        expected[target.id] = "Changed my mind: I felt protective, then curious."
        for _ in range(3):
            await pilot.press("ctrl+n")
            await pilot.pause()
        review = await wait_screen(pilot, ReviewScreen)
        await wait_until(pilot, lambda: review.answer_ids)
        await pilot.press("ctrl+n")  # finish
        await wait_screen(pilot, HomeScreen)
        assert await app.saves.settle()

    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        [summary] = journal.list_sessions()
        assert summary.set_id == "identity" and summary.finished is not None
        found = {a.prompt_id: a.text for a in journal.session_answers(summary.id)}
        for prompt_id, text in expected.items():
            assert found[prompt_id].startswith(text), prompt_id
        assert [a.text for a in journal.open_actions()] == [expected["stay-curious"]]
