"""Names beside names: once one name of "Madison, Jordan and Tyler" is asked about, the
others of the list are names too, even words that are also places ("Jordan", "Kenya");
a list of given names is asked about when people's doing follows ("Jordan and Kenya
both came"); and a word asked about once is asked about wherever the text has it again
("My client Kerry came in. Kerry lost again on the pokies.").

A word joins a list only when it could be a name on its own evidence: a known given
name (of the places, only those often a name: "Jordan", not "Dublin"), a given name
that is also a word ("Grace"), or a capitalised word no list knows ("Okafor and
Mensah"); after a relation, any capitalised word ("her sons Justice and Legend").
Known terms ("Texas", "Christmas"), ordinary words ("Mum") and days or months never
do, nor the first word of a longer name ("Mateo and Hope Street"), nor a list of places
("lived in Kerry, Clare and Galway", "Mateo, Paris and the Eurostar").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reflect_tui.export.identifiers.name_cues import (
    NEVER_NAMES,
    TITLES,
    WHAT_KIN_ARE_CALLED,
    cue_before,
)
from reflect_tui.export.identifiers.person_context import (
    KIN_WORDS,
    NAMED_THING,
    NAMES_OF_PLACES,
    PERSON_DOING,
    PERSON_NEXT,
    SPOKE_OR_ACTED,
)
from reflect_tui.export.identifiers.word_lists import (
    LETTER,
    base_word,
    fold,
    given_names,
    known_terms,
    name_words,
    ordinary_words,
)

_WORD = rf"[A-ZÀ-ÖØ-ÞĀ-ſ]{LETTER}+(?:['’-]{LETTER}+)*"
#: What stands between two names of a list: "Mateo, Ana", "Mateo and Ana", "Mateo & Ana",
#: "Mateo, and Ana", "Mateo or Ana", "Mateo/Ana".
_JOIN = r"(?:,[ \t]+(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)"
_JOINS = re.compile(_JOIN)
_A_PLACE_NAME = re.compile(
    "|".join(sorted((w.capitalize() for w in NAMES_OF_PLACES), key=len, reverse=True))
)
_CAPITALISED = re.compile(rf"(?<![\w'’-]){_WORD}")
#: Before a list of places: "lived in Kerry, Clare and Galway", "from Paris or Lyon".
_PLACES_BEFORE = re.compile(
    r"\b(?:in|from|to|at|near|around|across|between|via|through|of|visited|visiting)[ \t]+\Z"
)
_THE_THING_NEXT = re.compile(rf"{_JOIN}the[ \t]+[A-Z]")  # "Mateo, Paris and the Eurostar"
_LONGER_NAME = re.compile(r"[ \t]+[A-ZÀ-Þ]")  # "Hope Street", "Taylor Swift"
_BOTH = re.compile(r"[ \t]+(?:both|all|each)\b")
_DID = re.compile(r"[ \t]+(?:were|are)[ \t]+[a-z]+ing\b|[ \t]+(?:DNA|dna)['’]?d\b")


def _a_name(word: str, allowed: frozenset[str], *, after_a_relation: bool = False) -> bool:
    folded = word.casefold()
    if len(word) < 2 or word.isupper() or folded in allowed | NEVER_NAMES | TITLES:
        return False
    if (
        after_a_relation
        and folded not in WHAT_KIN_ARE_CALLED | KIN_WORDS
        and (folded not in known_terms() or fold(word) in given_names())
    ):
        return True  # "her sons Justice and Legend"; not "told Mateo and Dad"
    if folded in name_words():
        return True
    if fold(word) in given_names():  # not "Dublin" of "Kerry and Dublin", a known place
        return folded not in known_terms() or folded in NAMES_OF_PLACES
    parts = [p for p in re.split(r"['’-]", folded) if p]
    return not any(p in ordinary_words() or p in known_terms() for p in parts)


def _lists(text: str) -> list[list[tuple[int, int]]]:
    """Runs of two or more capitalised words joined as a list, each word as its span
    without a possessive ("Tyler's and Jordan's" -> "Tyler", "Jordan")."""
    lists: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    last_end = -1
    for match in _CAPITALISED.finditer(text):
        span = (match.start(), match.start() + len(base_word(match.group())))
        if run and _JOINS.fullmatch(text, last_end, match.start()) is None:
            if len(run) > 1:
                lists.append(run)
            run = []
        run.append(span)
        last_end = match.end()
    if len(run) > 1:
        lists.append(run)
    return lists


def with_list_partners(
    text: str, spans: Iterable[tuple[int, int]], allowed: frozenset[str]
) -> list[tuple[int, int]]:
    """``spans``, the names listed beside them, and each again where the text repeats
    it, in the order of the text."""
    taken = set(spans)
    if not taken and _A_PLACE_NAME.search(text) is None:
        return []  # no name, and no place that is one ("Jordan and Kenya both came")
    if any(mark in text for mark in (",", "&", "/", " and ", " or ")):
        for items in _lists(text):
            _add_partners(text, items, taken, allowed)
    return _everywhere(text, taken, allowed)


def _add_partners(
    text: str, items: list[tuple[int, int]], taken: set[tuple[int, int]], allowed: frozenset[str]
) -> None:
    first, last = items[0], items[-1]
    if _PLACES_BEFORE.search(text, max(0, first[0] - 12), first[0]) is not None:
        return  # "lived in Kerry, Clare and Galway"
    words = [text[s:e] for s, e in items]
    flagged = [any(s < e2 and s2 < e for s2, e2 in taken) for s, e in items]
    if not any(flagged):
        # "Jordan and Kenya both came", "Kenya, Jordan and Paris cried": given names all
        if not all(w.casefold() in NAMES_OF_PLACES for w in words):
            return
        rest = _BOTH.match(text, last[1])
        at = rest.end() if rest else last[1]
        if not any(p.match(text, at) for p in (PERSON_NEXT, SPOKE_OR_ACTED, PERSON_DOING, _DID)):
            return
    known = known_terms()
    if any(
        not done and w.casefold() in known and fold(w) not in given_names()
        for w, done in zip(words, flagged, strict=True)
    ):
        return  # "Mateo, Tusla and Xbox": a list of things with a name in it
    after_a_relation = any(flagged) and cue_before(text, first[0]) is not None
    places_next = _THE_THING_NEXT.match(text, last[1]) is not None
    for (start, end), word, done in zip(items, words, flagged, strict=True):
        if done or _LONGER_NAME.match(text, end) is not None:
            continue  # "Mateo and Hope Street"
        if places_next and word.casefold() in known:
            continue  # "Mateo, Paris and the Eurostar"
        if not any(flagged) or _a_name(word, allowed, after_a_relation=after_a_relation):
            taken.add((start, end))


def _everywhere(
    text: str, taken: set[tuple[int, int]], allowed: frozenset[str]
) -> list[tuple[int, int]]:
    """Each word asked about, also wherever else the text has it."""
    words = {text[s:e] for s, e in taken if " " not in text[s:e]}
    words = {
        w
        for w in words
        if text.count(w) > 1
        and w.casefold() not in allowed
        and w.casefold() not in ordinary_words()  # not "Will it help?" after "Will said"
    }
    for word in words:
        for match in re.finditer(rf"(?<![\w-])(?<!\w['’]){re.escape(word)}(?![\w-])", text):
            if NAMED_THING.match(text, match.end()) is not None:
                continue  # "Trevor Project" beside "under 'Trevor'"
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.add(match.span())
    return sorted(taken)
