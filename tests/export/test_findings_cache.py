"""The findings cache as the check uses it: a hit, a miss, a changed text, a changed
detector, a fine word and a watch word all give exactly today's answer."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import Kind, Scanner, find_identifiers
from reflect_tui.export.identifiers import cached, word_lists
from reflect_tui.export.identifiers.scanner import raw_spans
from reflect_tui.export.identifiers.scanner import settings as detector_settings
from reflect_tui.export.scan import KnownSpans, redact_records, scan_records

#: Words the detector has opinions about, and words it has none about.
TOKENS = [
    "Mateo", "Grace", "Okafor", "Rose", "Siobhán", "Dr.", "Mrs", "my", "client", "said",
    "her", "son,", "with", "Hope", "June", "Georgia", "Jordan's", "Bion", "Winnicott",
    "the", "session", "was", "hard", "and", "I", "felt", "Oakwood", "School", "Riverside",
    "call", "555-123-4567", "maria@example.com", "www.clinic.org", "2024-03-05", "March",
    "5", "12", "Main", "Street", "14", "ehsan", "didn't", "show.", "PHQ-9", "score", "of",
    "14.", "age", "97", "10.0.0.1", "Zoë", "José", "e\u0301", "Иван", "’s", ",", ".", "\n",
]  # fmt: skip
texts = st.lists(st.sampled_from(TOKENS) | st.text(max_size=6), max_size=30).map(" ".join)
words = st.lists(st.sampled_from(TOKENS) | st.text(min_size=1, max_size=8), max_size=3)


def _cache_of(*texts: str) -> dict[bytes, str]:
    entries = {cached.digest(t): cached.encode(raw_spans(t)) for t in texts}
    return entries | {cached.SETTINGS: cached.encode_settings(detector_settings())}


@settings(max_examples=300, deadline=None)
@given(texts, words, words)
@example("sessions with Mateo today", [], ["mateo"])
@example("Mrs Okafor said Riverside", ["Riverside"], [])
@example("Dr. Jose\u0301 Okafor", [], ["José"])
@example("Grace Okafor and Grace", ["grace okafor"], ["Okafor"])
def test_a_cached_scan_is_todays_scan(text: str, watch: list[str], fine: list[str]) -> None:
    today = find_identifiers(text, watch, fine)
    hit = Scanner(watch, fine, cached=_cache_of(text))
    assert hit.find(text) == today
    assert hit.computed == {}  # nothing to learn: it was there
    miss = Scanner(watch, fine, cached={})
    assert miss.find(text) == today
    if text and not cached.touches(text, cached.fine_keys(fine)):
        assert miss.computed == {cached.digest(text): cached.encode(raw_spans(text))}


def _poisoned(text: str) -> dict[bytes, str]:
    """An entry no detector would make ("session" as a name): it shows when it is used."""
    start = text.index("session")
    return {cached.digest(text): cached.encode([(start, start + 7, Kind.NAME)])}


def test_a_hit_is_used_without_scanning_again() -> None:
    text = "a hard session today"
    [finding] = Scanner(cached=_poisoned(text)).find(text)
    assert (finding.kind, finding.word) == (Kind.NAME, "session")


def test_a_changed_text_is_scanned_again() -> None:
    old, new = "a hard session today", "a hard session with Mateo today"
    scanner = Scanner(cached=_poisoned(old))
    assert scanner.find(new) == find_identifiers(new)
    assert [f.word for f in scanner.find(new)] == ["Mateo"]
    assert scanner.computed == {cached.digest(new): cached.encode(raw_spans(new))}


def test_a_text_with_a_fine_word_is_scanned_whole() -> None:
    text = "a hard session with Mateo today"
    poisoned = _poisoned(text)
    assert Scanner(["unrelated"], ["mateo"], cached=poisoned).find(text) == []
    assert Scanner(fine_words=["MATEO"], cached=poisoned).find(text) == []
    # a fine word elsewhere changes nothing here: the entry is used
    assert [f.word for f in Scanner(fine_words=["Bion"], cached=poisoned).find(text)] == ["session"]


def test_a_fine_word_without_latin_letters_sends_every_text_to_a_full_scan() -> None:
    text = "a hard session today"
    assert Scanner(fine_words=["Иван"], cached=_poisoned(text)).find(text) == []


def test_a_watch_word_is_added_to_a_hit() -> None:
    text = "Met Rose at Riverside School, my client Okafor said"
    found = Scanner(["riverside school"], cached=_cache_of(text)).find(text)
    assert found == find_identifiers(text, ["riverside school"])
    assert Kind.WATCH_WORD in {f.kind for f in found}


def test_a_damaged_entry_is_not_trusted() -> None:
    text = "call 555-123-4567"
    for entry in ("1 2", "x y z", "0 999 0", "5 3 0", "0 4 99"):
        scanner = Scanner(cached={cached.digest(text): entry})
        assert scanner.find(text) == find_identifiers(text)


def test_the_detectors_fingerprint_follows_its_files(tmp_path: Path) -> None:
    folder = Path(cached.__file__).parent
    copy = tmp_path / "identifiers"
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert cached.fingerprint_of(copy) == cached.fingerprint()
    words = copy / "given_names_more.txt"
    words.write_text(words.read_text(encoding="utf-8") + "zzyzx\n", encoding="utf-8")
    assert cached.fingerprint_of(copy) != cached.fingerprint()


def test_the_detectors_fingerprint_follows_pythons_unicode_tables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A vault synced to a computer with another Python: what is a letter or a capital
    may differ there, so its entries are misses, never another detector's answers."""
    folder = Path(cached.__file__).parent
    here = cached.fingerprint_of(folder)
    monkeypatch.setattr(unicodedata, "unidata_version", "13.0.0")
    assert cached.fingerprint_of(folder) != here


def test_the_record_scan_with_the_cache_is_the_record_scan() -> None:
    now = clock.now()
    answers = tuple(
        AnswerRecord(f"p{i}", "What stayed with you?", text, position=i, tags=("okafor",))
        for i, text in enumerate(
            ["Mrs Okafor called 555-123-4567.", "A quiet day.", "Grace said no to Riverside."]
        )
    )
    sessions = [SessionRecord("end-of-day", "End of day", now, finished=now, answers=answers)]
    known = KnownSpans(_cache_of("A quiet day.", "End of day"))
    assert scan_records(sessions, [], ["Riverside"], known=known) == scan_records(
        sessions, [], ["Riverside"]
    )
    assert cached.digest("Mrs Okafor called 555-123-4567.") in known.learned
    assert cached.digest("A quiet day.") not in known.learned
    redacted = redact_records(sessions, [], ["Riverside"], known=KnownSpans(known.learned))
    assert redacted == redact_records(sessions, [], ["Riverside"])


def test_the_detectors_settings_come_from_the_cache_and_a_damaged_one_is_not_used() -> None:
    text = "call 555-123-4567 before the long weekend, she said"
    wide = dict(_cache_of(text))
    [today] = find_identifiers(text)
    wide[cached.SETTINGS] = cached.encode_settings(
        cached.Settings(2, detector_settings().priority)  # what a detector showing less would keep
    )
    [narrow] = Scanner(cached=wide).find(text)
    assert (narrow.kind, narrow.start, narrow.end) == (today.kind, today.start, today.end)
    assert len(narrow.excerpt) < len(today.excerpt)
    for damaged in ("", "x", "30", "30 " + "1 " * 40):
        wide[cached.SETTINGS] = damaged
        assert Scanner(cached=wide).find(text) == [today]


def test_a_fine_word_the_name_lists_fold_to_is_honoured_with_a_hit() -> None:
    """The name check folds "łukasz" and "bjørn" to "lukasz" and "bjorn" (base letters
    NFKD leaves whole): a text holding them is sent to the full scan like any other."""
    for text, fine in (("łukasz didn't show", "lukasz"), ("bjørn said no", "bjorn")):
        today = find_identifiers(text, [], [fine])
        assert today == []
        assert Scanner([], [fine], cached=_cache_of(text)).find(text) == today
    assert cached._BASE_LETTERS == word_lists._BASE_LETTERS
