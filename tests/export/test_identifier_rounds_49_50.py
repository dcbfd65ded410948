"""What rounds 49 and 50 taught after their blind score (#16, session 13): postcodes
given by a city after them, Sweden's and Greece's spaced form, "residents of"; German
streets in lower case; ages after "next door" and an officer; names before "prefers",
after ", a former medic,", in a line of capitals before "cancelled", after a lower-case
"herr"; and places, scales, brands and authors that are not people."""

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
        ("the medical aid letter lists 2196, Sandton, and she", "2196", "postcode"),
        ("wrong postcode, it should be 113 51 not the office one", "113 51", "postcode"),
        ("Swedish code 411 06, the new housing, has a lock", "411 06", "postcode"),
        ("the day centre only accepts residents of 08012 and", "08012", "postcode"),
        ("grandmother's farm at hauptstraße 7 in the village", "hauptstraße 7", "address"),
        ("Wrote leopoldstrasse 65 on the form", "leopoldstrasse 65", "address"),
        ("her flat is 2196 Sandton, near the mall", "2196", "postcode"),
        ("The lady next door is 94 and minds the kids.", "94", "age"),
        ("The vet's old commanding officer is 95 and still writes.", "95", "age"),
    ],
)
def test_more_forms_are_found(text: str, identifier: str, kind: str) -> None:
    assert (identifier, kind) in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jack, a former medic, flinched when I said triage.", "Jack"),
        ("Oyelaran prefers to be called by his surname only.", "Oyelaran"),
        ("Yaw called me sister and I felt both warmed and unsure.", "Yaw"),
        ("Blessing was insulted when I suggested medication.", "Blessing"),
        ("herr vogel thinks I am too young to understand loss", "vogel"),
        ("frau müller said the flat is cold", "müller"),
        ("Rosalind Ward is 70 and says I'm the first to ask.", "Rosalind"),
        ("Temperance, the grandmother, said she would come.", "Temperance"),
        ("His rabbit Thumper hid under the bed all week.", "Thumper"),
        ("Priya rating 6/10 for anxiety today.", "Priya"),
        ("Offered Nkechi coffee, she declined.", "Nkechi"),
        ("The guy from Jordan's team was there too.", "Jordan"),
    ],
)
def test_more_people_are_found(text: str, name: str) -> None:
    assert names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, Leeds was home for a while.",
        "The rent was £2500, London prices.",
        "BP is 120 80 today, the GP is not worried.",
        "Afterwards, the mother, visibly upset, asked to speak to me.",
        "Sadly, the grandmother, who raised her, died last spring.",
        "She owes about 2400, Centrelink says she must repay it.",
        "Saved 2500, Christmas is covered.",
        "BP today is 140 90, the GP is not worried.",
        "The bus is 143 45 minutes late again.",
        "Florence Ward is two floors up from ours.",
        "PHYSIO CANCELLED.",
        "Her Vit D was low.",
        "Thinking about Foucault and the gaze.",
        "Today a young man from Gaza told me about his sisters.",
        "The man from Eritrea talked about the Sahara crossing.",
        "UNICEF said the camp has no school.",
        "Ivey's microskills training feels narrow now.",
        "my frau said no",
        "the next door is 94 cm wide",
    ],
)
def test_places_scales_brands_and_authors_pass(text: str) -> None:
    assert found(text) == []


def test_a_person_from_a_place_is_still_asked_about_outside_the_place_words() -> None:
    assert names("a text from Jordan said she was fine") == ["Jordan"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Liesbeth is very direct and I took it as hostility.", "Liesbeth"),
        ("Spoke with Tsegaye about the journey.", "Tsegaye"),
        ("Siosaia's uncle came to the session.", "Siosaia"),
        ("Wanjiru is thinking of going home.", "Wanjiru"),
        ("Thandeka is the eldest.", "Thandeka"),
    ],
)
def test_given_names_of_more_languages_are_known(text: str, name: str) -> None:
    assert names(text) == [name]
