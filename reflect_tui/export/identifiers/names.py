"""Possible names: words that read as a person's name, for the clinician to decide on.

No pattern knows every name, so this finds the words a name is likely to be and asks:

- a title and a capitalised word ("Mr Okafor", "Dr. Lee", "Mrs Nguyen");
- a capitalised word after words that introduce a person ("my client Tomasz", "her
  son, Mateo,", "a friend called Rose"), even an ordinary word such as Rose or Grace;
- any other capitalised word that is not an ordinary English word and not a known
  term (days, months, languages, peoples, faiths, clinical tools, services, the
  authors a reflection cites), anywhere in a sentence ("with Nkechi", "Okafor said");
- a run of such words is one name ("Mateo García", "Jean-Luc O'Brien").

Initials ("J.", the way the prompts ask a client to be named) and capitals-only
acronyms ("PHQ-9", "DBT") are never names. The clinician's own "fine" words (a
theorist, a town's team) are never asked again. The ordinary words are SCOWL's
(``english_words.txt``, permissive licence in ``english_words.LICENSE``); the known
terms are reflect's own list (``known_terms.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

#: A word: letters, inner apostrophes or hyphens ("O'Brien", "Jean-Luc").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sr sra srta herr frau mme mlle madame monsieur sir dame "
    "auntie uncle".split()
)
#: A title just before a word ("Mr ", "Dr. "): the word after it is a name; the title
#: itself is not redacted ("Dr. [name]" still reads).
_TITLE = re.compile(r"\b(?i:" + "|".join(sorted(_TITLES)) + r")\.?\s+$")
#: Words after which a capitalised word is a person (the last few words before it).
_INTRODUCERS = frozenset(
    """client clients patient patients supervisee son sons daughter daughters mother mum
    mom mam father dad partner wife husband spouse girlfriend boyfriend fiancé fiancée
    sister brother sibling aunt uncle grandmother grandfather grandma grandpa granny
    nana niece nephew cousin friend colleague teacher boss manager child baby toddler
    teen teenager stepson stepdaughter stepmother stepfather caseworker worker nurse
    doctor interpreter neighbour neighbor landlord carer caregiver named called
    name's nicknamed""".split()
)
_NUMBER_AFTER = re.compile(r"\s*\d")
_HAS_CAPITAL = re.compile(r"[^\W\d_a-z]")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”(\[]|\n)\s*$")


@cache
def _words(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return frozenset(
        line.strip().casefold()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def ordinary_words() -> frozenset[str]:
    return _words("english_words.txt")


def known_terms() -> frozenset[str]:
    return _words("known_terms.txt")


def name_words() -> frozenset[str]:
    return _words("name_words.txt")


def author_first_names() -> frozenset[str]:
    return _words("author_first_names.txt")


def _plain_word(folded: str, ordinary: frozenset[str], known: frozenset[str]) -> bool:
    """An ordinary word, or a compound of them ("Compassion-focused")."""
    if folded in ordinary:
        return True
    parts = re.split(r"[-'’]", folded)
    return len(parts) > 1 and all(p in ordinary or p in known for p in parts if p)


def _is_capitalised(word: str) -> bool:
    """Like a name: a capital, then not all capitals ("Okafor", "McDonald", "O'Brien")."""
    return word[0].isupper() and not word.isupper() and any(c.islower() for c in word)


def _base(word: str) -> str:
    """The word without a possessive ("Mateo's" -> "Mateo")."""
    for ending in ("'s", "’s", "s'", "s’"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending) + (1 if ending.startswith("s") else 0)]
    return word


_LAST_WORD = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)?)[\s,]*$")


def _introduced(before: str) -> bool:
    """Whether the word just before (a comma at most between) introduces a person."""
    last = _LAST_WORD.search(before)
    return last is not None and last.group(1).lower() in _INTRODUCERS


def name_spans(text: str, fine: Iterable[str] = ()) -> Iterator[tuple[int, int]]:
    """The spans of possible names in ``text``; words in ``fine`` are never one."""
    allowed = {word.casefold() for word in fine}
    if not _HAS_CAPITAL.search(text):
        return  # most lines of a reflection have a capital only at their start
    ordinary, known = ordinary_words(), known_terms()
    given, authors = name_words(), author_first_names()
    run: tuple[int, int] | None = None  # the name being read
    held: tuple[int, int] | None = None  # an ordinary capitalised word just before it
    for match in _WORD.finditer(text):
        word = _base(match.group())
        start, end = match.start(), match.start() + len(word)
        gap_ok = run is not None and not text[run[1] : start].strip()
        skip = word.casefold() in allowed or word.casefold() in _TITLES
        # Two letters ("Ph" of "Ph.D.") is a name only after a title or an introducer
        # ("Mr Li", "my client Li"), or beside a name ("Li Na").
        near = text[max(0, start - 40) : start]
        short = len(word) < 3 and not (gap_ok or _TITLE.search(near) or _introduced(near))
        if len(word) < 2 or short or not _is_capitalised(word) or skip:
            flagged, ordinary_cap = False, False
        else:
            before = text[max(0, start - 40) : start]
            folded = word.casefold()
            follows = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
            if folded in known or (
                folded in authors
                and follows is not None
                and _base(follows.group()).casefold() in known
            ):
                flagged, ordinary_cap = False, False  # "Tuesday"; "Judith Herman" the author
            elif _TITLE.search(before) or _introduced(before):
                flagged, ordinary_cap = True, False  # "my client Rose": asked, even Rose
            elif folded in given and not _NUMBER_AFTER.match(text, end):
                flagged, ordinary_cap = True, False  # "Grace said" (but "Mark 5 times")
            elif _plain_word(folded, ordinary, known):
                # An ordinary word is part of a name only beside one ("Rose Okafor").
                flagged, ordinary_cap = gap_ok, not gap_ok
            else:
                flagged, ordinary_cap = True, False
        if flagged:
            if gap_ok and run is not None:
                run = (run[0], end)
            else:
                if run is not None:
                    yield run
                begins = start
                # "Rose Okafor" is one name; "Today Okafor", at a sentence's start, is not.
                if (
                    held is not None
                    and not text[held[1] : start].strip()
                    and not _SENTENCE_END.search(text[max(0, held[0] - 3) : held[0]])
                ):
                    begins = held[0]
                run = (begins, end)
        elif run is not None:
            yield run
            run = None
        held = (start, end) if ordinary_cap else None
    if run is not None:
        yield run
