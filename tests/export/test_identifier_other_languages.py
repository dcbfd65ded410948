"""Identifiers written in other languages and scripts inside an English reflection, and
the words of other languages that are not people (#16, session 8)."""

from __future__ import annotations

import pytest

from reflect_tui.export import find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("La abuela tiene 97 años y cuida a un nieto.", "97 años", "age"),
        ("El señor tiene noventa y dos años and lives alone.", "noventa y dos años", "age"),
        ("A senhora tem 93 anos e recusa o lar.", "93 anos", "age"),
        ("Dede 92 yaşında and asks when the war will end.", "92 yaşında", "age"),
        ("祖母は95歳 and lives with the son.", "95歳", "age"),
        ("老人91岁, the daughter-in-law is the only carer.", "91岁", "age"),
        ("Pani ma 96 lat i mieszka sama.", "96 lat", "age"),
        ("Η κυρία είναι 94 ετών and asks for her mother.", "94 ετών", "age"),
        ("He was admitted on 2024年1月9日, brought by his mother.", "2024年1月9日", "date"),
        ("The report says 2023年8月3日 21:15, when he left.", "2023年8月3日 21:15", "date"),
        (
            "Her flat is 東京都足立区千住3-14-2-305, curtains closed.",
            "東京都足立区千住3-14-2-305",
            "address",
        ),
        (
            "He gave 上海市徐汇区衡山路12弄5号302室 for the clinic.",
            "上海市徐汇区衡山路12弄5号302室",
            "address",
        ),
        (
            "She lived at вул. Саксаганського, 41, кв. 9 before.",
            "вул. Саксаганського, 41, кв. 9",
            "address",
        ),
        ("The flat at os. Tysiąclecia 21/38 has no lift.", "os. Tysiąclecia 21/38", "address"),
        (
            "The case is in Bairro da Boavista, Lote 12 now.",
            "Bairro da Boavista, Lote 12",
            "address",
        ),
        ("He wrote only 31-564 Kraków for the mother.", "31-564", "postcode"),
        ("He showed his DNI, 32.415.678, at the door.", "32.415.678", "number"),
        ("The file is Expte. N° 45812/2022, postponed again.", "45812/2022", "number"),
    ],
)
def test_other_languages_forms_are_found(text: str, expected: str, kind: str) -> None:
    assert (expected, kind) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Frank, the maternal grandfather, is offering a placement.", "Frank"),
        ("Shapla, a garment worker, talks about the factory.", "Shapla"),
        ("Intan, the OKU client, says the driver will not lower the ramp.", "Intan"),
        ("Mercy is the girl who ran from the shelter twice.", "Mercy"),
        ("Dakota is the only Lakota kid in the unit.", "Dakota"),
        ("Sunny is her English name, she said.", "Sunny"),
        ("Grace lives in her car with two cats.", "Grace"),
        ("Lyubov is from Kharkiv, she came with two children.", "Lyubov"),
        ("Jahangir Alam was deported from Malaysia.", "Jahangir Alam"),
        ("Şükrü Bey forgets he has already eaten.", "Şükrü Bey"),
        ("She has only told her halmeoni, Soon-ja, about it.", "Soon-ja"),
        ('Her dad\'s nickname is "Chook" still.', "Chook"),
        ("June asked to end early.", "June"),
        ("Hana said she was tired.", "Hana"),
    ],
)
def test_people_are_found(text: str, name: str) -> None:
    assert (name, "possible name") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday, the client was late.",
        "Joy was missing from the room, and I wonder why.",
        "Patience is wearing thin on the ward.",
        "June came and the school closed.",
        "August is quiet in Spain, and so is the clinic.",
        "Esperanza in Spanish is hope, and the group chose it.",
        "Nadiya is the Ukrainian word for hope.",
        "Umut means hope in Turkish.",
        "Independence Day on 14 August is loud in the mohalla.",
        "The 26th of January is called Invasion Day by many.",
        "Form I-589 must be filed within one year of arrival.",
        "Talian Kasih 15999 is the national helpline in Malaysia.",
        "She ate Pringles through the whole session.",
        "She moved from Caracas to Santiago, and then on.",
        "Her family is from Nha Trang originally.",
        "She is 19 años old.",
        "Scores went 2-1-0 Thursday.",
    ],
)
def test_words_days_and_public_numbers_pass(text: str) -> None:
    assert found(text) == []


def test_a_date_by_a_holiday_with_its_year_is_still_a_date() -> None:
    assert ("14 August 2019", "date") in found("Admitted on Independence Day, 14 August 2019.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen on 5.3.24 in clinic. St Patrick's Day is a drinking risk.", "5.3.24"),
        ("Seen on 17/03 in clinic, on St Patrick's Day.", "17/03"),
        ("Seen on March 17. St Patrick's Day is hard for her.", "March 17"),
    ],
)
def test_a_holiday_passes_only_its_own_day_in_its_own_sentence(text: str, expected: str) -> None:
    assert (expected, "date") in found(text)


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("Her son disappeared on 10 de mayo de 2021, Mother's Day.", "10 de mayo de 2021", "date"),
        ("Postcode JMAAW14 on the referral, the grandmother's house.", "JMAAW14", "postcode"),
        ("The card ending 4417 is the one his brother uses.", "4417", "number"),
        ("Her bank card ending in 8830 was used again.", "8830", "number"),
        ("The debt collector rings from 0800 555 0167 every day.", "0800 555 0167", "phone"),
    ],
)
def test_round_27_and_28_forms_are_found(text: str, expected: str, kind: str) -> None:
    assert (expected, kind) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Patience has been waiting for a review since Easter.", "Patience"),
        ("Jordan corrected my pronoun use once today.", "Jordan"),
        ("Honor said the name feels like a weight.", "Honor"),
        ("Sage had a good week and I didn't quite trust it.", "Sage"),
        ("Dawn has been caring for her husband for six years.", "Dawn"),
        ("Autumn (he/him now) wants help telling his grandparents.", "Autumn"),
        ('"Moose" was the nickname from the unit.', "Moose"),
        ("Harvinder's turban was knocked off on the bus.", "Harvinder"),
    ],
)
def test_round_27_and_28_people_are_found(text: str, name: str) -> None:
    assert (name, "possible name") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Shout on 85258 is on his lock screen now.",
        "MBS item 80110 for the long session.",
        "Joy seems to be a foreign word in that household.",
        "The Kiran helpline gave her my details.",
        "King's Day in Amsterdam is too crowded for her now.",
        "The Guadalupe feast in December is a big deal.",
        "The taper plan follows the Horowitz and Taylor approach.",
        "Lacan? Not for this client. Back to basics.",
        "He's from Ghana, the Ashanti region, and trained as a nurse.",
        "The 2011 Christchurch earthquake is part of his story.",
        "Since the October 7 attack she cannot watch the news.",
        "The I-485 is pending and she's terrified of the interview.",
    ],
)
def test_round_27_and_28_things_pass(text: str) -> None:
    assert found(text) == []
