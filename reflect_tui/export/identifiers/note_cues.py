"""Where a clinician's note puts a person: shorthand for a client ("pt Okafor", "w/
Okafor", "re: Okafor", "f/u Okafor"), a worry about someone ("worried about Okafor"),
a letter or a thing given ("wrote to Okafor's GP", "gave Okafor the leaflet"), and a
line headed by who it is about ("Okafor: missed again", "- Mensah; low, rang").

:mod:`names` asks about a word no list knows in these places, and a given name that is
also a place or a word ("pt Jordan", "Hope: rang to cancel"). Never before what names a
service or a thing ("spoke with Halaxy support", "re: Ahpra renewal"), nor a heading
that is an abbreviation or a compound word ("Meds:", "Psychoed:", "Telehealth:").
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.person_context import MET_WITH
from reflect_tui.export.identifiers.word_lists import ordinary_words

_SHORTHAND = re.compile(r"(?<![\w/'’])(?:pt:?|cl:|client:|w/|re:|re|f/u|fu)[ \t]+\Z", re.I)
_WORRY_OR_GIVE = re.compile(
    r"\b(?:(?:worry|worried|worrying|concerned|thinking)[ \t]+(?:about|for)|(?P<give>gave"
    r"|give|giving|emailed|sent|showed|offered|handed|lent|promised)|messaged|reassured"
    r"|wrote[ \t]+to|letter[ \t]+to|referred|discharged)[ \t]+\Z",
    re.I,
)
#: What a thing given is: "gave Okafor the leaflet"; not "gave Theraplay a go", nor
#: "emailed Ladbrokes to ask".
_GIVEN_WHAT = re.compile(
    r"[ \t]+(?:the|a|an|my|some|his|her|their|it|back|home)\b"
    r"(?![ \t]+(?:go|try|shot|whirl|chance)\b)"
)
#: A service's or a thing's noun after its name: "Halaxy support", "Ahpra renewal".
_A_SERVICE_NEXT = re.compile(
    r"[ \t]+(?:support|team|service|services|intake|office|trainer|helpline|line|staff"
    r"|workers?|renewal|registration|week|deadlines?|stress|forms?|app|account|portal"
    r"|website|site|login|rep|claim|payments?|invoices?|referral|report|exams?|results"
    r"|scheme|program|programme|group|branch|clinic|hospital|school|unit|ward|people)\b"
)
#: A line's first word, after a bullet: "Okafor", "- Okafor", "2. Okafor".
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–]|\d{1,2}[.)])?[ \t\"“(]*\Z")
#: After a line's heading, what a person did or how they were: "Okafor: missed again",
#: "Mensah; low, rang", "Hope: rang to cancel"; not "Meds: no change".
_HEADING_THEN_PERSON = re.compile(
    r"[ \t]*(?:[:;]|[ \t][-–—])[ \t]+(?:(?:very|much|a[ \t]+bit|quite|really|still|so|more"
    r"|less|not)[ \t]+)*(?:dna|dna'd|did[ \t]+not|didn'?t|no[- ]?show(?:ed)?|missed|cancell?ed"
    r"|rang|called|phoned|texted|emailed|late|seen|came|attended|arrived|disclosed|said|says"
    r"|told|reports?|reported|wants|wanted|asked|better|worse|brighter|tearful|quiet|flat|low"
    r"|agitated|anxious|angry|calmer|settled|engaged|withdrawn|joint"
    r"|couples?|discharged|declined|refused|admitted|relapsed|sober|using|drinking|sleeping"
    r"|crying|cried|laughed|opened|first|second|third|last)\b",
    re.I,
)


def line_start(text: str, start: int) -> bool:
    """Whether ``start`` begins a line's first word, after a bullet ("- Okafor")."""
    return _LINE_START.search(text, max(0, start - 12), start) is not None


def shorthand_before(text: str, start: int) -> bool:
    """A client's shorthand just before: "pt Jordan", "pt: Grace", "w/ Georgia", "re:
    Kenya"."""
    return _SHORTHAND.search(text, max(0, start - 6), start) is not None


def heading(text: str, start: int, end: int, *, a_name: bool = False) -> bool:
    """Whether the word at ``text[start:end]`` heads a line as whom it is about:
    "Okafor: missed again", "- Hope: rang to cancel", "Mensah; low". A word no list
    knows (``a_name`` false) must not read as a compound or an abbreviation."""
    if not line_start(text, start) or _HEADING_THEN_PERSON.match(text, end) is None:
        return False
    folded = text[start:end].casefold()
    return a_name or not (
        _compound(folded) or _abbreviation(folded) or not re.search("[aeiouy]", folded)
    )


def person_before(text: str, start: int, end: int) -> bool:
    """Whether a word no list knows, at ``text[start:end]``, is a person by the words
    before it ("pt Okafor", "worried about Okafor", "gave Okafor the leaflet") or as a
    line's heading ("Okafor: missed again")."""
    if heading(text, start, end):
        return True
    if _A_SERVICE_NEXT.match(text, end) is not None:
        return False  # "Spoke with Halaxy support", "re: Ahpra renewal"
    if shorthand_before(text, start) or MET_WITH.search(text, max(0, start - 20), start):
        return True  # "pt Okafor", "spoke with Okafor"
    before = _WORRY_OR_GIVE.search(text, max(0, start - 24), start)
    if before is None:
        return False
    if before.group("give") is not None:  # "gave Okafor the leaflet", not "gave Calm a try"
        return _GIVEN_WHAT.match(text, end) is not None
    # "worried about Okafor", not a plural thing ("worried about Nitazenes")
    return not text[start:end].endswith("s") or text.startswith("'s", end)


_PREFIXES = frozenset(
    "tele cyber psycho neuro micro macro meta hyper hypo post pre anti multi inter intra "
    "trans para pseudo non co".split()
)


def _compound(folded: str) -> bool:
    """Two ordinary words run together, or a prefix and a word: "homework", "eyeline",
    "telehealth", "psychoeducation"."""
    ordinary = ordinary_words()
    return any(
        ((i > 2 and folded[:i] in ordinary) or folded[:i] in _PREFIXES) and folded[i:] in ordinary
        for i in range(2, len(folded) - 2)
    )


def _abbreviation(folded: str) -> bool:
    """A short word of one vowel whose letters run, in order, through a longer ordinary
    word with the same first letters: "meds" (medications), "obs", "supv", "appts"; or
    a prefix and more ("psychoed"). Not "Patel", "Kaur", "Okafor"."""
    if folded.startswith(tuple(p for p in _PREFIXES if len(p) > 3)):
        return True
    if len(folded) > 5 or sum(c in "aeiouy" for c in folded) > 1:
        return False
    head = folded[:2]
    letters = folded.rstrip("s") or folded
    for word in ordinary_words():
        if len(word) > len(letters) + 1 and word.startswith(head) and _runs_through(letters, word):
            return True
    return False


def _runs_through(letters: str, word: str) -> bool:
    position = 0
    for letter in letters:
        position = word.find(letter, position) + 1
        if position == 0:
            return False
    return True
