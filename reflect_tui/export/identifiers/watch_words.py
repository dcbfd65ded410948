"""The clinician's watch list as one pattern: whole words, case and accents folded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reflect_tui.core.records import normalise_watch_word

# --- watch words ----------------------------------------------------------------------


def _fold_char(char: str) -> str:
    """Lower-case, accent-free form of one character, always one character long."""
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char


def fold(text: str) -> str:
    """Fold case and accents without changing length, so spans stay valid."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


@dataclass(frozen=True)
class WatchList:
    """The watch words as one pattern, and the first word of each for a quick test."""

    pattern: re.Pattern[str]
    starts: tuple[str, ...]


def compile_watch_words(watch_words: Iterable[str]) -> WatchList | None:
    """One pattern matching any watch word as a whole word, ignoring case and accents."""
    # Folding can leave only spaces (a lone accent such as "´"): such a word matches
    # nothing, and must not become an empty alternative that matches everywhere.
    folded = (normalise_watch_word(fold(word)) for word in watch_words)
    words = sorted({word for word in folded if word}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    # No lookbehind here: without one, the regex engine can skip ahead to the first
    # letters of the words. watch_spans checks the start of each match instead.
    pattern = re.compile(rf"(?:{alternatives})(?!\w)")
    return WatchList(pattern, tuple(sorted({w.split()[0] for w in words})))


def watch_spans(
    watch: WatchList, text: str, *, shortcuts: bool = True
) -> Iterator[tuple[int, int]]:
    """Whole-word matches of the watch list in ``text`` (case and accents folded)."""
    folded = fold(text)
    if shortcuts and not any(start in folded for start in watch.starts):
        return  # most texts hold none of the words: substring tests beat the regex
    position = 0
    while (match := watch.pattern.search(folded, position)) is not None:
        start = match.start()
        if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            position = start + 1  # inside a longer word; a match may still start later
            continue
        yield start, match.end()
        position = max(match.end(), start + 1)
