"""The words around a capitalised word that say a place or a day is meant, not a person.

A street: a house number beside the word ("Vondelstraat 14A", "at 15 Chemin des
Vignes"). A place: the words before it ("grew up in Regina"), or a city's other words
beside it ("Nha Trang", "Ho Chi Minh City"). A day, a saint or a storm: "Christmas Eve",
"St Patrick's Day", "St. Louis", "Cyclone Gabrielle".
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.peoples import person_place
from reflect_tui.export.identifiers.person_context import (
    ACTED,
    FAMILY_OF,
    PERSON_NEXT,
)
from reflect_tui.export.identifiers.word_lists import fold, given_names, known_terms, named_places

#: A house number after a word or before it (across a few lower-case particles), but
#: not a dose, a count or a score ("Zoloft 50 mg", "Kaizen 2 weeks").
_UNITS = (
    r"(?!\s*(?:mg|mcg|ml|g|kg|%|units?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?"
    r"|years?|times?|sessions?|x|of|out|/)\b)"
)
HOUSE_NUMBER_AFTER = re.compile(rf"\s+\d{{1,4}}[A-Za-z]?\b{_UNITS}")
HOUSE_NUMBER_BEFORE = re.compile(
    r"\b(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?,?\s+(?:(?:de|des|du|la|le|les|di|da|del|della|do|dos|das|van|von"
    r"|am|an|im|der|den|het|na|y|ul|rue|via|calle|avenue|allée|chemin|strada|avenida|rua"
    r"|bis|ter)\.?\s+){0,3}\Z"
)


#: Words before a place's name: "grew up in Regina", "flew in from Charlotte", "moved
#: back to Darwin"; not the words a person is met by too ("talked to Charlotte", "a text
#: was from Tyler", "went back to George", "angry at Mary", "confided in Hassan",
#: "anxious around Logan", "sits near Kendall").
IN_A_PLACE = re.compile(
    r"(?:\b(?<!confided\s)(?<!confide\s)(?<!trust\s)(?<!faith\s)(?<!interest\s)"
    r"(?<!believe\s)(?<!believes\s)(?<!believed\s)(?:in|outside|throughout|in\s+from"
    r"|over\s+from)"
    r"|\b(?:moved|move|moves|moving|flew|fly|flying|drove|drive|relocated|relocating"
    r"|travelled|traveled|trip|originally|family|families|born|raised|up|visit|visiting"
    r"|visited|lives|lived|living|bus|train|flight|road|way|miles|km|hours?|retired"
    r"|emigrated|holidays?)(?:\s+back)?\s+(?:to|from|in|out\s+of)"
    # "grew up on Skye", "retired on Arran"
    r"|\b(?:up|lives|lived|living|retired|holidays?)\s+on"
    # "from Caracas to Santiago": from one place to the next
    r"|\bfrom\s+(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?,?\s+(?:and\s+then\s+)?to"
    # "pt from Oaxaca speaks Zapotec": a person from a place
    r"|\b(?:pt|client|patient|refugees?|famil(?:y|ies)|people|man|woman|boy|girl|guy|lady)"
    r"\s+from)"
    r"\s+\Z",
    re.I,
)


#: The endings of street names written before the number ("Vondelstraat 14A",
#: "Hauptstraße 3", "Storgatan 8"), and the words that put a place there ("lives at
#: Karlova 12"); without either, a word and a number name a thing ("Houseblock 2",
#: "Secondaire 1", "Kaizen 2").
_STREET_ENDINGS = (
    "straat",
    "straße",
    "strasse",
    "str",
    "gasse",
    "weg",
    "vej",
    "gade",
    "gatan",
    "gata",
    "vägen",
    "veien",
    "katu",
    "laan",
    "plein",
    "gracht",
    "kade",
    "ulica",
    "utca",
    "cesta",
    "allee",
    "ring",
    "damm",
    "platz",
    "steig",
    "ufer",
    "markt",
    "dijk",
    "singel",
    "veg",
)
_AT_A_PLACE = re.compile(
    r"\b(?:at|on|in|to|from|near|off|onto|lives?|living|lived|moved|address|flat|apartment"
    r"|house|home|visit|visited|is|friend)[ \t,]+(?:[^\W\d_][\w.'’-]*[ \t]+){0,3}\Z",
    re.I,
)


def street_before_number(text: str, start: int, end: int, folded: str) -> bool:
    """Whether a word before a house number is a street's name ("Vondelstraat 14A")."""
    if HOUSE_NUMBER_AFTER.match(text, end) is None:
        return False
    if folded.endswith(_STREET_ENDINGS):
        return True
    return _AT_A_PLACE.search(text, max(0, start - 48), start) is not None


_SAINTS_POSSESSIVE = re.compile(r"(?:'s|’s)\b")
_SAINT_BEFORE = re.compile(r"\b(?:St\.?|Saint)\s+\Z")
_EVE_OF = re.compile(r"(?:Christmas|Year['’]s|Hallows['’]?|Midsummer)\s+\Z")


_SAINTS_PLACE = re.compile(r"\b(?:São|San|Santa|Santo|Sankt|Sant)\s+\Z")
_SAINTS_WORDS = frozenset("são san santa santo sankt sant".split())
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sra|Srta|Don|Doña)\.?\s+\Z")
_DAY_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]+)?(?:['’]s)?[ \t]+(?:Day|Eve|Week|Night|Festival|Fest|New[ \t]+Year)\b"
    r"|(?<=King)['’]s[ \t]+Birthday\b|(?<=Queen)['’]s[ \t]+Birthday\b"
)
#: A saint's or a holy place's name: "St Vincent de Paul", "Our Lady of Guadalupe", "la
#: Virgen de Guadalupe", "Holy Trinity".
_HOLY_BEFORE = re.compile(
    r"(?:\b(?:St\.?|Saint)\s+[A-Z][\w'’-]+\s+(?:de|of|da|di|du)"
    r"|\b(?:Virgin|Virgen|Lady|Señora|Senhora|Basilica|Shrine|Cathedral|Church)\s+(?:of|de|del|da|do)"
    r"|\bHoly)\s+\Z"
)
_STORM_BEFORE = re.compile(r"\b(?:Hurricane|Cyclone|Typhoon|Storm|Tropical\s+Storm)\s+\Z")


def holiday(text: str, start: int, end: int, folded: str, in_name: bool) -> bool:
    """A day's, a saint's or a storm's name, not a client's: "Christmas Eve", "St
    Patrick's Day", "Cyclone Gabrielle"."""
    if _STORM_BEFORE.search(text, max(0, start - 20), start) is not None:
        return True
    if _HOLY_BEFORE.search(text, max(0, start - 30), start) is not None:
        return True
    if not in_name and _SAINTS_PLACE.search(text, max(0, start - 7), start) is not None:
        return True  # "São Paulo", "Santa Cruz": a place; not "Mrs San Martin"
    if (
        folded in _SAINTS_WORDS
        and not in_name
        and _CAPITAL_AFTER.match(text, end) is not None
        and _TITLE_BEFORE.search(text, max(0, start - 8), start) is None
    ):
        return True  # "San" of "San Antonio", not of "Mrs San Martin"
    if _SAINT_BEFORE.search(text, max(0, start - 8), start) is not None and not in_name:
        return True  # "St. Louis", "Saint Lucia", "St Patrick's Day": a saint or a place
    if _DAY_AFTER.match(text, end) is not None:
        return True  # "Invasion Day", "Waitangi Day", "Diwali Week"
    if folded == "eve":
        return _EVE_OF.search(text, max(0, start - 16), start) is not None
    # "St Patrick's Day", "St Brigid's crosses", "St Mary's": a saint or what bears the name.
    return (
        _SAINTS_POSSESSIVE.match(text, end) is not None
        and _SAINT_BEFORE.search(text, max(0, start - 8), start) is not None
    )


#: Given names that the lists hold only as parts of cities' names ("Ho Chi Minh", "Nha
#: Trang", "Santo Domingo"): alone, a person ("with Minh today", "Thanh Nguyen's mum").
CITY_PART_NAMES = frozenset(
    "aviv kong minh thanh thạnh trang vinh bình thuận gustavo adolfo álvaro andré luís karol "
    "rahman santana domingo cheng alam jaya takeo loni".split()
)
#: First words of cities' names that the lists do not know: "Nha Trang", "Santo Domingo".
_CITY_FIRST_WORDS = frozenset("nha santo ho chi buenos tel hong da thu bien".split())
_CAPITAL_BEFORE = re.compile(r"([A-ZÀ-ÖØ-Þ][\w'’-]*)[ \t]+\Z")
_CAPITAL_AFTER = re.compile(r"[ \t]+([A-ZÀ-ÖØ-Þ][\w'’-]*)")


def city_part(
    text: str, start: int, end: int, known: frozenset[str], ordinary: frozenset[str]
) -> bool:
    """Whether the word here is part of a place's name: a known word joins it on either
    side, or a city's first word comes before it ("Nha Trang", "Ho Chi Minh City",
    "Santo Domingo"), but not "Thanh Nguyen", "Jahangir Alam" or "with Minh"."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 24), start)
    after = _CAPITAL_AFTER.match(text, end)
    if after is not None and (after.group(1).casefold() in known or after.group(1) == "City"):
        return True
    if before is None:
        return False
    word = before.group(1).casefold()
    return word in known or word in _CITY_FIRST_WORDS


#: After a place's name, what makes it the place, not a person: "Austin is where she went
#: to college", "Hamilton is the city her university is in", "Chelsea is his team" (not
#: "Chelsea is the team captain", nor "Madison is what keeps her going").
_IS_A_PLACE = re.compile(
    r"(?:(?:[ \t]+[a-z]+){1,2}?[ \t]+(?:are|were)|[ \t]+(?:is|was|are|were))[ \t]+"
    r"(?:where\b|(?P<what>what\b(?![^.;!?]{0,40}\bcall))"
    r"|(?:the|a|an|his|her|their|my|our)[ \t]+(?:[a-z]+[ \t]+)?(?:city|town|place|country"
    r"|state|county|village|suburb|island|region|team|club|side)\b"
    r"(?![ \t]+(?!and\b|but\b|or\b|so\b|too\b|now\b|is\b|was\b|where\b|that\b|he\b|she\b"
    r"|they\b|we\b|I\b)[a-z]))"
)
#: After a place's name: its weather or a time of year ("Regina in February", "Kerry in
#: the rain", "Darwin in the wet season"), unless a person's doing follows ("Chelsea in
#: the summer was drinking") or a person's word comes before ("met with Regina in May").
_SEASON_AFTER = re.compile(
    r"[ \t]+in[ \t]+(?:the[ \t]+)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|spring|summer|autumn|fall|winter|rain|snow"
    r"|heat|wet[ \t]+season|dry[ \t]+season|monsoon)\b"
)
_MET_BEFORE = re.compile(r"\b(?:with|to|saw|met|and|for|from|by|w/)[ \t]+\Z", re.I)
#: A region after a city's name, closing the phrase: "Charlotte, North Carolina, is where
#: he grew up", "Florence, Italy."; not a list of people ("Florence, India and Kayla").
_REGION_AFTER = re.compile(
    r",[ \t]+(?:(?:North|South|East|West|New)[ \t]+)?([A-Z][\w'’-]+)"
    r"(?:,(?![ \t]+[A-Z][\w'’-]+(?:,|[ \t]+and\b))|[ \t]+(?:is|was)\b|[.;:!?]|[ \t]*\Z)"
)


#: Places and clubs whose name is a team's in a sports report: GAA counties, AFL and NRL
#: clubs and cities, football clubs, US cities named for their teams.
TEAMS = frozenset(
    """antrim armagh carlow cavan clare cork derry donegal down dublin fermanagh galway kerry
    kildare kilkenny laois leitrim limerick longford louth mayo meath monaghan offaly
    roscommon sligo tipperary tyrone waterford westmeath wexford wicklow adelaide brisbane
    carlton collingwood essendon fremantle geelong hawthorn melbourne richmond sydney
    parramatta penrith cronulla manly canberra arsenal chelsea everton liverpool tottenham
    spurs fulham brentford burnley leeds leicester southampton villa wolves celtic rangers
    hibs hearts aberdeen dallas houston denver charlotte milan juventus""".split()
)
#: A result only a team has, after a team's name: "Kerry won the All-Ireland", "Tyrone
#: lost the Ulster final", "Sydney won the grand final", "Chelsea lost 2-1", "Kerry beat
#: Dublin"; not "Kerry lost again on the horses", "Paris won the league with her U12s",
#: "Jordan won the County final", "Kerry beat Covid".
_TEAM_RESULT = re.compile(
    r"[ \t]+(?:lost|won|drew|lose|win|loses|wins)[ \t]+(?:(?:the|their|a)[ \t]+)?"
    r"(?:(?:[Aa]ll-Ireland|Ulster|Munster|Leinster|Connacht|grand|AFL|NRL|FA[ \t]+Cup)"
    r"(?:[ \t]+(?:semi-|quarter-)?final)?|premiership|[Ss]uper[ \t]+[Bb]owl|play-?offs|pennant"
    r"|flag|\d{1,2}[ \t]*[-–][ \t]*\d{1,2})(?![\w-])"
    r"|[ \t]+(?:beat|lost[ \t]+to|drew[ \t]+with|thrashed|hammered|played)[ \t]+"
    r"(?P<other>[A-Z][\w'’-]+)"
)
#: A team's name after another's result: "Arsenal beat Chelsea", "Dublin beat Kerry".
_TEAM_BEAT = re.compile(
    r"(?<![\w'’-])(?P<team>[A-Z][\w'’-]+)[ \t]+(?:beat|lost[ \t]+to|drew[ \t]+with|thrashed"
    r"|hammered|played)[ \t]+\Z"
)


_PLAYED = re.compile(r"[ \t]+(?:lost|won|drew|beat|play|played|are|were)\b")
#: What a place has, after its name: "Charlotte traffic", "Regina winters", "Darwin
#: humidity", "Victoria's lockdowns", "Adelaide feels like a small town".
_A_PLACES = re.compile(
    r"(?:['’]s)?[ \t]+(?:traffic|winters?|summers?|humidity|heat|weather|rain|snow|lockdowns?"
    r"|prices|rents|housing|suburbs|buses|trains|transport|nightlife|skyline|roads)\b"
    r"|[ \t]+feels[ \t]+like[ \t]+a[ \t]+(?:[a-z]+[ \t]+)?(?:town|city|village|place)\b"
)


def _a_team(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]``, of :data:`TEAMS`, is a team by a result."""
    if text[start:end].casefold() not in TEAMS:
        return False
    if fold(text[start:end]) not in given_names() and _PLAYED.match(text, end) is not None:
        return True  # "Collingwood lost and he was gutted": no one's name
    before = _TEAM_BEAT.search(text, max(0, start - 30), start)
    if before is not None and before.group("team").casefold() in TEAMS:
        return True
    result = _TEAM_RESULT.match(text, end)
    if result is None:
        return False
    other = result.group("other")  # "beat Dublin", not "beat Jordan", "beat Covid"
    return other is None or other.casefold() in TEAMS


#: Brands that are given names too: after "the", "a" or "her" a thing ("the Mercedes in
#: her driveway", "her Chanel handbag"), not a person ("Mercedes said", "her little
#: Harley has night terrors", "the Mercedes kids").
_BRANDS_ALSO_NAMES = frozenset(
    "mercedes tesla porsche lexus ferrari harley tiffany chanel dior armani versace cartier "
    "hermès hermes alexa siri cortana jameson bacardi smirnoff hennessy".split()
)
_OWNED = re.compile(
    r"(?<![\w'’])(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Mm]y|[Tt]heir|[Oo]ur)[ \t]+(?:[a-z]+[ \t]+)?\Z"
)
#: An office of state: "the Department of Justice", "the Ministry of Health".
_OFFICE_OF = re.compile(
    r"\b(?:Department|Ministry|Minister|Secretary|Office|Bureau|Court|Commissioner)[ \t]+of"
    r"(?:[ \t]+the)?[ \t]+\Z"
)


#: A thing's noun after a brand: "her Chanel handbag", not a verb ("starts", "has").
_A_THING_NEXT = re.compile(
    r"[ \t]+(?!(?:is|was|has|had|does|did|can|will|would)\b)[a-z]+(?<!s)(?<!ed)\b"
)


def _a_person_next(text: str, start: int, end: int) -> bool:
    return (
        PERSON_NEXT.match(text, end) is not None
        or ACTED.match(text, end) is not None
        or person_place(text, start, end)
    )


def a_thing_or_place(text: str, start: int, end: int, place: bool, given: bool) -> bool:
    """Whether the capitalised word at ``text[start:end]`` is a thing or a place by the
    words around it; ``place``: whether the lists know it as a place's or a thing's name,
    ``given``: whether as a person's too. Never where a person's doing or a person's
    place follows ("Her Tiffany starts school")."""
    if _a_team(text, start, end) or (place and _A_PLACES.match(text, end) is not None):
        return True  # "Kerry won the All-Ireland", "Kerry beat Dublin"
    if _a_person_next(text, start, end):
        return False
    if _OFFICE_OF.search(text, max(0, start - 30), start) is not None:
        return True
    if text[start:end].casefold() in _BRANDS_ALSO_NAMES:
        owned = _OWNED.search(text, max(0, start - 16), start)
        # after "her", only a thing: "her Chanel handbag", not "her Tiffany starts school"
        return owned is not None and (
            owned.group()[:1] in "TtAa" or _A_THING_NEXT.match(text, end) is not None
        )
    if not place:
        return False
    is_a_place = _IS_A_PLACE.match(text, end)
    if is_a_place is not None:
        # "Nike trainers were what he wore"; "Madison is what keeps her going" may be a name
        return not (is_a_place.group("what") and given)
    season = _SEASON_AFTER.match(text, end)
    if season is not None:
        return not (
            _MET_BEFORE.search(text, max(0, start - 8), start)
            or _a_person_next(text, start, season.end())
        )
    region = _REGION_AFTER.match(text, end)
    return region is not None and region.group(1).casefold() in known_terms()


_WHOSE_NEXT = re.compile(r"['’]s\b|,?[ \t]+who\b|,[ \t]+(?:her|his|their|my|our|the|a|an)[ \t]")


#: Just before a name: "in" after someone or something ("her son in Milan", "dying in
#: Sicily", "pt from Oaxaca"), where what follows is the place even before a verb.
_WHERE_THEY_ARE = re.compile(r"\b(?:in|outside|throughout|(?:pt|client|patient)\s+from)\s+\Z", re.I)
#: "in" that ends a clause: "as soon as she came in Madison said", "halfway in Jackson
#: asked", "something in Logan said".
_IN_ENDS_A_CLAUSE = re.compile(
    r"\b(?:came|come|comes|coming|walked|walks|walking|logged|logs|dialled|dialed|joined"
    r"|checked|got|gets|halfway|sat|stepped|popped|dropped|called|rang|phoned|zoomed|went"
    r"|goes|something|someone|deep|all|once|far|settled|tuned|chimed|cut|broke|burst|moved"
    r"|turned|signed|later|then)\s+in\s+\Z",
    re.I,
)


def after_in(text: str, start: int) -> bool:
    """Whether a place's word stands just before ``start`` so that a place's name there
    is the place even before a person's verb: "her son in Milan wants", "pt from Oaxaca
    speaks"; not "as soon as she came in Madison said", "her family from Tyler wants"."""
    before = max(0, start - 40)
    return (
        _WHERE_THEY_ARE.search(text, before, start) is not None
        and IN_A_PLACE.search(text, before, start) is not None  # not "confided in"
        and _IN_ENDS_A_CLAUSE.search(text, before, start) is None
    )


def in_a_place(text: str, start: int, end: int, folded: str, a_name: bool) -> bool:
    """Whether the word at ``text[start:end]`` names where something is, after "in",
    "grew up in", "moved to": "grew up in Regina", and a word that is no one's name
    (``a_name`` false) even before a verb ("the client I saw in Duluth said"); not
    "moved to Storgatan 12B", "conflict in Okonkwo household", "in Okafor's case"."""
    if IN_A_PLACE.search(text, max(0, start - 24), start) is None:
        return False
    if HOUSE_NUMBER_AFTER.match(text, end) is not None:
        return False
    if folded in named_places():  # "her sister in Santiago wants"; not "in Austin's room"
        return PERSON_NEXT.match(text, end) is None or (
            _WHOSE_NEXT.match(text, end) is None and after_in(text, start)
        )
    return (
        not a_name and _WHOSE_NEXT.match(text, end) is None and FAMILY_OF.match(text, end) is None
    )
