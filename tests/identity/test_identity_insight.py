"""Insight's identity panel: over the last year, the domains chosen in reflections beside
the ones marked on the map as often present, and the marked ones that never came up,
said gently, never as a score."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from reflect_tui.core import clock
from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from reflect_tui.journal.identity_insight import IdentityInsight, lines
from reflect_tui.ui.screens.insight import InsightScreen
from reflect_tui.ui.screens.insight_identity import IdentityPanel
from tests.conftest import PASSPHRASE
from tests.ui.test_history_fixtures import HostApp, new_journal

DAY = date(2026, 3, 5)


def test_salient_domains_that_never_came_up_are_named_gently() -> None:
    seen = IdentityInsight(
        DAY, DAY, Counter({"ethnicity": 3, "gender": 1}), ("gender", "social_class")
    )
    said = lines(seen)
    assert said[:2] == [
        "Ethnicity and race: in 3 reflections",
        "Gender: in 1 reflection (often in your work, on your map)",
    ]
    assert "Social class has not come up in your reflections this year." in said
    assert not any("%" in line or "score" in line.lower() for line in said)


def test_without_a_map_it_says_how_to_keep_one() -> None:
    said = lines(IdentityInsight(DAY, DAY, Counter(), None))
    assert said[0].startswith("No identity map yet. Keep one from Home (m)")
    assert "No identities were chosen in your reflections this year." in said


def _choose(journal: Journal, chosen: list[str]) -> None:
    session = journal.start_session("identity", 1, "Identity")
    journal.save_answer(
        session.id or 0,
        prompt_id="identities-present",
        prompt_text="Which of my own identities felt most present in that moment?",
        kind="choice",
        text="; ".join(chosen),
        value=chosen,
    )


async def test_the_insight_screen_shows_the_panel(tmp_path: Path) -> None:
    journal = new_journal(tmp_path)
    journal.save_identity_map(
        [
            DomainEntry("gender", "a woman", salient=True),
            DomainEntry("national_origin", "Portuguese", salient=True),
        ]
    )
    _choose(journal, ["National origin and language", "Age and generation"])
    _choose(journal, ["National origin and language"])
    app = HostApp(lambda: InsightScreen(journal, today=clock.today()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one(IdentityPanel).query_one("#identity-lines").render())
        assert "National origin and language: in 2 reflections (often in your work" in said
        assert "Age and generation: in 1 reflection" in said
        assert "Gender has not come up in your reflections this year." in said
    journal.close()


async def test_only_prompts_that_draw_on_the_map_are_counted(tmp_path: Path) -> None:
    """A set of one's own may ask about the client's identities with the same wording:
    those choices are the client's, not the clinician's, and Insight must not count them
    (only prompts with uses_identity_map do)."""
    from reflect_tui.core.config import Config
    from reflect_tui.prompts import load_library
    from tests.ui.test_app_fixtures import make_app, new_vault, unlock, wait_screen

    user_sets = tmp_path / "sets"
    user_sets.mkdir()
    (user_sets / "client.toml").write_text(
        'id = "client"\ntitle = "The client"\ndescription = "About the client."\n'
        'minutes = 3\n\n[[prompts]]\nid = "their-identities"\ntopic = "identity"\n'
        'kind = "choice"\nmultiple = true\ntext = "Which of the client\'s identities?"\n'
        'options = ["Gender", "Age and generation"]\n'
    )
    library = load_library(user_dir=user_sets)
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.save_identity_map([DomainEntry("gender", "a woman", salient=True)])
        _choose(journal, ["Age and generation"])
        session = journal.start_session("client", 1, "The client")
        journal.save_answer(
            session.id or 0,
            prompt_id="their-identities",
            prompt_text="Which of the client's identities?",
            kind="choice",
            text="Gender",
            value=["Gender"],
        )
    app = make_app(vault, tmp_path, library=library, config=Config(), today=clock.today)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("i")
        screen = await wait_screen(pilot, InsightScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(screen.query_one(IdentityPanel).query_one("#identity-lines").render())
        assert "Age and generation: in 1 reflection" in said
        assert "Gender has not come up in your reflections this year." in said
