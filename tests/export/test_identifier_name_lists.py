"""Names in a list, names after plural relations, and a word no list knows where only
a person stands ("spoke with Okafor", "pt Okafor", "Okafor: missed") (#16, session 10)."""

from __future__ import annotations

import pytest

from reflect_tui.export import Kind, find_identifiers, redact


def names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_identifiers(text) if f.kind is Kind.NAME]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every name of a list, once one of them is asked about
        ("Madison, Jordan and Tyler came to group.", ["Madison", "Jordan", "Tyler"]),
        ("I met with Madison, Jordan and Tyler today.", ["Madison", "Jordan", "Tyler"]),
        ("Jordan and Tyler said they would come back.", ["Jordan", "Tyler"]),
        ("Okafor and Mensah both said no to the referral.", ["Okafor", "Mensah"]),
        ("Tyler, Jordan, and Kenya sat together.", ["Tyler", "Jordan", "Kenya"]),
        ("Mateo/Jordan share a room at the foster home.", ["Mateo", "Jordan"]),
        ("Tyler's and Jordan's mum rang.", ["Tyler", "Jordan"]),
        # relations in the plural
        ("Her sisters Kenya and Georgia visited.", ["Kenya", "Georgia"]),
        ("Her sisters, Kenya and Georgia, visited.", ["Kenya", "Georgia"]),
        # what is done to a person
        ("He says he hit Jordan twice and doesn't remember the second time.", ["Jordan"]),
        ("Her brother punched Kenya in front of the younger ones.", ["Kenya"]),
        ("her parents Ana and Luis came to the family session", ["Ana", "Luis"]),
        ("My daughters Grace and Hope are the reason I keep going, she said.", ["Grace", "Hope"]),
        # a person met with: a word no list knows
        ("Spoke with Okafor about the plan.", ["Okafor"]),
        ("Session with Nakamura went better than last week.", ["Nakamura"]),
        # a word no list knows, by the words before it or as a note's heading
        ("pt Okafor seen today, mood lower", ["Okafor"]),
        ("w/ Okafor today, went ok", ["Okafor"]),
        ("Re: Okafor, second DNA this month", ["Okafor"]),
        ("F/U Okafor next week re housing", ["Okafor"]),
        ("Wrote to Okafor's GP about the dose.", ["Okafor"]),
        ("Gave Okafor the leaflet on sleep.", ["Okafor"]),
        ("I keep worrying about Okafor over the weekend.", ["Okafor"]),
        ("Okafor: missed again, ring tomorrow", ["Okafor"]),
        ("Tsosie: rang to cancel", ["Tsosie"]),
    ],
)
def test_names_in_lists_and_after_relations(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list of names asks only about the names in it
        "Mateo and Mum came in together.",
        "Mateo and Texas, that is all he talks about.",
        "Mateo and Christmas: he dreads it every year.",
        # a plural relation before a word that is not a name
        "Her kids Christmas presents were late this year.",
        "my friends English was better than mine at that age",
        "Tusla were notified as per Children First, and now I hold the relationship.",
        "They beat Dublin in the semi and the whole town went out.",
        # a service met with is not a person
        "Long call with Centrelink about her payments.",
        "Met with Medicaid about the coverage gap.",
        # what is given is not always to a person; a heading may be a compound word
        "Gave Theraplay a go with the foster carer today.",
        "Telehealth: she was in her car in the school car park.",
        "Psychoeducation: sleep hygiene, the window of tolerance.",
        # places in a list stay quiet when no name is beside them
        "She moved from Madison to Austin and then Texas.",
    ],
)
def test_lists_without_names_are_not_asked(text: str) -> None:
    assert [n for n in names(text) if n != "Mateo"] == []


def test_a_list_is_redacted_whole() -> None:
    text = "Madison, Jordan and Tyler came to group."
    assert redact(text, find_identifiers(text)) == "[name], [name] and [name] came to group."


@pytest.mark.parametrize(
    "text",
    [
        "Kerry won the All-Ireland and he was the only one sober.",
        "Kerry beat Dublin and he came in grinning, for once not about the drink.",
        "Chelsea lost again and he blamed himself for not watching.",
        "Tyrone lost the Ulster final and he hasn't spoken since.",
        "Sydney won the grand final and the whole ward was singing.",
        "Clare won the hurling and the whole town was out.",
    ],
)
def test_a_place_that_is_a_team_by_its_result(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chelsea lost her job last week and blames herself.", ["Chelsea"]),
        ("Sydney won the spelling bee final at her school.", ["Sydney"]),
        ("Kerry beat Jordan at the weekend, his mum says.", ["Kerry", "Jordan"]),
        ("Chelsea won again at cards, the nurse said.", ["Chelsea"]),
    ],
)
def test_a_person_who_loses_or_wins_is_still_asked(text: str, expected: list[str]) -> None:
    assert names(text) == expected
