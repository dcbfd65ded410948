"""What rounds 37 and 38 taught after their blind score (#16, session 10): streets in
lower case with ordinary words, an elder's age in a note, lower-case months after a day,
names that are known words, a possessive before what only a person has, and shops and
offices named with a possessive."""

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
        # a house number and a street in lower case, its name an ordinary word
        (
            "safe place if she has to leave = 31 acacia ave (school friend)",
            "31 acacia ave",
            Kind.ADDRESS,
        ),
        ("lives at 14 elm road now, with the aunt", "14 elm road", Kind.ADDRESS),
        (
            "ref says 12 riverside walk, hasnt slept there since the fire",
            "12 riverside walk",
            Kind.ADDRESS,
        ),
        ("5 hawthorn rise = last place he felt safe", "5 hawthorn rise", Kind.ADDRESS),
        (
            "gave court 18 ocean parade (mum's), actually couch surfing",
            "18 ocean parade",
            Kind.ADDRESS,
        ),
        (
            "Her mailing address is Box 221, Site 4, RR 2, out past the lake.",
            "Box 221, Site 4, RR 2",
            Kind.ADDRESS,
        ),
        # an elder's age in a note, and an age in one word
        ("grandad 98, dementia, she's main carer since mum died", "98", Kind.AGE),
        ("nan 93 - lives alone, won't have carers in", "93", Kind.AGE),
        ("her grandmother 91 is her main carer now", "91", Kind.AGE),
        ("nan (94) still drives to the shops", "94", Kind.AGE),
        ("seen on 17 may with mum, tearful throughout", "17 may", Kind.DATE),
        ("12 a kowhai st, the aunt's place", "12 a kowhai st", Kind.ADDRESS),
        (
            "His father is a nonagenarian war veteran who calls him the soft one.",
            "nonagenarian",
            Kind.AGE,
        ),
        # a day and a month in lower case
        ("miscarriage 17 may = her mum's bday too, family mentions neither", "17 may", Kind.DATE),
        ("left refuge 30 sept, back w him, hold my frustration", "30 sept", Kind.DATE),
        ("op on 4 dec, she is terrified of the anaesthetic", "4 dec", Kind.DATE),
    ],
)
def test_found(text: str, identifier: str, kind: Kind) -> None:
    assert (identifier, kind.value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "2 weeks on the road and he finally rang.",
        "a 10 minute walk from the clinic is too far for her right now",
        "a 5 percent rise in referrals since the school closed",
        "took 3 wrong turns on the way and arrived flustered",
        "she has 2 very close friends and one of them is moving away",
        "2 family court hearings this month, both adjourned",
        "mum 95% sure she'll come to the next one",
        "dad 92 kg now, the weight gain is the olanzapine",
        "17 may be too soon to step down the dose",
        "she said 2 may help more than 1",
        "2 sisters close by, both supportive",
        "her 2 boys drive her up the wall",
        "4 nights street homeless before the shelter took him",
        "a £20 rent rise and she is panicking",
        "phq 14 dec from 19, gad 9",
        "2 sep rooms at the refuge now",
        "temp pt 96.8, obs stable",
        "vet 100, rent 650, food the rest",
    ],
)
def test_counts_and_measures_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name the lists also know as a place's or a city's word
        ("Sofia said she was tired of being the translator.", ["Sofia"]),
        ("Dana cried when we talked about her dad.", ["Dana"]),
        ("Stella came late again, third time.", ["Stella"]),
        ("Diego joked about his gringo therapist and I named it.", ["Diego"]),
        ("Francisco is the only one who calls his mother.", ["Francisco"]),
        # what only a person has, after a possessive
        ("Kowalczyk's discharge was pushed back again.", ["Kowalczyk"]),
        ("Ananya's ward supervisor told her to toughen up.", ["Ananya"]),
        ("Mateo's culture matters to him more than the plan does.", ["Mateo"]),
        ("Tyler's training starts Monday and he is nervous.", ["Tyler"]),
        # who a person is, after the name
        ("Paddy, as his mates call him, asked if the notes would go to the Gardaí.", ["Paddy"]),
        ("Rusty, the older fella from the men's shed group, wants one-to-one.", ["Rusty"]),
        ("Pearl is the sharpest person in the whole group, she knows it.", ["Pearl"]),
        ("Aroha is the only one in her family to go to uni.", ["Aroha"]),
        ("Busisiwe is the first in her family at university.", ["Busisiwe"]),
        # in lower case
        ("ivy's mum on the phone again 20 mins, wants her seen weekly", ["ivy"]),
        ("rose's dementia is progressing fast, she introduced herself twice", ["rose"]),
        ("ash (they/them) misgendered by reception AGAIN, raise at team mtg", ["ash"]),
        ("told her maricruz was coming to the group", ["maricruz"]),
        # a shop's name is not a person's
        ("Wendy's mum rang to cancel.", ["Wendy"]),
        ("McDonald said the rent is late again.", ["McDonald"]),
        ("Wendy said she was fine, and she was not.", ["Wendy"]),
        # the second review's regressions, asked about again
        ("Wendy's anxiety is worse since the move.", ["Wendy"]),
        ("Macy's school rang about her attendance.", ["Macy"]),
        ("Liam's tour in Afghanistan changed him, his wife says.", ["Liam"]),
        ("our kayleigh's been a nightmare since the baby, mum says", ["kayleigh"]),
        ("his kayla left him in march and he hasnt eaten properly", ["kayla"]),
        ("calmer around jamal than around staff", ["jamal"]),
        ("need to chase camhs for jayden", ["jayden"]),
    ],
)
def test_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "San Diego is where he grew up, and he misses the ocean.",
        "She grew up in San Francisco and moved for the job.",
        "She flew to Sofia for the funeral.",
        "Milan is where she studied fashion before the breakdown.",
        "Wendy's is where she works, and the shifts are brutal.",
        "McDonald's was the only job that would take him with a record.",
        "The Dean of Students' office wants a wellbeing report.",
        "The Bay Area prices have pushed her out of the city she grew up in.",
        "OASys says high risk of serious harm, but in the room he's frightened.",
        "theres nowhere to refer to within 200km",
        "s3, she's from a village outside kandy, says counselling is for rich people",
        "são paulo, traffic 2h each way, sessions online",
        "summer's coming and she dreads the long days",
    ],
)
def test_not_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # round 39: a place by what it has, a team that is no one's name, helplines
        "Charlotte traffic is the reason she's always late.",
        "Regina winters are brutal and he hasn't seen daylight on a weekday since November.",
        "Victoria's lockdowns were the longest in the world, she said.",
        "Adelaide feels like a small town, she said, everyone knows everyone.",
        "Collingwood lost and he was gutted, and his dad used to take him.",
        "Gave SADAG's number, 0800 567 567, and she said her cousin had used it.",
        "Lifeline South Africa is 0861 322 322, and I gave that with the clinic number.",
        "KIRAN is 1800-599-0019 and she asked if it's free.",
        "Kids Help Phone, text 686868, is what the Grade 9s actually use.",
        "Trevor Project number, 1-866-488-7386, went in his phone.",
        "christmas - alone this yr. offered the community lunch list.",
        "He drank a fifth of Jack Daniel's the night before court.",
        "Dr Google had convinced her she had early-onset dementia.",
    ],
)
def test_round_39_clean(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Charlotte said the traffic was bad again.", ["Charlotte"]),
        ("Victoria's mum rang to cancel.", ["Victoria"]),
        ("my client Trevor said the group helps.", ["Trevor"]),
        ("Trevor said to save it under 'Trevor' in his phone.", ["Trevor", "Trevor"]),
    ],
)
def test_round_39_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        # rounds 41 and 42, read after their blind score
        (
            "He's been in 3068 for six months and still calls it the new place.",
            "3068",
            Kind.POSTCODE,
        ),
        ("The rental in 1021 is damp and three kids share one room.", "1021", Kind.POSTCODE),
        ("he said nobody in 4114 goes to counselling", "4114", Kind.POSTCODE),
        (
            "He said being ninety-five is mostly funerals and waiting rooms.",
            "ninety-five",
            Kind.AGE,
        ),
        ("Gogo is 97 now and the family say she'll outlive them all.", "97", Kind.AGE),
        ("Tatay Romy was a seaman for thirty years.", "Romy", Kind.NAME),
        ("She hasn't told Nanay Cora that she lost the caregiver job.", "Cora", Kind.NAME),
    ],
)
def test_rounds_41_42_found(text: str, identifier: str, kind: Kind) -> None:
    assert (identifier, kind.value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She came in 2019 for the first time and has not missed since.",
        "scored ninety-five on the reading test, her mum was thrilled",
        "Nanay raised her while Tatay worked abroad.",
    ],
)
def test_rounds_41_42_clean(text: str) -> None:
    assert found(text) == []
