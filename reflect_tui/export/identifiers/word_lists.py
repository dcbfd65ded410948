"""The word lists the identifier check reads, each loaded once, when first needed.

- ``english_words.txt``: ordinary English words (SCOWL, ``english_words.LICENSE``);
- ``known_terms.txt`` and ``places.txt``: capitalised words that are not people (days,
  peoples, services, authors; the words of big cities' names, ``places.LICENSE``);
- ``world_words.txt``: regions, towns, brands, shows and loanwords, reflect's own;
- ``place_names.txt``: places whose names are also people's ("Charlotte", "Darwin");
- ``name_words.txt``: given names that are also ordinary words ("Grace", "Will");
- ``public_names.txt``: well-known people and brands named after one ("Daniel Stern",
  "Tim Hortons"), reflect's own;
- ``given_names.txt``: given names of the US SSA baby names, less ordinary words
  (public domain, ``given_names.LICENSE``), and ``given_names_more.txt``: given names
  of other countries the SSA list lacks, reflect's own.

The two given-name lists are stored as :func:`fold` leaves a word (lower case, accents
off), so loading them is a split and no more.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

#: Letters that are not a base letter and a mark, so NFKD leaves them whole.
_BASE_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "æ": "ae", "œ": "oe"}
)


def fold(word: str) -> str:
    """A word as the given-name lists hold it: "Siobhán" -> "siobhan", "Bjørn" -> "bjorn"."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded.translate(_BASE_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def _words(name: str) -> frozenset[str]:
    """A list's words, lower case (one casefold of the whole text, not one a line)."""
    return _split(_text(name).casefold())


def _split(text: str) -> frozenset[str]:
    """One word a line; lines starting with "#" are comments. One pass in C each way:
    a set comprehension or a strip of every line would double the load time."""
    words = frozenset(text.split("\n"))
    if "#" not in text:
        return words - {""}
    return words - {w for w in words if not w or w[0] == "#"}


@cache
def ordinary_words() -> frozenset[str]:
    return _split(_text("english_words.txt"))  # stored in lower case


@cache
def known_terms() -> frozenset[str]:
    return _words("known_terms.txt") | _words("places.txt") | world_words()


@cache
def world_words() -> frozenset[str]:
    """Regions, towns, brands and shows that a person's verb after still makes a name."""
    return _words("world_words.txt")


@cache
def place_words() -> frozenset[str]:
    """The words of big cities' names that are not a place alone ("thanh" of "Thanh
    Hoa", not "london"): some are given names too."""
    return _words("places.txt") - _words("known_terms.txt")


@cache
def named_places() -> frozenset[str]:
    """Places whose names are also people's ("charlotte", "regina", "darwin")."""
    return _words("place_names.txt")


def name_words() -> frozenset[str]:
    return _words("name_words.txt")


@cache
def foreign_words() -> frozenset[str]:
    """Common words of other languages that clinicians quote ("aroha", "abuela",
    "heim"), folded: in lower case, never a name on their own."""
    return _split(_text("foreign_words.txt"))


@cache
def given_names() -> frozenset[str]:
    """Given names that are not ordinary words, folded ("mateo", "siobhan", "nkechi")."""
    # Stored folded, so a split is enough: no casefold of 60,000 names at start-up.
    return _split(_text("given_names.txt")) | _split(_text("given_names_more.txt"))


@cache
def public_names() -> frozenset[str]:
    """Well-known people's names and brands named after one, as :func:`name_key` has
    them ("daniel stern", "tim hortons"): never a client's, as a whole."""
    lines = _text("public_names.txt").split("\n")
    keys = {name_key(line) for line in lines if line.strip() and line[0] != "#"}
    # "Kim's Convenience" is read without its possessive, as a run of names is; a shop
    # of one word ("McDonald's", "Wendy's") only with it, so "McDonald said" is asked
    return frozenset(
        keys
        | {_A_POSSESSIVE.sub("", key) for key in keys if ("'" in key or "’" in key) and " " in key}
    )


_A_POSSESSIVE = re.compile(r"['’]s\b")


def name_key(name: str) -> str:
    """A name as :func:`public_names` keeps it: folded, one space between words."""
    return " ".join(fold(name).split())


#: A word: letters, inner apostrophes or hyphens ("O'Brien", "Jean-Luc").
#: A letter, or an accent typed as its own mark.
LETTER = r"(?:[^\W\d_]|[\u0300-\u036f])"
WORD = re.compile(rf"{LETTER}+(?:['’-]{LETTER}+)*")
_CLITIC = re.compile(r"(?:['’](?:s|ve|ll|re|d|m)|n['’]t)\Z", re.I)


def base_word(word: str) -> str:
    """The word without a possessive or a contraction ("Mateo's" -> "Mateo", "I've" ->
    "I", "We'll" -> "We"); "Chris'" keeps its s, and "Sa'd" stays whole (a name, not
    "Sa" + "'d": only a possessive or an ordinary word's contraction is taken off)."""
    if word.endswith(("s'", "s’")) and len(word) > 3:
        return word[:-1]
    clitic = _CLITIC.search(word)
    if clitic is None or clitic.start() == 0:
        return word
    stem = word[: clitic.start()]
    possessive = clitic.group().lower() in ("'s", "’s")
    if possessive or len(stem) == 1 or stem.casefold() in ordinary_words():
        return stem
    return word


def trie(words: list[str]) -> str:
    """One alternation of ``words`` as a tree of their letters ("s(?:aw|ee(?:n)?)"):
    Python's regular expressions try every branch of a flat one at every position,
    and the tree is eight times faster on an export's text."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict) -> str:  # type: ignore[type-arg]
        parts = [re.escape(c) + branch(sub) for c, sub in sorted(node.items()) if c]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


def plain_word(folded: str, ordinary: frozenset[str], known: frozenset[str]) -> bool:
    """An ordinary word, or a compound of them ("Compassion-focused")."""
    if folded in ordinary:
        return True
    parts = re.split(r"[-'’]", folded)
    return len(parts) > 1 and all(p in ordinary or p in known for p in parts if p)


def is_given(folded: str, given: frozenset[str]) -> bool:
    """A given name, also with an apostrophe ("D'Angelo", "Ta'Shawn") or hyphened, of
    which a part or the whole is one ("Anne-Marie", "Min-jun", "Bethany-Rose")."""
    key = fold(folded)
    if key in given:
        return True
    if key.startswith(("saint-", "st-", "san-", "santa-", "pro-", "anti-", "non-", "post-")):
        return False  # "Saint-Jean-Baptiste": a saint, a day, a place; "Pro-ana"
    if "'" not in key and "’" not in key and "-" not in key:
        return False
    parts = [p for p in re.split(r"['’-]", key) if p]
    return "".join(parts) in given or any(len(p) > 2 and p in given for p in parts)
