"""Street addresses in the forms of more countries: India ("No. 42, 3rd Cross, 5th
Main"), the Gulf, East and West Africa and the Philippines ("Building 45, Street 230,
Zone 66", "Sitio Malinis, Purok 3"), New Zealand in lower case ("9 tui place"), other
languages' streets ("Váci utca 14", "rue Fleury Est"), post boxes, named houses and an
Irish county with its townlands.

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP
from reflect_tui.export.identifiers.word_lists import ordinary_words

_LOWER_STREET = (
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|place|pl|crescent|cres|close"
    r"|court|ct|terrace|tce|grove|way|boulevard|blvd|parade|pde|highway|hwy|circuit|cct|mews"
    r"|walk|rise|row|gardens|gdns|square|sq|esplanade|quay|wharf|heights)"
)

_STREET_ABROAD = (
    r"(?:rue|calle|avenida|rua|travessa|strada|viale|corso|vicolo|ulica|utca|allée|impasse"
    r"|chemin|carrer|camino|paseo|praça|piazza|plaza)"
)

_PARTICLES = r"(?:(?:de|du|des|la|le|les|del|della|di|da|do|dos|das|l['’]|d['’])\s*)*"

#: One numbered part of an address: "House 23", "Street 230", "4th Avenue", "Sitio Malinis".
_PART = (
    rf"(?:(?i:house|building|bldg|villa|flat|block|street|road|rd|way|zone|avenue|ave|lane"
    rf"|plot|stand|extension|ext|phase|sector|purok|door|unit|apartment|apt)\.?{SP}"
    rf"[A-Z0-9][\w-]{{0,5}}\b|\d{{1,3}}(?:st|nd|rd|th){SP}(?:Avenue|Street|Road|Lane|Cross"
    rf"|Main)\b|(?:Sitio|Barangay|Brgy\.?|Purok){SP}[A-Z0-9][\w-]{{1,14}})"
)

_CROSS = (
    rf"\b\d{{1,3}}(?:st|nd|rd|th)(?:{SP}[A-Z])?{SP}(?:Cross|Main|Block|Stage|Phase|Layout)"
    rf"(?:{SP}(?:Road|Rd))?\b"
)

#: The first syllables of most Irish townlands and villages ("Bally-", "Kil-", "Knock-").
TOWNLAND = (
    r"(?:Bally|Balli|Bal|Kil|Kill|Knock|Clon|Cloon|Carrow|Carrig|Drum|Derry|Glen|Rath|Lis"
    r"|Ard|Gort|Tully|Mulla|Inish|Inch|Bun|Dun|Cor|Lough|Tubber|Tober|Ros|Mona|Shan|Gurteen"
    r"|Cappa|Cahir|Cloch|Coole|Dromo|Ennis|Magher|Mullin|Tempo|Agha|Annagh|Kinna)"
)


ADDRESS_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    # Indian addresses: "No. 42, 3rd Cross, 5th Main", "#218, 17th B Main", "Jayanagar
    # 9th Block", "house no. 12".
    (
        Kind.ADDRESS,
        re.compile(
            # One finding for the whole: "No. 42, 3rd Cross, 5th Main, Indiranagar".
            rf"(?:(?:\bNo\.|(?<![\w&])#){SP}?\d{{1,4}}[A-Z]?,{SP})?{_CROSS}(?:,?{SP}{_CROSS})*"
            rf"(?:,{SP}[A-Z][a-z]{{2,20}}(?:{SP}\d{{1,2}}(?:st|nd|rd|th){SP}(?:Block|Stage|Phase))?)?"
            rf"|\b(?:[A-Z]{{1,2}}-?\d{{1,4}},{SP})?Sector{SP}?-?\d{{1,3}}\b"
        ),
        "digit",
    ),
    (Kind.ADDRESS, re.compile(rf"(?:\bNo\.|(?<![\w&])#){SP}?\d{{1,4}}[A-Z]?(?=,)"), "digit"),
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?i:house|flat|door|plot|h\.){SP}*(?i:no\.?|number|#){SP}*\d{{1,4}}[A-Z]?\b"
        ),
        "digit",
    ),
    # "NE 82nd and Glisan", "SW 8th Street": a directional and a numbered street.
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:N|S|E|W|NE|NW|SE|SW)\.?{SP}+\d{{1,3}}(?:st|nd|rd|th)\b"
            rf"(?:{SP}(?:and|&){SP}[A-Z][\w'’-]{{1,20}})?"
        ),
        "digit",
    ),
    # A house number and a street in lower case: "9 tui place", "31 acacia ave", "12
    # riverside walk"; never a count or a measure before a word of the way ("2 weeks on
    # the road", "a 10 minute walk", "a 5 percent rise": see scanner._plausible_number).
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b\d{{1,5}}[a-z]?(?=[^\n]{{0,30}}?{SP}{_LOWER_STREET}\b){SP}+"
            rf"(?P<street_name>(?:[a-zà-ÿāēīōū'’-]+{SP}+){{0,2}}"
            rf"[a-zà-ÿāēīōū'’-]{{3,}}){SP}+{_LOWER_STREET}\b"
        ),
        "digit",
    ),
    # A street of another language, with its number: "Váci utca 14", "ul. Marszałkowska
    # 84", "Postfach 1234", "Apartado 12".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b[A-ZÀ-Þ][\w'’-]{{1,20}}{SP}+(?:utca|ulica|út|gasse|sokak|sokağı|caddesi|cad\.)"
            rf"{SP}+\d{{1,4}}[a-z]?\b"
            rf"|\bul\.{SP}?[A-ZÀ-ÞŁŚŻŹ][\w'’-]{{1,16}}(?:{SP}[A-ZÀ-ÞŁŚŻŹ][\w'’-]{{1,10}})?{SP}"
            r"\d{1,4}[a-z]?\b"
            rf"|\b(?:Postfach|Apartado|Casilla|Casella{SP}+postale|Bo[iî]te{SP}+postale"
            rf"|Private{SP}+Bag|Locked{SP}+Bag|GPO{SP}+Box){SP}+\d{{1,6}}\b"
        ),
        "digit",
    ),
    # Addresses of numbered parts, as the Gulf, East and West Africa, South Asia and the
    # Philippines write them: "Building 45, Street 230, Zone 66", "House 6, Block 14,
    # Kariobangi North", "stand 4417, Extension 9", "Sitio Malinis, Purok 3"; two parts
    # at least, and not rooms, floors or wards alone (a clinic's "Room 3").
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b{_PART}(?:,{SP}{_PART})+(?:,{SP}[A-Z][a-z]{{2,20}}(?:{SP}[A-Z][a-z]{{2,12}})?)?"
        ),
        "digit",
    ),
    # "Box 412, Stn Main" (Canada), "Mariahilfer Straße 101/14", "Block C, Mowbray Court".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\bBox{SP}\d{{1,6}},{SP}(?:Stn|Station|RPO){SP}[A-Z][\w'’-]{{1,20}}"
            rf"|\b[A-ZÄÖÜ][\wäöüß-]{{1,20}}{SP}(?:Straße|Strasse|Gasse|Weg|Platz|Allee|Ring"
            r"|Damm|Ufer|Straat|Laan|Plein|Gracht|Kade|Vej|Gade|Gatan|Vägen|Veien|Gata)"
            rf"{SP}\d{{1,4}}(?:/\d{{1,4}})?[a-z]?\b"
        ),
        "digit",
    ),
    # A room or a door in a named hall or block: "Room 09-14, Kingfisher Hall", "Block C,
    # Door 12, Mathare North flats".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:Room|Rm|Flat|Unit|Apt|Apartment|Door|Block){SP}[\w-]{{1,6}},{SP}"
            rf"(?:(?:Block|Door|Wing|Floor|Room){SP}[\w-]{{1,4}},{SP})?(?:[A-Z][\w'’-]{{1,10}}{SP}){{1,2}}"
            r"(?:Hall|House|Court|Tower|Towers|Mansions|Flats|flats|Estate|Lodge|Residence"
            r"|Hostel|Building|Apartments|Gardens|Heights|Park|Drive|Road|Street|Close"
            r"|Terrace|Avenue|Lane|Place|Village)\b"
        ),
        "digit",
    ),
    # "3 Station Cottages", "880 Highway 9", "Stand 2231", "Route 9".
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?<![\w.,/-])\d{{1,5}}{SP}(?:[A-Z][\w'’-]{{1,14}}{SP}){{1,2}}(?:Cottages|Villas"
            r"|Buildings|Flats|Farm|Lodge|House|Court|Tower|Towers|Mansions|Heights|Point)\b"
            rf"|(?<![\w.,/-])\d{{1,5}}{SP}(?:State{SP})?(?:Highway|Hwy|Route|Rte|County{SP}Road"
            rf"|Rural{SP}Route|RR)\.?{SP}\d{{1,4}}[A-Z]{{0,2}}\b"
            rf"|\bStand{SP}(?:No\.?{SP}?)?\d{{2,5}}\b"
        ),
        "digit",
    ),
    # A house in a block of an Indian colony: "B-12, Lajpat Nagar".
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?:\b[A-Z]{{1,2}}-?\d{{1,4}},|\bNo\.?{SP}?\d{{1,4}}[A-Z]?,?)"
            rf"{SP}(?:[A-Z][\w'’-]{{1,14}}{SP})?[A-Z][\w'’-]{{1,14}}"
            rf"{SP}(?:Nagar|Vihar|Enclave|Colony|Puram|Bagh|Ganj|Layout|Extension|Estate)\b"
        ),
        "digit",
    ),
    # An Irish county, with the townlands before it: "Cloonagh, Ballinamore, Co. Leitrim".
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?:\b[A-Z][\w'’-]+,{SP}){{0,3}}\bCo\.?{SP}(?:Antrim|Armagh|Carlow|Cavan|Clare"
            r"|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois"
            r"|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo"
            r"|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)\b"
        ),
        "street",
    ),
    # Mail held at a post office (Canada, the US): "General Delivery, La Ronge".
    (
        Kind.ADDRESS,
        re.compile(rf"\bGeneral{SP}Delivery,{SP}[A-Z][\w'’-]+(?:{SP}[A-Z][\w'’-]+)?"),
        "street",
    ),
    # A named house and its street, with no number: "The Old Vicarage, Church Street".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\bThe{SP}[A-Z][\w'’-]+(?:{SP}[A-Z][\w'’-]+)?,{SP}(?:[A-Z][\w'’-]+{SP}){{1,2}}"
            r"(?:Street|Road|Avenue|Lane|Drive|Close|Crescent|Terrace|Grove|Gardens|Mews|Way"
            r"|Boulevard|Parade)\b"
        ),
        "street",
    ),
    # A street of another language without a number, after a word of place: "they live
    # on rue Fleury Est", "at calle de la Paz".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?i:on|at|in|off|near|to|from){SP}+(?P<id>{_STREET_ABROAD}{SP}+{_PARTICLES}"
            rf"[A-ZÀ-Þ][\w'’-]+(?:{SP}+(?:Est|Ouest|Nord|Sud|[A-ZÀ-Þ][\w'’-]+))?)"
        ),
        "street",
    ),
    # Numbered land and rural routes: "erf 552", "plot 44 behind the market", "Lot 7,
    # Highway 16", "Rural Route 2"; not "a lot 7 times".
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?<!\ba{SP})(?<!\bA{SP})\b(?:[Ee]rf|[Pp]lot|Lot|[Ss]tand|Rural{SP}+Route)"
            rf"{SP}+(?:no\.?{SP}*)?\d{{1,5}}[A-Za-z]?\b(?!{SP}*(?:of|out|/|%|times|mins?|minutes"
            r"|secs?|seconds|hours?|hrs?|days?|weeks?|more)\b)"
            rf"(?:,{SP}+(?:Highway|Hwy|Route|Road|Rd){SP}+\d{{1,4}}\b)?"
        ),
        "digit",
    ),
    # A room at a motel or a lodge, as housing vouchers give it: "room 14 at the Sunrise
    # Lodge".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b[Rr]oom{SP}+\d{{1,4}}[A-Za-z]?{SP}+(?:at|of|in){SP}+the{SP}+"
            rf"(?:[A-Z][\w'’-]+{SP}+){{1,3}}(?:Motel|Hotel|Inn|Lodge|Hostel|Suites|Motor{SP}+Inn)\b"
        ),
        "digit",
    ),
    # A Norwegian or Swedish street in lower case with its number: "Thereses gate 14B".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b[A-ZÆØÅÄÖ][\wæøåäö'’-]+{SP}+(?:gate|gata|gatan|vei|veien|vej|vägen){SP}+\d{{1,4}}[A-Za-z]?\b"
        ),
        "digit",
    ),
    # Irish townlands, two at once: "at Kilbride, Ballinasloe", "in Cloonagh, Ballymote".
    (
        Kind.ADDRESS,
        re.compile(rf"\b{TOWNLAND}[a-záéíóú]{{2,}},{SP}+{TOWNLAND}[a-záéíóú]{{2,}}\b"),
        "street",
    ),
    # A house number and words with capitals where a home is meant, whatever the street
    # is called: "go home to 47 Railway Cuttings", "lives at 3 The Orchard, Ballinteer".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?i:home{SP}+to|lives{SP}+at|live{SP}+at|living{SP}+at|lived{SP}+at|address{SP}+is"
            rf"|staying{SP}+at|sold|bought){SP}+"
            rf"(?P<id>\d{{1,4}}[A-Za-z]?{SP}+(?:The{SP}+)?[A-Z][a-z'’-]+(?:{SP}+[A-Z][a-z'’-]+){{0,2}}"
            rf"(?:,{SP}+[A-Z][a-z'’-]+)?)"
        ),
        "digit",
    ),
    # A box or a rural delivery route alone: "send it to Box 86", "out on RD 3".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?i:to|at|c/o|on){SP}+(?P<id>Box{SP}+\d{{1,5}}|RD{SP}+\d{{1,3}}|RR{SP}+\d{{1,3}})\b"
        ),
        "digit",
    ),
    # A townland with a road: "past Ballymore Cross, Kilcullen Road".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b{TOWNLAND}[a-záéíóú]{{2,}}(?:{SP}+(?:Cross|Bridge|Upper|Lower|North|South))?,"
            rf"{SP}+[A-Z][a-z]+{SP}+(?:Road|Lane|Street)\b"
        ),
        "street",
    ),
    # A rural route and its box, a named cottage and its road: "Route 2, Box 18", "Ward
    # Cottage, Ballymena Road".
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:Route|RR|Rural{SP}+Route){SP}+\d{{1,4}},{SP}+Box{SP}+\d{{1,5}}\b"
            rf"|\b[A-Z][a-z]+{SP}+(?:Farm|Cottage|Ranch|Station|Croft),{SP}+(?:Route|RR|RD|Highway)"
            rf"{SP}+\d{{1,4}}\b"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:The{SP}+)?[A-Z][a-z]+{SP}+(?:Cottage|Farm|Barn|Mill|Villa|Bungalow|Cabin|Croft)"
            rf",{SP}+[A-Z][a-z]+{SP}+(?:Road|Lane|Street|Avenue|Drive)\b"
        ),
        "street",
    ),
    # Four digits after a city of Australia, New Zealand or South Africa or the country's
    # letters: "Auckland 1025", "NZ 6011"; not a year.
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?:NZ|AU|ZA|Auckland|Wellington|Christchurch|Dunedin|Tauranga|Sydney|Melbourne"
            rf"|Brisbane|Perth|Adelaide|Hobart|Canberra|Johannesburg|Durban|Pretoria),?{SP}+"
            r"(?P<id>(?!(?:19|20)\d\d\b)\d{4})\b(?![.,:/-]\d)"
        ),
        "digit",
    ),
    # Malaysian and Indonesian streets, the type first ("12 Jalan Bukit Bintang"), and a
    # unit of a Singapore block ("#08-112").
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b\d{{1,4}}[A-Z]?,?{SP}+(?:Jalan|Jln\.?|Lorong|Lrg\.?|Persiaran|Lebuh)"
            rf"{SP}+[A-Z][\w'’-]+(?:{SP}+[A-Z][\w'’-]+){{0,2}}"
            rf"|(?<![\w#])#\d{{2}}-\d{{2,4}}\b"
        ),
        "digit",
    ),
)


#: Words that make a number and a word of the way a count or a measure, not a house:
#: "2 weeks on the road", "a 10 minute walk", "3 more steps down the row".
_NOT_A_STREET = frozenset(
    """the a an on of in to at up down from into onto off over under out this that my his
    her their our your its and or but for with by per more less than times steps step
    minutes minute mins min hours hour hrs hr days day weeks week wks wk months month
    years year yrs miles mile km kms metres meters metre meter yards yard feet foot blocks
    block doors door houses house percent point points star bed beds bedroom storey story
    lane lanes seater course hole round sided wheel mg ml kg family children kids people
    session sessions very really quite so too pretty fairly most all some other each every
    different separate""".split()
)


#: Where an address is written, before a street named with ordinary words ("lives at 31
#: acacia ave", "= 31 acacia ave", "ref says 12 riverside walk") or after it ("5 hawthorn
#: rise = last place he felt safe").
_ADDRESS_BEFORE = re.compile(
    r"(?:\b(?:at|lives?|living|lived|moved[ \t]+to|moving[ \t]+to|move[ \t]+to|address(?:[ \t]+is)?"
    r"|addr|hv|visit[ \t]+to|stays?|staying|says|said|gave[ \t]+[a-z]+|given|to|from|is|was)"
    r"|[=:(])[ \t]*\Z"
)
_ADDRESS_AFTER = re.compile(r"[ \t]*[=(]")


def a_street(text: str, match: re.Match[str]) -> bool:
    """A house number and a street in lower case: "9 tui place" always; a street named
    with ordinary words ("31 acacia ave") only where an address is written, and never a
    count or a measure ("2 weeks on the road", "her 2 boys drive her mad")."""
    words = (match.group("street_name") or "").casefold().split()
    ordinary = ordinary_words()
    if words[-1] not in ordinary:
        return True
    if any(word in _NOT_A_STREET for word in words):
        return False
    if words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is")):
        return False  # "2 sisters close by", "4 nights street homeless"
    return (
        _ADDRESS_BEFORE.search(text, max(0, match.start() - 30), match.start()) is not None
        or _ADDRESS_AFTER.match(text, match.end()) is not None
    )
