"""Prompts that draw on the identity map: the TOML field, checked by the schema; the
built-in identity prompts set it; the prompt screen shows the map beside the question
and puts the salient domains' options first, while the answer keeps the set's order."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import SelectionList, TextArea

from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from reflect_tui.prompts import PromptFileError, load_library, load_prompt_file
from reflect_tui.ui.screens.prompt import PromptScreen
from reflect_tui.ui.widgets.identity_panel import NO_MAP, IdentityMapPanel
from tests.conftest import PASSPHRASE
from tests.ui.test_app_fixtures import (
    make_app,
    new_vault,
    start,
    unlock,
    wait_screen,
    wait_until,
    write,
)

SET = """\
id = "mine"
title = "Mine"
description = "Mine."
minutes = 3

[[prompts]]
id = "present"
topic = "identity"
kind = "choice"
multiple = true
uses_identity_map = {flag}
options = [{options}]
text = "Which identities?"
"""


def _load(tmp_path: Path, flag: str, options: str) -> object:
    path = tmp_path / "mine.toml"
    path.write_text(SET.format(flag=flag, options=options), encoding="utf-8")
    return load_prompt_file(path)


def test_the_field_is_checked(tmp_path: Path) -> None:
    prompt_set = _load(tmp_path, "true", '"Gender", "Something else"')
    assert prompt_set.prompts[0].uses_identity_map  # type: ignore[attr-defined]
    with pytest.raises(PromptFileError) as caught:
        _load(tmp_path, '"yes"', '"Gender", "Something else"')
    assert "uses_identity_map" in str(caught.value)
    with pytest.raises(PromptFileError) as caught:
        _load(tmp_path, "true", '"Mostly me", "Together"')
    said = str(caught.value)
    assert "uses_identity_map" in said and "no option names a domain of the identity map" in said


def test_the_built_in_identity_prompts_draw_on_the_map() -> None:
    identity = load_library(user_dir=Path("/nonexistent")).get("identity")
    uses = [p.id for p in identity.prompts if p.uses_identity_map]
    assert uses == ["identities-present", "how-they-saw-me"]


async def test_the_map_is_beside_the_question_and_salient_domains_come_first(
    tmp_path: Path,
) -> None:
    vault = new_vault(tmp_path)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.save_identity_map(
            [
                DomainEntry("gender", "a man", "privilege", "yes", True),
                DomainEntry("social_class", "working-class roots", "both", "no", True),
                DomainEntry("age", "in my sixties"),
            ]
        )
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "identity")
        screen = await wait_screen(pilot, PromptScreen)
        assert not screen.query(IdentityMapPanel)  # the first prompt does not draw on it
        await write(pilot, "A quiet moment.")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: getattr(app.screen, "index", 0) == 1)
        panel = app.screen.query_one(IdentityMapPanel)
        assert "often in my work: Social class, Gender." in panel.text
        await pilot.press("ctrl+t")
        assert "Gender: a man; privilege" in panel.text
        assert "Age and generation: in my sixties" in panel.text
        assert not panel.has_focus  # it fits: the answer keeps the keys
        selection = app.screen.query_one(SelectionList)
        shown = [selection.get_option_at_index(i).value for i in range(selection.option_count)]
        assert shown[:3] == ["Social class and income", "Gender", "Age and generation"]
        selection.select("Gender")
        selection.select("Age and generation")
        await pilot.pause()
        assert app.flow is not None
        assert app.flow.draft(1).value == ["Age and generation", "Gender"]  # the set's order


async def test_without_a_map_the_prompt_says_where_to_keep_one(tmp_path: Path) -> None:
    app = make_app(new_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "identity")
        await write(pilot, "A quiet moment.")
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: getattr(app.screen, "index", 0) == 1)
        assert app.screen.query_one(IdentityMapPanel).text == NO_MAP
        selection = app.screen.query_one(SelectionList)
        assert selection.get_option_at_index(0).value == "Age and generation"


def test_reflect_write_says_the_map_after_a_prompt_that_draws_on_it(tmp_path: Path) -> None:
    import io

    from reflect_tui.plain import Lines, write_reflection
    from reflect_tui.vault.crypto import TEST_KDF

    journal = Journal.create(tmp_path / "j.reflect", PASSPHRASE, kdf=TEST_KDF)
    journal.save_identity_map([DomainEntry("gender", "a man", salient=True)])
    library = load_library(user_dir=tmp_path / "no-user-prompts")
    out = io.StringIO()
    typed = io.StringIO("A quiet moment.\n\n:quit\n")
    write_reflection(journal, library, Lines(typed, out), set_id="identity")
    said = out.getvalue()
    first, second = said.split("Prompt 2 of 8")[:2]
    assert "My map, often in my work" not in first
    assert "My map, often in my work: Gender (a man). (reflect identity show" in second
    journal.close()


async def test_a_full_map_can_be_read_whole_at_80_by_24(tmp_path: Path) -> None:
    """Every domain described at length and marked: the closed line still ends with how
    to see the rest, and the open panel can be read to its end from the keyboard."""
    from reflect_tui.core.identity import DOMAINS
    from reflect_tui.ui.widgets.answer_editor import AnswerEditor

    vault = new_vault(tmp_path)
    long = "words of my own that run on for a while, as a clinician's might"
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.save_identity_map(
            [DomainEntry(d.key, f"{d.name}: {long}", "both", "yes", True) for d in DOMAINS]
        )
    app = make_app(vault, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await start(pilot, "end-of-day")  # its first prompt draws on the map
        screen = await wait_screen(pilot, PromptScreen)
        panel = screen.query_one(IdentityMapPanel)
        await pilot.pause()
        assert panel.max_scroll_y == 0, "the closed line is cut off"
        assert panel.text.startswith("My map (Ctrl+T: all of it), often in my work: Age and")
        assert panel.text.endswith("National origin and language, Gender.")
        await write(pilot, "Something I noticed")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert panel.has_focus  # taller than its room: the keys read it
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        assert panel.scroll_y == panel.max_scroll_y > 0
        assert "Gender: Gender:" in panel.text
        await pilot.press("ctrl+t")
        await pilot.pause()
        area = screen.query_one(AnswerEditor).query_one(TextArea)
        assert area.has_focus and area.text == "Something I noticed"
