"""Session 7's identifier rules under an adversarial read (#16): what they must still
find, what ordinary prose they must leave alone, and how long a hostile text takes."""

from __future__ import annotations

import threading

import pytest

from reflect_tui.export import find_identifiers
from reflect_tui.export.identifiers.lower_names import _names_anywhere, lower_case_names
from reflect_tui.export.identifiers.scanner import _find


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


def _finishes(text: str, seconds: float) -> bool:
    """Whether the check of ``text`` ends within ``seconds`` (a generous bound: a
    backtracking pattern takes minutes here, a linear one a few milliseconds)."""
    done = threading.Event()

    def scan() -> None:
        _find(text, None, shortcuts=False)  # every pattern over the whole text
        done.set()

    threading.Thread(target=scan, daemon=True).start()
    return done.wait(seconds)


@pytest.mark.parametrize("fragment", ["CAR ", "REG ", "PLATE ", "VAN A "])
def test_a_shouted_text_does_not_stall_the_check(fragment: str) -> None:
    # A pasted message in capitals, a vehicle's or a plate's word over and over: the
    # plate patterns once looked ahead to the text's end for a digit at every word.
    text = fragment * (40_000 // len(fragment))
    assert _finishes(text, 10.0)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A given name after "the" is still a person's ("the Sally Ann bed" is a thing).
        ("We talked through the Mateo referral and what the school wants.", "Mateo"),
        ("Supervision went on the Siobhan situation and my own reactions.", "Siobhan"),
        # A place's name that is a person's too, after a word a person is also met by.
        ("She was angry at Mary for telling the social worker.", "Mary"),
        ("The text was from Tyler, sent at three in the morning.", "Tyler"),
        ("She went back to George after the assault, which frightens me.", "George"),
        ("She confided in Hassan about the overdose.", "Hassan"),
        ("He gets anxious around Logan and won't say why.", "Logan"),
        ("She sits near Kendall in class and copies her.", "Kendall"),
        ("She came to Anand for help with the rent.", "Anand"),
        # A surname the known terms hold, after a word that names a client.
        ("My client Fisher was referred by her GP.", "Fisher"),
        # An apposition with "her" or "his" names a person whatever follows it.
        ("Nkemelu, her partner since school, has left.", "Nkemelu"),
        ("Tsosie, her uncle by marriage, is the one she fears.", "Tsosie"),
        # "San" and "Santa" in a person's name, not a place's.
        ("Mrs San Martin rang to cancel again.", "San Martin"),
        ("Ms Santa Cruz wants a female therapist.", "Santa Cruz"),
        ("My client Aung San Lwin is struggling with sleep.", "Aung San Lwin"),
    ],
)
def test_names_the_session_7_rules_let_through(text: str, name: str) -> None:
    assert (name, "possible name") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She grew up in Charlotte and hated every winter there.",
        "He moved back to Darwin for the mines.",
        "Her family is originally from Regina.",
        "The team in São Paulo sent the referral back.",
        "They lived in Doha, the children grew up there.",
        "The father Lebanese and the mother Brazilian, and both want a say.",
        "The letter from the Heim was about his fees again.",
    ],
)
def test_the_places_and_peoples_those_rules_were_for_still_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # Index scores, blood results and money after "his" or "her": not an age.
        "His VCI was 95 and his PRI was 102.",
        "Her MCV was 101 and her ALT was 110.",
        "Her systolic was 110 at the start.",
        "His fine was 100 and he cannot pay it.",
        # Standing for a while, not a stand of land.
        "She could barely stand 2 hours at work before the pain.",
        "Unable to stand 10 seconds on one leg at the OT review.",
        # Scores, ratios and tax years after "case", "claim" or "incident".
        "In her case 50/50 shared care was agreed.",
        "Her claim 2021/22 tax year is still open.",
        "The incident 10/10 severity, she said.",
        # A score out of ten beside a time.
        "Distress came down from 8/10 at 9am to 3/10 at noon.",
        "Pain of 7/10 at 3am woke her.",
        # A rating in a car, a client's "plz" in a text, a level on a dose.
        "In the car, SUDS 80 at the start, 40 by the end.",
        "He texted plz 10 mins then never came.",
        "Her lithium level 0.45 on 1.2 g daily.",
    ],
)
def test_measures_and_counts_the_new_patterns_flagged_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        ("Her MIL is 94 and lives with them.", "94", "age"),
        ("The family rents on stand 4471 behind the clinic.", "stand 4471", "address"),
        ("The docket no. 22-1187 was sent on.", "22-1187", "number"),
        ("The custody case 2023-0412 is listed for March.", "2023-0412", "number"),
        ("The last message came on 2/14 at 9:30pm, then nothing.", "2/14 at 9:30pm", "date"),
        ("The form wants the PLZ 80469 of the shelter.", "80469", "postcode"),
        ("She took the car, KX 4471, and drove off.", "KX 4471", "number"),
    ],
)
def test_what_those_patterns_are_for_is_still_found(text: str, identifier: str, kind: str) -> None:
    assert (identifier, kind) in found(text)


def test_many_lower_case_names_in_one_export_are_found_in_one_pass() -> None:
    # Each name was once looked for over the whole text: 3,000 names in 256 KB, a minute.
    names = sorted(_names_anywhere())[:3000]
    text = " ".join(f"saw {name} today and" for name in names) * 4
    done = threading.Event()

    def scan() -> None:
        assert len(list(lower_case_names(text, frozenset()))) == 4 * len(names)
        done.set()

    threading.Thread(target=scan, daemon=True).start()
    assert done.wait(10.0)


def test_a_lower_case_name_is_found_at_each_place_it_stands() -> None:
    text = "rashida rang. later rashida's mum came, and rashida, not rashida-related."
    starts = [f.start for f in find_identifiers(text) if f.kind.value == "possible name"]
    assert starts == [0, 20, 44]
