"""A people's word, not a person's name: "a Marwari family", "the Karen teenager",
"an Okinawan household". :mod:`names` asks whether a capitalised word before a person's
place is a family's name or the people the family belongs to."""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.person_context import PERSON_PLACE

#: "a Marwari family", "an Okinawan household": a people, not a family's name.
_A_PEOPLES = re.compile(r"\b(?:a|an)\s+\Z", re.I)
_GROUPS = frozenset("family household children kids boys girls siblings parents".split())


def person_place(text: str, start: int, end: int) -> bool:
    """A person's place after a word, but "a Marwari family" is a people's."""
    place = PERSON_PLACE.match(text, end)
    if place is None:
        return False
    return not (
        place.group().lstrip()[:1].isalpha()
        and place.group().split()[0] in _GROUPS
        and _A_PEOPLES.search(text, max(0, start - 4), start) is not None
    )


#: Peoples whose names are given names too: "the Karen family", "a Shona grandmother".
_PEOPLES_ALSO_NAMES = frozenset("karen shona ashanti cherokee dakota cree sami".split())
_THE_OR_A = re.compile(r"(?<![\w'’])(?:[Tt]he|[Aa]n?)[ \t]+\Z")
_A_LOWER_WORD = re.compile(
    r"[ \t]+(?:family|families|community|communities|people|elders|women|men|woman|man"
    r"|refugees|teenagers?|youth|clients?|boys?|girls?|mothers?|fathers?|grandmothers?"
    r"|language|church|village|camp|idioms?|words?|proverbs?|sayings?|songs?|music)\b"
)


def a_people(text: str, start: int, end: int, folded: str) -> bool:
    """Whether the word at ``text[start:end]`` names a people ("the Karen teenager")."""
    return (
        folded in _PEOPLES_ALSO_NAMES
        and _THE_OR_A.search(text, max(0, start - 5), start) is not None
        and _A_LOWER_WORD.match(text, end) is not None
    )
