"""Numbers and dates that are public, not a person's: a holiday's own day written beside
it ("Independence Day on 14 August"), the date of a public event ("the October 7
attack"), a form's or a law's number ("Form I-589", "RA 11036"), a model ("an F-150"),
a helpline's number by its name or a service's free line ("Combat Stress on 0800 138
1619"), a short code to text ("text HOME to 741741")."""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind

_A_YEAR = re.compile(r"(?:19|20)\d\d")

_HOLIDAY = r"(?:St\.?[ \t]+)?(?P<day>[A-Z][a-z]+)(?:['’]s)?[ \t]+Day\b"
_HOLIDAY_BEFORE = re.compile(rf"\b{_HOLIDAY}[ \t,]*(?:(?:is|was|falls|on|the)[ \t]+)*\Z")
_HOLIDAY_AFTER = re.compile(
    rf"[ \t]*[,(–—-]?[ \t]*(?:(?:is|was|the|called|known[ \t]+as)[ \t]+)*{_HOLIDAY}"
)
#: Days that are public holidays' names, with the lists' known terms ("Waitangi").
_HOLIDAY_WORDS = frozenset(
    "independence mother father valentine boxing labour labor memorial veterans remembrance "
    "armistice australia canada invasion anzac waitangi victory republic national children "
    "thanksgiving martin patrick andrew david george columbus presidents juneteenth".split()
)


def _a_holiday(word: str) -> bool:
    from reflect_tui.export.identifiers.word_lists import known_terms

    folded = word.casefold()
    return folded in _HOLIDAY_WORDS or folded in known_terms()


_A_MONTH_WORD = re.compile(r"[A-Za-z]{3}")
#: A form's or a law's number: "Form 1", "RA 11036" (a Philippine Republic Act), "Act No.
#: 4471", "Bill 96".
_FORM_BEFORE = re.compile(r"\b[Ff]orm[ \t]+\Z")
_LAW_BEFORE = re.compile(
    r"\b(?:RA|R\.A\.|Republic[ \t]+Act(?:[ \t]+No\.)?|Act[ \t]+No\.|Bill(?:[ \t]+No\.)?)[ \t]+\Z"
)
#: US immigration and military forms: "the I-485", "his DD-214".
_A_FORM = re.compile(r"(?:I|N|G|DS|AR|DD|SF|VA)-\d{2,4}[A-Z]?")
#: A model after "a", "an" or "the": "an F-150", "a CR-V" (never a plate or an account).
_A_MODEL_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)[ \t]+\Z")
_AN_EVENT = re.compile(
    r"[ \t]+(?:attacks?|bombings?|massacre|earthquake|tsunami|riots?|shooting|floods?|fires"
    r"|uprising|coup|protests?|terror\s+attacks?)\b"
)
#: A helpline's name just before its number: "Kids Helpline 1800 55 1800", "the Crisis
#: Text Line, 741741", "Självmordslinjen 90101", "the Telefonseelsorge line, 0800 111 0
#: 111", "Tele-MANAS, 14416"; not "her landline 9123 4567" or "his mobile line".
_HELPLINES = (
    r"(?i:helpline|hotline|lifeline|crisis\s+line|text\s+line|youthline|childline"
    r"|samaritans|pieta|sadag|papyrus|befrienders|kids\s+help\s+phone|beyond\s+blue"
    r"|trevor\s+project)"
)
_A_HELPLINES_NUMBER = re.compile(rf"{_HELPLINES}\s+\d")
_A_HELPLINES_NAMED = re.compile(rf"\b{_HELPLINES}\b")
_HELPLINE_BEFORE = re.compile(
    rf"(?:\b{_HELPLINES}"
    r"(?:\s+[A-Z][\w-]+){0,3}(?:['’]s)?(?:\s+(?:number|no\.))?"
    r"|[A-Z][\w-]*(?:[Hh]elpline|[Ll]ifeline|[Hh]otline|linjen|linja|seelsorge|MANAS)"
    r")(?:\s+line)?[,:]?\s*(?:is\s+|on\s+|at\s+)?\Z"
)
#: A short code to text: "text HOME to 741741", "text SHOUT to 85258", "text to 1737"; not
#: "text 482913 is her code".
_TEXT_TO = re.compile(r"\b[Tt]ext(?:\s+[A-Z]{2,10}\s+to|\s+[A-Z]{2,10}|\s+to)\s+\Z")
#: What a helpline's number looks like: a short code, or a free or shared-cost line
#: ("116 123", "0800 111 0 111", "1800 55 1800", "13 11 14"), never a mobile's.
_A_HELPLINE_SHAPE = re.compile(
    r"\d{3,6}|(?:0800|0808|0500|0860|0861|1800|1-800|1300|1-8\d\d|8\d\d|116|13)[\d \t-]{3,12}"
)
_TEXT_BEFORE = re.compile(r"\b[Tt]ext[ \t]+\Z")
#: A free line named by an organisation just before it, as a safety plan lists them:
#: "Age UK Advice on 0800 678 1602", "The Trevor Project line at 1-866-488-7386"; never
#: after who rang or whose work it is ("the debt collector rang from 0800 555 0167",
#: "gave the toll-free line at his work", "the payday lender, 0800 555 0114").
_A_FREEPHONE = re.compile(
    r"(?:\+?1[ -])?(?:\(?8(?:00|88|77|66|55|44|33)\)?|0800|0808|0500|1800)[ -]?[\d][\d -]{5,11}\d"
)
_AN_ORG_ON = re.compile(
    r"(?<![\w'’])[A-Z][\w+&'’-]*(?:[ \t]+(?:[A-Z][\w+&'’-]*|de|la|for|of|and)){0,4}"
    r"(?:[ \t]+line)?,?[ \t]+(?:on|at|is[ \t]+on|is)[ \t]+\Z"
)
_A_BUSINESS = re.compile(
    r"\b(?i:work|works|job|employer|boss|company|firm|office|lender|collector|bank|landlord"
    r"|agency|shop|store|business|contact|gave|ring|rang|ringing|call|called|calling|from)\b"
)


def _a_service_before(text: str, start: int) -> bool:
    """A service's name just before a free line, not a person's ("Mateo is on 0800…")."""
    from reflect_tui.export.identifiers.word_lists import fold, given_names

    org = _AN_ORG_ON.search(text, max(0, start - 50), start)
    if org is None or _A_BUSINESS.search(text, max(0, start - 60), start) is not None:
        return False
    words = org.group().split()
    return not (
        fold(words[0]) in given_names()
        and not words[0].isupper()  # "KIRAN is 1800-599-0019": a service's letters
        and words[1] in ("on", "at", "is")
    )


_NOT_A_HELPLINE = re.compile(r"(?i:land|mobile|phone|direct|home|work|cell|her|his)\s*line")
_A_HELPLINE = re.compile(
    r"[ \t]+is[ \t]+(?:the|a|our)[ \t]+(?:[\w-]+[ \t]+){0,2}?"
    r"(?:helpline|hotline|crisis[ \t]+line)\b"
)


def is_public(kind: Kind, text: str, start: int, end: int) -> bool:
    """Whether the ``kind`` match at ``text[start:end]`` is public, so not a finding."""
    if _A_HELPLINE.match(text, end) is not None:
        return True  # "Talian Kasih 15999 is the national helpline"
    if (
        text[start:end].isdigit()
        and 4 <= end - start <= 6
        and (
            _TEXT_TO.search(text, max(0, start - 20), start) is not None
            or (end - start == 5 and _TEXT_BEFORE.search(text, max(0, start - 6), start))
        )
    ):
        return True  # "text HOME to 741741", "Text 50808"; not "text 482913 is her code"
    if (
        text[start:end].isdigit()
        and _TEXT_BEFORE.search(text, max(0, start - 6), start) is not None
        and _A_HELPLINES_NAMED.search(text, max(0, start - 40), start) is not None
    ):
        return True  # "Kids Help Phone, text 686868"
    if _A_FREEPHONE.fullmatch(text, start, end) is not None and _a_service_before(text, start):
        return True  # "Combat Stress on 0800 138 1619", "QLife at 1800 184 527"
    before = _HELPLINE_BEFORE.search(text, max(0, start - 40), start)
    if (
        before is not None
        and _NOT_A_HELPLINE.search(before.group()) is None
        and _A_HELPLINE_SHAPE.fullmatch(text, start, end) is not None
    ):
        return True
    if (
        kind in (Kind.NUMBER, Kind.POSTCODE)
        and sum(c.isdigit() for c in text[start:end]) <= 5
        and _LAW_BEFORE.search(text, max(0, start - 20), start) is not None
    ):
        return True  # "RA 11036"; not "client RA 4471920"
    if kind is Kind.NUMBER:
        return (
            _A_HELPLINES_NUMBER.match(text, start, end) is not None  # "SADAG 0800 567 567"
            or _FORM_BEFORE.search(text, max(0, start - 6), start) is not None
            or (
                end - start <= 6
                and any(c.isalpha() for c in text[start:end])
                and _A_MODEL_BEFORE.search(text, max(0, start - 5), start) is not None
            )
            or _A_FORM.fullmatch(text, start, end) is not None
        )
    if kind is not Kind.DATE:
        return False
    if _AN_EVENT.match(text, end) is not None:
        return True  # "the October 7 attack", "the 2011 Christchurch earthquake"
    if _A_YEAR.search(text, start, end) is not None or not _A_MONTH_WORD.search(text, start, end):
        return False  # "5.3.24" is a day in a year, whatever holiday the next sentence names
    # the holiday's own day, written beside it: "Independence Day on 14 August", "on 26
    # January, Australia Day"; not "her court date is 3 June, the Monday after Father's Day"
    before = _HOLIDAY_BEFORE.search(text, max(0, start - 40), start)
    after = _HOLIDAY_AFTER.match(text, end)
    return any(m is not None and _a_holiday(m.group("day")) for m in (before, after))
