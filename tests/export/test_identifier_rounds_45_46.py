"""What rounds 45 and 46 taught after their blind score (#16, session 12): a city's
postcode of four digits or Poland's form, named blocks and apartments, a time beside a
weekday and a day, an age at death, Brazil's RG, Korean dates, church titles, "pt:",
a child named after "the boy," and a spelled age under ten; kin words as what someone
is called and places the lists lacked."""

from __future__ import annotations

import pytest

from reflect_tui.export import Kind, find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_identifiers(text) if f.kind is Kind.NAME]


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        ("Her flat is in Amsterdam 1012, right in the centre.", "1012", "postcode"),
        ("his flat is in Zürich 8022 and his mother visits", "8022", "postcode"),
        ("grandparents are in Kraków 31-042 and send parcels", "31-042", "postcode"),
        ("his mother lives in Warsaw, 00-950, and he sends money", "00-950", "postcode"),
        ("she lives in Gulmohar Apartments, Wing B, and", "Gulmohar Apartments", "address"),
        ("He can't drive down Woodlands Drive anymore.", "Woodlands Drive", "address"),
        ("She was found at 2.30am on Sunday 5th by her flatmate.", "2.30am on Sunday 5th", "date"),
        ("Her grandfather died at 98 last week.", "98", "age"),
        ("the RG on her document, 45.887.123-4, is in her deadname", "45.887.123-4", "number"),
        ("her mother's death date is 2018년 4월 16일 and", "2018년 4월 16일", "date"),
    ],
)
def test_more_forms_are_found(text: str, identifier: str, kind: str) -> None:
    assert (identifier, kind) in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("her grandfather, Deacon Harris, insists on praying first", "Harris"),
        ("pt: Grace. low mood, ++ guilt re: leaving church.", "Grace"),
        ("the little boy, Paris, drew a house with no doors", "Paris"),
        ("Brooklyn is eight and wanted to show me every world she built", "Brooklyn"),
    ],
)
def test_more_people_are_found(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Embrace Lifeline in Lebanon, 1564, was the first number she tried.",
        "Paris 2024 was on the telly all summer.",
        "The Zoom 1230 call dropped twice.",
        "Clinics on the Cape Flats all have waiting lists of about six weeks.",
        "he died at 9am, his daughter with him",
        "his mother visits from Zürich every Easter",
        "Ecomap showed how isolated she is.",
        "Her husband left just after Epiphany.",
        "Ghana Independence Day came up, she wore kente to session.",
        "the girl Guides meet on Tuesday and she loves it",
        "Paris is two hours away by train.",
    ],
)
def test_helplines_years_regions_and_words_pass(text: str) -> None:
    assert found(text) == []
