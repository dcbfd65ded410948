"""Identifiers in the forms of more countries, and those only the words around them mark
(addresses are in :mod:`regional_addresses`): PIN and bare postcodes
where the sentence makes them one ("in the 560 076 area", "moved to 7971 now"), phone
numbers of eight to ten digits after a word of calling, plates after a vehicle, dates
without a year ("discharge on 31/07", "march 3rd", "le 8 mai") and ages over 89 a few
words after the person ("her great-aunt in Penang is 104").

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP

_AGE = r"(?:9\d|1[01]\d)"

#: Who an age belongs to, a few words before "is 94".
_ELDER = (
    r"(?:grandmother|grandfather|great-grandmother|great-grandfather|great-aunt|great-uncle"
    r"|gran|granny|grandma|grandpa|grandad|granddad|nan|nana|nanna|nani|nanaji|dadi|dada"
    r"|koro|kuia|abuela|abuelo|lola|lolo|oma|opa|nonna|nonno|bubbe|bubbie|zayde|babcia|gogo"
    r"|ouma|oupa"
    r"|dziadek|babushka|yiayia|pappou|mother|father|mum|mom|dad|aunt|auntie|uncle|husband"
    r"|wife|neighbour|neighbor|person|resident|patient|client|man|woman|lady|gentleman"
    r"|oldest|eldest|elder|officer|widow|widower|veteran|vet|sponsor|referral|admission|gent|pt|male"
    r"|female"
    r"|great-grandmother|great-grandfather|great-grandma|great-grandpa)"
)
#: Relations alone, for an age just after them (not "pt", "vet", "referral").
_RELATION = (
    r"(?:grandmother|grandfather|great-grandmother|great-grandfather|great-aunt|great-uncle"
    r"|gran|granny|grandma|grandpa|grandad|granddad|nan|nana|nanna|nani|mother|father|mum|mom"
    r"|dad|aunt|auntie|uncle|husband|wife|widow|widower|neighbour|neighbor)"
)
#: What a number after "was" measures, when it is not an age.
_MEASURES = (
    r"(?:pressure|rate|score|scores|weight|sats|saturation|oxygen|temperature|temp|iq"
    r"|percentile|attendance|level|levels|glucose|sugar|bmi|pulse|total|result|count"
    r"|reading|heart|bp|hr|mark|marks|grade|average|speed|number|bill|rent|room|bus"
    r"|score's|phq|gad|core|ward|bed|page|item|question|minutes|chapter|percent|sat|fsiq"
    r"|wisc|wais|hb|haemoglobin|hemoglobin|ferritin|a1c|hba1c|mmse|moca|acer|ldl|b12"
    r"|vitamin|flat|house|unit|apartment|(?<!next )door|locker|seat|table|shirt|jersey|cell|badge)"
)
#: Words between "her" and "is 104" that are not a person: a result, a sum of money.
_NOT_KIN = (
    r"(?:systolic|diastolic|creatinine|sodium|potassium|cortisol|egfr|platelets|index"
    r"|composite|fine|debt|balance|budget|target|limit|salary|wage|exam|test|final)"
)
#: A rating's letters and its number, not a plate ("in the car, SUDS 80").
_NOT_A_SCALE = r"(?!(?:SUDS?|PHQ|GAD|BMI|CORE|ORS|SRS|VAS|NRS|HR|BP|CGI|PCL|EPDS)\b)"
_NOT_A_MEASURE = (
    r"(?!\s*(?:%|percent|steps|points|people|words|dollars|euros|pounds|miles|km|kg|kilos"
    r"|lbs|stone|cm|bpm|beats|calories|minutes|mins|hours|days|weeks|months|sessions|times"
    r"|patients|clients|mg|ml|per|out|on|to|\.\d|/))"
)
_MONTHS_ABROAD = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|setiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli"
    r"|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre"
    r"|dicembre|januari|februari|maart|mei|augustus|janeiro|fevereiro|março|maio|junho"
    r"|julho|setembro|outubro|dezembro)"
)
_MONTHS_LOWER = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
#: Words of rating just before "8/10" or "07/10": a score, never a date.
_NOT_RATED = "".join(
    f"(?<!{word} )"
    for word in (
        "it mood sleep pain anxiety energy rated rate rating score scored scoring suds SUDs "
        "SUDS distress urge urges craving level Mood Sleep Pain "
        "Anxiety Energy Score Rated"
    ).split()
)
#: A month of 10 is a rating's ("8/10") unless a word of dates comes before.
_OCTOBER = "|".join(
    f"(?<={word} \\d\\d/)" for word in "on by due for from until since till".split()
)
_CALLING = (
    r"(?:call|calls|called|calling|ring|rang|phone|phoned|mobile|mobil|móvil|movil|handy"
    r"|celular|telefon|telefone|cell|number|no\.|text"
    r"|texts|texted|whatsapp|contact|landline|tel|ph|reach|reached|office|home|work)"
)
_VEHICLE = (
    r"(?:plate|plates|reg|rego|registration|car|van|truck|taxi|cab|matatu|bus|vehicle"
    r"|motorbike|bike|ute|lorry|jeep|suv|boda|tuk-tuk|minibus)"
)


REGIONAL_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    # A relation and the age just after, in a note: "grandad 98, dementia", "nan 93 -
    # lives alone", "her grandmother 91 is her main carer", "nan (94)"; not "mum 95% sure",
    # "dad 92 kg", "pt 98.6", "vet 100, rent 650".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:{_RELATION}){SP}+(?:(?i:aged|age|now){SP}+|\({SP}*)?(?P<id>{_AGE})(?![.,]\d)"
            rf"(?=\s*(?:[,;.)]|[-–—]|(?i:and|with|now|yrs|years?|yo|is|was|has|lives)\b|\Z))"
        ),
        "digit",
    ),
    # "Her great-aunt in Penang is 104", "the grandmother who sponsored them is 93".
    (
        Kind.AGE,
        re.compile(
            # The age within 36 characters, so the scanner's windows round digits see it.
            rf"\b(?i:{_ELDER})(?:-in-law)?\b(?=[^\n]{{0,36}}\b{_AGE}\b)"
            rf"(?:{SP}+(?!(?i:{_MEASURES})\b)[^\s.!?;:]+){{0,6}}?"
            rf"(?:{SP}+(?i:is|was|turned|turns|will{SP}+be)|['’]s|['’]ll{SP}+be)"
            rf"(?:{SP}+(?i:now|nearly|almost|already"
            rf"|about|still))?{SP}+(?P<id>{_AGE})\b{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # Anyone's, in a language the list above lacks: "her kokum is 92", "his bà nội is 104".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:her|his|their|my|our)(?=[^\n]{{0,36}}\b{_AGE}\b)"
            rf"(?:{SP}+(?!(?i:{_MEASURES}|{_NOT_KIN})\b)(?!(?![MFSB]IL\b)[A-Z]{{2,5}}\b)"
            r"[^\s\d.!?;:,]+){1,2}?"
            rf"{SP}+(?i:is|was|turned|turns|will{SP}+be)"
            rf"(?:{SP}+(?i:now|nearly|almost|already|still))?{SP}+(?P<id>{_AGE})\b{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # "in his nineties", "nearly 100", "past a hundred".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:in{SP}+(?:his|her|their|my){SP}+(?:(?:late|early|mid)-?{SP}*)?nineties)\b"
            rf"|\b(?i:nearly|almost|turning|past|over|about{SP}+to{SP}+turn){SP}+"
            rf"(?P<id>100|(?i:a{SP}+hundred))\b{_NOT_A_MEASURE}(?!{SP}*(?:[a-z]+s)\b)"
        ),
        "ninety",
    ),
    # "her grandmother's 100th", "at 93 she has outlived": a birthday, an age at a time.
    (
        Kind.AGE,
        re.compile(
            r"(?<=['’]s )(?:100th|10[1-9]th|9\d(?:th|st|nd|rd))\b"
            rf"|\b(?i:at){SP}+(?P<id>9\d|1[01]\d),?{SP}+(?:she|he|they)\b"
        ),
        "digit",
    ),
    # "in her 90s", "in his early 90's": the nineties in figures.
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:in{SP}+(?:his|her|their|my){SP}+(?:(?:late|early|mid)-?{SP}*)?)90['’]?s\b"
            r"(?!\s+(?:[A-Z&]{2,}|music|phase|songs?|style|playlist|pop|rock|hip-hop|era|fashion"
            r"|tv|films?|shows?|cartoons?|bands?))"
        ),
        "digit",
    ),
    # A holiday and a year name one day: "on Christmas Eve 2022".
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:Christmas{SP}+(?:Eve|Day)|Boxing{SP}+Day|New{SP}+Year['’]s{SP}+(?:Eve|Day)"
            rf"|Thanksgiving|Easter{SP}+(?:Sunday|Monday)|Halloween|Hogmanay|Diwali|Eid"
            rf"|Valentine['’]s{SP}+Day|Mother['’]s{SP}+Day|Father['’]s{SP}+Day|Anzac{SP}+Day)"
            rf",?{SP}+(?:19|20)\d\d\b"
        ),
        "digit",
    ),
    # In the first person, as a client says it: "I am 94", "I'm 91 next week".
    (
        Kind.AGE,
        re.compile(
            rf"\bI(?:{SP}am|['’]m){SP}(?:now{SP}|nearly{SP}|almost{SP})?(?P<id>{_AGE})\b{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # "At 94 he's the oldest", "At 91 she still drives".
    (
        Kind.AGE,
        re.compile(rf"(?:^|(?<=[.!?]{SP}))At{SP}+(?P<id>{_AGE})(?={SP}+(?:he|she|they)\b)"),
        "digit",
    ),
    # Spelled out: "he's ninety-one", "at ninety-three", "Ninety-three, she said".
    (
        Kind.AGE,
        re.compile(
            r"\b(?i:is|was|['’]s|turned|turns|aged|at|age|be)\s+"
            r"(?P<id>(?i:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            r"|(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine"
            r"|ten))?))\b"
            r"(?![- ](?i:percent|per\s+cent|minutes|mins|seconds|miles|km|kilos|pounds|dollars"
            r"|euros|days|people|times|hours|degrees|steps|pages|words|metres|meters|%))"
        ),
        "ninety",
    ),
    (
        Kind.AGE,
        re.compile(
            r"(?:^|(?<=[.!?]\s))(?:Ninety(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
            r"|A\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
            r"(?=,)"
        ),
        "ninety",
    ),
    # A day and a month, both of two digits: "discharge planned for 31/07", "due 19/04";
    # never a rating ("mood 07/10", "rated it 10/10").
    (
        Kind.DATE,
        re.compile(
            rf"(?<![\w/.,:-]){_NOT_RATED}"
            rf"(?P<id>(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[12]|(?:{_OCTOBER})10))"
            r"(?![/\d\w]|\.\d|\s*(?:scale|points|pain))"
        ),
        "digit",
    ),
    # A month in lower case with an ordinal ("march 3rd", "the 3rd of may").
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:{_MONTHS_LOWER}\.?{SP}+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\b"
            rf"|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th){SP}+(?:of{SP}+)?{_MONTHS_LOWER}\b)"
        ),
        "digit",
    ),
    # A day and a month in French, Spanish, German, Italian, Dutch or Portuguese.
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:3[01]|[12]\d|0?[1-9])(?:er)?\.?{SP}+(?:de{SP}+)?(?i:{_MONTHS_ABROAD})\b"
            rf"(?!{SP}+bars?\b)"
        ),
        "digit",
    ),
    # Eight to ten digits in groups after a word of calling: "call him back on 9123
    # 4567", "her mobile, 97400 55521".
    (
        Kind.PHONE,
        re.compile(
            rf"\b(?i:{_CALLING})\b[^\n.!?]{{0,30}}?(?<![\w+.,/-])"
            r"(?P<id>(?=(?:[ -]?\d){8,12}(?![ -]?\d))\d{2,5}(?:[ -]\d{2,5}){1,3})(?![\w-]|\.\d)"
        ),
        "digit",
    ),
    # New Zealand and Australian landlines with the area code hyphened ("09-555 0142"),
    # Indian mobiles written five and five ("97400 55521").
    (
        Kind.PHONE,
        re.compile(r"(?<![\w.,/-])(?:0\d{1,2}-\d{3,4}[ -]?\d{3,4}|[6-9]\d{4} \d{5})(?![\w-]|\.\d)"),
        "digit",
    ),
    # A plate after a vehicle: "the van, JBX 417", "the matatu, KDA 451Q".
    (
        Kind.NUMBER,
        re.compile(
            rf"\b(?i:{_VEHICLE})\b[^\n.!?]{{0,24}}?"
            r"(?P<id>\b[A-Z]{2,3}[ -]?\d{2,4}[A-Z]?\b)"
        ),
        "digit",
    ),
    # A code given as one: "code 00100", "the door code 4471".
    # A code that opens a door or a box: "the door code 4471" (not "Code 90847", a
    # billing code, nor a postcode, which is its own pattern).
    (
        Kind.NUMBER,
        re.compile(
            r"\b(?i:door|gate|access|entry|key|keypad|lock|building|alarm|garage|safe|box)"
            r"\s+(?i:code)\s*:?\s+(?:is\s+)?(?P<id>\d{4,8})\b(?![.,]\d)"
        ),
        "digit",
    ),
    # After moving or living there, four digits that are not a year nor an amount: "he's
    # moved to 5010 to be near his daughter", "the team covers 4470", "only serves 98118".
    (
        Kind.POSTCODE,
        re.compile(
            # not a thing moved to a year ("the trial was moved to 2027")
            r"(?<!was )(?<!were )(?<!been )(?<!be )(?<!is )(?<!got )(?<!being )"
            rf"\b(?i:moved{SP}+(?:(?:out|up|down|over|back|them|her|him|the{SP}+(?:family|kids)){SP}+)?to|moving{SP}+to|relocated{SP}+to"
            rf"|lives{SP}+in|living{SP}+in|residents?{SP}+of"
            rf"|covers|covered|serves|served|serving|covering){SP}+(?:the{SP}+)?"
            # A year only where a person lives or moves, which a year never is: "they've
            # moved to 2031", "lives in 2040" (Sydney's postcodes look like years).
            r"(?P<id>(?:(?<=to )|(?<=in ))\d{4}(?=[ \t]*(?:[,;:!?)]|\.(?!\d)|$"
            r"|[ \t]+(?:and|with|now|to|where|which|because|so|but)\b))"
            r"|(?!(?:19|20)\d\d\b)\d{4,5})\b(?![.,]\d)"
            r"(?!\s*(?:%|percent|mg|mcg|ml|kg|units?|steps|people|patients|clients|families"
            r"|calories|dollars|pounds|euros|words|miles|km|hours|minutes|a\s|an\s|per|of)\b)"
        ),
        "digit",
    ),
    # A bare postcode where only the sentence makes it one: "he's in 7971 now", "from 2770
    # out west", "the 560 076 area"; never a year, a count or a dose.
    (
        Kind.POSTCODE,
        re.compile(
            rf"\b(?i:in|from|to|near|around|into|at){SP}+(?:the{SP}+)?"
            # Not a year; after "at", not a time of day either ("at 1400 and").
            r"(?P<id>(?!(?:19|20)\d\d\b)(?<!t )\d{4}|(?<=t )(?!(?:[01]\d|2[0-3])[0-5]\d\b)"
            r"(?!(?:19|20)\d\d\b)\d{4}|[1-9]\d\d ?\d{2,3}|\d\d-\d{3})"
            r"(?=[ \t]?(?:[,;:!?)]|\.(?!\d)|$)|[ \t](?:now|out|over|with|and|but|since|where|which"
            r"|because|so|area|suburb|side|district|postcode|zone|way|again|these|last|this"
            r"|or|every|each|for|is|was|are|were|goes|go|went|feels|felt"
            r"|nowadays|now|at\s+all|so|near|close|next|off)\b)"
        ),
        "digit",
    ),
    (
        Kind.POSTCODE,
        re.compile(rf"\b(?i:pin(?:{SP}*code)?|pincode){SP}*:?{SP}*(?P<id>[1-9]\d\d ?\d{{3}})\b"),
        "digit",
    ),
    # A licence, account or record number in spaced groups after "no.": "licence no. 12
    # 847 391" (six digits at least).
    (
        Kind.NUMBER,
        re.compile(
            r"\b(?i:no\.|number|num\.?|#)\s*(?P<id>(?=(?:[ -]?\d){6})\d{1,4}(?:[ -]\d{2,4}){1,4})"
            r"(?![\w-]|\.\d)"
        ),
        "digit",
    ),
    # "a 95th", "her 100th": a birthday, not "the 95th percentile".
    (
        Kind.AGE,
        re.compile(
            r"\b(?:a|her|his|their|my)\s+(?P<id>(?:9\d|1[01]\d)(?:st|nd|rd|th))\b"
            r"(?!\s+(?:percentile|centile|place|time|minute|day|week|anniversary|street|st\b))"
        ),
        "digit",
    ),
    # "the grandmother, ninety-three,": a spelled age in apposition.
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:{_ELDER}),{SP}(?P<id>(?i:ninety(?:-(?:one|two|three|four|five|six|seven"
            r"|eight|nine))?|a\s+hundred)),"
        ),
        "ninety",
    ),
    # A spelled age after what a person is or became: "being ninety-five is mostly
    # funerals", "she turned a hundred".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:being|turned|turns|aged){SP}+(?P<id>(?i:ninety(?:[- ](?:one|two|three|four"
            r"|five|six|seven|eight|nine))?|a\s+hundred|one\s+hundred))\b"
        ),
        "ninety",
    ),
    # An age in one word: "a nonagenarian war veteran", "the centenarian on ward 3".
    (
        Kind.AGE,
        re.compile(r"\b(?i:nonagenarian|centenarian|supercentenarian)s?\b"),
        "ninety",
    ),
    # An age after a title and a name or an initial: "Mr. H. is 92", "Mrs Doyle turned 100".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?:Mr|Mrs|Ms|Mx|Dr|Miss|Mme|Herr|Frau)\.?{SP}+[A-Z][\w.'’-]*{SP}+"
            rf"(?i:is|was|turned|turns)(?:{SP}+(?i:now|nearly|almost|just))?{SP}+(?P<id>{_AGE}|100)\b"
            rf"{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
    # An age after "she's" or "he is", with a word of nearness: "She's nearly 97".
    (
        Kind.AGE,
        re.compile(
            rf"\b(?i:he|she|they)(?:['’]s|{SP}+is|{SP}+was|['’]re|{SP}+are){SP}+"
            rf"(?i:nearly|almost|just|now|already|turning|about){SP}+(?P<id>{_AGE})\b{_NOT_A_MEASURE}"
        ),
        "digit",
    ),
)

#: For the patterns of ``cued_patterns``.
AGE = _AGE
NOT_A_MEASURE = _NOT_A_MEASURE
NOT_A_SCALE = _NOT_A_SCALE
