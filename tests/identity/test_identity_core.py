"""The identity map's rules: the domains, the pipe line format, ordering, review time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect_tui.core.identity import (
    DOMAIN_KEYS,
    DomainEntry,
    IdentityMap,
    IdentityProblem,
    compare_lines,
    domains_of_option,
    map_lines,
    ordered_options,
    parse_lines,
    review_due,
)
from reflect_tui.prompts import load_library


def test_the_domain_keys_are_the_stable_addressing_ones() -> None:
    assert DOMAIN_KEYS == (
        "age",
        "disability_developmental",
        "disability_acquired",
        "religion",
        "ethnicity",
        "social_class",
        "sexual_orientation",
        "indigenous",
        "national_origin",
        "gender",
    )


def test_every_domain_is_an_option_of_the_built_in_identity_prompt() -> None:
    prompt = load_library().get("identity").prompt("identities-present")
    for key in DOMAIN_KEYS:
        assert any(key in domains_of_option(option) for option in prompt.options), key


def test_the_pipe_format_reads_descriptions_and_marks_in_any_order() -> None:
    entries, note = parse_lines(
        "# my map\n"
        "gender: a cis woman | Marginalization | visible | salient\n"
        "Social class: first in my family at university | salient | both\n"
        "age:\n"
        "note: I see class more clearly now\n"
    )
    assert note == "I see class more clearly now"
    assert entries == (
        DomainEntry("social_class", "first in my family at university", "both", "", True),
        DomainEntry("gender", "a cis woman", "marginalisation", "yes", True),
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("gender a woman", "Line 1 has no 'domain:'"),
        ("class: working", "'class', which is not note or one of the domains"),
        ("gender: a woman | loud", "'loud' is not one of privilege"),
        ("gender: a woman | both | privilege", "says both 'both' and 'privilege'"),
        # Two lines for one domain: the first one's words must not vanish silently.
        ("gender: a woman\nage: 40\nGender: a mother", "Line 3 is a second Gender line"),
        ("note: one\nnote: two", "Line 2 is a second note line"),
    ],
)
def test_a_line_that_cannot_be_taken_is_said_in_one_sentence(text: str, said: str) -> None:
    with pytest.raises(IdentityProblem, match="nothing was saved") as problem:
        parse_lines(text)
    assert said in str(problem.value)


def _map(number: int, *entries: DomainEntry, note: str = "") -> IdentityMap:
    saved = datetime(2026, number, 1, 12, tzinfo=UTC)
    return IdentityMap(number, saved, 0, note, entries)


def test_the_text_of_a_map_and_of_a_comparison() -> None:
    older = _map(1, DomainEntry("gender", "a woman", "marginalisation", "yes"))
    newer = _map(
        2,
        DomainEntry("gender", "a woman", "marginalisation", "yes"),
        DomainEntry("social_class", "middle class now", "privilege", "sometimes", True),
        note="Class came into view",
    )
    assert map_lines(newer) == [
        "My identity map, version 2 of 2026-02-01",
        "What changed: Class came into view",
        "",
        "Social class: middle class now; privilege; clients sometimes see or hear it; "
        "often present in my work",
        "Gender: a woman; marginalisation; clients can usually see or hear it",
    ]
    compared = compare_lines(older, newer)
    assert "Social class" in compared and "  then: (empty)" in compared
    assert not any(line.startswith("Gender") for line in compared)
    assert compare_lines(older, older)[-1] == "The two versions say the same in every domain."


def test_salient_domains_come_first_and_the_rest_keep_their_order() -> None:
    options = ("Age and generation", "Ethnicity and race", "Gender", "Something else")
    assert ordered_options(options, ("gender", "ethnicity")) == (
        "Ethnicity and race",
        "Gender",
        "Age and generation",
        "Something else",
    )


@given(st.permutations(DOMAIN_KEYS), st.integers(0, 10))
def test_ordering_keeps_every_option_once(keys: list[str], n: int) -> None:
    options = (*dict.fromkeys(domains_of_option_text(k) for k in keys), "Something else")
    assert sorted(ordered_options(options, tuple(keys[:n]))) == sorted(options)


def domains_of_option_text(key: str) -> str:
    from reflect_tui.core.identity import BY_KEY

    return BY_KEY[key].option


@pytest.mark.parametrize(
    ("saved", "today", "due"),
    [
        (date(2026, 1, 15), date(2026, 7, 14), False),
        (date(2026, 1, 15), date(2026, 7, 15), True),
        (date(2025, 8, 31), date(2026, 2, 27), False),
        (date(2025, 8, 31), date(2026, 2, 28), True),  # February has no 31st
        (date(2025, 9, 30), date(2026, 3, 30), True),
    ],
)
def test_a_review_is_due_after_the_months_have_passed(saved: date, today: date, due: bool) -> None:
    assert review_due(saved, today, 6) is due
