"""Surnames written in capitals, as some notes and forms write them (#16, session 12):
after a title, a name or a relation a word in capitals is a surname; everywhere else it
is an acronym, a test's name or emphasis, and is left alone."""

from __future__ import annotations

import pytest

from reflect_tui.export import Kind, find_identifiers


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_identifiers(text) if f.kind is Kind.NAME]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Saw Mr SMITH again today, calmer.", "SMITH"),
        ("Ms LEE rang to rearrange.", "LEE"),  # an ordinary word after a title
        ("Dr. O'NEILL phoned about the letter.", "O'NEILL"),
        ("Mrs NGUYEN-TRAN came with her daughter.", "NGUYEN-TRAN"),
        ("MR JONES SAID he would think about it", "JONES"),
        ("my client ADAMCZYK came late and left early", "ADAMCZYK"),
        ("Her son ADAM was in the waiting room.", "ADAM"),
        ("Her son, ADAM, was in the waiting room.", "ADAM"),
    ],
)
def test_a_surname_in_capitals_after_a_title_or_a_relation_is_a_name(text: str, name: str) -> None:
    assert any(name in found for found in names(text)), names(text)


def test_a_surname_in_capitals_after_a_given_name_is_found_with_it() -> None:
    assert names("Tomasz KOWALSKI again, same worry about the visa.") == ["Tomasz KOWALSKI"]


def test_only_the_surname_of_a_line_in_capitals_is_a_name() -> None:
    assert names("MR JONES SAID he would think about it") == ["JONES"]


@pytest.mark.parametrize(
    "text",
    [
        "Asked AMHS about the waiting list.",
        "Spoke to CAMHS this afternoon.",
        "told ALL of it to the panel, which felt like too much",
        "mum still convinced she is a bad mother, EPDS 18 today",
        "Mr T came in late.",  # an initial, not a surname
        "Dr PHQ was a joke she made about me and the forms.",
        "She said she is NEVER going back there.",
        "Referred to IAPT, GAD-7 of 12, PHQ-9 of 15.",
    ],
)
def test_a_word_in_capitals_elsewhere_is_not_a_name(text: str) -> None:
    assert names(text) == []


def test_a_word_in_capitals_after_a_name_is_not_a_name_when_it_is_a_word() -> None:
    assert names("Mateo NEVER came to group.") == ["Mateo"]


def test_a_surname_in_capitals_marked_fine_is_not_asked_again() -> None:
    text = "Saw Mr SMITH again today."
    allowed = [f for f in find_identifiers(text, fine_words=["SMITH"]) if f.kind is Kind.NAME]
    assert allowed == []
