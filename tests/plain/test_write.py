"""``reflect write``: a whole reflection as lines, every prompt kind, back, skip,
guidance, a stop mid-answer that keeps what was typed, and resume."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.journal.models import ActionStatus
from reflect_tui.plain import Lines, write_reflection
from reflect_tui.prompts import PromptLibrary, load_library

HERE = Path(__file__).parent


@pytest.fixture
def library(tmp_path: Path) -> PromptLibrary:
    user = tmp_path / "prompts"
    user.mkdir()
    (user / "every-kind.toml").write_text((HERE / "every_kind.toml").read_text())
    loaded = load_library(user)
    assert "every-kind" in loaded.sets and not loaded.problems
    return loaded


def converse(
    journal: Journal, library: PromptLibrary, typed: list[str], **kwargs: object
) -> tuple[int, str]:
    out = io.StringIO()
    code = write_reflection(
        journal, library, Lines(io.StringIO("".join(f"{t}\n" for t in typed)), out), **kwargs
    )
    return code, out.getvalue()


EVERY_KIND = [
    "With J., my accent came up.",  # who (two lines, a blank ends it)
    "Then again at the end.",
    "",
    "9",  # ease: out of range, asked again
    "4",
    "2",  # agenda: one choice
    "1 3",  # felt: several
    "Ask about pace first",  # next (an action)
    ".",
    "",  # rest: optional, Enter skips
    "1",  # flag answer 1
    "2 power agenda",  # tags for answer 2
    "",
]


def test_a_whole_reflection_of_every_kind(journal: Journal, library: PromptLibrary) -> None:
    code, said = converse(journal, library, EVERY_KIND, set_id="every-kind")
    assert code == 0
    [session] = journal.list_sessions()
    assert session.finished is not None
    answers = {a.prompt_id: a for a in journal.session_answers(session.id)}
    assert answers["who"].text == "With J., my accent came up.\nThen again at the end."
    assert (answers["ease"].value, answers["agenda"].value) == ("4", '["Mostly the client"]')
    assert answers["felt"].value == '["Curious", "Tired"]' and answers["rest"].skipped
    assert answers["who"].flagged and answers["ease"].tag_list == ["power", "agenda"]
    assert [a.text for a in journal.open_actions()] == ["Ask about pace first"]
    assert "Prompt 1 of 6: Who was I in the room today?" in said
    assert "That is not one of the numbers" in said
    assert "1. Mostly me\n2. Mostly the client\n3. Together" in said
    assert "(an action: what you write stays open" in said and "Skipped." in said
    assert "Finished and saved." in said


def test_nothing_but_plain_lines_is_written(journal: Journal, library: PromptLibrary) -> None:
    _, said = converse(journal, library, EVERY_KIND, set_id="every-kind")
    assert "\x1b" not in said and "\r" not in said
    assert all(ord(char) >= 32 or char == "\n" for char in said)


def test_back_skip_guidance_and_help(journal: Journal, library: PromptLibrary) -> None:
    typed = ["?", ":help", "First words.", "", ":back", "", "3", "1", "2", ":skip", "x", ""]
    typed += [":skip", "", ""]
    code, said = converse(journal, library, typed, set_id="every-kind")
    assert code == 0
    assert "Refer to any client by initials or a pseudonym." in said
    assert said.count(":back goes to the previous prompt") == 2  # at the start, and :help
    assert "Your answer so far: First words." in said  # back at prompt 1, Enter kept it
    assert "it cannot be skipped" in said  # :skip on the required choice
    [session] = journal.list_sessions()
    answers = {a.prompt_id: a for a in journal.session_answers(session.id)}
    assert answers["who"].text == "First words." and answers["next"].text == "x"
    assert answers["rest"].skipped


def test_a_stop_mid_answer_keeps_the_words_and_resume_carries_on(
    journal: Journal, library: PromptLibrary
) -> None:
    code, said = converse(journal, library, ["Half a thought", "and another"], set_id="every-kind")
    assert code == 130 and "Saved. To carry on later: reflect write --resume" in said
    [waiting] = journal.unfinished_sessions()
    [kept] = journal.session_answers(waiting.id or 0)
    assert kept.text == "Half a thought\nand another"
    code, said = converse(journal, library, ["", *EVERY_KIND[3:]], resume=True)
    assert code == 0 and "Carrying on with Every kind" in said
    assert "Your answer so far: Half a thought" in said
    assert journal.unfinished_sessions() == []
    [session] = journal.list_sessions()
    assert journal.session_answers(session.id)[0].text == "Half a thought\nand another"


def test_quit_saves_where_it_was_and_starting_again_offers_it(
    journal: Journal, library: PromptLibrary
) -> None:
    code, said = converse(journal, library, ["One line.", "", "4", ":quit"], set_id="every-kind")
    assert code == 0 and "reflect write --resume" in said
    [waiting] = journal.unfinished_sessions()
    assert waiting.position == 2
    code, said = converse(journal, library, ["y", ":quit"], set_id="every-kind")
    assert "You have an unfinished Every kind" in said
    assert "Prompt 3 of 6: Who set the agenda?" in said
    assert len(journal.unfinished_sessions()) == 1


def test_open_actions_are_followed_up_first(journal: Journal, library: PromptLibrary) -> None:
    converse(journal, library, EVERY_KIND, set_id="every-kind")
    [item] = journal.open_actions()
    typed = ["It helped a lot.", "d", ":quit"]
    code, said = converse(journal, library, typed, set_id="every-kind")
    assert code == 0
    assert f"Action 1 of 1, planned today: {item.text}" in said
    assert journal.open_actions() == []
    assert journal.action_counts()[ActionStatus.DONE.value] == 1


def test_an_unknown_set_is_named_with_the_sets_there_are(
    journal: Journal, library: PromptLibrary
) -> None:
    code, said = converse(journal, library, [], set_id="nope")
    assert code == 2 and "no prompt set called 'nope'" in said and "every-kind" in said
    assert journal.list_sessions() == []


def test_a_command_after_some_lines_keeps_them(journal: Journal, library: PromptLibrary) -> None:
    typed = ["First line.", "?", "Second line.", "", ":quit"]
    code, said = converse(journal, library, typed, set_id="every-kind")
    assert code == 0 and "What you wrote so far is kept" in said
    [waiting] = journal.unfinished_sessions()
    assert journal.session_answers(waiting.id or 0)[0].text == "First line.\nSecond line."


def test_odd_numbers_are_asked_again_not_a_crash(journal: Journal, library: PromptLibrary) -> None:
    typed = ["x", "", "²", "9" * 5000, "4", ":quit"]
    code, said = converse(journal, library, typed, set_id="every-kind")
    assert code == 0 and said.count("That is not one of the numbers") == 2


def test_back_on_the_first_prompt_says_so(journal: Journal, library: PromptLibrary) -> None:
    code, said = converse(journal, library, [":back", ":quit"], set_id="every-kind")
    assert code == 0 and "This is the first prompt" in said


def test_a_stop_during_follow_ups_keeps_the_note_and_says_what_happened(
    journal: Journal, library: PromptLibrary
) -> None:
    converse(journal, library, EVERY_KIND, set_id="every-kind")
    code, said = converse(journal, library, ["It went well"], set_id="every-kind")
    assert code == 130 and "Stopped before the reflection began" in said
    [item] = journal.open_actions()
    assert item.follow_up == "It went well"
    assert "1 open action from" in said


def test_quit_at_the_review_comes_back_to_it(journal: Journal, library: PromptLibrary) -> None:
    code, _ = converse(journal, library, [*EVERY_KIND[:10], ":quit"], set_id="every-kind")
    assert code == 0
    code, said = converse(journal, library, ["", "", ""], resume=True)
    assert code == 0 and "Your answers:" in said and "Finished and saved." in said


def test_resume_of_an_unknown_set_is_refused_at_once(
    journal: Journal, library: PromptLibrary
) -> None:
    code, said = converse(journal, library, [], set_id="nope", resume=True)
    assert code == 2 and "starting a new one" not in said


def test_a_signal_after_the_end_of_input_does_not_cut_the_save_short() -> None:
    """A closing terminal gives EOF first and SIGHUP a moment later, while the words
    read so far are being saved: that signal must not interrupt the save."""
    import io
    import os
    import signal

    from reflect_tui.plain import Interrupted, Lines, interruptible

    saved = False
    with interruptible():
        try:
            Lines(io.StringIO(""), io.StringIO()).ask()
        except Interrupted:
            os.kill(os.getpid(), signal.SIGHUP)  # arrives during the save below
            saved = True
    assert saved
