"""Identifiers that a word just before them gives away, whatever country wrote them:
a plate after "plate" or a vehicle ("the plate, J 48215", "a white bakkie, CA 482-331"),
a case's, a badge's or a membership's number ("case 4471/23", "FIR 0382"), a Hijri date
("27 Ramadan 1444"), a time beside a day and month ("at 10:45 on 17.09"), an age reached
("lived to 104"), a code said as an address ("the old 73301 address", "dans le
75011") and a phone said as where someone is ("is on 9123 4567").
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP
from reflect_tui.export.identifiers.regional_patterns import AGE, NOT_A_MEASURE, NOT_A_SCALE

_AGE, _NOT_A_MEASURE, _NOT_A_SCALE = AGE, NOT_A_MEASURE, NOT_A_SCALE

#: The UK's postcode areas of two letters ("BT" Belfast, "LS" Leeds); of one letter
#: ("M" Manchester) they are written in the pattern.
_UK_AREAS = "|".join(
    """
    AB AL BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN
    DT DY EC EH EN EX FK FY GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY LA LD LE
    LL LN LS LU ME MK ML NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM SA SE SG SK
    SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB WA WC WD WF WN WR WS WV YO
    ZE
    """.split()
)

CUED_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    # A plate read out, a few words after the word for it: "the plate, J 48215", "her
    # ex's reg, CA 482-331".
    (
        Kind.NUMBER,
        re.compile(
            rf"\b(?i:plates?|reg|rego|registration|number{SP}+plate|licen[cs]e{SP}+plate)\b"
            r"[^.!?\n]{0,30}?(?<![\w-])"
            rf"(?P<id>{_NOT_A_SCALE}(?=[A-Z\d -]{{0,15}}\d)"
            r"[A-Z\d]{1,4}(?:[ -][A-Z\d]{2,5}){1,2})"
            r"(?![\w-])"
        ),
        "digit",
    ),
    # Or a vehicle's, letters and digits: "a white bakkie, CA 482-331".
    (
        Kind.NUMBER,
        re.compile(
            r"\b(?i:car|bakkie|ute|van|truck|pickup|hatch|hatchback|sedan|suv|motorbike|vehicle)"
            r"\b[^.!?\n]{0,20}?(?<![\w-])"
            rf"(?P<id>{_NOT_A_SCALE}(?=[A-Z\d -]{{0,15}}\d)(?=[A-Z\d -]{{0,15}}[A-Z])"
            r"[A-Z\d]{1,4}(?:[ -][A-Z\d]{2,5}){1,2})(?![\w-])"
        ),
        "digit",
    ),
    # A case's, a file's or a police report's number: "case 4471/23", "FIR 0382",
    # "docket no. 22-1187"; not a year alone ("the 2023 report").
    (
        Kind.NUMBER,
        re.compile(
            rf"\b(?:[Cc]ase|[Ff]ile|FIR|[Dd]ocket|[Cc]laim|[Cc]omplaint|[Ii]ncident|[Rr]eference|[Rr]ef\.?"
            rf"|[Bb]adge|[Ii]nmate|[Pp]risoner|[Bb]ooking|[Mm]embership|[Mm]ember|[Pp]olicy|[Ll]ocker"
            rf"|[Aa]ccount)"
            rf"{SP}+(?:(?i:no\.?|number|#){SP}*)?#?(?P<id>\d{{4}} \d{{4}}\b"
            rf"|(?!(?:19|20)\d\d\b)\d{{4,}}(?:[/-]\d{{2,4}})?"
            r"|(?!\d\d/\d\d\b)(?!(?:19|20)\d\d[/-](?:\d\d|(?:19|20)\d\d)\b)\d{2,}[/-]\d{2,4}"
            r"|\d{2,3}(?: \d{3}){2}|[A-Z]{1,3}-?\d{4,})\b"
        ),
        "digit",
    ),
    # A date of the Hijri calendar: "27 Ramadan 1444".
    (
        Kind.DATE,
        re.compile(
            rf"\b\d{{1,2}}{SP}+(?:Muharram|Safar|Rabi['’]?{SP}+al-(?:Awwal|Thani)|Jumada{SP}+al-(?:Ula"
            rf"|Akhirah)|Rajab|Sha['’]?ban|Ramadan|Ramazan|Shawwal|Dhu{SP}+al-(?:Qadah|Hijjah))"
            rf"{SP}+1[34]\d\d\b"
        ),
        "digit",
    ),
    # A time beside a weekday and a day of the month: "at 2.30am on Sunday 5th", "11pm on
    # Friday the 12th".
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?{SP}?[ap]\.?m\.?{SP}+on{SP}+"
            r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
            rf"{SP}+(?:the{SP}+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
        ),
        "digit",
    ),
    # A time beside a day and month without a year: "at 10:45 on 17.09", "2/14 at 9:30pm".
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?:{SP}?[ap]\.?m\.?)?(?:{SP}+on|,(?={SP}+(?!(?:10|0?\d)/10\b|\d+/\d+{SP}+of\b)\d))"
            rf"{SP}+"
            rf"(?:3[01]|[12]\d|0?[1-9])[./](?:1[0-2]|0?[1-9])\b(?![./]\d|{SP}*(?:mg|g|mcg|ml)\b)"
            rf"|\b(?<!\d/)(?:(?i:on|says|said|dated|report(?:s|ed)?|since|until|by|before"
            rf"|after)|(?i:of|from)(?!{SP}+\d{{1,2}}/10\b)){SP}+(?P<id>(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]){SP}+at{SP}+(?:[01]?\d|2[0-3])"
            rf"(?::[0-5]\d)?{SP}?(?:[ap]\.?m\.?)?)(?![\w/])"
        ),
        "digit",
    ),
    # "lived to 104", "made it to 101", "died at 98": an age reached.
    (
        Kind.AGE,
        re.compile(
            rf"\b(?:(?i:lived|live|living|made{SP}+it|make{SP}+it|got){SP}+to"
            rf"|(?i:died|passed|passed{SP}+away){SP}+(?i:at|aged)){SP}+(?P<id>{_AGE}|100)\b"
            rf"{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # A code said as the address it is, or a French one after "dans le": "the old 73301
    # address", "dans le 75011"; a year's shape too right after "the": "in the 2025
    # postcode".
    (
        Kind.POSTCODE,
        re.compile(rf"(?<![\w$£€.,-])(?P<id>\d{{5}}){SP}+(?i:address|zip|postcode)\b"),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?i:the){SP}+(?P<id>\d{{4,5}}){SP}+(?i:post{SP}?code|postal{SP}+code)\b"
            rf"(?!{SP}+(?i:lottery|lotteries|map|maps|data|list|boundary|boundaries))"
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(rf"\b(?i:dans|à|au){SP}+le{SP}+(?P<id>\d{{5}})\b"),
        "digit",
    ),
    # A code given as someone's postcode, a year's shape too: "listed 2024 as the
    # family's postcode", "gave 0368 as her postnummer", "gives 104 34 as his postcode",
    # "wrote 1632 on the form as his Taguig postal code".
    (
        Kind.POSTCODE,
        re.compile(
            rf"(?<![\w$£€.,/-])(?P<id>\d{{4,6}}|\d{{3}}[ -]\d\d|\d\d[ -]\d{{3}})"
            rf"(?:{SP}+(?:on|in){SP}+(?:the|a|her|his|their){SP}+(?:[\w-]+{SP}+)?[\w-]+)?"
            rf"{SP}+as{SP}+(?:(?:the|her|his|their|my|our|home|new|old|current|family"
            rf"|[\w-]+['’]s){SP}+){{0,3}}"
            # a place's name only before the word itself: not "billed 90837 as the CPT code"
            rf"(?:(?:[A-Z][\w-]+{SP}+)?(?i:post{SP}?code|postal{SP}+code|zip(?:{SP}?code)?"
            r"|postnummer|postleitzahl|plz|pin(?:\s?code)?|eircode)|(?i:code))\b"
        ),
        "digit",
    ),
    # A UK postcode's district alone after a word of place: "back in M14", "won't go near
    # BT12", "moved to LS6"; not a vitamin, a gas or a motorway ("low in B12", "high in
    # CO2", "on the M25"), a school year or a season ("in S3", "in S2 of the show").
    (
        Kind.POSTCODE,
        re.compile(
            r"(?:(?<=\b[Ii]n )|(?<=\bnear )|(?<=\baround )|(?<=\bfrom )|(?<=\binto )"
            r"|(?<=\boutside )|(?<=\bmoved to )|(?<=\bback to )|(?<=\bin the ))"
            r"(?<!low in )(?<!high in )(?<!deficient in )(?<!rich in )"
            # two letters and a district ("BT12", "LS6"), or one letter and two digits
            # ("M14", "E17"): "B3", "L5", "M6" are wards, vertebrae and motorways too
            rf"(?P<id>(?!B12\b|CO2\b|SO2\b)(?:(?:{_UK_AREAS})\d{{1,2}}|[BEGLMNSW]\d\d))"
            rf"(?![\w-]|\.\d|{SP}+of\b|{SP}+(?i:traffic|junction|motorway|northbound"
            r"|southbound|roadworks|j\d))"
        ),
        "digit",
    ),
    # Brazil's CEP alone: "01310-100".
    (Kind.POSTCODE, re.compile(r"(?<![\w.,/-])\d{5}-\d{3}(?![\w-]|[.,]\d)"), "digit"),
    # A card's or an account's last four digits: "the card ending 4417".
    (
        Kind.NUMBER,
        re.compile(
            rf"\b(?i:card|account|acct|visa|mastercard|amex){SP}+(?:[\w-]+{SP}+){{0,2}}?"
            rf"(?i:ending|ends){SP}+(?:(?i:in|with){SP}+)?(?P<id>\d{{4}})\b"
        ),
        "digit",
    ),
    # A UK bank's sort code: "sort code 20-45-77".
    (
        Kind.NUMBER,
        re.compile(
            rf"(?i:\bsort{SP}+code|\bs/c){SP}*(?:is{SP}+)?:?{SP}*(?P<id>\d\d[- ]\d\d[- ]\d\d)\b"
        ),
        "digit",
    ),
    # Brazil's CPF and RG: "123.456.789-09", "45.887.123-4".
    (Kind.NUMBER, re.compile(r"(?<![\d.])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\d.])"), "digit"),
    (Kind.NUMBER, re.compile(r"(?<![\d.])\d{2}\.\d{3}\.\d{3}-[\dXx](?![\d.])"), "digit"),
    # A phone in pairs after the word for it: "his mobil is 20 12 34 56".
    (
        Kind.PHONE,
        re.compile(
            r"\b(?i:mobil|mobile|mob|cell|tlf|tel|telefon|phone|handy|portable|number|nummer)"
            rf"(?:{SP}+(?i:is|er|ist|es|est|number))?{SP}*:?{SP}*"
            rf"(?P<id>\+?\d{{2}}(?:[ .]\d{{2}}){{3,4}})(?![\d.]|{SP}\d)"
        ),
        "digit",
    ),
    # A phone number said as where someone is: "is on 9123 4567", "she's on 0412 555 019".
    (
        Kind.PHONE,
        re.compile(
            rf"\b(?:is|was|are|['’]s|['’]re){SP}+on{SP}+"
            r"(?P<id>\+?\d{3,4}[ -]\d{3,4}(?:[ -]\d{3,4})?)\b"
        ),
        "digit",
    ),
    # ... or given as someone's number: "gave 9123 4567 as her contact".
    (
        Kind.PHONE,
        re.compile(
            r"(?<![\w.,/-])(?P<id>\+?\d{3,4}[ -]\d{3,4}(?:[ -]\d{3,4})?)"
            rf"{SP}+as{SP}+(?:(?:her|his|their|my|our|the|a){SP}+)?(?:[\w-]+(?:['’]s)?{SP}+)?"
            r"(?i:contact|number|mobile|phone|cell|landline|emergency\s+contact)\b"
        ),
        "digit",
    ),
)
