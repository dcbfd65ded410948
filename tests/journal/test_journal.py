"""The journal service: sessions, search, filters, deletion and import."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.journal import MATCH_END, MATCH_START, ImportRefused, Journal, SearchQueryError
from reflect_tui.journal.search_query import to_fts
from reflect_tui.vault import container, crypto
from tests.conftest import PASSPHRASE


def _session(journal: Journal, set_id: str, *texts: str, topic: str = "identity") -> int:
    session = journal.start_session(set_id, 1, set_id.title())
    for i, text in enumerate(texts):
        journal.save_answer(
            session.id or 0,
            prompt_id=f"p{i}",
            prompt_text=f"Prompt {i}?",
            text=text,
            topic=topic,
            position=i,
        )
    return session.id or 0


def test_save_answer_updates_in_place_and_keeps_created(journal: Journal) -> None:
    sid = _session(journal, "power", "first draft")
    [first] = journal.session_answers(sid)
    journal.save_answer(sid, prompt_id="p0", prompt_text="Prompt 0?", text="second draft")
    [second] = journal.session_answers(sid)
    assert second.id == first.id and second.text == "second draft"
    assert second.created == first.created and second.updated > first.updated


def test_resume_position_and_unfinished(journal: Journal) -> None:
    sid = _session(journal, "repair", "what happened")
    journal.save_answer(sid, prompt_id="p1", prompt_text="?", text="", resume_at=3)
    [unfinished] = journal.unfinished_sessions()
    assert unfinished.id == sid and unfinished.position == 3
    journal.finish_session(sid)
    assert journal.unfinished_sessions() == []


def test_search_ranks_highlights_and_understands_syntax(journal: Journal) -> None:
    _session(journal, "identity", "I felt countertransference when we spoke about faith")
    _session(journal, "power", "Who set the goals? The intake form did, not the client.")
    _session(journal, "repair", "It felt counterproductive; the client don't feel heard")

    hits = journal.search("counter*")
    assert len(hits) == 2
    assert all(MATCH_START in h.snippet and MATCH_END in h.snippet for h in hits)
    assert f"{MATCH_START}countertransference{MATCH_END}" in " ".join(h.snippet for h in hits)
    assert [h.set_title for h in journal.search('"intake form"')] == ["Power"]
    assert journal.search('"form intake"') == []
    assert [h.set_title for h in journal.search("don't")] == ["Repair"]
    assert journal.search("faith OR goals") and len(journal.search("faith OR goals")) == 2
    assert journal.search("") == []


def test_unparseable_query_gets_a_hint(journal: Journal) -> None:
    _session(journal, "identity", "anything")
    with pytest.raises(SearchQueryError) as caught:
        journal.search("NOT faith")
    assert "plain words" in str(caught.value)
    assert journal.search("NOT") == [], "a lone operator, still being typed, finds nothing"
    assert journal.search("anything NOT NOT faith"), "a run of operators is merged"


def test_tag_filter_in_search_and_history(journal: Journal) -> None:
    sid = _session(journal, "identity", "about language")
    other = _session(journal, "power", "about language too")
    [answer] = journal.session_answers(sid)
    journal.set_answer_tags(answer.id or 0, ["#Question", "language"])
    assert [h.session_id for h in journal.search("language", tag="question")] == [sid]
    assert [h.session_id for h in journal.search("", tag="question")] == [sid]
    assert [s.id for s in journal.list_sessions(tag="question")] == [sid]
    assert {s.id for s in journal.list_sessions(tag="language")} == {sid}
    assert {s.id for s in journal.list_sessions()} == {sid, other}


def test_history_filters(journal: Journal) -> None:
    a = _session(journal, "identity", "one", topic="identity")
    b = _session(journal, "power", "two", topic="systemic-power")
    journal.flag_session(b, True)
    assert [s.id for s in journal.list_sessions(set_id="identity")] == [a]
    assert [s.id for s in journal.list_sessions(topic="systemic-power")] == [b]
    assert [s.id for s in journal.list_sessions(flagged=True)] == [b]
    [answer] = journal.session_answers(a)
    journal.flag_answer(answer.id or 0, True)
    assert {s.id for s in journal.list_sessions(flagged=True)} == {a, b}
    today = clock.today()
    assert len(journal.list_sessions(start=today, end=today)) == 2
    assert journal.list_sessions(end=today - timedelta(days=1)) == []
    page = journal.list_sessions(limit=1)
    assert [s.id for s in page] == [b]
    assert [s.id for s in journal.list_sessions(limit=1, offset=1)] == [a]
    assert page[0].answer_count == 1 and page[0].first_words == "two"


def test_deleted_session_is_gone_from_search_and_file(journal: Journal, vault_path: Path) -> None:
    word = "Quetzalcoatlpersimmon"
    sid = _session(journal, "identity", f"a secret {word} reflection")
    keep = _session(journal, "power", "this one stays")
    assert journal.search(word)
    journal.delete_session(sid)
    assert journal.search(word) == []
    assert [s.id for s in journal.list_sessions()] == [keep]
    journal.close()
    from reflect_tui.vault.unlock import open_file

    _, _, image = open_file(vault_path, PASSPHRASE)
    assert word.encode() not in image
    assert word.lower().encode() not in image.lower()
    assert b"this one stays" in image


def _record(day: int, text: str) -> SessionRecord:
    started = datetime(2026, 3, day, 18, 0, tzinfo=UTC)
    return SessionRecord(
        set_id="jrnl",
        set_title="Imported",
        started=started,
        answers=(AnswerRecord(prompt_id="entry", prompt_text="Entry", text=text, tags=("a",)),),
    )


def test_import_is_all_or_nothing(journal: Journal) -> None:
    good = [_record(1, "first"), _record(2, "second")]
    assert journal.import_records(good) == 2
    naive = datetime(2026, 3, 5, 9)
    bad = [_record(3, "third"), SessionRecord(set_id="x", set_title="x", started=naive)]
    with pytest.raises(ImportRefused, match="timezone-aware"):
        journal.import_records(bad)
    assert [r.answers[0].text for r in journal.records()] == ["first", "second"]


def test_records_round_trip_between_vaults(journal: Journal, tmp_path: Path) -> None:
    _session(journal, "identity", "one", "two")
    sid = _session(journal, "end-of-day", "three")
    journal.save_answer(sid, prompt_id="act", prompt_text="Do?", text="call", kind="action")
    exported = journal.records()
    with Journal.create(tmp_path / "other.reflect", PASSPHRASE, kdf=crypto.TEST_KDF) as other:
        other.import_records(exported)
        assert other.records() == exported
        assert [a.text for a in other.open_actions()] == ["call"]


def test_watch_words(journal: Journal) -> None:
    assert journal.add_watch_word("Riverside Clinic")
    assert not journal.add_watch_word("riverside clinic")
    assert journal.watch_words() == ["Riverside Clinic"]
    assert journal.remove_watch_word("RIVERSIDE clinic")
    assert journal.watch_words() == []


def test_insight_queries(journal: Journal) -> None:
    sid = _session(journal, "identity", "x", topic="identity")
    journal.save_answer(sid, prompt_id="ease", prompt_text="Ease?", text="4", kind="scale", value=4)
    assert journal.reflection_days(clock.today() - timedelta(days=7)) == {clock.today()}
    assert journal.topic_counts() == {"identity": 1, "other": 1}
    [(day, prompt_id, _, value)] = journal.scale_answers()
    assert (day, prompt_id, value) == (clock.today(), "ease", 4)
    assert journal.action_counts() == {"open": 0, "done": 0, "dropped": 0}


def test_reader_cannot_write(journal: Journal, vault_path: Path) -> None:
    from reflect_tui.journal import ReadOnlyJournal

    with (
        Journal.open(vault_path, PASSPHRASE, write=False) as reader,
        pytest.raises(ReadOnlyJournal),
    ):
        reader.start_session("x", 1, "X")
    assert container.list_backups(vault_path) == []


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("counter*", '"counter"*'),
        ('"quoted words"', '"quoted words"'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("co-create", '"co create"'),
        ("a OR b", '"a" OR "b"'),
        ("OR", ""),
        ("NOT faith", 'NOT "faith"'),
        ("faith AND NOT goals", '"faith" NOT "goals"'),
        ("faith OR OR goals", '"faith" OR "goals"'),
        ("faith NOT", '"faith"'),
        ("   ", ""),
    ],
)
def test_query_translation(typed: str, fts: str) -> None:
    assert to_fts(typed) == fts


def test_editing_a_skipped_answer_makes_it_answered(journal: Journal) -> None:
    sid = journal.start_session("identity", 1, "Identity").id or 0
    skipped = journal.save_answer(sid, prompt_id="p", prompt_text="?", text="", skipped=True)
    edited = journal.edit_answer(skipped.id or 0, "Written later, after all.")
    assert not edited.skipped and edited.text == "Written later, after all."


@pytest.mark.parametrize("query", ['"\x00', '"a\x00b"', '"\x01\x02"', "\x00"])
def test_a_control_character_in_a_search_is_no_error(journal: Journal, query: str) -> None:
    """Hypothesis found '"\\x00': a NUL inside quotes ended FTS5's string early."""
    assert isinstance(journal.search(query), list)
