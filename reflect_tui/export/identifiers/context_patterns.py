"""Identifiers that only the words around them give away: "on the 22nd", "Austin 78704",
"his grandmother, 95,", "at The Old Forge, Church Lane".

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`; ``needs`` is
"digit" (the scanner tries it near digits only), "street" or "month" (tried only when
the text holds a street type or a month's name, see :func:`street_hint`, :func:`month_hint`).
A pattern's named group ``place`` is checked by the scanner: it must be a place's name,
not an ordinary word ("In 12345 steps").
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.addresses_abroad import ABROAD_PATTERNS
from reflect_tui.export.identifiers.cued_patterns import CUED_PATTERNS
from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.other_languages import OTHER_LANGUAGE_PATTERNS
from reflect_tui.export.identifiers.regional_addresses import ADDRESS_PATTERNS, TOWNLAND
from reflect_tui.export.identifiers.regional_patterns import REGIONAL_PATTERNS
from reflect_tui.export.identifiers.rooms import ROOM_PATTERNS

SP = r"[^\S\n]"
_AGE = r"(?:9\d|1[01]\d)"
_NOT_A_MEASURE = (
    r"(?!\s*(?:%|percent|steps|points|people|words|dollars|euros|pounds|miles|km|calories"
    r"|minutes|hours|days|weeks|sessions|times|patients|clients|mg|kg|lbs))"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_WORDS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH = f"(?:{'|'.join(_MONTH_WORDS)})"
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_STREET_WORDS = (
    "Street",
    "Road",
    "Avenue",
    "Lane",
    "Drive",
    "Close",
    "Crescent",
    "Terrace",
    "Grove",
    "Gardens",
    "Mews",
    "Way",
    "Boulevard",
    "Parade",
)
_STREET_TYPES = f"(?:{'|'.join(_STREET_WORDS)})"


# Plain alternations, no \b: the regex engine finds literals fast, where \b and any()
# over the words cost more than the rest of the scan.
_STREET_HINT = re.compile(
    "|".join(_STREET_WORDS)
    + "|General Delivery|Cottage,|Estate|estate|Tower|Mansions|Apartments|Flats"
)
#: Streets of other languages in lower case before a capital, and Irish counties ("on
#: rue Fleury", "Co. Mayo"). The capital comes first and the look back second, so the
#: search skips in C to the next capital: lower-case branches first took twice as long
#: (0.12 s against 0.07 s over 10,000 answers).
_STREETS_ABROAD = (
    "rue calle avenida rua travessa strada viale corso vicolo ulica utca allée impasse "
    "chemin carrer camino paseo praça piazza plaza"
).split()
_STREET_HINT_ABROAD = re.compile(
    "[A-ZÀ-Þ](?<=[eaonrl] .)(?:" + "|".join(f"(?<=\\b{word} .)" for word in _STREETS_ABROAD) + ")"
    r"|Co\.? [A-Z]"
)
_MONTH_HINT = re.compile("|".join(_MONTH_WORDS))
#: Two Irish townlands ("Cloonagh, Ballymote"): the second after a comma.
_TOWNLANDS = re.compile(", " + TOWNLAND)


def street_hint(text: str) -> bool:
    """Whether a street type with a capital, a street of another language, an Irish
    county or townland or "General Delivery" is in ``text``: then a street without a number is worth
    looking for."""
    if _STREET_HINT.search(text) is not None:
        return True
    return _STREET_HINT_ABROAD.search(text) is not None or _TOWNLANDS.search(text) is not None


def month_hint(text: str) -> bool:
    return _MONTH_HINT.search(text) is not None


#: Words before five digits that make them an amount, a count or a short code.
_NOT_A_PLACE_BEFORE = (
    "about over under nearly almost roughly approximately around some than of by "
    "earn earns earned earning salary owe owes owed paid pay pays paying cost costs "
    "spent spend saved save borrowed debt loan worth won lost raised bill billed "
    "claim claimed CPT cpt Shout shout text texting SMS sms dial dialled called "
    "ring rang extension ext Ext step steps walked ran scored score scores was is were "
    "are for only just another extra rent income price fee fees fine deposit bond grant "
    "pension number budget at charged total balance arrears overdraft mortgage benefits "
    "helpline hotline line Lifeline Kasih Befrienders on item MBS"
).split()

_CONTEXT: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    # Any country's code after the word for it: "her postcode is 114 55", "kod
    # pocztowy 31-052", "PIN code 560038", "CEP 01310-100", "zip: 10027-1234".
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?:PLZ|CEP|(?i:zip|zip{SP}?code|post{SP}?code|postal{SP}+code|eircode|pin{SP}?code"
            r"|postleitzahl"
            rf"|code{SP}+postal|c[oó]digo{SP}+postal|kod{SP}+pocztowy|postnummer|postinumero"
            rf"|poskod|kode{SP}+pos|codice{SP}+postale|post[ai]?{SP}?kodu?|irányítószám))"
            rf"(?:['’]s)?(?:{SP}+(?i:is|was|of|number|as))?{SP}*[:#]?{SP}*"
            rf"(?P<id>(?=[A-Za-z]*\d[A-Za-z]*\d)[A-Za-z\d]{{2,8}}"
            r"(?:[ -](?=[A-Za-z]*\d)[A-Za-z\d]{2,4})?)\b"
        ),
        "digit",
    ),
    # Australian postcodes after the state: "Brunswick VIC 3056".
    (
        Kind.POSTCODE,
        re.compile(rf"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT){SP}+(?P<id>\d{{4}})(?!\d|[,.:/-]\d)"),
        "digit",
    ),
    # Five digits right after a place's name: "Austin 78704", "Denver, 80219".
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?P<place>[A-Z][a-z]+(?:{SP}+[A-Z][a-z]+)?),?{SP}+(?P<id>\d{{5}})"
            rf"(?!\d|[,.:/-]\d){_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # Four digits or a Polish code right after a city's name: "Amsterdam 1012", "Zürich
    # 8022", "Kraków 31-042", "Warsaw, 00-950"; never a year ("Paris 2024").
    (
        Kind.POSTCODE,
        re.compile(
            rf"(?<=\bin )(?P<city>[A-ZÀ-Þ][a-zß-ÿ]+),?{SP}+"
            # after a comma only a Polish code: "in Lebanon, 1564," is a helpline
            r"(?P<id>(?<!, )(?!(?:19|20)\d\d\b)\d{4}|\d\d-\d{3})"
            rf"(?!\d|[,.:/-]\d){_NOT_A_MEASURE}"
            r"(?![ \t]*(?:-|–|to)[ \t]*\d)"
        ),
        "digit",
    ),
    # A UK postcode in lower case, as typed in a hurry: "now ne6 1xp".
    (
        Kind.POSTCODE,
        re.compile(r"\b[a-z]{1,2}\d[a-z\d]?\s\d(?![ap]m\b)[a-z]{2}\b"),
        "digit",
    ),
    # A Canadian postcode in lower case ("m6h 3k2"), a Mexican one ("C.P. 06700").
    (
        Kind.POSTCODE,
        re.compile(r"\b[a-z]\d[a-z] ?\d[a-z]\d\b|\bC\.\s?P\.\s?\d{5}\b"),
        "digit",
    ),
    # A day of the month told by its context: "on the 22nd", "Thursday the 12th",
    # "on 3/14"; never "the 3rd session" or "rated it 3/10".
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:(?:on|by|until|till|before|after|since|from|for){SP}+(?:{_WEEKDAY}{SP}+)?"
            rf"|{_WEEKDAY}{SP}+)the{SP}+(?P<id>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b"
            rf"(?!{SP}+(?:session|time|week|visit|appointment|floor|grade|percentile|day|step"
            rf"|try|attempt|page|chapter|module|item|question|line|level|round|go|of{SP}+\d))"
        ),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:on|by|until|till|before|after|since){SP}+"
            r"(?!9/11(?!\d))"  # the day everyone names, not a client's
            r"(?P<id>(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))(?![/\d])(?!\s*(?:scale|points))"
        ),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(
            rf"\bthe{SP}+(?-i:(?!Fourth{SP}+of{SP}+July))(?:{_ORDINAL_WORD}){SP}+of{SP}+{_MONTH}\b",
            re.I,
        ),
        "month",
    ),
    # Ages over 89 in clinical shorthand and in apposition: "a 93yo", "93 y/o", "his
    # grandmother, 95,", "will be 101".
    (
        Kind.AGE,
        re.compile(rf"\b{_AGE}{SP}?(?:yo|y/o|y\.o\.|yrs?){SP}*(?![\w/])", re.I),
        "digit",
    ),
    (
        Kind.AGE,
        re.compile(
            r"\b(?:mother|father|mum|mom|dad|grandmother|grandfather|gran|grandma|grandpa|nan"
            r"|aunt|uncle|neighbour|neighbor|husband|wife|partner|sister|brother|widow"
            rf"|widower|patient|client|resident|referral|admission|vet|veteran|pt|male|female"
            rf"|man|woman),{SP}*(?P<id>{_AGE}),"
        ),
        "digit",
    ),
    (
        Kind.AGE,
        re.compile(
            rf"(?:\bwill{SP}+be|['’]ll{SP}+be|\bwould{SP}+have{SP}+been|\bis{SP}+now|\bjust{SP}+turned)"
            rf"{SP}+(?P<id>{_AGE})\b{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # A plate, whatever its shape, after the word: "his plate CBKM 417" (letters and
    # digits both: not "the plate was clean").
    (
        Kind.NUMBER,
        re.compile(
            rf"\b(?:plates?|rego|registration)(?:{SP}+(?:number|no\.?|reg(?:istration)?))?"
            rf"{SP}*(?:is|was|:)?{SP}*"
            rf"(?P<id>(?!(?:is|was|a|an)\b)(?=[\w \t-]{{0,8}}\d)(?=[\w \t-]{{0,8}}[A-Z])"
            rf"[A-Z0-9]{{2,4}}(?:(?:{SP}|-)[A-Z0-9]{{2,4}})?)\b",
            re.I,
        ),
        "digit",
    ),
    # A named street without a number, after a word of place: "at The Old Forge,
    # Church Lane", "off Mill Road". ("on Wall Street" too: a street is a place.)
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:at|on|in|off|onto|along|near|to|from|into|down){SP}+(?!Memory{SP}+Lane)"
            rf"(?P<id>(?:The{SP}+[A-Z][\w'’-]+(?:{SP}+[A-Z][\w'’-]+)?,{SP}*)?"
            rf"(?:[A-Z][\w'’-]+{SP}+){{1,3}}{_STREET_TYPES})\b"
        ),
        "street",
    ),
    # A named housing estate or block of flats, where everyone knows everyone: "on the
    # Kingsmead Estate", "in the Lakeview Towers" (not "in real estate"), "Block D,
    # Riverside Gardens".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:at|on|in|off|near|from|to|onto|into){SP}+(?P<id>(?:the{SP}+)?"
            rf"(?!(?:[A-Z][\w'’-]+{SP}+)?(?:Real|Industrial|Business|Trading|Council|Commercial"
            rf"|Retail|Country|Landed|Twin|Fawlty|Petronas|Eiffel|Cape|Salt|Mud|Tidal){SP})"
            rf"(?:[A-Z][\w'’-]+{SP}+){{1,2}}(?:Estate|estate|Towers|Tower|Mansions|Apartments|Flats))\b"
            rf"(?!{SP}+(?i:agents?|agency|office|planning|sale|of\b))"
            # and a lettered block of one: "Block D, Riverside Gardens"
            rf"|\bBlock{SP}[A-Z\d]{{1,3}},{SP}(?:[A-Z][\w'’-]+{SP}+){{1,2}}"
            rf"(?:{_STREET_TYPES}|Estate|Towers|Mansions)\b"
        ),
        "street",
    ),
    # Five digits alone, which in a reflection are a ZIP or a postcode far more often than
    # anything else ("the van covered 78207", "the sheet says 73107", "PLZ, 10999"): not
    # an amount, a count, a billing code (CPT 90785-90899, 96000-99999) or a range.
    (
        Kind.POSTCODE,
        re.compile(
            # the digits first, so the look backs run only where five digits are
            r"(?=\d{5})(?<![\w$£€¥₹#.,/:+*=^-])(?<!\d )"
            + "".join(rf"(?<!\b{w} )(?<!\b{w}, )" for w in _NOT_A_PLACE_BEFORE)
            + r"(?P<id>(?!9(?:07[89]|08\d)\d|9[6-9]\d{3})\d{5})(?![\w%/-]|[.,:]\d)"
            r"(?![ \t]?(?:k|K)\b)(?!\s*(?:to|and|or|-|–)\s*\d)"
            r"(?!\s+is\s+(?:the|a|our|their)\s+(?:\w+\s+){0,2}?(?:helpline|hotline|line|number)\b)"
            r"(?!\s+(?i:steps|words|points|people|persons|users|followers|views|likes|hits"
            r"|dollars|euros|pounds|rand|rupees|yen|naira|shillings|pesos|usd|gbp|eur|aud|cad"
            r"|miles|km|kilometres|kilometers|metres|meters|feet|calories|kcal|hours|minutes"
            r"|days|weeks|sessions|times|cases|clients|patients|students|staff|members|beds"
            r"|units|mg|ml|a\s+(?:year|month|week|day)|per|each|odd|or\s+so|plus|annually"
            r"|a\s+head|in\s+debt|of\s+debt|owed|owing)\b)"
        ),
        "digit",
    ),
)

CONTEXT_PATTERNS = (
    *_CONTEXT,
    *REGIONAL_PATTERNS,
    *CUED_PATTERNS,
    *ADDRESS_PATTERNS,
    *ROOM_PATTERNS,
    *ABROAD_PATTERNS,
    *OTHER_LANGUAGE_PATTERNS,
)
