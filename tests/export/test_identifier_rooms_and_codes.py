"""Session 8's general rules for the identifier check (#16): where a person sleeps in an
institution, five digits alone, a year-shaped postcode where someone lives, people's
roles after a comma, states compared, and given names the lists held as cities' parts."""

from __future__ import annotations

import pytest

from reflect_tui.export import find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was moved to Bed 3, Room 211, Maple Unit last night.", "Bed 3, Room 211, Maple Unit"),
        ("pt transferred to cell 14, C-block after the altercation", "cell 14, C-block"),
        ("moved to Cell 3, B Wing this week, says it is quieter", "Cell 3, B Wing"),
        ("she's in bed 12 on Rowan Ward now", "bed 12 on Rowan Ward"),
        ("He is staying in Hostel 4, Block C, with two other men.", "Hostel 4, Block C"),
        ("Dorm 6, Bunk 2 at the shelter is hers for the month.", "Dorm 6, Bunk 2"),
    ],
)
def test_a_place_inside_an_institution_is_an_address(text: str, expected: str) -> None:
    assert (expected, "address") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "We met in Room 3 as usual.",
        "She's in Room 3, Floor 2 of the clinic for group.",
        "Group in Room 4, then supervision on Ward 7.",
        "Session 3, Week 4 of the programme.",
        "Step 2, Module 3 of the workbook.",
    ],
)
def test_a_clinics_own_rooms_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Outreach van covered 78207 again tonight.", "78207"),
        ("the intake sheet says 73107 but he's been homeless since the summer", "73107"),
        ('He joked that the new foster home is "basically 90210," big house.', "90210"),
        ("Letters still go to his old PLZ, 10999, months after he moved.", "10999"),
        ("They've moved to 2031 and the rent is double.", "2031"),
        ("She lives in 2040 now, near the water.", "2040"),
        ("They can only place her in 3065 or further out.", "3065"),
        ("He drives in from 3450 every week, won't do telehealth.", "3450"),
    ],
)
def test_a_postcode_alone_is_found(text: str, code: str) -> None:
    assert (code, "postcode") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her watch said 12500 steps.",
        "She earns 45000 a year and still can't make rent.",
        "The loan was 12000 and the interest is crushing.",
        "She owes 15000 to her brother.",
        "I've written 30000 words of notes this year.",
        "billed 90837 for the long one and 90834 for the rest",
        "Gave her the Shout number, 85258, because she prefers texting.",
        "Somewhere between 10000 and 12000 people live in the valley.",
        "The trial was moved to 2027.",
        "Outreach covered 2010 to 2015 in the report.",
    ],
)
def test_amounts_counts_codes_and_years_pass(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mark, her ex, has started turning up outside the school gates.", "Mark"),
        ("Sunny, his support worker, says he has been more withdrawn.", "Sunny"),
        ("Grace is doing really well since the custody hearing.", "Grace"),
        ("Tom was more settled today, joked about the car park.", "Tom"),
        ("Zhenya was sharp and funny today.", "Zhenya"),
        ("I was talking far too much with Minh today.", "Minh"),
        ("Thanh Nguyen's mother-in-law has moved in for the month.", "Thanh Nguyen"),
    ],
)
def test_a_person_is_found_by_what_follows(text: str, name: str) -> None:
    assert (name, "possible name") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hope is doing a lot of work in this treatment.",
        "Summer is going to be hard this year.",
        "Work was more settled this week.",
        "She grew up in Ho Chi Minh City and moved here at nine.",
        "Her family is from Nha Trang originally.",
    ],
)
def test_words_and_places_stay_quiet(text: str) -> None:
    assert found(text) == []
