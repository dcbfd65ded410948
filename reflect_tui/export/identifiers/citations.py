"""Cited authors: a name in a reflection that is a theorist's, not a client's.

"Janina Fisher's model", "drawing on Diana Fosha", "as Yalom puts it", "Esther Perel on
desire", "Deci and Ryan on autonomy", "Judith Herman" (a known author's first name).
"""

from __future__ import annotations

import functools
import re

from reflect_tui.export.identifiers.person_context import AGE_NEXT, KIN_OF
from reflect_tui.export.identifiers.word_lists import (
    WORD,
    base_word,
    fold,
    given_names,
    known_terms,
    name_key,
    place_words,
    public_names,
)

#: Words after "Name's" that mark a cited author, not a client ("Fisher's model").
#: After "Surname's": words that only a theory or a text has ("Fisher's model"). Plain
#: nouns ("question", "work", "three") are left out: "Mateo's question" is a person's.
_THEORY_NOUNS = (
    r"(?:model|theory|framework|stages|protocol|typology|hierarchy|paradigm|concept"
    r"|construct|taxonomy|formulation|self-esteem\s+scale|schemas?|triangle|research"
    r"|work\s+on|writing\s+on|lens|continuum|principles|notion|idea\s+(?:that|of)"
    r"|framing|textbook)\b"
)
#: After an author's full name and "'s", also what a person has ("Dan Hughes's PACE
#: approach", "Bruce Perry's sequence"; "Mateo's question" is a client's).
_WORK_NOUNS = (
    r"(?:approach|ideas?|line|sequence|process|practice|question|moment|meditation"
    r"|dialogue|method|phrase|term|book|writing|talk|podcast|lecture|chapter|paper|study"
    r"|distinction|quote|cycle|roles|stance|view|critique|tasks|phases|steps|exercise"
    r"|technique|language|metaphors?|growth|loss|memoirs?|words|films?|songs|poems?|poetry"
    r"|novels?|speech(?:es)?|documentary|activism|lyrics|albums?)\b"
)
_THEORY = re.compile(
    rf"(?:'s|’s|')\s+(?:[\w-]+\s+){{0,2}}{_THEORY_NOUNS}"
    # The first of two authors: "Stroebe and Schut's dual process model", "the Clark
    # and Wells model".
    rf"|\s+(?:and|&)\s+[A-Z][\w'’-]+(?:'s|’s|')?\s+(?:[\w-]+\s+){{0,2}}{_THEORY_NOUNS}"
    r"|\s+(?:self-esteem\s+)?(?:scale|inventory|questionnaire)\b"
    r"|(?:\s*,)?\s+(?:and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+)?(?:describes?\s+it"
    r"|puts\s+it|put\s+it|calls?\s+it|writes\s+about|wrote\s+about)\b",
    re.I,
)
_CITED = re.compile(
    r"(?:according to|drawing on|inspired by|quoting|quote from|coined by|developed by|via"
    r"|reading|rereading|re-reading|more of|the writing of"
    r"|the work of|a book by|as)\s+\Z",
    re.I,
)


#: The first of two authors before this one ("Deci and Ryan", "Tedeschi & Calhoun").
_CO_AUTHOR = re.compile(r"[A-Z][\w'’-]+\s+(?:and|&)\s+\Z")
#: After an author's full name: "on" and a topic, or what the author "would say".
_FULL_NAME_CITED = re.compile(
    r"\s+on\s+(?!(?:the|a|an|his|her|their|my|our|its|this|that|it|them|him|me|us|time"
    r"|duty|leave|call|shift|meds|medication|methadone|bail|probation|remand|benefits"
    r"|holiday|board|track|site|edge|hold|and)\b)[a-z]"
    r"|\s+would\s+(?:probably\s+|likely\s+)?(?:say|call|describe|argue|frame|put\s+it|see)\b"
    rf"|(?:'s|’s|')\s+(?:[\w-]+\s+){{0,2}}{_WORK_NOUNS}"
)


#: Up to five words from where a name starts ("Steve de Shazer's", "Linda Tuhiwai Smith").
_WORDS_FROM = re.compile(r"[^\W\d_][\w'’.&-]*(?:[ \t]+[\w'’.&-]+){0,4}")
#: Up to four words just before a name, on its line, the first capitalised ("Te Whare
#: Tapa Whā", "Centros de Integración Juvenil").
_WORDS_BEFORE = re.compile(
    r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]*\.?"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*\.?|and|&|de|la|del|ni|da|do|of|el|los|las)){0,3}[ \t]+\Z"
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])\Z")
_A_WORD_START = re.compile(r"(?<![\w'’.&-])[A-ZÀ-Þ]")


def well_known(text: str, run: tuple[int, int], *, titled: bool = False) -> bool:
    """Whether the name at ``run`` is, as a whole, a well-known person's or a brand's
    ("Daniel Stern", "Steve de Shazer", "Tim Hortons"): "Rose Stern" is not. With
    ``titled``, only with the words before it ("Dr. Seuss", "Kāinga Ora"): a title
    before a name alone still asks about it ("my client Abraham", "Mr Mandela")."""
    before = _WORDS_BEFORE.search(text, max(0, run[0] - 40), run[0])
    if before is not None:
        # each start from the furthest word on: "Durie's Te Whare Tapa Whā" is not one,
        # "Te Whare Tapa Whā" is
        for word in _A_WORD_START.finditer(text, before.start(), run[0]):
            if _whole(text, (word.start(), run[1])):
                return True  # "Kāinga Ora", where only "Ora" was asked about
    return not titled and _whole(text, run)


#: Where a shop named with a possessive is meant: "at Wendy's", "McDonald's is where",
#: "McDonald's was the only job", "his Wendy's shift"; not "Wendy's anxiety".
_AT_A_SHOP = re.compile(r"\b(?:at|from|to|outside|into|in|near|the|a|his|her|their)[ \t]+\Z", re.I)
_A_SHOP_NEXT = re.compile(
    r"[ \t]+(?:(?:is|was)[ \t]+(?:where|the[ \t]+only|what|a|an|his|her|their)\b|(?:shift|shifts"
    r"|drive-?thru|drive-through|job|uniform|burgers?|fries|app|meal|breakfast|coffee|wifi"
    r"|car[ \t]+park|carpark|voucher|vouchers|bag|bags)\b)"
)


def _a_shop(text: str, start: int, name_end: int, end: int) -> bool:
    """Whether the shop named at ``text[start:end]``, its possessive from ``name_end``, is
    meant where it stands: not before a relation ("Wendy's mum")."""
    return (
        _AT_A_SHOP.search(text, max(0, start - 10), start) is not None
        or _A_SHOP_NEXT.match(text, end) is not None
    ) and KIN_OF.match(text, name_end) is None


def _whole(text: str, run: tuple[int, int]) -> bool:
    words = _WORDS_FROM.match(text, run[0])
    if words is None:
        return False
    known, end, parts = public_names(), run[0], []
    for part in re.finditer(r"[^ \t]+", words.group()):
        end = run[0] + part.end()
        word = part.group().rstrip(',.;:!?"”)')
        parts.append(_POSSESSIVE.sub("", word))
        at = run[0] + part.start()
        if end >= run[1] - 1 and (
            name_key(" ".join(parts)) in known
            or (
                name_key(" ".join([*parts[:-1], word])) in known
                and _a_shop(text, run[0], at + len(parts[-1]), at + len(word))
            )
        ):
            return True  # "Tim Hortons"; "McDonald's", its possessive written
    return False


#: A surname in a list of known ones: "Porges, Perry, Levine" (each side a known term).
_LISTED_BEFORE = re.compile(r"([A-Z][\w'’-]+),[ \t]+\Z")
_LISTED_AFTER = re.compile(r",?[ \t]+(?:and[ \t]+|&[ \t]+)?([A-Z][\w'’-]+)")


def _in_a_list_of_known(text: str, run: tuple[int, int], known: frozenset[str]) -> bool:
    before = _LISTED_BEFORE.search(text, max(0, run[0] - 30), run[0])
    after = _LISTED_AFTER.match(text, run[1])
    return (
        before is not None
        and after is not None
        and text[run[1] : run[1] + 1] == ","
        and before.group(1).casefold() in known
        and after.group(1).casefold() in known
    )


#: After "as" and a name, what only an author does: "as Snyder defines it", "as Clance
#: and Imes described it", "as Blackman describes" (not "as Nkechi said").
_AS_AUTHOR_DOES = re.compile(
    r"(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?\s+(?:defines|describes|frames|argues|suggests|proposes"
    r"|writes|notes|theori[sz]es|conceptuali[sz]es|(?:defined|described|framed|put|called"
    r"|named|puts|calls|has|had)\s+it)\b"
)
_AS_BEFORE = re.compile(r"\bas\s+(?:[A-Z][\w'’-]+\s+(?:and|&)\s+)?\Z")
#: "in Shay's sense", "the Husain work": an author's idea or body of work.
_IN_BEFORE = re.compile(r"\bin\s+\Z")
_SENSE = re.compile(r"(?:'s|’s)\s+(?:sense|terms)\b")
_THE_BEFORE = re.compile(r"\bthe\s+\Z")
_WORK = re.compile(r"\s+(?:work|literature|studies|research|tradition|school)\b")
#: An organisation's name, the last word of a run of capitalised words: "the Philippine
#: Overseas Employment Administration".
_BODY = re.compile(
    r"(?:Administration|Agency|Authority|Board|Bureau|Commission|Council|Department"
    r"|Ministry|Office|Service|Services|Association|Foundation|Trust|Institute|Centre"
    r"|Center|Coalition|Alliance|Federation|Network)\Z"
)


_CO_AUTHORS_WORK = re.compile(r"\s+(?:approach|model|method|framework|protocol|theory|scale)\b")


def _cited_by_use(text: str, run: tuple[int, int]) -> bool:
    """Cited by how the sentence uses the name: "as Snyder defines it", "in Shay's
    sense", "the Husain work", "the Horowitz and Taylor approach", or an organisation's
    full name."""
    if _CO_AUTHORS_WORK.match(text, run[1]) and _CO_AUTHOR.search(
        text, max(0, run[0] - 30), run[0]
    ):
        return True
    if _AS_AUTHOR_DOES.match(text, run[1]) and _AS_BEFORE.search(text, max(0, run[0] - 40), run[0]):
        return True
    if _SENSE.match(text, run[1]) and _IN_BEFORE.search(text, max(0, run[0] - 4), run[0]):
        return True
    if _WORK.match(text, run[1]) and _THE_BEFORE.search(text, max(0, run[0] - 5), run[0]):
        return True
    return " " in text[run[0] : run[1]] and _BODY.search(text, run[0], run[1]) is not None


def cited(text: str, run: tuple[int, int]) -> bool:
    """A name cited as an author: "Janina Fisher's model", "drawing on Diana Fosha", "as
    Yalom puts it", or a well-known name. The caller first rules out a name a title or an
    introducer points at ("my client Mateo")."""
    if _THEORY.match(text, run[1]) or well_known(text, run) or _cited_by_use(text, run):
        return True
    if " " not in text[run[0] : run[1]] and _in_a_list_of_known(text, run, known_terms()):
        return True
    full = " " in text[run[0] : run[1]] or _CO_AUTHOR.search(text, max(0, run[0] - 30), run[0])
    if full and _FULL_NAME_CITED.match(text, run[1]):
        return True  # "Esther Perel on desire", "Sue Johnson would call this", "Deci and Ryan on"
    cited = _CITED.search(text, max(0, run[0] - 16), run[0])
    # "as" alone is not a citation ("she left as Nkechi arrived"); "as Yalom puts it" is
    # caught by _THEORY's verbs of citing.
    return cited is not None and cited.group().strip().lower() != "as"


def author_follows(text: str, end: int, known: frozenset[str]) -> bool:
    """Whether a cited author's surname follows ("Judith Herman", "Insoo Kim Berg")."""
    position = end
    places = _given_places()
    for _ in range(3):
        follows = WORD.match(text, position + 1) if text[position : position + 1] == " " else None
        if follows is None:
            return False
        word = base_word(follows.group()).casefold()
        if word in _PARTICLES:  # "Bessel van der Kolk": the surname comes after
            position = follows.end()
            continue
        if not follows.group()[:1].isupper():
            return False
        # a surname the lists know, not a given name of a city's ("Nguyen Van Minh")
        if word in known and fold(word) not in places:
            # not a person of that age: "Rosalind Ward is 70 and says"
            return AGE_NEXT.match(text, follows.end()) is None
        position = follows.end()
    return False


@functools.cache
def _given_places() -> frozenset[str]:
    """Words of a city's name that are given names too ("Minh"): never an author's
    surname."""
    return place_words() & given_names()


_PARTICLES = frozenset("van von der den de da di du le la del della ten ter".split())
