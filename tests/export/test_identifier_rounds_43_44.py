"""What rounds 43 and 44 taught after their blind score (#16, session 12): a place's
name after its word is the place even before a person's verb, regions and islands
that are also given names, a name before an aside in brackets or an age between commas,
a given name in capitals before a person's verb; and postcodes, addresses and phones
in more forms."""

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


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Agneta (palliative) wanted to talk about her garden, not her cancer.", "Agneta"),
        ("Sunny (LD service) brought his drawings again.", "Sunny"),
        ('Carolina (ED, 19) said "when I eat I feel like I\'m betraying myself".', "Carolina"),
        ("Mareike, 17, asked me not to write it in the letter to school.", "Mareike"),
        ("her daughter Yıldız translates at every GP visit, 12 years old.", "Yıldız"),
        ("BRANDON no show again. third time.", "BRANDON"),
        ("late notes, v tired: LUCÍA cancelled again, 3rd time.", "LUCÍA"),
        ("note to self: HOPE wants the next session moved.", "HOPE"),
    ],
)
def test_a_name_before_an_aside_an_age_or_in_capitals_is_found(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Umut translates as hope, she told me.",
        "The NHS (England) said no to the referral.",
        "NICE says twelve sessions, the service offers six.",
        "The man in the SHU talked to me through the food slot.",
        "HOPE is the word on the poster in the waiting room.",
        "AA helped him more than we did.",
    ],
)
def test_word_use_acronyms_and_asides_stay_quiet(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        ("everyone on the Kingsmead Estate knows his business", "Kingsmead Estate", "address"),
        ("everyone in the Lakeview Towers heard the fight", "Lakeview Towers", "address"),
        (
            "she lives in Block D, Riverside Gardens, lift broken",
            "Block D, Riverside Gardens",
            "address",
        ),
        ("she lives at No. 9 Gandhi Nagar with her in-laws", "No. 9 Gandhi Nagar", "address"),
        ("she lives in 103-dong 1204-ho of the complex", "103-dong 1204-ho", "address"),
        (
            "her childhood home on Khiaban-e Enghelab, Kuche 14 was raided",
            "Khiaban-e Enghelab, Kuche 14",
            "address",
        ),
        ("he's back in M14 near the old crowd", "M14", "postcode"),
        ("he won't go near BT12 again", "BT12", "postcode"),
        ("CEP on the form 01310-100 belongs to the office", "01310-100", "postcode"),
        ("family is out in 2170 near the hospital", "2170", "postcode"),
        ("she gave 9123 4567 as her contact, it's her employer's", "9123 4567", "phone"),
    ],
)
def test_more_addresses_postcodes_and_phones_are_found(
    text: str, identifier: str, kind: str
) -> None:
    assert any(identifier in span and k == kind for span, k in found(text)), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She works in real estate and hates the hours.",
        "We watched Fawlty Towers together as a family, she said.",
        "Bloods show she is low in B12 and iron.",
        "The room was high in CO2 by the end of group.",
        "He drives the M25 every day and arrives wired.",
        "She is in S3 now and hates the new school.",
        "We are in S2 of the show she keeps mentioning.",
        "Her English is in B2 territory, better than my Spanish.",
        "She scored 14 as her number on the scale today.",
    ],
)
def test_vitamins_roads_school_years_and_scores_pass(text: str) -> None:
    assert found(text) == []


def test_a_modal_after_a_client_is_not_a_name_but_a_name_before_a_verb_is() -> None:
    assert names("Write notes as if the client will read them, because they might.") == []
    assert names("the client may drop out if the wait goes on") == []
    assert names("my client will said no again") == ["will"]


def test_a_pets_name_is_asked_about() -> None:
    text = "the boy's dog is called Jollibee and everyone on the street knows the dog"
    assert names(text) == ["Jollibee"]
    assert names("the boy loves Jollibee, the chicken is the only thing he eats") == []


def test_a_word_name_after_a_client_before_a_time_word_is_still_a_name() -> None:
    assert names("saw my client will today, he was low") == ["will"]
