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


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        (
            "He grew up at Số 18, ngõ 34 phố Hàng Bạc, he said.",
            "Số 18, ngõ 34 phố Hàng Bạc",
            "address",
        ),
        (
            "He wrote Str. Florilor nr. 7, bl. A2 on the form.",
            "Str. Florilor nr. 7, bl. A2",
            "address",
        ),
        ("Her parents are at 2-14-5 Kichijōji Honchō still.", "2-14-5 Kichijōji Honchō", "address"),
        (
            "The address was Box 146, General Delivery, nothing else.",
            "Box 146, General Delivery",
            "address",
        ),
        (
            "Post goes to Rosehill Cottage, Knockbarry, for now.",
            "Rosehill Cottage, Knockbarry",
            "address",
        ),
        (
            "She wrote Room 1807, 18/F, Kin Sang House.",
            "Room 1807, 18/F, Kin Sang House",
            "address",
        ),
        ("Still in the barracks, Building 3410, Room 212.", "Building 3410, Room 212", "address"),
        (
            "They share the flat at Avinguda Diagonal 420 with his mother.",
            "Avinguda Diagonal 420",
            "address",
        ),
        ("The flat they fled was C/ San Vicente 41, she said.", "C/ San Vicente 41", "address"),
        ("His mum moved the family to 4825 for the mine work.", "4825", "postcode"),
        ("The form listed 2024 as the family's postcode.", "2024", "postcode"),
        ("She gave 0368 as her postnummer.", "0368", "postcode"),
        ("Her Postleitzahl is 10997, so it is another team.", "10997", "postcode"),
        ("She gave her CPF 123.456.789-09 without being asked.", "123.456.789-09", "number"),
        ("The old file has her DOB as 28-Feb-1990.", "28-Feb-1990", "date"),
        ("His mobil is 20 12 34 56, afternoons only.", "20 12 34 56", "phone"),
    ],
)
def test_more_countries_forms_are_found(text: str, expected: str, kind: str) -> None:
    assert (expected, kind) in found(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Summer, the eldest daughter, does most of the caring.", "Summer"),
        ("Colt, the youngest rider on the circuit, says the fear comes later.", "Colt"),
        ("Smithy is what the lads in the regiment called him.", "Smithy"),
        ("Sunny is the name he uses at work.", "Sunny"),
        ("Private Kowalski is how he introduces himself.", "Kowalski"),
        ("Dakota describes powwow season as the time she feels most herself.", "Dakota"),
        ("Comfort is a trained nurse back home.", "Comfort"),
        ("The guys at the post call him Red.", "Red"),
        ("Mrs San Martin rang to cancel again.", "San Martin"),
    ],
)
def test_more_people_are_found(text: str, name: str) -> None:
    assert (name, "possible name") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Scores went 2-1-0 Thursday.",
        "She moved into Private Practice last year.",
        "The veteran watched Saving Private Ryan on purpose.",
        "Hong Kong's working hours are brutal.",
        "Growing up in Tel Aviv shaped how she scans crowds.",
        "He grew up in San Antonio and joined up at eighteen.",
        "In the St. Louis area, many clients remember.",
        "National Day fireworks over Marina Bay.",
        "The Oliver McGowan training is now mandatory for staff.",
        "Hope, as Snyder defines it, needs pathways and agency.",
        "Imposter syndrome, as Clance and Imes described it, came up.",
        "Moral injury, in Shay's sense, fits what he describes.",
        "Culturally adapted CBT, the Husain work, was on the list.",
        "The Philippine Overseas Employment Administration handles the contracts.",
        "Sue and Sue remind us that counselling is itself a culture.",
        "The Bet365 app is deleted but he keeps downloading it.",
        "The Fourth of July fireworks are the hardest night for him.",
        'She said "the nurses kept calling me Mummy" for four days.',
        "an approach known as Motivational Interviewing",
    ],
)
def test_more_things_places_and_authors_pass(text: str) -> None:
    assert found(text) == []


def test_as_a_name_said_it_is_still_a_client() -> None:
    # "as" alone cites no one: only what an author does ("defines it") makes a citation.
    assert ("Nkechi", "possible name") in found("As Nkechi said, it was hard.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("He gives 104 34 as his postcode but sleeps in the square.", "104 34"),
        ("She gave 31-042 as her postcode, the parish house.", "31-042"),
        ("He wrote 1632 on the form as his Taguig postal code.", "1632"),
        ("Her address is in the 2025 postcode, an hour away by bus.", "2025"),
        ("The client's poskod is 43000, and the bus takes an hour.", "43000"),
        ("Her kode pos is 12430, close to her aunt.", "12430"),
        ("Il codice postale è 20121, vicino alla nonna.", "20121"),
    ],
)
def test_a_postcode_said_as_one_is_found(text: str, code: str) -> None:
    assert (code, "postcode") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the 2019 postcode lottery she lost out on the service.",
        "She scored 12-15 as the code for moderate on that scale.",
        "He read 14 on the form as the cutoff, which it is not.",
    ],
)
def test_scores_and_the_postcode_lottery_pass(text: str) -> None:
    assert found(text) == []
