"""The identifier check's forms added in session 6 (#16): names in lower case and in
more of the places a person is named, addresses, codes, phones and dates of more
countries, ages a few words after the person; and the prose beside them that passes."""

from __future__ import annotations

import pytest

from reflect_tui.export import find_identifiers


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "identifier", "kind"),
    [
        # Names in lower case, as a hurried note has them.
        ("my client mateo came late again", "mateo", "possible name"),
        ("saw jamal again today, much brighter", "jamal", "possible name"),
        ("summer said she's been skipping lunch", "summer", "possible name"),
        ("bobby texted at midnight to say he was safe", "bobby", "possible name"),
        ("ms. lopez-whitfield picked him up early", "lopez-whitfield", "possible name"),
        # A lower-case given name no list knows as a word, wherever it stands.
        ("dad reckons rashida hasnt eaten since sunday", "rashida", "possible name"),
        ("Talked to Charlotte about the move.", "Charlotte", "possible name"),
        ("the Nakamura twins both refused group", "Nakamura", "possible name"),
        ("finally got tomasz to try the breathing", "tomasz", "possible name"),
        ("ji-woo cancelled again, third time this term", "ji-woo", "possible name"),
        ("phoned the school, kwabena's teacher says hes fine", "kwabena", "possible name"),
        # A word-name at a sentence's start with any past, or a verb of being at work.
        ("Hunter barely slept and looked grey.", "Hunter", "possible name"),
        ("Faith brought her sister this time.", "Faith", "possible name"),
        ("Will is still avoiding the kitchen.", "Will", "possible name"),
        ("Lucky has relapsed twice this month.", "Lucky", "possible name"),
        ("autumn's dad rang the office to cancel", "autumn", "possible name"),
        # A name after a two-letter first word, family names first, a real name said so.
        ("If Adaeze hears about it she will be furious.", "Adaeze", "possible name"),
        ("Tran Van Duc still won't talk about the camp.", "Tran", "possible name"),
        ("Sonny (his real name, he says) was calmer today.", "Sonny", "possible name"),
        ("tavita came in with her cousin and talked the whole hour", "tavita", "possible name"),
        # Someone from somewhere who speaks, a mood, a family after a particle, kin of a
        # known word.
        ("Tess from the respite house rang about the weekend.", "Tess", "possible name"),
        ("Earl was sullen all session.", "Earl", "possible name"),
        ("Hunter was ten minutes late again.", "Hunter", "possible name"),
        ("Holly is struggling with the evenings.", "Holly", "possible name"),
        ("Comfort was the one who rang the ambulance.", "Comfort", "possible name"),
        ("spent an hour with mrs okonjo about the move", "okonjo", "possible name"),
        ("Smt Lakshmamma wants her son told.", "Lakshmamma", "possible name"),
        ("Ásgerður came back from the break brighter.", "Ásgerður", "possible name"),
        # Rural boxes, named cottages, city codes, memberships, a time and a date.
        ("He grew up out on Route 7, Box 22 with no phone.", "Route 7, Box 22", "address"),
        ("She lives at Rose Cottage, Mill Road on her own.", "Rose Cottage, Mill Road", "address"),
        ("The new address ends Wellington 6021 now.", "6021", "postcode"),
        ("Her insurer's membership 5521 8830 is on the form.", "5521 8830", "number"),
        ("He rang at 9.40pm, 23/11 and hung up.", "9.40pm, 23/11", "date"),
        ("They rent a room at 40 Jalan Ampang near the mall.", "40 Jalan Ampang", "address"),
        ("Her unit is #11-204 on the top floor.", "#11-204", "address"),
        (
            "The family farm is Glenview Farm, Route 9, past the mill.",
            "Glenview Farm, Route 9",
            "address",
        ),
        ("He moved up to 4812 for the mines.", "4812", "postcode"),
        ("We met the van der Merwe parents at last.", "Merwe", "possible name"),
        ("Georgia's mum wants a call back.", "Georgia", "possible name"),
        # Ages reached or in a note, codes said as an address, badges, phones said so.
        ("New admission, 96, frail but chatty.", "96", "age"),
        ("Her father lived to 102, she says.", "102", "age"),
        ("Letters still go to the old 60647 address.", "60647", "postcode"),
        ("He remembers the guard's badge 5520 exactly.", "5520", "number"),
        ("Her brother is on 8123 9911 if she goes missing.", "8123 9911", "phone"),
        ("She wants to go home to 12 Jubilee Cottages.", "12 Jubilee Cottages", "address"),
        ("Post goes to Box 412, the house gets nothing.", "Box 412", "address"),
        # Irish townlands, a Nordic street, a concourse, an age after a title and initial.
        (
            "The home place at Knockroe, Ballyhaunis is up a long lane.",
            "Knockroe, Ballyhaunis",
            "address",
        ),
        ("She lives in Sofies gate 22 with her son.", "Sofies gate 22", "address"),
        ("They moved to 880 Grand Concourse last spring.", "880 Grand Concourse", "address"),
        ("Mrs. K. is 94 and wants to go home.", "94", "age"),
        # Streets with an ordinal, land and rural routes, rooms at motels.
        ("Her new flat is at 212 East 96th Street now.", "212 East 96th Street", "address"),
        ("The family rents a shack on erf 1187 near the clinic.", "erf 1187", "address"),
        ("They are out on Rural Route 5 with no bus.", "Rural Route 5", "address"),
        (
            "Voucher puts them in room 9 at the Bluebird Motel.",
            "room 9 at the Bluebird Motel",
            "address",
        ),
        # Plates, case numbers, Hijri dates, times beside a day and month, ages.
        ("She wrote down the plate, K 77310, on her arm.", "K 77310", "number"),
        ("He drives a grey ute, XT 55-210, to every session.", "XT 55-210", "number"),
        ("The custody case 2291/24 was adjourned.", "2291/24", "number"),
        ("She was born on 14 Shawwal 1410 in the village.", "14 Shawwal 1410", "date"),
        ("The fall happened at 07:20 on 03.11 in the bathroom.", "07:20 on 03.11", "date"),
        ("He's almost 93 and still drives to the shops.", "93", "age"),
        ("Joy is fourteen and runs the house.", "Joy", "possible name"),
        # An age a few words after anyone's, in any language, and any country's code.
        ("Her dziadzia is 97 and still walks to mass.", "97", "age"),
        ("his nainai was 101 when she died last spring", "101", "age"),
        ("Her postcode is 412 63, near the harbour.", "412 63", "postcode"),
        ("kod pocztowy 30-148 is on the letter", "30-148", "postcode"),
        # How a person is called, and who they are to someone.
        ("His grandmother calls him Ah Boy and he hates it.", "Ah Boy", "possible name"),
        ("Her street name is Cricket and she prefers it.", "Cricket", "possible name"),
        ("He goes by Jas now.", "Jas", "possible name"),
        ("Gowda uncle brought his son in again.", "Gowda", "possible name"),
        ("Kevo, as he insists on being called, came in late.", "Kevo", "possible name"),
        (
            "Hollingworth, the surname he prefers, keeps me at a distance.",
            "Hollingworth",
            "possible name",
        ),
        ("Tita Lorna answered for her niece again.", "Lorna", "possible name"),
        ("The husband, Mr Ó Súilleabháin, came at the end.", "Súilleabháin", "possible name"),
        # A word-name with a person's verb, and a name beside a word of a place.
        ("Summer binged twice since Friday.", "Summer", "possible name"),
        ("Rose is angry at the hospice.", "Rose", "possible name"),
        ("Dallas has been sober eight weeks.", "Dallas", "possible name"),
        (
            "Min-jun Park says his parents think counselling is for others.",
            "Min-jun Park",
            "possible name",
        ),
        # Who the person is: a relation, an age in the family, "the one who".
        ("Chase is the older brother, now in prison.", "Chase", "possible name"),
        ("Her youngest, Journey, has just started nursery.", "Journey", "possible name"),
        ("Hunter, her nine-year-old, has been wetting the bed.", "Hunter", "possible name"),
        ("Summer is the one who found her.", "Summer", "possible name"),
        ("It was Josh who noticed the cuts.", "Josh", "possible name"),
        ("Precious has had three placements in two years.", "Precious", "possible name"),
        ("Thanh was quiet and answered in single words.", "Thanh", "possible name"),
        ("spoke w dev re the drinking, he's not ready", "dev", "possible name"),
        ("He only answers to Shaggy on the wing.", "Shaggy", "possible name"),
        ("Faith is terrified the thoughts mean she'll hurt the baby.", "Faith", "possible name"),
        ("Hunter finally named the custody schedule.", "Hunter", "possible name"),
        ("Nuka misses the land and the quiet.", "Nuka", "possible name"),
        ("Okonkwo has farmed that block for forty years.", "Okonkwo", "possible name"),
        ("bex was properly angry today, at me", "bex", "possible name"),
        ("Mdm Tan came with her walking frame.", "Tan", "possible name"),
        ("Talked with Mw. El Idrissi on the phone.", "El Idrissi", "possible name"),
        ("Koro Wiremu is worried about his mokopuna.", "Wiremu", "possible name"),
        ("His eldest, Ate Joy as the family call her, flies in.", "Joy", "possible name"),
        (
            "Sgt. Kowalczyk, as he still insists on being called, read it aloud.",
            "Kowalczyk",
            "possible name",
        ),
        ("I asked Wafula what his father would say.", "Wafula", "possible name"),
        ("Obaid was referred by the company doctor.", "Obaid", "possible name"),
        ("Memory, the daughter, says her mother has stopped eating.", "Memory", "possible name"),
        # Ages over 89 a few words after the person, in figures or in words.
        ("Turned 90 in the care home, no visitors.", "Turned 90", "age"),
        ("Her grandfather, in his nineties now, asks to go home.", "in his nineties", "age"),
        ("The grandmother, ninety-three, sleeps in the kids' room.", "ninety-three", "age"),
        ("Her father-in-law is 100 and the family organises around him.", "100", "age"),
        ("The family wants to throw her a 95th and she wants to skip it.", "95th", "age"),
        ("Her nan's nearly 95 and he listens to her.", "95", "age"),
        ('She said "I am 94, I am allowed to be tired."', "94", "age"),
        ("She'll be 97 next month, her daughter says.", "97", "age"),
        ("Her great-aunt in Penang is 104 and frail.", "104", "age"),
        ("At 94 he's the oldest in the group.", "94", "age"),
        ("He's ninety-one, a veteran, and wanted to talk.", "ninety-one", "age"),
        ("She left at 9.45pm on Christmas Eve 2022 with the kids.", "Christmas Eve 2022", "date"),
        # Dates without a year.
        ("Discharge planned for 31/07 if weight holds.", "31/07", "date"),
        ("Her court date is on 19/10 and she's dreading it.", "19/10", "date"),
        ("the court date is march 3rd and he's terrified", "march 3rd", "date"),
        ('Mum wrote "le 8 mai" on the drawing.', "8 mai", "date"),
        # Phones after a word of calling, and forms of other countries.
        ("Please call him back on 9123 4567 before Friday.", "9123 4567", "phone"),
        ("Whānau contact is nan on 09-555 0142.", "09-555 0142", "phone"),
        ("He gave a new number, 97400 55521, yesterday.", "97400 55521", "phone"),
        # Plates and codes.
        ("The plate on the van, JBX 417, is what she gave the police.", "JBX 417", "number"),
        ("the door code 4471 is on the back of his hand", "4471", "number"),
        # Postcodes the sentence makes one.
        ("His bail says he can't go into 2750 at all.", "2750", "postcode"),
        ("centrelink still has her at 4870 so the payments go astray", "4870", "postcode"),
        ("His new flat is in 114 55, close to his ex.", "114 55", "postcode"),
        ("new place is m6h 3k2 near her sister", "m6h 3k2", "postcode"),
        ("The grandparents are in C.P. 06700 now.", "C.P. 06700", "postcode"),
        ("He's in 7971 now, across the river from his kids.", "7971", "postcode"),
        ("He's moved to 5010 to be near his daughter.", "5010", "postcode"),
        ("They moved to the 560 076 area.", "560 076", "postcode"),
        # Addresses of more countries.
        ("He sleeps at the PG on 27, 1st Cross, now.", "1st Cross", "address"),
        ("She sleeps near NE 82nd and Glisan.", "NE 82nd and Glisan", "address"),
        ("home visit 3 rata crescent, lots of kids around", "3 rata crescent", "address"),
        ("Her flat at Váci utca 14 is untouched.", "Váci utca 14", "address"),
        ("She rents Postfach 1234 for the lawyers' letters.", "Postfach 1234", "address"),
        (
            "Letters go to Room 09-14, Kingfisher Hall, now.",
            "Room 09-14, Kingfisher Hall",
            "address",
        ),
        ("they live on rue Fleury Est above the shop", "rue Fleury Est", "address"),
        ("He's at the motel at 880 Highway 9 since the eviction.", "880 Highway 9", "address"),
        ("Send it to B-12, Lajpat Nagar, please.", "B-12, Lajpat Nagar", "address"),
        ("Her parents' flat is B-14, Sector 21 now.", "B-14, Sector 21", "address"),
        ("moved into 1187 Route 9W above the laundromat", "1187 Route 9W", "address"),
        (
            "mail the forms to General Delivery, La Ronge, please",
            "General Delivery, La Ronge",
            "address",
        ),
        ("Letters go to 44 Churchill House, her nan's flat.", "44 Churchill House", "address"),
        (
            "The driver needs Building 45, Street 230, Zone 66 for the visit.",
            "Building 45, Street 230, Zone 66",
            "address",
        ),
        (
            "Her bedsitter is House 6, Block 14, Kariobangi North, one room.",
            "House 6, Block 14, Kariobangi North",
            "address",
        ),
        (
            "she lives at stand 4417, Extension 9 with her gogo",
            "stand 4417, Extension 9",
            "address",
        ),
        (
            "She's from Sitio Malinis, Purok 3 and the health worker knows them.",
            "Sitio Malinis, Purok 3",
            "address",
        ),
        ("Letters go to Box 412, Stn Main, not the rooming house.", "Box 412, Stn Main", "address"),
        (
            "She is staying at Mariahilfer Straße 101/14 for now.",
            "Mariahilfer Straße 101/14",
            "address",
        ),
        ("His licence no. 12 847 391 was suspended.", "12 847 391", "number"),
        ("He asked for the letter to go to 00-950, his mother's.", "00-950", "postcode"),
        (
            "Her mam's address is Cloonagh, Ballinamore, Co. Leitrim.",
            "Cloonagh, Ballinamore, Co. Leitrim",
            "address",
        ),
        (
            "They're renting The Old Vicarage, Church Street, now.",
            "The Old Vicarage, Church Street",
            "address",
        ),
    ],
)
def test_each_form_is_found(text: str, identifier: str, kind: str) -> None:
    assert found(text) == [(identifier, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "summer holidays are hard for her",
        "Family therapy referral went in, though I doubt the dad will come.",
        "booked a ms teams call with the school",
        "Hope has been the theme all week.",
        "Rain finally came in March and the mood lifted.",
        "Karen elders will come to a tea group.",
        "The Secondaire 1 transition is looming.",
        "Houseblock 2 had a lockdown at 11.",
        "Steve de Shazer's miracle question landed beautifully.",
        "Daniel Stern's motherhood constellation is useful here.",
        "Tim Hortons at midnight is when the couple talk.",
        "Abuela came to the meeting and mom translated.",
        "We opened with karakia and closed with kai.",
        "Her mum's oxygen was 92 on the ward.",
        "He scored 95 on the test and was proud.",
        "Mood 07/10 today, sleep 06/10.",
        "Anxiety 08/10 before the exposure, 03/10 after it.",
        "She rated it 10/10 for usefulness.",
        "walked 12500 steps in 2019 and 3000 in 2020",
        "increased from 1000 to 2000 mg over a month",
        "She was ninety percent sure it would not help.",
        "It took ninety minutes to settle him.",
        "week 6 of Q3. St Patrick's Day is a drinking risk",
        "We met via Zoom and then in room 3.",
        "Two weeks on the road with the band.",
        "He called 111 and then 999 when it got worse.",
        "BP 138/92 at the GP, she says it's the stress.",
        "They married in 1987 and the trouble started in the nineties.",
        "I am 95% sure it will not help, and I am 90 minutes away.",
        "Dr. Seuss read aloud at the end as a regulation ritual.",
        "Mr Bean was on the telly in the waiting room.",
        "She's in Room 3, Floor 2 of the clinic for group.",
        "His weight is on the 95th percentile for his age.",
        "Major Depressive Disorder, recurrent, is the working diagnosis.",
        "She ate Pringles through the whole session.",
        "We met at 1400 and again at 1630 so the team could hand over.",
        "Since Cyclone Gabrielle half my caseload has lost land.",
        "He quoted Rumi and Tupac at me for most of the session.",
        "The Springboks won and he talked rugby for forty minutes.",
        "Code 90847 for the family session with patient present.",
        "Kessler K10 of 31 at intake, which is high.",
        "The Art Therapist is leaving and the young people will feel it.",
        "Moana is the film her daughter watches on repeat.",
        "Porges, Perry, Levine: too much trauma theory this month.",
        "She's on the waitlist for Kāinga Ora again.",
        "London feels enormous and lonely to her.",
        "She identifies with Hermione, the clever one nobody thanks.",
        # Word-names at a sentence's start that are a thing or an idea, not a person.
        "Grace is something she was never shown at home.",
        "Faith came up again, in the religious sense.",
        "Ivy has grown right across the window of room 2.",
        "Penny dropped for him halfway through the session.",
        "Patience is running thin on the ward.",
        # Lower-case words of other languages and slang, and a place before a list.
        "she wanted the whole whanau at the tangi, and aroha was the word for it",
        "back on the charlie at weekends, only with the lads",
        "They lived in Doha, the children grew up there.",
        # A place that is also a name, after a word of place; a thing after "the"; a
        # people's family, not a family's name.
        "She grew up in Charlotte and hated every winter there.",
        "He moved to Darwin for the mines and drinks more up there.",
        "The letter from the Heim was about his fees again.",
        "He comes from a Marwari family where elders decide.",
        "Warrior poster on his wall, and he watched me notice it.",
        # Roles after a word-name, a policy named after a place, scores after a time.
        "The Youth Justice Worker says the order is going well.",
        "Jordan's Principle funding came through at last.",
        "Originally from Sri Lanka, she speaks Tamil at home.",
        "Anxiety at 7.20pm, 8/10 before the call.",
        "Item #12-3 on the worksheet was the hardest.",
        "Hope is doing a lot of work in this plan.",
        # Peoples' families, a bill that came through, an author's memoir, kin at home.
        "The Syrian family are settling in well.",
        "Bill from the practice software came through at last.",
        "Elliot Page's memoir helped her say it out loud.",
        "Mam is unwell and he minds her.",
        "They moved to 3 Sessions a week in the new year.",
        # Kin and other words of other languages at a sentence's start; an author's
        # surname after a particle; a place after "flew in from".
        "abuela came to the session and translated for the father.",
        "Tangi this week, so the family are away until Monday.",
        "Nonna insists on feeding everyone before we start.",
        "He quotes Bessel van der Kolk at me every week.",
        "They flew in from Charlotte for the meeting.",
        # Scores beside a time, "a lot", a season's distance, places of saints, acronyms.
        "Mood rated 3/10 at 9pm, better by morning.",
        "He has been a lot 5 times happier since the move.",
        "Summer is 3 weeks away and she dreads it.",
        "The team in São Paulo sent the referral back.",
        "SUDs 6, VoC 4 at the end of the set.",
        "The father Lebanese and the mother Brazilian, and both want a say.",
        # Numbers after a possessive that are measures, and the word postcode alone.
        "Her blood sugar was 98 this morning.",
        "his heart rate is 96 at rest",
        "It is a postcode lottery for services here.",
    ],
)
def test_prose_beside_them_passes(text: str) -> None:
    assert found(text) == []


def test_an_indian_address_is_one_finding() -> None:
    text = "She stays at No. 42, 3rd Cross, 5th Main, Indiranagar with her in-laws."
    assert found(text) == [("No. 42, 3rd Cross, 5th Main, Indiranagar", "address")]
    assert found("The hostel is #218, behind the temple.") == [("#218", "address")]


def test_a_well_known_name_passes_only_as_a_whole() -> None:
    """ "Daniel Stern" is the theorist; "my client Daniel Stern" and "Daniel" are not."""
    assert found("Daniel Stern's ideas helped.") == []
    assert found("My client Daniel Stern came late.") == [("Daniel Stern", "possible name")]
    assert found("I met Daniel today.") == [("Daniel", "possible name")]
