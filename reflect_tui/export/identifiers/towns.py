"""Whether a word before or after a postcode is a town's name, by the place lists:
"Amsterdam 1012", "2196, Sandton"; never "Zoom 1230", "Ward 1234", "2500, Christmas"."""

from __future__ import annotations

from reflect_tui.export.identifiers.word_lists import (
    fold,
    known_terms,
    named_places,
    ordinary_words,
    place_words,
    world_words,
)

#: Known terms that stand before a number and are not places.
_NOT_CITIES = frozenset(
    "zoom teams skype whatsapp facetime signal ward room bed january february march april "
    "may june july august september october november december".split()
)


def a_city(word: str) -> bool:
    """A place's name, or a known term that is not an ordinary word."""
    return _listed(word, (named_places(), place_words(), world_words(), known_terms()))


def a_town(word: str) -> bool:
    """A place's name the place lists know, not a known term or an ordinary word."""
    return _listed(word, (named_places(), place_words(), world_words()))


def _listed(word: str, lists: tuple[frozenset[str], ...]) -> bool:
    folded, lowered = fold(word), word.casefold()
    if lowered in _NOT_CITIES or lowered in ordinary_words():
        return False
    return any(folded in words or lowered in words for words in lists)
