"""The Search screen: results as you type, phrases, prefixes, tags, and a gentle hint."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static

from reflect_tui.core import clock
from reflect_tui.journal import Journal
from reflect_tui.ui.screens.search import LIMIT, SYNTAX_HINT, SearchScreen, as_you_type
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.widgets.answer_card import AnswerCard
from reflect_tui.ui.widgets.entry_text import MATCH_STYLE
from tests.ui.test_history_fixtures import HostApp, make_session, new_journal

TODAY = clock.today()


@pytest.fixture
def journal(tmp_path: Path):
    journal = new_journal(
        tmp_path,
        [
            make_session(
                TODAY,
                ["My countertransference with the family [red]showed[/red]", "b", "c", "d"],
                tags=("supervision",),
            ),
            make_session(
                TODAY - timedelta(days=3),
                ["The family decided together", "counter offer", "x", "y"],
            ),
            make_session(TODAY - timedelta(days=9), ["Nothing relevant here", "q", "r", "s"]),
        ],
    )
    yield journal
    journal.close()


def search_app(journal: Journal) -> HostApp:
    return HostApp(lambda: SearchScreen(journal))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def results(pilot) -> list[str]:
    options = pilot.app.screen.query_one(OptionList)
    if not options.display:
        return []
    return [
        options.get_option_at_index(n).prompt.plain
        for n in range(options.option_count)
        if options.get_option_at_index(n).id is not None
    ]


def hint(pilot) -> str:
    return str(pilot.app.screen.query_one("#hint", Static).render())


def test_the_word_being_typed_matches_by_its_start() -> None:
    assert as_you_type("famil") == "famil*"
    assert as_you_type("family ") == "family "
    assert as_you_type("the famil") == "the famil*"
    assert as_you_type("counter*") == "counter*"
    assert as_you_type('"the family') == '"the family'  # an open phrase is left alone
    assert as_you_type('"the family"') == '"the family"'
    assert as_you_type("a OR") == "a OR"
    assert as_you_type("") == ""


async def test_results_follow_the_typing(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        assert hint(pilot) == SYNTAX_HINT
        assert pilot.app.focused is pilot.app.screen.query_one("#query", Input)
        await pilot.press(*"fam")
        await settle(pilot)
        found = results(pilot)
        assert len(found) == 2
        assert "2 answers found" in hint(pilot)
        # The snippet keeps the writer's brackets as text, never as markup.
        assert any("[red]showed[/red]" in text for text in found)
        await pilot.press(*"ily decided")
        await settle(pilot)
        assert len(results(pilot)) == 1
        assert "The family decided together" in results(pilot)[0]
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert results(pilot) == [] and hint(pilot) == SYNTAX_HINT


async def test_matched_words_are_marked(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.query_one("#query", Input).value = "decided"
        await settle(pilot)
        option = pilot.app.screen.query_one(OptionList).get_option_at_index(0)
        content = option.prompt
        marked = [content.plain[s.start : s.end] for s in content.spans if s.style == MATCH_STYLE]
        assert marked == ["decided"]


async def test_phrases_prefixes_and_tags(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        box = pilot.app.screen.query_one("#query", Input)
        box.value = '"family decided"'
        await settle(pilot)
        assert len(results(pilot)) == 1
        box.value = '"decided family"'
        await settle(pilot)
        assert results(pilot) == [] and "Nothing matches" in hint(pilot)
        box.value = "counter* "
        await settle(pilot)
        assert len(results(pilot)) == 2  # countertransference and counter offer
        pilot.app.screen.query_one("#tag", Input).value = "supervision"
        await settle(pilot)
        assert len(results(pilot)) == 1 and "#supervision" in results(pilot)[0]
        box.value = ""  # a tag alone lists what carries it
        await settle(pilot)
        assert len(results(pilot)) == 1


async def test_a_query_that_cannot_be_read_gets_a_hint(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        box = pilot.app.screen.query_one("#query", Input)
        box.value = "family"
        await settle(pilot)
        assert len(results(pilot)) == 2
        box.value = "NOT family"
        await settle(pilot)
        assert "could not be understood" in hint(pilot)
        assert pilot.app.screen.query_one("#hint").has_class("-problem")
        assert len(results(pilot)) == 2  # the last good results stay
        assert pilot.app.is_running
        box.value = "family OR decided"
        await settle(pilot)
        assert not pilot.app.screen.query_one("#hint").has_class("-problem")


async def test_enter_opens_the_reflection_at_that_answer(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        pilot.app.screen.query_one("#query", Input).value = "offer"
        await settle(pilot)
        [hit] = journal.search("offer")
        await pilot.press("down")  # into the results
        assert pilot.app.focused is pilot.app.screen.query_one(OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionDetailScreen)
        focused = pilot.app.focused
        assert isinstance(focused, AnswerCard) and focused.answer.id == hit.answer_id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SearchScreen)
        await pilot.press("escape")  # from the results back to the box
        assert pilot.app.focused is pilot.app.screen.query_one("#query", Input)


async def test_enter_in_the_box_opens_the_best_match(journal: Journal) -> None:
    async with search_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"decided")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionDetailScreen)


async def test_many_matches_say_only_the_best_are_shown(tmp_path: Path) -> None:
    records = [
        make_session(TODAY - timedelta(days=n), [f"family {n}", "b", "c", "d"])
        for n in range(LIMIT + 5)
    ]
    journal = new_journal(tmp_path, records)
    async with search_app(journal).run_test(size=(160, 48)) as pilot:
        pilot.app.screen.query_one("#query", Input).value = "family"
        await settle(pilot)
        assert len(results(pilot)) == LIMIT
        assert f"The {LIMIT} best matches" in hint(pilot)
    journal.close()
