"""What the vault's findings cache keeps of a text, so an export scans only what changed.

The check of one text depends only on the text, the detector (this folder: its code and
word lists), the watch words and the "fine" words. The cache keeps, per distinct text,
the detector's raw spans with no watch words and no fine words, under:

- :func:`digest`: BLAKE2b-128 of the text (the cache holds digests and spans, never text);
- :func:`fingerprint`: BLAKE2b-128 of every file in this folder, read as bytes (nothing
  imported or compiled), and of Python's version and Unicode tables, so any change to
  the detector or what it runs on makes every entry stale.

A hit adds the watch words' spans and resolves overlaps as a full scan does; a text
holding a fine word is scanned whole (a fine word changes what the name check decides
around it). :class:`~reflect_tui.export.identifiers.scanner.Scanner` does both. One
more entry, under :data:`SETTINGS`, keeps the two numbers a hit needs of the patterns
(how much text an excerpt shows, which kind wins a tie), so an export whose every text
is a hit never loads the patterns, the name check or their word lists.
"""

from __future__ import annotations

import hashlib
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reflect_tui.export.identifiers.kinds import Kind

_Span = tuple[int, int, Kind]
_KINDS = tuple(Kind)
_INDEX = {kind: i for i, kind in enumerate(_KINDS)}
#: word_lists.fold's letters that NFKD leaves whole (a copy: importing word_lists would
#: load the detector's modules into an export whose every text is known; a test keeps
#: them equal).
_BASE_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "æ": "ae", "œ": "oe"}
)


@cache
def fingerprint() -> bytes:
    """The detector's identity: a digest over the names and bytes of this folder's files
    (about 2 MB, a few milliseconds, once a process)."""
    return fingerprint_of(Path(__file__).parent)


def fingerprint_of(folder: Path) -> bytes:
    summary = hashlib.blake2b(digest_size=16)
    # The detector's answers depend on Python too: its regular expressions and its
    # Unicode tables (what is a letter, a capital, a digit, how case folds).
    summary.update(f"{sys.implementation.name} {sys.version_info[:2]}\0".encode())
    summary.update(f"{unicodedata.unidata_version}\0".encode())
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".pyc"):
        content = path.read_bytes()
        summary.update(f"{path.name}\0{len(content)}\0".encode())
        summary.update(content)
    return summary.digest()


def digest(text: str) -> bytes:
    """The key of ``text`` in the cache."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def encode(spans: Iterable[_Span]) -> str:
    """Spans as the cache stores them: "start end kind" numbers, space-separated ("" for none)."""
    return " ".join(f"{start} {end} {_INDEX[kind]}" for start, end, kind in spans)


def decode(entry: str, length: int) -> list[_Span] | None:
    """Spans from :func:`encode`; None when they cannot be this text's (a damaged entry:
    the text is then scanned again)."""
    if not entry:
        return []
    try:
        numbers = [int(n) for n in entry.split(" ")]
        spans = [
            (numbers[i], numbers[i + 1], _KINDS[numbers[i + 2]]) for i in range(0, len(numbers), 3)
        ]
    except (ValueError, IndexError):
        return None
    if len(numbers) % 3 or any(not 0 <= s < e <= length for s, e, _ in spans):
        return None
    return spans


@dataclass(frozen=True)
class Settings:
    """What resolving overlaps and making excerpts needs of the detector's patterns."""

    excerpt_context: int
    priority: Mapping[Kind, int]


#: The key of the one entry that is not a text's: the detector's :class:`Settings`
#: (stored under its fingerprint like the rest, so they are always that detector's).
SETTINGS = bytes(16)


def encode_settings(found: Settings) -> str:
    return " ".join(str(n) for n in (found.excerpt_context, *(found.priority[k] for k in _KINDS)))


def decode_settings(entry: str) -> Settings | None:
    """None unless ``entry`` is :func:`encode_settings`'s, for these kinds."""
    try:
        numbers = [int(n) for n in entry.split(" ")]
    except ValueError:
        return None
    if len(numbers) != len(_KINDS) + 1:
        return None
    return Settings(numbers[0], dict(zip(_KINDS, numbers[1:], strict=True)))


def _loose(text: str) -> str:
    """``text`` case-folded, its base letters as the name lists fold them ("ł", "ø",
    "ı": see ``word_lists.fold``) and decomposed, keeping only its ASCII characters.

    Every step works character by character (case folding, base letters, compatibility
    decomposition, dropping what is not ASCII), so the loose form of a word in a text is
    always inside the text's loose form: a test on it never misses a fine word the name
    check would see; at worst it sends a text to a full scan that did not need one.
    """
    if text.isascii():
        return text.lower()
    folded = text.casefold().translate(_BASE_LETTERS)
    return unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()


def fine_keys(fine: Iterable[str]) -> tuple[str, ...]:
    """What :func:`touches` looks for of each fine word."""
    return tuple(sorted({_loose(word) for word in fine}))


def touches(text: str, keys: tuple[str, ...]) -> bool:
    """Whether a fine word may be in ``text`` (a fine word with no ASCII letters at all,
    "Иван", may be anywhere: every text is then scanned whole)."""
    if not keys:
        return False
    loose = _loose(text)
    return any(key in loose for key in keys)
