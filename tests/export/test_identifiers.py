"""The identifier check: what it must find, and the clinical prose it must leave alone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export import Kind, Scanner, find_identifiers, redact
from reflect_tui.export.identifiers.scanner import _find
from reflect_tui.export.identifiers.watch_words import compile_watch_words
from reflect_tui.export.identifiers.watch_words import fold as _fold
from reflect_tui.export.identifiers.watch_words import watch_spans as _watch_spans
from reflect_tui.export.scan import (
    CheckStatus,
    IdentifierCheck,
    redact_records,
    scan_records,
)
from tests.clocks import SetClock

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

# --- what must be found -----------------------------------------------------------------

TRUE_FINDS: list[tuple[str, str, Kind]] = [
    # (text, the part that is the identifier, kind)
    ("write to maria.lopez@example.com today", "maria.lopez@example.com", Kind.EMAIL),
    ("her address is j_o+notes@mail.co.uk.", "j_o+notes@mail.co.uk", Kind.EMAIL),
    ("call (555) 123-4567 after 5", "(555) 123-4567", Kind.PHONE),
    ("call 555-123-4567", "555-123-4567", Kind.PHONE),
    ("call 555.123.4567", "555.123.4567", Kind.PHONE),
    ("mobile +44 20 7946 0958 only", "+44 20 7946 0958", Kind.PHONE),
    ("on +1 555 123 4567", "+1 555 123 4567", Kind.PHONE),
    ("texted from +447700900123", "+447700900123", Kind.PHONE),
    ("UK mobile 07700 900123", "07700 900123", Kind.PHONE),
    ("London 020 7946 0958", "020 7946 0958", Kind.PHONE),
    ("Paris 01 23 45 67 89", "01 23 45 67 89", Kind.PHONE),
    (
        "see https://portal.example.org/intake?id=7.",
        "https://portal.example.org/intake?id=7",
        Kind.URL,
    ),
    ("see www.example.org for it", "www.example.org", Kind.URL),
    ("the form on clinicportal.com/intake.", "clinicportal.com/intake", Kind.URL),
    ("from 192.168.0.12 at home", "192.168.0.12", Kind.IP),
    ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a", Kind.IP),
    ("seen on 2024-03-05 in clinic", "2024-03-05", Kind.DATE),
    ("seen on 03/05/2024 in clinic", "03/05/2024", Kind.DATE),
    ("seen on 12.03.2024 in clinic", "12.03.2024", Kind.DATE),
    ("seen on 5.3.24 in clinic", "5.3.24", Kind.DATE),
    ("on March 5 she told me", "March 5", Kind.DATE),
    ("on Mar. 5th she told me", "Mar. 5th", Kind.DATE),
    ("born 5 March 2024", "5 March 2024", Kind.DATE),
    ("since the 3rd of May", "3rd of May", Kind.DATE),
    ("discharged Dec 25, 2023", "Dec 25, 2023", Kind.DATE),
    ("admitted in March 2024", "March 2024", Kind.DATE),
    ("MRN 00123456 on file", "00123456", Kind.NUMBER),
    ("policy 987654321", "987654321", Kind.NUMBER),
    ("member ID A1234567 with", "A1234567", Kind.NUMBER),
    ("SSN 123-45-6789", "123-45-6789", Kind.NUMBER),
    ("she lives in 90210-1234", "90210-1234", Kind.POSTCODE),
    ("Beverly Hills, CA 90210", "90210", Kind.POSTCODE),
    ("zip code 90210", "90210", Kind.POSTCODE),
    ("postcode: 12345", "12345", Kind.POSTCODE),
    ("London SW1A 1AA", "SW1A 1AA", Kind.POSTCODE),
    ("near B12 3AB", "B12 3AB", Kind.POSTCODE),
    ("Ottawa K1A 0B1", "K1A 0B1", Kind.POSTCODE),
]


@pytest.mark.parametrize(("text", "identifier", "kind"), TRUE_FINDS)
def test_finds_each_identifier(text: str, identifier: str, kind: Kind) -> None:
    findings = find_identifiers(text)
    assert [(text[f.start : f.end], f.kind) for f in findings] == [(identifier, kind)]
    redacted = redact(text, findings)
    assert identifier not in redacted
    assert f"[{kind.value}]" in redacted


@pytest.mark.parametrize("name", ["Maria", "John", "Peter", "Grace"])
def test_a_given_name_the_dictionary_also_has_is_asked_about(name: str) -> None:
    """The dictionary has maria (seas on the moon), john and peter: capitalised, a name."""
    text = f"then {name} rang about the forms"
    assert [(text[f.start : f.end], f.kind) for f in find_identifiers(text)] == [(name, Kind.NAME)]


# --- what must not be flagged -----------------------------------------------------------

#: Ordinary clinical prose. Each of these once looked like an identifier to a naive rule.
FALSE_POSITIVE_TRAPS = [
    "after the 2nd session we slowed down",
    "we're on the 4th module of the workbook",
    "she rated her mood 3/10 today",
    "Walked 12000 steps, she said, proudly",
    "the plate was clean when she left",
    "in the Family Court again next month",
    "Christmas Eve is hard every year",
    "St Patrick's Day is a drinking risk",
    "Faith came up in the religious sense",
    "Stroebe and Schut's dual process model helped",
    "as Berne put it, via Karpman",
    "session 3 of 12",
    "PHQ-9 score of 14",
    "GAD-7 dropped from 15 to 9",
    "BDI-II of 28",
    "MMSE 24/30",
    "scored 45/80 on the scale",
    "GAF 55-60",
    "a 10-minute break",
    "a 45-minute session",
    "about 20-30 minutes",
    "DSM-5 and DSM-IV",
    "ICD-10 code F43.1, or F43.10, and Z59.0",
    "C-PTSD and COVID-19",
    "at 2 p.m. and 3 p.m. – 4 p.m.",
    "from 10:30-11:20",
    "at 7.30pm",
    "timestamps like 10:30:15",
    "age 40s",
    "ages 5-7 and ages 13-17",
    "in 2019",
    "in 2019 and 2021",
    "from 2018 to 2020",
    "the 2019-2020 school year",
    "the 1990s",
    "in March",
    "I may 3D print it",
    "a 50/50 split",
    "24/7 availability",
    "after 9/11",
    "3/4 of the time",
    "CBT, DBT, EMDR, IFS and TF-CBT",
    "1:1 sessions and a ratio of 3:1",
    "5'4\" and 6'2\"",
    "140 lbs",
    "50 mg and 0.5 mg",
    "$1,200 a month",
    "£80 per session",
    "€45",
    "$150000 in debt",
    "10,000 steps",
    "1,000,000 people",
    "0.123456 probability",
    "top 10%",
    "1 in 5 people",
    "8 out of 10",
    "on a 0-10 scale and a 1-10 scale",
    "the 5-4-3-2-1 grounding exercise",
    "a 9-5 job",
    "Room 12 and room 2.14",
    "2nd session, 1st-generation",
    "Title IX",
    "week 6 of Q3",
    "a 2-for-1",
    "version 3.5.1",
    "v2.3.1",
    "10.5 hours",
    "12 15 18 21",
    "scores of 12, 15, 18 and 21",
    "e.g. this, i.e. that, etc.",
    "Ph.D. and U.S. and U.K.",
    "the end.It was hard",
    "The M25 was jammed",
    "Mark 5 times",
    "March 30 minutes late? No: she was 30 minutes late in March.",
    "I took the 2 PM slot",
    "IN 2019 I started",
    "OK 12345 steps later",
    "std::vector",
    "she's 5 feet tall",
    "the 12 steps",
    "@work and #reading tags",
    "a 7-day week",
]


@pytest.mark.parametrize("text", FALSE_POSITIVE_TRAPS)
def test_leaves_ordinary_clinical_prose_alone(text: str) -> None:
    found = [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]
    assert found == []


def test_the_traps_pass_together_as_one_paragraph() -> None:
    assert find_identifiers(". ".join(FALSE_POSITIVE_TRAPS)) == []


# --- the watch list ---------------------------------------------------------------------


def test_watch_words_match_whole_words_ignoring_case_and_accents() -> None:
    text = "I saw José García at Oakwood  Elementary; jose said the oakwoods were far."
    findings = find_identifiers(text, ["jose garcia", "Oakwood Elementary", "JOSE"])
    assert [text[f.start : f.end] for f in findings] == [
        "José García",
        "Oakwood  Elementary",
        "jose",
    ]
    assert all(f.kind is Kind.WATCH_WORD for f in findings)
    assert "oakwoods" in redact(text, findings)  # a longer word is not a match


def test_watch_words_match_possessives_and_punctuation() -> None:
    text = "Amara's mother (Amara) and 'Amara'."
    assert len(find_identifiers(text, ["amara"])) == 3


def test_empty_watch_words_are_ignored() -> None:
    assert find_identifiers("a b c", ["", "   "]) == []


# --- excerpts and redaction -------------------------------------------------------------


def test_excerpt_masks_the_match_and_its_neighbours_and_trims_long_text() -> None:
    text = "x" * 80 + " then Maria rang from 555-123-4567 about the forms " + "y" * 80
    findings = find_identifiers(text, ["maria"])
    assert [f.kind for f in findings] == [Kind.WATCH_WORD, Kind.PHONE]
    for finding in findings:
        assert "Maria" not in finding.excerpt and "555" not in finding.excerpt
        assert finding.excerpt.startswith("…") and finding.excerpt.endswith("…")
    assert "[redacted] rang from [phone]" in findings[0].excerpt


def test_excerpts_are_one_line() -> None:
    (finding,) = find_identifiers("line one\nwrite to a@b.org\nline three")
    assert "\n" not in finding.excerpt


def test_overlapping_matches_keep_the_longest() -> None:
    # A watch word inside an e-mail address: the whole address goes.
    (finding,) = find_identifiers("mail maria.lopez@example.com", ["maria"])
    assert finding.kind is Kind.EMAIL


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .-/:@+()0123456789\n"), max_size=60))
@example("000000.0::0")  # Hypothesis found it: once "0::0" is a label, "000000" is a number
def test_redaction_leaves_nothing_to_find(text: str) -> None:
    scanner = Scanner()
    redacted, _ = scanner.redact(text)
    assert scanner.find(redacted) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FALSE_POSITIVE_TRAPS), min_size=1, max_size=6))
def test_any_mix_of_traps_stays_clean(parts: list[str]) -> None:
    assert find_identifiers(". ".join(parts)) == []


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(FALSE_POSITIVE_TRAPS),
    st.sampled_from(TRUE_FINDS),
    st.sampled_from(FALSE_POSITIVE_TRAPS),
)
def test_an_identifier_among_traps_is_found_alone(
    before: str, find: tuple[str, str, Kind], after: str
) -> None:
    text = f"{before}. {find[0]}. {after}"
    findings = find_identifiers(text)
    assert [(text[f.start : f.end], f.kind) for f in findings] == [(find[1], find[2])]


# --- records ----------------------------------------------------------------------------

WHEN = datetime(2024, 3, 5, 18, tzinfo=UTC)


def _session(text: str, tags: tuple[str, ...] = ()) -> SessionRecord:
    return SessionRecord(
        set_id="s",
        set_title="Set",
        started=WHEN,
        utc_offset=0,  # written in London in March: 5 March, in whatever zone it is read
        answers=(AnswerRecord("p", "Prompt?", text, tags=tags),),
        actions=(ActionRecord("Phone Amara on 555-123-4567", follow_up="done", created=WHEN),),
    )


def test_scanning_records_reports_the_day_and_the_field(any_clock: SetClock) -> None:
    findings = scan_records([_session("Amara said so", tags=("amara",))], watch_words=["Amara"])
    assert [(f.day.isoformat() if f.day else None, f.where, f.kind) for f in findings] == [
        ("2024-03-05", "answer", Kind.WATCH_WORD),
        ("2024-03-05", "tag", Kind.WATCH_WORD),
        ("2024-03-05", "action", Kind.WATCH_WORD),
        ("2024-03-05", "action", Kind.PHONE),
    ]


def test_the_same_action_in_a_session_and_the_action_list_is_reported_once() -> None:
    session = _session("fine")
    findings = scan_records([session], list(session.actions), watch_words=["amara"])
    assert len(findings) == 2


def test_redacting_records_rewrites_every_field_and_drops_identifying_tags() -> None:
    sessions, actions, found = redact_records(
        [_session("Amara said so", tags=("amara", "grief"))],
        [ActionRecord("Write to a@b.org")],
        ["amara"],
    )
    (session,) = sessions
    assert session.answers[0].text == "[redacted] said so"
    assert session.answers[0].tags == ("grief",)
    assert session.actions[0].text == "Phone [redacted] on [phone]"
    assert actions[0].text == "Write to [email]"
    check = IdentifierCheck.from_findings(found, CheckStatus.REDACTED)
    assert check.describe_counts() == "1 e-mail address, 1 phone number and 3 watch-list words"


def test_a_clean_check_has_no_counts() -> None:
    check = IdentifierCheck.from_findings([], CheckStatus.REDACTED)
    assert check.status is CheckStatus.CLEAN and check.total == 0


# --- the fast paths agree with the plain ones ---------------------------------------------

_PIECES = st.sampled_from(
    [t[0] for t in TRUE_FINDS]
    + FALSE_POSITIVE_TRAPS
    + ["x" * 50, " ", "\n", "March", "5", "minutes", "-", "Amara", "amara's", "oakwood"]
    + ["٠٧٧٠٠٩٠٠١٢٣", "don’t", "WWW.Example", "http://intranet/team", "fe80::1"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=8).map(" ".join))
@example("call ٠٧٧٠٠٩٠٠١٢٣ (digits of another script, no ASCII digit)")
@example("see http://intranet/team (only a colon)")
@example("write to WWW.Example (only www.)")
def test_the_shortcuts_find_what_scanning_everything_finds(text: str) -> None:
    """The quick "could anything match?" tests and the digit windows change nothing."""
    watch = compile_watch_words(["Amara", "Oakwood School"])
    assert _find(text, watch, shortcuts=True) == _find(text, watch, shortcuts=False)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("abcé_ -.'\nAB"), max_size=40),
    st.lists(st.text(alphabet=st.sampled_from("abcé -"), min_size=1, max_size=5), max_size=3),
)
def test_watch_words_match_like_a_whole_word_regex(text: str, words: list[str]) -> None:
    pattern = compile_watch_words(words)
    if pattern is None:
        return
    alternatives = "|".join(
        r"\s+".join(re.escape(part) for part in w.split())
        for w in sorted(
            {_fold(" ".join(w.split())) for w in words if w.strip()}, key=len, reverse=True
        )
    )
    reference = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    expected = [m.span() for m in reference.finditer(_fold(text))]
    assert list(_watch_spans(pattern, text)) == expected


def test_each_excerpt_points_at_its_own_label() -> None:
    text = "Amara's mother called from 555-123-4567 on March 3; she works at Oakwood School."
    findings = find_identifiers(text, ["amara", "oakwood school"])
    labels = [f.excerpt[f.focus[0] : f.focus[1]] for f in findings]
    assert labels == ["[redacted]", "[phone]", "[date]", "[redacted]"]
    (record, *_) = scan_records([_session(text)], watch_words=["amara"])
    assert record.marked_excerpt().startswith("»[redacted]«'s mother")


def test_a_watch_word_that_folds_to_nothing_is_ignored_not_a_crash() -> None:
    """A lone accent ("´", "¨") folds to a space: it must neither crash the scan nor
    become an empty pattern that matches everywhere."""
    assert compile_watch_words(["´", " ¨ "]) is None
    found = find_identifiers("I met Amara after the group.", ["´", "Amara", "˜"])
    assert [(f.kind, f.excerpt) for f in found] == [
        (Kind.WATCH_WORD, "I met [redacted] after the group.")
    ]
