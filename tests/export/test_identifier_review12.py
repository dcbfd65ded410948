"""A reviewer's cases for session 12's rules (#16): what they must still find, and the
shorthand, scores, roads and wards they must leave alone."""

from __future__ import annotations

import pytest

from reflect_tui.export import Kind, find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_identifiers(text) if f.kind is Kind.NAME]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "in" that ends a clause is not a word of place
        ("As soon as she came in Madison said she wanted to stop.", "Madison"),
        ("once we logged in Austin told me he had relapsed.", "Austin"),
        ("Halfway in Jackson asked to stop.", "Jackson"),
        ("something in Logan said he was ready.", "Logan"),
        ("spent two hours on Logan today and I still worry about him.", "Logan"),
        ("her family from Tyler wants a meeting.", "Tyler"),
        # ages and asides in more forms
        ("Mareike, 17 asked me not to write it.", "Mareike"),
        ("Mareike, aged 17, asked me not to write it.", "Mareike"),
        ("Mareike, 17F, asked me not to write it.", "Mareike"),
        ("Agneta [palliative] wanted to talk about her garden.", "Agneta"),
        # short given names in capitals before what a person does
        ("ALI said he'd call.", "ALI"),
        ("ZOE cancelled.", "ZOE"),
    ],
)
def test_a_name_is_still_found(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Waterlow (15) means high risk on the ward.",
        "Barthel (60) suggests she needs more help at home.",
        "the Conners (65) came back borderline",
        "Georgia (the country) wants nothing to do with him, he joked.",
        "June no show rate was high across the team.",
        "client DNA today, third time",
        "my client MARAC referral went in",
        "her son NEET since the summer",
        "her worker IDVA said she would come",
        "called SPOA and they will triage",
        "Called AMHP twice this afternoon.",
        "PLAN: REVIEW WITH DR IN 2 WEEKS",
        "ASK DR ABOUT DOSE",
        "her husband WON'T let her come",
        "The MST survivor said the VA said the words to her face.",
    ],
)
def test_scores_shorthand_and_capitals_stay_quiet(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        ("he lives on the Kingsmead estate", "Kingsmead estate", "address"),
        ("he moved into Trellick Tower last year", "Trellick Tower", "address"),
        ("she's in the BT12 area", "BT12", "postcode"),
        ("In M14 most people know him", "M14", "postcode"),
        ("she gave 2000 as her home postcode", "2000", "postcode"),
        ("wrote 2170 on the referral form as her postcode", "2170", "postcode"),
        ("she gave 9123 4567 as her sister's contact", "9123 4567", "phone"),
        ("he gave 555 0199 as his mum's number", "555 0199", "phone"),
    ],
)
def test_more_places_and_numbers_are_found(text: str, identifier: str, kind: str) -> None:
    assert any(identifier in span and k == kind for span, k in found(text)), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "lost his uncle in the Twin Towers and still can't fly",
        "nights on the Industrial Estate, stacking shelves",
        "she temps at Foxtons Estate Agents",
        "she works in Commercial Real Estate",
        "disc bulge in L5, pain management referral",
        "stuck in M25 traffic so the session started late",
        "accident near M4 junction 3 on the way in",
        "she was in B3 for a week before the transfer",
        "the lads were into N2O balloons all summer",
        "the 2024 zip code map shows the catchment",
        "billed 90837 as the CPT code for the long session",
    ],
)
def test_culture_roads_wards_and_codes_pass(text: str) -> None:
    assert found(text) == []
