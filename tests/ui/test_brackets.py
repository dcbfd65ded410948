"""Text the clinician wrote (answers, actions, tags, watch words, their own prompt sets,
folder names) is shown as written: a "[/]" or "[b]" in it is never read as markup,
which would crash the app or restyle the words."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.journal import Journal
from reflect_tui.prompts import load_library
from reflect_tui.ui.screens.export import ExportScreen
from reflect_tui.ui.screens.follow_up import FollowUpScreen
from reflect_tui.ui.screens.history import HistoryScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.insight import InsightScreen
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.screens.review import ReviewScreen
from reflect_tui.ui.screens.search import SearchScreen
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.screens.unlock import UnlockScreen
from reflect_tui.vault.crypto import TEST_KDF
from tests.ui.test_app_fixtures import PASSPHRASE, make_app, unlock, wait_screen, wait_until

ODD = "[/] [b]not bold[/b] [red]"

USER_SET = f"""
id = "odd"
title = "Odd {ODD}"
description = "A set whose words hold brackets {ODD}"
minutes = 5
version = 1

[[prompts]]
id = "what"
topic = "identity"
kind = "text"
text = "What happened {ODD}?"
guidance = "Guidance {ODD}"

[[prompts]]
id = "how"
topic = "power"
kind = "scale"
text = "How much {ODD}?"
scale_min = 1
scale_max = 5
scale_labels = ["Low {ODD}", "High {ODD}"]

[[prompts]]
id = "next"
topic = "repair"
kind = "action"
text = "Next step {ODD}?"
"""


def _vault(folder: Path) -> Path:
    vault = folder / f"vault {ODD}" / "journal.reflect"
    started = datetime(2025, 3, 10, 18, tzinfo=UTC)
    record = SessionRecord(
        set_id="odd",
        set_title=f"Odd {ODD}",
        started=started,
        finished=started,
        answers=(
            AnswerRecord("what", f"What happened {ODD}?", f"I wrote {ODD} today.", "identity"),
            AnswerRecord(
                "how", f"How much {ODD}?", "3", "power", kind="scale", position=1, value="3"
            ),
            AnswerRecord(
                "next",
                f"Next step {ODD}?",
                f"Ask {ODD}",
                "repair",
                kind="action",
                position=2,
                tags=("odd[/]",),
            ),
        ),
        actions=(ActionRecord(f"Ask {ODD}", created=started, answer_position=2),),
    )
    unfinished = SessionRecord("odd", f"Odd {ODD}", started, answers=record.answers[:1])
    with Journal.create(vault, PASSPHRASE, kdf=TEST_KDF) as journal:
        journal.import_records([record, unfinished])
        journal.add_watch_word(f"word {ODD}")
    return vault


async def _open(pilot: Pilot[Any], key: str, kind: type[Any]) -> Any:
    await pilot.press(key)
    return await wait_screen(pilot, kind)


async def test_brackets_in_every_kind_of_text_are_shown_not_parsed(tmp_path: Path) -> None:
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    (prompts / "odd.toml").write_text(USER_SET, encoding="utf-8")
    library = load_library(user_dir=prompts)
    assert not library.problems
    app = make_app(_vault(tmp_path), tmp_path, library=library)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await unlock(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.pause()

        actions = home.query_one("#actions", OptionList)
        actions.focus()
        actions.highlighted = 0
        await pilot.press("o")  # a follow-up note on the open action, which it quotes
        await wait_until(pilot, lambda: app.screen is not home)
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)

        export = await _open(pilot, "e", ExportScreen)
        export.action_watch_list()
        await wait_until(pilot, lambda: app.screen is not export)
        await pilot.press(*"another [/]", "enter")  # "Added “another [/]”." is notified
        await pilot.pause(0.3)
        await pilot.press("escape")
        await wait_screen(pilot, ExportScreen)
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)

        search = await _open(pilot, "s", SearchScreen)
        search.query_one(Input).value = "wrote"
        await wait_until(pilot, lambda: search.query_one("#results", OptionList).option_count)
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)
        for key, kind in (("i", InsightScreen), ("e", ExportScreen)):
            await _open(pilot, key, kind)
            await pilot.pause(0.3)
            await pilot.press("escape")
            await wait_screen(pilot, HomeScreen)

        await _open(pilot, "h", HistoryScreen)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_screen(pilot, SessionDetailScreen)
        await pilot.pause(0.2)
        await pilot.press("escape")
        await wait_screen(pilot, HistoryScreen)
        await pilot.press("escape")
        await wait_screen(pilot, HomeScreen)

        app.start_reflection("odd")  # asks whether to carry on with the unfinished one
        await wait_until(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await pilot.press("n")  # start a new one
        await wait_screen(pilot, FollowUpScreen)
        app.screen.query_one(TextArea).text = f"It went {ODD}"
        await pilot.press("ctrl+n")
        prompt = await wait_screen(pilot, PromptScreen)
        await pilot.press("ctrl+g")
        prompt.query_one(TextArea).text = f"Now {ODD}"
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 1)
        await pilot.press("4")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: app.screen.index == 2)
        app.screen.query_one(TextArea).text = f"Then {ODD}"
        await pilot.press("ctrl+n")
        await wait_screen(pilot, ReviewScreen)
        await pilot.pause(0.2)
        assert app.return_code is None  # nothing crashed the app on the way
