"""The patterns of every identifier kind, shaped so that ordinary clinical prose passes."""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind

# --- the patterns ---------------------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
TLDS = (
    r"(?:com|org|net|edu|gov|mil|info|biz|io|app|dev|health|ca|au|nz|ie|de|fr|nl"
    r"|co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk)"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
#: Spaces or tabs, not a line break: a date never runs across lines.
SP = r"[^\S\n]"
#: Not part of a longer number, a decimal, a version or a money amount.
_NO_NUM_BEFORE = r"(?<![\d$£€¥.,/-])"

# Each pattern's finding is its named group ``id`` if it has one, else the whole match.
# Overlaps are resolved by _resolve(), so the order here is for readability only.
#: (kind, pattern, what the text must contain for the pattern to be worth running)
PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    (
        Kind.EMAIL,
        re.compile(r"(?<![\w.+%-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
        "at",
    ),
    (
        Kind.URL,
        re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.I),
        "scheme",
    ),
    # Bare domains with a common top-level domain: "clinicportal.com/intake". Lower-case
    # only, so "the end.It was" (a missing space) is not a web address.
    (
        Kind.URL,
        re.compile(
            rf"(?<![\w@.-])(?:[A-Za-z0-9-]+\.)+{TLDS}(?![\w-]|\.\w)(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
        ),
        "tld",
    ),
    (Kind.IP, re.compile(rf"(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?!\d|\.\d)"), "digit"),
    # Full or "::"-compressed IPv6; never matches times such as 10:30:15.
    (
        Kind.IP,
        re.compile(
            r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            r"|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![\w:])"
        ),
        "ipv6",
    ),
    # Dates more precise than a year: 2024-03-05, 05/03/2024, 5.3.24, March 5, 5 March 2024,
    # March 2024. A bare "3/14" is left alone: it reads the same as "24/7" or "50/50".
    # A day, a month's abbreviation and a year joined by hyphens: "28-Feb-1990".
    (
        Kind.DATE,
        re.compile(
            rf"\b{_DAY_NUM}-(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)-(?:{_YEAR}|\d\d)\b"
        ),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(rf"{_NO_NUM_BEFORE}{_YEAR}([-/.]){_MONTH_NUM}\1{_DAY_NUM}(?!\d)"),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(rf"{_NO_NUM_BEFORE}{_DAY_NUM}([/.-]){_DAY_NUM}\1(?:{_YEAR}|\d\d)(?!\d|[/.-]\d)"),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:{_MONTHS}{SP}+{_DAY}(?:,?{SP}+{_YEAR})?(?![\d:]|{SP}*(?:%|[ap]\.?m\b|h\b|hours?\b"
            rf"|hrs?\b|min|minutes?\b|years?\b|days?\b|weeks?\b|sessions?\b|times\b))"
            rf"|{_MONTHS},?{SP}+{_YEAR}"
            rf"|{_DAY}{SP}+(?:of{SP}+)?{_MONTHS}(?:,?{SP}+{_YEAR})?)(?!\w)"
        ),
        "digit",
    ),
    # Phone numbers: international, a bracketed area code, and common national shapes.
    (Kind.PHONE, re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w(])\(\d{2,5}\) ?\d{3,4}[ .-]?\d{3,4}(?!\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])\d{3}([ .-])\d{3}\1\d{4}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d{2,4}[ -]\d{6,8}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d{2,4}\.\d{3,4}\.\d{3,4}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d(?:[ .]\d\d){4}(?![\w-]|\.\d)"), "digit"),
    # Long digit runs: record, insurance, policy numbers (also inside "A1234567"), and
    # US social security numbers.
    (Kind.NUMBER, re.compile(r"(?<![\w$£€¥,.])[A-Za-z]*\d{6,}[A-Za-z\d]*(?![,.]\d)"), "digit"),
    (Kind.NUMBER, re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])"), "digit"),
    # Postal codes: ZIP+4, a US state or the word zip/postcode before five digits, and
    # UK and Canadian postcodes (capitals only, as they are written on envelopes).
    (Kind.POSTCODE, re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])"), "digit"),
    (
        Kind.POSTCODE,
        re.compile(
            r"(?:\b(?P<state>[A-Z]{2}),? +|\b(?:[Zz]ip|ZIP|[Pp]ost ?code|[Pp]ostal code)"
            r"(?: code)? *:? *)(?P<id>\d{5})(?![\d-])"
        ),
        "digit",
    ),
    (Kind.POSTCODE, re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"), "digit"),
    (Kind.POSTCODE, re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"), "digit"),
    # Irish Eircodes: a routing key and a unique identifier ("D02 X285").
    (Kind.POSTCODE, re.compile(r"\b[AC-FHKNPRTV-Y]\d[\dW] ?[AC-FHKNPRTV-Y\d]{4}\b"), "digit"),
    # A bare five-digit ZIP where the words make it a place: "moved to 60614", "lives in
    # 10027", "the 10027 area"; never "scored 14 of 27" or "12500 steps".
    (
        Kind.POSTCODE,
        re.compile(
            r"\b(?:mov(?:ed|ing|es?)|relocat\w*|lives?|living|li[vf]ed|grew up|raised|based"
            r"|stays?|staying|from|near|around)\s+(?:to|in|near|around|out to|from)?\s*"
            r"(?:the\s+)?(?P<id>\d{5})(?!\d|[,.-]\d|\s*(?:steps|points|dollars|people|miles|km))",
            re.I,
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(r"(?<![\w$£€.,-])(?P<id>\d{5})\s+(?:area|neighbou?rhood|district)\b", re.I),
        "digit",
    ),
    # Street addresses: a number, capitalised street words and a street type ("14 Elm
    # Road", "221B Baker St", "7/12 Ocean Parade"); flats and apartments; PO boxes.
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?<![\w.,/-])\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?)?,?{SP}+"
            # Street words hold no digit: "6 of Q3. St Patrick's Day" is not an address.
            # or an ordinal: "450 West 58th Street".
            rf"(?:(?:[A-Z][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*|of|the|de|la|du|des"
            rf"|\d{{1,3}}(?:st|nd|rd|th)){SP}+){{1,4}}"
            r"(?:(?:Street|Road|Avenue|Lane|Drive|Court|Place|Boulevard|Way|Close|Crescent"
            r"|Terrace|Square|Parade|Grove|Gardens|Row|Hill|Highway|Parkway|Circle|Trail|Mews"
            r"|Walk|Green|Rise|Quay|Wharf|Esplanade|Park|View|Heights|Estate|Line|Concession"
            r"|Sideroad|Concourse|Broadway|Expressway|Turnpike|Pike|Loop|Crossing|Commons|Alley"
            r"|Causeway|Boardwalk|Promenade|Plaza|Ridge|Cove|Bend|Landing)\b"
            r"|(?:St|Rd|Ave|Av|Ln|Dr|Ct|Pl|Blvd|Cl|Cres|Tce|Sq|Pde|Gdns|Hwy|Pkwy"
            r"|Cir)\b\.?)"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:[Ff]lat|[Aa]partment|[Aa]pt\.?|[Ss]uite|[Uu]nit)(?:{SP}+(?:no\.?|number))?"
            rf"{SP}*#?{SP}*\d{{1,4}}[A-Za-z]?\b(?!{SP}*(?:of|out of|/)\b)"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            r"\b(?:Rue|Avenue|Boulevard|Bd|Chemin|Allée|Impasse|Quai|Via|Viale|Piazza|Corso"
            r"|Vicolo|Calle|Avenida|Av\.|Plaza|Paseo|Carrer|Rua|Praça|Travessa|Largo)"
            # Each particle ends at a space or an apostrophe, so "della" is never read
            # as "del" + "la" (that choice made the pattern exponential).
            rf"{SP}+(?:(?:de|del|della|delle|dei|di|da|do|dos|das|la|le|les|des|du|el)"
            rf"{SP}+|[dl]['’]){{0,4}}[A-ZÀ-Ý][\w'’-]*(?:{SP}+[A-ZÀ-Ý][\w'’-]*){{0,3}},?{SP}+"
            rf"(?:n[º°o]\.?{SP}*)?"
            r"\d{1,4}[a-z]?\b"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            r"\b[A-ZÄÖÜ][\wäöüß-]{0,40}?(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm"
            rf"|ufer|straat|laan|plein|gracht|kade|vej|gade|gatan|vägen|veien|gata){SP}*\d{{1,4}}"
            r"[a-z]?\b"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(rf"\b(?:P\.?{SP}?O\.?|Post{SP}+Office){SP}+Box{SP}+\d+\b", re.I),
        "digit",
    ),
    # Grouped numbers: cards, accounts, NHS and record numbers ("4417 8820 1193"), plates
    # ("AB12 CDE"), and serials that mix letters and digits ("SN-4471-KX").
    (Kind.NUMBER, re.compile(r"(?<![\w.,:/-])\d{3,4}(?:[ -]\d{3,4}){2,}(?![\w.:/-]|,\d)"), "digit"),
    (Kind.NUMBER, re.compile(r"\b[A-Z]{2}\d{2}[ -]?[A-Z]{3}\b"), "digit"),
    (
        Kind.NUMBER,
        re.compile(
            r"\b(?=[A-Z\d-]{0,30}\d{3})(?=[A-Z\d-]{0,30}[A-Z])[A-Z\d]{2,}(?:-[A-Z\d]{2,}){1,3}\b"
        ),
        "digit",
    ),
    # More shapes of account, device and reference numbers: letters and digits mixed
    # ("7ABC123", "A4471BC", "C02XK1JHJGH5", a VIN), digit groups with hyphens or spaces
    # ("4471-2290-33", "00471-882"), references with a slash ("22/04471"), MAC
    # addresses, UK National Insurance numbers, and runs of short capital-and-digit
    # groups ("XJH 448 210 93", "1Z 999 AA1 01 2345 6784").
    (
        Kind.NUMBER,
        re.compile(
            # not a brand's word and number ("Bet365", "Covid19")
            r"\b(?![A-Z][a-z]{2,}\d{1,3}\b)"
            r"(?=[A-Za-z\d]*\d[A-Za-z\d]*\d[A-Za-z\d]*\d)(?=[A-Za-z\d]*[A-Za-z])[A-Za-z\d]{6,}\b"
        ),
        "digit",
    ),
    (
        Kind.NUMBER,
        re.compile(
            r"(?<![\w.,:/-])(?!\d{5}-\d{4}(?![\w-]))(?=[\d-]{0,30}\d{3})"
            r"(?P<hyphened>\d{2,6}(?:-\d{2,6}){1,4})(?![\w.:/]|-\d)"
        ),
        "digit",
    ),
    (Kind.NUMBER, re.compile(r"(?<![\w./])\d{2,4}/\d{4,}(?![\w/])"), "digit"),
    (Kind.NUMBER, re.compile(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b"), "digit"),
    (
        Kind.NUMBER,
        re.compile(rf"\b[A-Z]{{2}}{SP}?\d{{2}}{SP}?\d{{2}}{SP}?\d{{2}}{SP}?[A-D]\b"),
        "digit",
    ),
    (
        Kind.NUMBER,
        re.compile(rf"\b(?P<grouped>[A-Z\d]{{1,5}}(?:{SP}[A-Z\d]{{1,5}}){{2,}})\b"),
        "digit",
    ),
    # Codes of capitals and digits joined by hyphens or slashes ("B-MK 4521", "34-XKL-7",
    # "E-20931", "2024/CP/01183"); never a test's name ("PHQ-9", "COVID-19", "DASS-21").
    (
        Kind.NUMBER,
        re.compile(
            r"(?<![\w/-])(?P<coded>[A-Z\d]{1,6}(?:[-/][A-Z\d]{1,6}){1,5}(?: [A-Z\d]{2,6})?)"
            r"\b(?![-/]\w)"
        ),
        "digit",
    ),
    # Digit groups with one long group ("2123 45670 1"), a French social security number.
    (
        Kind.NUMBER,
        re.compile(r"(?<![\w.,:/-])(?P<spaced>\d{1,5}(?: \d{1,5}){2,})(?![\w.:/-]|,\d)"),
        "digit",
    ),
    (
        Kind.NUMBER,
        re.compile(rf"\b[12]{SP}?\d\d{SP}?\d\d{SP}?\d\d{SP}?\d{{3}}{SP}?\d{{3}}(?:{SP}?\d\d)?\b"),
        "digit",
    ),
    # Swedish mobiles: "070-555 12 34".
    (Kind.PHONE, re.compile(r"(?<![\d-])07\d-\d{3}[ ]\d{2}[ ]\d{2}(?![\d-])"), "digit"),
    # Spanish and similar mobiles written 3-2-2-2 ("655 92 18 40").
    (Kind.PHONE, re.compile(r"(?<![\w.-])[6-9]\d\d \d\d \d\d \d\d(?![\w-]|\.\d)"), "digit"),
    # An exact time beside a day and month ("4pm on 17/09", "16:45 on 27/02").
    (
        Kind.DATE,
        re.compile(
            rf"\b\d{{1,2}}(?:[:.]\d\d)?{SP}?(?:[ap]\.?m\.?)?{SP}+on{SP}+{_DAY_NUM}/{_MONTH_NUM}\b(?!/)"
        ),
        "digit",
    ),
    # Ages over 89 (HIPAA's Safe Harbor): "a 93-year-old", "aged 91", "age 104".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?:(?i:aged?|age{SP}+of){SP}+(?P<id>9\d|1[01]\d)\b(?!{SP}*(?:%|percent))"
            rf"|(?P<n>9\d|1[01]\d)(?:{SP}*|-)(?:years?|yrs?)(?:{SP}*|-)(?:old\b|of{SP}+age\b)"
            rf"|\b(?i:turn(?:ed|s|ing)?){SP}+(?:9\d|1[01]\d)\b"
            rf"|\b(?:9\d|1[01]\d)(?:st|nd|rd|th){SP}+birthday\b"
            rf"|(?:^|(?<=[.!?]{SP}))At{SP}+(?:9\d|1[01]\d)(?=,)"
            rf"|\b(?i:who|she|he|they|mother|father|mum|mom|dad|grandmother|grandfather|gran"
            rf"|grandma|grandpa|aunt|uncle|relative|neighbour|neighbor|husband|wife|partner"
            rf"|sister|brother|nan|nana|nanna|granny|grandad|granddad|abuela|abuelo|oma|opa)"
            rf"(?:{SP}+(?:is|was|are|were)|'s|’s){SP}+(?:now{SP}+)?"
            rf"(?:9\d|1[01]\d)\b(?!{SP}*(?:%|percent|minutes|mg|kg|points|steps))"
            rf"|\b(?:painting|working|living|still|even){SP}+at{SP}+(?:9\d|1[01]\d)\b(?!{SP}*%)"
            rf"|\bat{SP}+the{SP}+age{SP}+of{SP}+(?:9\d|1[01]\d)\b"
            rf"|\b(?:man|woman|gentleman|lady|widow|widower|veteran){SP}+of{SP}+(?:9\d|1[01]\d)\b)"
        ),
        "digit",
    ),
    # Spelled-out ages over 89 ("ninety-three", "a hundred and two").
    (
        Kind.AGE,
        re.compile(
            r"\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            r"|(?:a|one) hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
            r"(?:[- ]years?[- ]old\b|\b(?= (?:means|this|next|last|now|and|but))"
            r"|(?:(?<=is )|(?<=was )|(?<='s )|(?<=’s ))(?:ninety|one hundred)\S*\b)",
            re.I,
        ),
        "ninety",
    ),
    # US numbers with the country's 1 in front: "1-202-555-0134", "1 (202) 555 0134".
    (Kind.PHONE, re.compile(r"(?<![\w+-])1[-. ]\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?![\w-])"), "digit"),
    # More postal codes: after the word itself ("postcode 2010", "ZIP is 98103", "as
    # his zip"), a place's five digits after in/near/at ("in 75011"), Dutch ("1012 JS").
    (
        Kind.POSTCODE,
        re.compile(
            r"\b(?:zip|postcode|post code|postal code|zip code|code postal|CAP|PLZ)"
            r"(?:\s+(?:is|was|of|code))?\s*:?\s*(?P<id>\d{4,5})(?!\d|[,.]\d)",
            re.I,
        ),
        "digit",
    ),
    # Four or five digits within a few words of "ZIP" or "postcode", either side ("the
    # 60647 ZIP code", "the postcode on his forms is 10115", "ZIP, 02139").
    (
        Kind.POSTCODE,
        re.compile(
            r"(?<![\w$£€.,-])(?P<id>(?!(?:19|20)\d\d(?!\d))\d{4,5})(?!\d|[,.:/-]\d)"
            r"(?!\s*(?:steps|people|dollars|euros|pounds|minutes|hours|days|years|miles|km))"
            r"(?=(?:\W+\w+){0,3}?\W+"
            r"(?:zip|postcode|post code|postal code)\b)",
            re.I,
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(
            r"\b(?:zip|postcode|post code|postal code)\b(?:\W+\w+){0,6}?\W+"
            r"(?P<id>(?!(?:19|20)\d\d(?!\d))\d{4,5})(?!\d|[,.:/-]\d)"
            r"(?!\s*(?:steps|people|dollars|minutes|years))",
            re.I,
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(
            r"\b(?:in|near|at|around|to|from|back to)\s+(?P<id>\d{5})(?!\d|[,.:/-]\d)"
            r"(?!\s*(?:steps|points|people|words|dollars|euros|pounds|miles|km|calories"
            r"|minutes|hours|days|sessions|times|patients|clients|users|members|a\b|per\b))",
            re.I,
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(
            r"(?<![\w./-])\d{4} ?(?!(?:IU|MG|ML|KG|CM|MM|AM|PM|KM|BC|AD|CE)\b)[A-Z]{2}\b(?! ?\d)"
        ),
        "digit",
    ),
    # Addresses in other shapes: "305 W. 112th St" (a direction and an ordinal), a
    # number before a French or Italian street ("18 rue du Château"), rural routes and
    # GPO boxes.
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?<![\w.,/-])\d{{1,5}}{SP}+(?:[NSEW]\.?{SP}+)?\d{{1,4}}(?:st|nd|rd|th){SP}+"
            r"(?:Street|St|Avenue|Ave|Road|Rd|Place|Pl|Drive|Dr)\b\.?"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            rf"(?<![\w.,/-])\d{{1,4}}[a-z]?,?{SP}+(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Vv]ia|[Pp]lace)"
            rf"{SP}+(?:(?:de|du|des|la|le|les|del|della|di){SP}+){{0,4}}(?:d'|l')?[A-ZÀ-Ý][\w'’-]*"
        ),
        "digit",
    ),
    (
        Kind.ADDRESS,
        re.compile(
            rf"\b(?:GPO|RR|R\.R\.|HC|PSC|Rural{SP}+Route{SP}+\d+,?){SP}*\d*,?{SP}*"
            rf"(?:Site{SP}+\d+,?{SP}*)?Box{SP}+\d+[A-Z]?\b"
            rf"|\b(?:RMB|RSD|CMB|Roadside{SP}+Mail{SP}+Bag){SP}+\d+\b"
            # the other way round: "Box 221, Site 4, RR 2"
            rf"|\bBox{SP}+\d+[A-Z]?,?{SP}*(?:Site{SP}+\d+,?{SP}*)?(?:RR|R\.R\.){SP}*\d+\b",
            re.I,
        ),
        "digit",
    ),
)

#: Two-letter capitals before five digits that are not US states ("MD" or "PA" are).
NOT_STATES = frozenset({"ID", "IQ", "OK", "MR", "NO", "SO", "TO", "IN", "ON", "AT", "AS"})

#: When two findings overlap, the kind earlier in this list wins at equal length.
PRIORITY = {kind: rank for rank, kind in enumerate(Kind)}

EXCERPT_CONTEXT = 30
