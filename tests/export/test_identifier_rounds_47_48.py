"""What rounds 47 and 48 taught after their blind score (#16, session 13): a suburb with
its four digits where someone moves or lives, a Turkish numbered street, a Polish
postcode alone, a Romanian phone in dots, a pet's name, a name in a line of capitals,
a title that is also a given name, and a relation named after who they are."""

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
        ("She's just moved to Brunswick 3056 and found a community.", "3056", "postcode"),
        ("The family moved to Randwick 2031 and the kids started school.", "2031", "postcode"),
        ("She's staying in St. Kilda 3182 now.", "3182", "postcode"),
        ("Moved to West End 4101 last month, the flatmates are kind.", "4101", "postcode"),
        ("they now live in Perth 6000, near her sister", "6000", "postcode"),
        (
            "moved them to Cumhuriyet Mahallesi, 1203. Sokak No: 9, temporary",
            "Cumhuriyet Mahallesi, 1203. Sokak No: 9",
            "address",
        ),
        (
            "Gül Sokak No: 5, Kat 2, Daire 7 is the flat",
            "Gül Sokak No: 5, Kat 2, Daire 7",
            "address",
        ),
        ("the letter had 00-950 on it, she thinks her ex gave it", "00-950", "postcode"),
        ("she now lives near kod 31-042 and walks to the centre", "31-042", "postcode"),
        ("left a message on 0722.345.678 for the mother", "0722.345.678", "phone"),
        ("her posta kodu is 34710", "34710", "postcode"),
        ("the family elder is 101 and still runs the house", "101", "age"),
    ],
)
def test_more_forms_are_found(text: str, identifier: str, kind: str) -> None:
    assert (identifier, kind) in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The family dog Buster died last week and she can't stop crying.", "Buster"),
        ("her dog, Biscuit, is the only one who gets her up", "Biscuit"),
        ("KEMI DIDN'T ATTEND AGAIN, third time", "KEMI"),
        ("IFEOMA PHONED to cancel", "IFEOMA"),
        ("Kumari and her husband disagree about the diagnosis.", "Kumari"),
        ("Temperance, the grandmother, said she would bring the boys.", "Temperance"),
        ("Fariba was a lawyer before she came here.", "Fariba"),
    ],
)
def test_more_people_are_found(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "they moved to London 2012 Olympics year and never left",
        "Moved to Canada 2016, divorced 2018.",
        "She moved to Melbourne 2019 and hated the cold.",
        "She is in Batch 2019 of the nursing programme.",
        "Georgia is anything but safe for him to return to.",
        "She goes to pony Club on Saturdays.",
        "dose range 10-100 mg over the month",
        "version 0.345.678 of the app crashed",
        "she took the dog to the park every morning",
        "he walks his dog Monday and Friday",
        "The boy loves Messi, his whole identity right now.",
        "Tita came with her to the session and did all the talking.",
    ],
)
def test_years_ranges_pets_and_relations_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The review is in March 2024 and I am behind on notes.",  # a date, by design
        "she is in Room 1204 on the ward now",
        "the course is in Spring term 2025 and",
    ],
)
def test_a_month_or_a_room_before_four_digits_is_no_postcode(text: str) -> None:
    assert "postcode" not in {kind for _, kind in found(text)}


def test_a_title_that_is_a_given_name_is_still_a_title_before_a_name() -> None:
    assert names("Kumari Anjali came with her mother.") == ["Anjali"]
