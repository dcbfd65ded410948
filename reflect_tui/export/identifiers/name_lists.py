"""Names in a list: once one name of "Madison, Jordan and Tyler" is asked about, the
others beside it are names too, even words that are also places ("Jordan", "Kenya").

A word joins a list only when it could be a name on its own evidence: a known given
name (of the places, only those often a name: "Jordan", not "Dublin"), a given name
that is also a word ("Grace"), or a capitalised word no list knows
("Okafor and Mensah"). Known terms ("Texas", "Christmas"), ordinary words ("Mum") and
days or months never do, so "Mateo and Mum came" asks about Mateo only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reflect_tui.export.identifiers.name_cues import NEVER_NAMES, TITLES
from reflect_tui.export.identifiers.person_context import NAMES_OF_PLACES
from reflect_tui.export.identifiers.word_lists import (
    base_word,
    fold,
    given_names,
    known_terms,
    name_words,
    ordinary_words,
)

_LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
_WORD = rf"[A-ZÀ-ÖØ-ÞĀ-ſ]{_LETTER}+(?:['’-]{_LETTER}+)*"
#: What stands between two names of a list: "Mateo, Ana", "Mateo and Ana", "Mateo & Ana",
#: "Mateo, and Ana", "Mateo or Ana", "Mateo/Ana".
_JOIN = r"(?:,[ \t]+(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*)"
_NEXT = re.compile(rf"{_JOIN}({_WORD})")
_BEFORE = re.compile(rf"(?<![\w'’-])({_WORD}){_JOIN}\Z")


def _a_name(word: str, allowed: frozenset[str]) -> bool:
    word = base_word(word)
    folded = word.casefold()
    if len(word) < 2 or word.isupper() or folded in allowed | NEVER_NAMES | TITLES:
        return False
    if folded in name_words():
        return True
    if fold(word) in given_names():  # not "Dublin" of "Kerry and Dublin", a known place
        return folded not in known_terms() or folded in NAMES_OF_PLACES
    parts = [p for p in re.split(r"['’-]", folded) if p]
    return not any(p in ordinary_words() or p in known_terms() for p in parts)


def with_list_partners(
    text: str, spans: Iterable[tuple[int, int]], allowed: frozenset[str]
) -> list[tuple[int, int]]:
    """``spans`` and the names listed beside them, in the order of the text."""
    found = sorted(spans)
    if not found or not any(mark in text for mark in (",", "&", "/", " and ", " or ")):
        return found
    taken = set(found)
    todo = list(found)
    while todo:
        start, end = todo.pop()
        after = _NEXT.match(text, end)
        before = _BEFORE.search(text, max(0, start - 40), start)
        for match in (after, before):
            if match is None or not _a_name(match.group(1), allowed):
                continue
            span = (match.start(1), match.start(1) + len(base_word(match.group(1))))
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.add(span)
                todo.append(span)
    return sorted(taken)
