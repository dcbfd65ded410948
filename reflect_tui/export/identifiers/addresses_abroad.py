"""Addresses in forms the other tables do not know: Vietnam ("Số 18, ngõ 34 phố Hàng
Bạc"), Romania ("Str. Florilor nr. 7, bl. A2"), Japan ("2-14-5 Kichijōji Honchō"), Hong
Kong ("Room 1807, 18/F, Kin Sang House"), Spain and Catalonia ("C/ San Vicente 41",
"Avinguda Diagonal 420"), a box at a post office ("Box 146, General Delivery"), a named
cottage and its townland ("Rosehill Cottage, Knockbarry") and a barracks' building and
room ("Building 3410, Room 212"), Korea ("103-dong 1204-ho"), Iran ("Khiaban-e
Enghelab, Kuche 14") and Turkey ("Cumhuriyet Mahallesi, 1203. Sokak No: 9"); and
postcodes that only their shape or their suburb gives away ("00-950", "moved to Randwick
2031").

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]+"
#: A day, a month or a result after three numbers: a score, not a Japanese address.
_NOT_A_DISTRICT = (
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|Win|Loss|Draw|The|In|At|On|Over|After|Before)"
)

ABROAD_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    (
        Kind.ADDRESS,
        re.compile(
            # Vietnam: a house number, an alley, a street
            rf"\b(?:[Ss]ố|[Nn]hà){SP}+\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?"
            rf"(?:,?{SP}+(?:ngõ|ngách|hẻm|kiệt){SP}+\d{{1,4}})*"
            rf"(?:,?{SP}+(?:phố|đường|Phố|Đường){SP}+{_CAP}(?:{SP}+{_CAP}){{0,3}})?"
            rf"|\b\d{{1,4}}[A-Z]?,?{SP}+(?:ngõ|ngách|hẻm|phố|đường|Phố|Đường){SP}+(?:\d{{1,4}}|{_CAP})"
            # Romania and Moldova: the street, then "nr."
            rf"|\b(?:Str|Strada|Bd|Bdul|Bulevardul|Calea|Aleea|Șos|Sos|Piața)\.?{SP}+{_CAP}"
            rf"(?:{SP}+{_CAP}){{0,2}},?{SP}+nr\.?{SP}*\d{{1,4}}[A-Za-z]?"
            rf"(?:,{SP}*(?:bl|sc|et|ap)\.?{SP}*[A-Z\d]{{1,4}})*"
            # Japan: chōme, block and house before the district
            rf"|\b[1-9]\d?-[1-9]\d?-[1-9]\d{{0,2}}{SP}+(?!{_NOT_A_DISTRICT}){_CAP}(?:{SP}+{_CAP})?"
            # Hong Kong: a floor as "18/F"
            rf"|\b(?:(?:Room|Flat|Rm|Unit){SP}+[\dA-Z]{{1,5}},?{SP}+)?\d{{1,2}}/F,?{SP}+(?:Block{SP}+[A-Z\d]{{1,2}},?{SP}+)?"
            rf"{_CAP}(?:{SP}+{_CAP}){{0,3}}"
            # Spain and Catalonia: "C/ San Vicente 41", "Avinguda Diagonal 420, 5è 2a"
            rf"|\b(?:C/|Avda\.|Avinguda|Carrer|Passeig|Rambla|Plaça|Travessera|Ronda)"
            rf"{SP}*(?:(?:de|del|la|les|dels|d['’]){SP}+)*{_CAP}(?:{SP}+{_CAP}){{0,2}},?{SP}+\d{{1,4}}"
            r"(?:,\s*\d{1,2}[ºªoè]?\s*\d?[ºªa-zA-Z]{0,2})?"
            # A box at a post office, and a barracks' building and room
            rf"|\bBox{SP}+\d{{1,6}},{SP}+General{SP}+Delivery\b"
            rf"|\bBuilding{SP}+\d{{3,5}}[A-Z]?,{SP}+(?:Room|Rm){SP}+\d{{1,4}}[A-Z]?\b"
            # Turkey and Indonesia: "Mahalle Sokak No: 3", "Cumhuriyet Mahallesi, 1203. Sokak
            # No: 9", "Gang Mawar No. 9"
            rf"|(?:\b{_CAP}{SP}+(?:Mahallesi|Mah\.),?{SP}+)?(?:\b{_CAP}|\b\d{{1,5}}\.?)"
            rf"{SP}+(?:Sokak|Sokağı|Caddesi|Cad\.|Sk\.|Sok\.){SP}+No[.:]?{SP}*\d{{1,4}}\b"
            rf"(?:,?{SP}+(?:Daire|Kat|D\.){SP}*:?{SP}*\d{{1,3}}\b)*"
            rf"|\b(?:Gang|Gg\.|Jalan|Jl\.){SP}+{_CAP}(?:{SP}+{_CAP})?{SP}+No[.:]?{SP}*\d{{1,4}}\b"
            # Beirut and the Levant: "Rue Gouraud, Gemmayzeh, Bldg 45", "Rue Hamra, Bldg 14"
            rf"|\b(?:Rue|Street|Sharia){SP}+{_CAP}(?:{SP}+{_CAP})?,{SP}+(?:{_CAP},{SP}+)?"
            rf"(?:Bldg|Building|Bld|Imm\.|Immeuble){SP}+\d{{1,4}}[A-Z]?\b"
            rf"(?:,{SP}+\d{{1,2}}(?:st|nd|rd|th){SP}+floor)?"
            # Korea: a flat by building and door, "103-dong 1204-ho"
            rf"|\b\d{{1,4}}-?dong,?{SP}+\d{{1,5}}-?ho\b"
            # Iran: "Khiaban-e Enghelab, Kuche 14"
            rf"|\b(?:Khiy?aban|Kh\.)(?:-e|-ye)?{SP}+{_CAP}(?:{SP}+{_CAP})?"
            rf"(?:,{SP}+(?:Kuch(?:e|eh)|Kooche|Pelak|Plak)(?:-e)?{SP}+(?:\d{{1,4}}|{_CAP}))*"
            rf"|\b(?:Kuch(?:e|eh)|Kooche){SP}+\d{{1,4}}\b"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(rf"\b[A-Z][a-z]+{SP}+Cottage,{SP}+[A-Z][a-z]{{3,}}\b"),
        "street",
    ),
    # A Polish postcode: one that starts with a nought needs nothing around it ("the letter
    # had 00-950 on it"); another after "kod" ("near kod 31-042"), not a range ("10-100").
    (
        Kind.POSTCODE,
        re.compile(r"(?<![\d.,/-])(?:0\d|(?<=(?i:kod) )\d\d)-\d{3}(?![\d/-]|[.,]\d)"),
        "digit",
    ),
    # A suburb and its four digits where someone moves or lives: "moved to Randwick 2031",
    # "family is in Rondebosch 7700", "staying in St. Kilda 3182"; a year only after a
    # suburb, not after a country or a city ("moved to Canada 2016"; the scanner checks
    # ``suburb``), and never "the London 2012 Olympics", "Room 1204", "Cohort 2024".
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?i:moved{SP}+(?:back{SP}+|out{SP}+)?to|moving{SP}+to|relocated{SP}+to|lives{SP}+in"
            rf"|living{SP}+in|settled{SP}+in|based{SP}+in|staying{SP}+in|stays{SP}+in"
            rf"|returned{SP}+to|went{SP}+back{SP}+to|(?:is|are){SP}+(?:now{SP}+)?in){SP}+"
            r"(?!(?i:room|ward|bay|bed|level|floor|gate|suite|year|grade|class|form|unit"
            r"|january|february|march|april|may|june|july|august|september|october|november"
            r"|december|spring|summer|autumn|fall|winter|term|semester|batch|cohort|vision|intake"
            r"|wave|phase|stage|version|group|team|squad)\b)"
            r"(?P<suburb>(?:(?:St|Mt|Mount|Port|Glen)\.?[ \t]+)?"
            r"[A-Z][\w'’]+(?:[ -][A-Z][\w'’]+){0,2})[ \t]+"
            r"(?P<id>\d{4})\b(?![.,:]\d)"
            r"(?=[ \t]*(?:[,;:!?)]|\.(?!\d)|$|[ \t]+(?!(?i:olympics|games|world|season|census"
            r"|elections?|cup|final|marathon|expo|edition)\b)[a-z]))"
        ),
        "digit",
    ),
    # Four or five digits before a town's name: "the letter lists 2196, Sandton", "1010
    # Wien" (the scanner checks ``town``: a place, not a day, a brand or an agency; and
    # not a year, a sum or a count: "in 2019, Leeds", "£2500, London", "saved 2500,
    # Christmas is covered").
    (
        Kind.POSTCODE,
        re.compile(
            r"(?<![\d£$€.,#])(?P<id>(?!(?:19|20)\d\d\b)\d{4,5}),?[ \t]+"
            r"(?P<town>[A-ZÀ-Þ][a-zß-ÿ]{3,})\b(?![ \t]*\d)"
        ),
        "digit",
    ),
    # Sweden's, Greece's and Czechia's three and two digits after a word that gives a
    # place: "should be 113 51", "code 411 06", "lives in 171 64" (not "BP is 120 80",
    # "came down to 130 85", "from 160 95", "is 143 45 minutes late").
    (
        Kind.POSTCODE,
        re.compile(
            r"\b(?i:be|code|postcode|postnummer|psč|tk|in|near)[ \t]+"
            r"(?P<id>[1-9]\d\d \d\d)\b(?![ \t]*(?:\d|mm|/|%|minutes?|mins?|points?|kg|mg|over))"
        ),
        "digit",
    ),
    # A German street written in lower case: "at hauptstraße 7", "leopoldstrasse 65".
    (
        Kind.ADDRESS,
        re.compile(r"\b[a-zäöü]{3,}(?:straße|strasse|gasse|allee)[ \t]+\d{1,4}[a-z]?\b(?![.,]\d)"),
        "digit",
    ),
)
