"""What rounds 43 and 44 taught after their blind score (#16, session 12): a place's
name after its word is the place even before a person's verb, regions and islands
that are also given names, ..."""

from __future__ import annotations

import pytest

from reflect_tui.export import Kind, find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_identifiers(text) if f.kind is Kind.NAME]


@pytest.mark.parametrize(
    "text",
    [
        "her grandmother is dying in Sicily and pt can't travel because of tagging.",
        "son in Milan wants daily updates, she doesn't.",
        "sister in Santiago wants to come to a family session on video.",
        "pt's family home is in a subdivision outside Manila, her father still there.",
        "pt from Oaxaca speaks Zapotec first, Spanish second, English third.",
        "The client from Kerala says the family want Ayurveda first.",
        "Her parents retired to Brittany and she feels far from them.",
        "He grew up on Skye and misses the quiet.",
    ],
)
def test_a_place_after_its_word_is_the_place(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her son Milan wants daily updates.", "Milan"),
        ("the text was from Tyler and she cried", "Tyler"),
        ("in Austin's room the lights were off all week", "Austin"),
        ("Brittany said the group felt too big.", "Brittany"),
    ],
)
def test_a_person_named_like_a_place_is_still_asked_about(text: str, name: str) -> None:
    assert names(text) == [name]
