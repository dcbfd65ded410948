"""Names beside names and where only a person stands (#16, session 10): every name of a
list, names after plural relations and harms, a word no list knows after shorthand or
as a line's heading, a word asked about wherever the text repeats it; and a team told
by its result. The cases of session 10's review are here, both ways."""

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
        ("Aaliyah/Jordan share a room in the placement.", ["Aaliyah", "Jordan"]),
        ("Tyler's and Jordan's mum rang.", ["Tyler", "Jordan"]),
        # a list of places that are given names, when people's doing follows
        ("Kenya, Jordan and Paris all cried in group today.", ["Kenya", "Jordan", "Paris"]),
        ("Jordan and Kenya both came to group.", ["Jordan", "Kenya"]),
        ("Georgia and Jordan both DNA'd.", ["Georgia", "Jordan"]),
        ("Jordan and Kenya were fighting in the waiting room.", ["Jordan", "Kenya"]),
        # relations in the plural, and every name after one
        ("Her sisters Kenya and Georgia visited.", ["Kenya", "Georgia"]),
        ("Her sisters, Kenya and Georgia, visited.", ["Kenya", "Georgia"]),
        ("her parents Ana and Luis came to the family session", ["Ana", "Luis"]),
        ("Her cousins Sydney and Madison are the only ones who visit.", ["Sydney", "Madison"]),
        ("My daughters Grace and Hope are the reason I keep going, she said.", ["Grace", "Hope"]),
        ("His sons Messiah and King are with their nan.", ["Messiah", "King"]),
        ("Her daughters Halo and Journey.", ["Halo", "Journey"]),
        ("Her sons Justice and Legend.", ["Justice", "Legend"]),
        # what a person does to a person
        ("He says he hit Jordan twice and doesn't remember the second time.", ["Jordan"]),
        ("Her brother punched Kenya in front of the younger ones.", ["Kenya"]),
        ("Her ex stalked Sydney for months after the split.", ["Sydney"]),
        ("Tyler beat Jordan at the weekend, his mum says.", ["Tyler", "Jordan"]),
        ("Her uncle abused Heaven and Precious.", ["Heaven", "Precious"]),
        # a person met with, or written in a client's shorthand
        ("Spoke with Okafor about the plan.", ["Okafor"]),
        ("Session with Nakamura went better than last week.", ["Nakamura"]),
        ("pt Okafor seen today, mood lower", ["Okafor"]),
        ("pt Jordan seen today, mood lower", ["Jordan"]),
        ("w/ Okafor today, went ok", ["Okafor"]),
        ("w/ Georgia today, went ok", ["Georgia"]),
        ("Re: Okafor, second DNA this month", ["Okafor"]),
        ("Re: Kenya, second DNA this month", ["Kenya"]),
        ("F/U Okafor next week re housing", ["Okafor"]),
        ("Wrote to Okafor's GP about the dose.", ["Okafor"]),
        ("Gave Okafor the leaflet on sleep.", ["Okafor"]),
        ("I keep worrying about Okafor over the weekend.", ["Okafor"]),
        # a line headed by whom it is about
        ("Okafor: missed again, ring tomorrow", ["Okafor"]),
        ("Patel: missed again", ["Patel"]),
        ("Tsosie: rang to cancel", ["Tsosie"]),
        ("Jordan: missed again, ring tomorrow", ["Jordan"]),
        ("Hope: rang to cancel", ["Hope"]),
        ("Will: missed again", ["Will"]),
        ("- Okafor: missed again", ["Okafor"]),
        ("Okafor : missed again", ["Okafor"]),
        ("Okafor; low, passive SI, safety plan updated", ["Okafor"]),
        (
            "Tuesday.\nOkafor: missed again, ring tomorrow\nTsosie: rang to cancel",
            ["Okafor", "Tsosie"],
        ),
        # a word asked about once is asked about wherever it comes again
        ("My client Kerry came in. Kerry lost again on the pokies.", ["Kerry", "Kerry"]),
        # a person who wins or loses is not a team
        ("Kerry lost again on the horses, another 400 gone.", ["Kerry"]),
        ("Chelsea lost again, the custody appeal was refused.", ["Chelsea"]),
        ("Chelsea lost her job last week and blames herself.", ["Chelsea"]),
        ("Paris won the league with her U12 team.", ["Paris"]),
        ("Jordan won the County final for his school and was glowing.", ["Jordan"]),
        ("Sydney won the spelling bee final at her school.", ["Sydney"]),
        ("Kerry beat Covid but the fatigue is brutal.", ["Kerry"]),
        ("Kerry won the Appeal finally after two years.", ["Kerry"]),
        ("Chelsea won the cupcake contest at work.", ["Chelsea"]),
        ("pt Chelsea lost again in court", ["Chelsea"]),
        ("Her daughter Chelsea won the title.", ["Chelsea"]),
    ],
)
def test_names_asked_about(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list asks only about the names in it
        "Mateo and Mum came in together.",
        "Mateo and Texas, that is all he talks about.",
        "Mateo and Christmas: he dreads it every year.",
        "Mateo, Paris and the Eurostar: the whole trip went wrong.",
        "Session with Mateo and Grace Church youth worker.",
        "Mateo and Hope Street shelter staff met.",
        "Mateo and Taylor Swift tickets.",
        "Mateo, Tusla and the school met today.",
        "Talked with Mateo about Sydney and Melbourne, where his dad lives.",
        "I told Mateo and Dad the plan.",
        # places in a list, with no person's doing
        "She moved from Madison to Austin and then Texas.",
        "Georgia and Armenia were fighting for years.",
        "India and China were fighting at the border.",
        # a plural relation before what is theirs
        "Her kids Christmas presents were late this year.",
        "my friends English was better than mine at that age",
        "My kids Sydney trip got cancelled.",
        "Her parents Devon cottage is where she goes to recover.",
        "The kids Yoto player helps bedtime.",
        "The kids Bluey episodes, on repeat.",
        "Tusla were notified as per Children First, and now I hold the relationship.",
        # a harm done by no person
        "Ireland beat England, which cheered him up.",
        "She beat Anorexia, she says.",
        "Covid hit Italy, her nonna died.",
        "The storm hit Sydney the night before and she was anxious.",
        "Russia attacked Georgia in 2008 and her family fled.",
        "They beat Dublin in the semi and the whole town went out.",
        # a service, a thing or a word that is no person
        "Long call with Centrelink about her payments.",
        "Met with Medicaid about the coverage gap.",
        "Spoke with Halaxy support about invoicing.",
        "re: Ahpra renewal, due Friday",
        "worried about Nitazenes in the local supply",
        "emailed Ladbrokes to ask for his account to be closed",
        "Gave Theraplay a go with the foster carer today.",
        "Gave Calm a try myself tonight.",
        "They're Geordies, proud of it.",
        # headings that are labels
        "Telehealth: she was in her car in the school car park.",
        "Psychoeducation: sleep hygiene, the window of tolerance.",
        "Meds: no change",
        "Obs: tearful, good eye contact",
        "Psychoed: window of tolerance",
        "Supv: bring the rupture",
        # a team by a result only a team has
        "Kerry won the All-Ireland and he was the only one sober.",
        "Kerry beat Dublin and he came in grinning, for once not about the drink.",
        "Tyrone lost the Ulster final and he hasn't spoken since.",
        "Sydney won the grand final and the whole ward was singing.",
        "Adelaide won the flag, so he was in great form.",
        "Galway won the All-Ireland and he cried.",
        "Chelsea lost 2-1 to Arsenal and he sulked all week.",
        "Arsenal beat Chelsea and my client was ecstatic.",
        "Dublin beat Kerry in the final, he said.",
    ],
)
def test_no_name_is_asked_about(text: str) -> None:
    assert [n for n in names(text) if n != "Mateo"] == []


def test_a_list_of_places_does_not_spread_a_question() -> None:
    asked = names("She's lived in Kerry, Clare and Galway.")
    assert "Kerry" not in asked and "Galway" not in asked


def test_a_list_is_redacted_whole() -> None:
    text = "Madison, Jordan and Tyler came to group."
    assert redact(text, find_identifiers(text)) == "[name], [name] and [name] came to group."


def test_a_repeated_name_is_redacted_everywhere() -> None:
    text = "My client Kerry came in. Kerry lost again on the pokies."
    assert "Kerry" not in redact(text, find_identifiers(text))
