"""Whatever is typed or pasted into the app is kept exactly, or (half a character, which
cannot be stored) with U+FFFD in its place: saving never fails on the text itself."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect_tui.core.records import storable
from reflect_tui.journal import Journal
from tests.conftest import PASSPHRASE

ODD = st.sampled_from(
    ["\x00", "\x1b[31m", "\r\n", "\u202e", "\u200f", "e\u0301\u0301", "\ud800", "\udfff", "﷽"]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), ODD), max_size=8).map("".join)
EXAMPLES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@EXAMPLES
@given(text=TEXT, tag=TEXT, follow_up=TEXT)
def test_any_text_is_saved_and_searched(
    journal: Journal, text: str, tag: str, follow_up: str
) -> None:
    session = journal.start_session("s", 1, "S")
    sid = session.id or 0
    answer = journal.save_answer(sid, prompt_id="p", prompt_text=text, text=text, kind="action")
    journal.set_answer_tags(answer.id or 0, [tag])
    journal.edit_answer(answer.id or 0, text + " again")
    for item in journal.open_actions():
        journal.update_action(item.id or 0, follow_up=follow_up)
    journal.search(text)
    journal.add_watch_word(text)
    [stored] = journal.session_answers(sid)
    assert stored.text == storable(text + " again")
    assert stored.prompt_text == storable(text)
    journal.delete_session(sid)


def test_ten_megabytes_pasted_survive_a_reopen(journal: Journal, vault_path: Path) -> None:
    pasted = ("A long transcript line, with J. and the interpreter.\n" * 200_000)[:10_000_000]
    session = journal.start_session("s", 1, "S")
    journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=pasted)
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.session_answers(session.id or 0)[0].text == pasted
        [hit] = again.search("interpreter")
        assert "interpreter" in hit.snippet


def test_half_a_character_becomes_the_replacement_character() -> None:
    assert storable("a\ud800b") == "a\ufffdb"
    assert storable("naïve, 😀") == "naïve, 😀"
