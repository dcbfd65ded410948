"""Search snippets: the words of the query marked, around the first match, in a bounded
look at the text however many times the word occurs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflect_tui.journal import Journal
from reflect_tui.journal.search_query import to_fts
from reflect_tui.journal.snippets import SNIPPET_WORDS, build_snippet, terms_of

S, E = "[", "]"


def snippet(text: str, query: str) -> str:
    return build_snippet(text, terms_of(to_fts(query)), S, E)


def test_the_query_words_are_taken_from_the_expression_but_not_after_not() -> None:
    terms = terms_of(to_fts('family "working alliance" counter* OR faith NOT referral'))
    assert terms.exact == {"family", "working", "alliance", "faith"}
    assert terms.prefixes == {"counter"}


def test_matches_are_marked_in_a_short_answer_given_whole() -> None:
    assert snippet("The interpreter set the pace.", "pace") == "The interpreter set the [pace]."
    assert snippet("[red]showed[/red] up", "showed") == "[red][showed][/red] up"


def test_a_long_answer_gives_a_window_with_ellipses() -> None:
    words = [f"w{n}" for n in range(200)]
    words[100] = "rupture"
    found = snippet(" ".join(words), "rupture")
    assert found.startswith("… ") and found.endswith(" …")
    assert "[rupture]" in found
    assert len(found.replace("…", "").split()) == SNIPPET_WORDS


def test_prefixes_case_and_accents_match_as_fts5_does() -> None:
    assert snippet("Countertransference, again", "counter*") == "[Countertransference], again"
    assert snippet("Un café with J.", "cafe") == "Un [café] with J."
    assert snippet("no match here", "absent") == "no match here"


def test_the_window_prefers_more_different_words() -> None:
    text = "family " + "x " * 40 + "family faith here"
    assert "[family] [faith]" in snippet(text, "family faith")


def test_two_hundred_thousand_matches_in_one_answer(journal: Journal) -> None:
    session = journal.start_session("s", 1, "S")
    journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text="word " * 200_000)
    [hit] = journal.search("word")
    assert hit.snippet.count("word") == SNIPPET_WORDS and hit.snippet.endswith(" …")


# The marks are control characters nobody types; a pasted one would only shift the marking.
WORD = st.text(st.characters(blacklist_characters="\x02\x03"), min_size=1, max_size=12)


@given(st.lists(WORD, min_size=1, max_size=60), st.data())
def test_a_snippet_is_a_piece_of_the_text_with_marks(words: list[str], data: st.DataObject) -> None:
    text = " ".join(words)
    query = data.draw(st.sampled_from(words))
    found = build_snippet(text, terms_of(to_fts(query)), "\x02", "\x03")
    plain = found.replace("\x02", "").replace("\x03", "")
    plain = plain.removeprefix("… ").removesuffix(" …")
    assert plain in text


def test_long_runs_without_words_and_cut_words_stay_out() -> None:
    assert len(snippet("-" * 1_000_000 + " word", "word")) < 100
    assert len(snippet("word " + "-" * 1_000_000, "word")) < 100
    found = snippet("x" * 300 + " target", "target")
    assert found == "… [target]"


def test_accents_are_folded_in_chunks_without_reading_the_whole_answer() -> None:
    text = "Straße " * 200_000 + "über"
    assert snippet(text, "uber").endswith("[über]")
