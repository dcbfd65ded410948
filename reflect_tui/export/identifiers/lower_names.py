"""Names written in lower case, as a hurried note has them: "ehsan didn't show", "saw
jamal again", "my client mateo", "summer said she's been skipping lunch".

A lower-case word is asked about only where a name stands:

- a given name the dictionary lacks, at a sentence's or a line's start ("ehsan didn't
  show", "note: catriona (niece)"), or after a word that introduces a person or a verb
  done to one ("my client mateo", "mr okafor", "saw jamal", "texted priya");
- a given name that is also a word or a place ("summer", "bobby", "brooklyn"), only at a
  sentence's start with a person's verb after it ("summer said", "bobby texted"), or
  after an introducer ("my client grace"): never "summer holidays" or "will power";
- anywhere else, a given name of four letters or more that no list knows as a word of
  English or of another language ("mom says maricruz hasnt slept", "caught jamal on
  association", "seo-yeon cancelled"), as a capitalised given name is asked about
  anywhere.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from reflect_tui.export.identifiers.person_context import (
    ACTED,
    KIN_OF,
    KIN_WORDS,
    NAMES_OF_PLACES,
    SPOKE_OR_ACTED,
    THING_NAMES,
)
from reflect_tui.export.identifiers.word_lists import (
    base_word,
    fold,
    foreign_words,
    given_names,
    known_terms,
    name_words,
    ordinary_words,
    trie,
)

#: The first word of a sentence or a line, after any opening quote or bracket, when it
#: starts with a letter that is not a capital. The class of stops comes first so that
#: the regular-expression engine skips to one in C (an alternation there is 7x slower).
_LOWER_PLACE = re.compile(r"[.!?:;\n(][ \t\"“(]*([^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]+[^\W\d_])")
_FIRST_WORD = re.compile(r"[ \t\"“(]*([^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]+[^\W\d_])")
_GLUED = re.compile(r"[.!?:;][^\s]")

#: Words after which a person is named: a few introducers and titles (``strong``: a
#: word-name counts too, "my client grace"), and relations and verbs done to a person
#: ("her son mateo", "saw jamal"), after which only a given name the dictionary lacks
#: does (not "the dad will come").
_STRONG = r"client|patient|supervisee|named|nicknamed|mr|mrs|ms|mx|dr|herr|frau|mme|sra|srta"
_ACTED_ON = (
    r"son|daughter|mum|mom|mam|mother|father|dad|partner|wife|husband|girlfriend|boyfriend"
    r"|sister|brother|aunt|auntie|aunty|uncle|grandmother|grandfather|grandma|grandpa|nan"
    r"|nana|gran|granny|niece|nephew|cousin|friend|called|coach"
    r"|saw|see|seeing|seen|met|meet|meeting|with|w|told|tell|asked|ask|texted|text"
    r"|rang|phoned|emailed|visited|visiting|messaged|hugged|thanked|reminded|warned"
)


#: Word-names that are also modal verbs ("my client will come"): of these only "will" is
#: on the list of word-names today; "may" would be if it were added.
_MODALS = frozenset("will may".split())
#: A word a modal goes before: "will read", "may not"; not "will today", "will and I".
_A_VERB_NEXT = re.compile(
    r"[ \t]+(?!(?:today|tonight|tomorrow|yesterday|again|this|last|next|and|but|or|on|in"
    r"|at|for|from|with|to|about|was|is|has|had|who|the|a|an|his|her)\b)[a-z]{2,}\b"
)

#: The cues a note starts a line with ("Saw jamal today"); each capital branch costs.
_AT_A_LINE_START = frozenset(
    "saw met with told texted called rang mr mrs ms mx dr herr frau mme sra srta".split()
)


def _cases(alternation: str) -> list[str]:
    words = alternation.split("|")
    return [*words, *(w.capitalize() for w in words if w in _AT_A_LINE_START)]


_STRONG_WORDS = frozenset(_STRONG.split("|"))
_AFTER_CUE = re.compile(
    rf"\b({trie(_cases(_STRONG) + _cases(_ACTED_ON))})\b[./]?[ \t]+,?[ \t]*"
    # the word in a look-ahead, so it can be a cue itself: "with mrs patel"
    r"(?=([^\W\d_A-ZÀ-ÖØ-Þ][\w'’-]*[^\W\d_]))"
)
_TITLES = frozenset({"mr", "mrs", "ms", "mx", "dr", "herr", "frau", "mme", "sra", "srta"})


def _surname(folded: str, ordinary: frozenset[str], known: frozenset[str]) -> bool:
    parts = [p for p in re.split(r"[-'’]", folded) if p]
    return bool(parts) and not any(p in ordinary or p in known for p in parts)


#: Words that are never a name in lower case, whatever the lists say.
_NEVER = frozenset(
    "mum mom mam dad nan nana gran granny ma pa papa mama baba auntie aunty uncle sis bro "
    "her him them me you us it his their my our the a an kai theres thats whats wheres heres "
    "hes shes lets dont cant wont didnt doesnt isnt wasnt ive youre theyre weve wouldnt "
    "couldnt shouldnt arent werent hasnt havent hadnt".split()
)
#: Before a word in lower case, where a place is ("a village outside kandy", "são
#: paulo"), unless a possessive follows; never "near" or "around" ("calmer around jamal").
_A_PLACE_BEFORE = re.compile(
    r"\b(?:outside|(?i:são|san|santa|santo|los|las|sri|kuala|port|fort))"
    r"[ \t]+\Z"
)
#: What only a person has, after a name that is also a word: "rose's dementia".
_A_PERSONS = re.compile(
    r"['’]s[ \t]+(?:dementia|diagnosis|meds|medication|mood|anxiety|depression|grief|drinking"
    r"|relapse|discharge|admission|referral|appointment|court|teacher"
    r"|birthday|funeral|baby|boyfriend|girlfriend|husband|wife|partner|ex)\b"
)
#: Pronouns in brackets after a name: "ash (they/them) misgendered by reception".
_PRONOUNS = re.compile(r"[ \t]*\((?:he|she|they|ze|xe|it)/", re.I)


#: A lower-case word after "a" or "the word" is a thing or a word ("wears a kara", "the
#: word consuelo"), not a name.
_A_THING = re.compile(r"\b(?:[Aa]n?|the\s+(?:word|term)|[Ww]ord)\s+\Z")
#: What may stand around a word in running text ("(jamal,", "“seo-yeon”").
_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’…*_/<>-—–"
_SUFFIXES = frozenset("ish esque like type style ness wise".split())
_PREFIXES = frozenset("re de co ex bi un pre non mid sub anti semi self tri mis".split())


@functools.cache
def _names_anywhere() -> frozenset[str]:
    """Given names that are asked about wherever they stand in lower case: not a word
    of English or of another language, not a known term, four letters or more."""
    stop = ordinary_words() | known_terms() | name_words() | foreign_words() | _NEVER
    return frozenset(n for n in given_names() - stop if len(n) >= 4)


#: A note headed by whom it is about: "thilaga - wants to stop", "meekis: ride fell
#: through", "yazzie family meeting moved", "goodluck no-showed".
_NOTE_LABEL = re.compile(
    r"[ \t]+[-–—][ \t]|[:,][ \t]|[ \t]+(?:family|whānau|household|parents)\b|[ \t]+no-show"
    r"|[ \t]*\((?:his|her|their)[ \t]+(?:real|legal|actual|full|given|birth)\b"
    r"|[ \t]*\((?:[1-9]|1\d)\)"  # "river (13) did the sand tray again"
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: A dash after a note's first word: "sky - top surgery waitlist".
HEADED_BY = re.compile(r"[ \t]+[-–—][ \t]")
_AGE_IN_BRACKETS = re.compile(r"[ \t]*\((?:[1-9]|1\d)\)")
#: What follows a verb, not a name: "drew a tree", "will not accept", "will be fine".
_AN_OBJECT = re.compile(r"[ \t]+(?:a|an|the|not|be|have|to|his|her|their|it|up|out)\b")
#: Endings of clinical and other words, never a name's: "hypomania", "euthymic",
#: "gaslighting", "genogram", "stimming", "psychoeducation".
_A_TERMS_ENDING = re.compile(
    r"(?:ia|ias|ic|ics|ing|ism|isms|ist|ists|osis|itis|gram|grams|phobia|mania|ment|ments"
    r"|tion|tions|sion|ness|ity|ive|ous|al|ed|ly|ise|ize|ology|therapy|pathy|able|ible)\Z"
)


def _unknown_word(
    folded: str, ordinary: frozenset[str], known: frozenset[str], foreign: frozenset[str]
) -> bool:
    """Not a word any list knows, nor a slip of one's spelling ("recieved", "supervison",
    "tmrw"): five letters or more, with a vowel, no ending of a term ("euthymic"), and no
    word of English one letter dropped, added or two swapped away."""
    if len(folded) < 5 or not folded.isalpha() or not any(v in folded for v in "aeiouy"):
        return False
    if folded in ordinary or folded in known or folded in foreign or _A_TERMS_ENDING.search(folded):
        return False
    near = {folded[:i] + folded[i + 1 :] for i in range(len(folded))}
    near |= {folded[:i] + c + folded[i:] for i in range(len(folded) + 1) for c in _LETTERS}
    near |= {
        folded[:i] + folded[i + 1] + folded[i] + folded[i + 2 :] for i in range(len(folded) - 1)
    }
    return not (near & ordinary)


def _hyphened(folded: str, names: frozenset[str], given: frozenset[str]) -> bool:
    """ "seo-yeon", "marc-andré", "jun-jun", "ji-woo": each part a given name or a short
    syllable, the first a given name; not "re-do", "co-op", "de-escalate"."""
    parts = folded.split("-")
    return (
        len(folded) >= 5
        and parts[-1] not in _SUFFIXES  # "ok-ish", "seo-yeon"
        and parts[0] in given
        and parts[0] not in _PREFIXES
        and all(p in given or 0 < len(p) <= 3 for p in parts)
    )


def _word_of(token: str) -> str:
    """A token without the punctuation around it and a possessive ("(jamal's," ->
    "jamal"); "" for a contraction or anything else that is not one word ("aren't")."""
    word = token.strip(_PUNCTUATION)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word if word.replace("-", "").isalpha() else ""


def _lower_anywhere(
    text: str, allowed: frozenset[str], found: list[tuple[int, int]]
) -> Iterator[tuple[int, int]]:
    names, given = _names_anywhere(), given_names()
    tokens = set(text.split())
    hits = tokens & names  # in C: most texts have none
    # Tokens with punctuation, hyphens or accents, read one by one (a few a text).
    plain = str.isascii if text.isascii() else (lambda t: False)
    for token in tokens:
        if token.isalpha() and plain(token):
            continue
        word = _word_of(token)
        if len(word) < 4 or not word[0].islower() or word in hits:
            continue
        folded = fold(word)
        if folded in names or ("-" in folded and _hyphened(folded, names, given)):
            hits.add(word)
    hits = {w for w in hits if w not in allowed and fold(w) not in allowed}
    if not hits:
        return
    taken = {i for s, e in found for i in range(s, e)}
    for word in hits:
        yield from _places(text, word, taken)


def _places(text: str, word: str, taken: set[int]) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands as a whole word (a possessive after it is fine), found with
    ``str.find``: a regular expression a name took seconds on an export of many names."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end : end + 1]
        whole = not (
            before.isalnum() or before in "'’-_" or after.isalnum() or (after and after in "-_")
        )
        if after in ("'", "’"):  # a possessive, not a contraction ("aren't")
            whole = (
                whole and text[end + 1 : end + 2] == "s" and not text[end + 2 : end + 3].isalnum()
            )
        if (
            whole
            and start not in taken
            and _A_THING.search(text, max(0, start - 14), start) is None
            and (
                after in ("'", "’")
                or _A_PLACE_BEFORE.search(text, max(0, start - 8), start) is None
            )
        ):
            yield start, end
        start = text.find(word, end)


def lower_case_names(text: str, allowed: frozenset[str]) -> Iterator[tuple[int, int]]:
    """The spans of names written in lower case; words in ``allowed`` never are one."""
    found = list(_lower_cued(text, allowed))
    yield from found
    yield from _lower_anywhere(text, allowed, found)


def _lower_cued(text: str, allowed: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Names in lower case where a sentence starts or a cue points at them."""
    given, known, ordinary, word_names, foreign = (
        given_names(),
        known_terms(),
        ordinary_words(),
        name_words(),
        foreign_words(),
    )
    first = _FIRST_WORD.match(text)
    starts = _LOWER_PLACE.finditer(text)
    for match in itertools.chain((first,) if first else (), starts):
        word = match.group(1)
        if not word[0].islower() or (match.start(1) > 0 and _GLUED.match(match.group())):
            continue  # a capital, or a stop inside a word ("Kanien'kehá:ka", "e.g.")
        word = base_word(word)
        folded = fold(word)
        if folded in allowed or word.casefold() in allowed or folded in _NEVER:
            continue
        end = match.start(1) + len(word)
        if (
            (folded in given and folded not in known and folded not in foreign)
            or (
                # "aroha came in with her nan", never "abuela came to family night"
                folded in foreign
                and folded in given
                and folded not in KIN_WORDS
                and (SPOKE_OR_ACTED.match(text, end) or KIN_OF.match(text, end)) is not None
            )
            or (
                (folded in word_names or folded in NAMES_OF_PLACES)
                and (
                    SPOKE_OR_ACTED.match(text, end) is not None
                    or (folded not in THING_NAMES and ACTED.match(text, end) is not None)
                    or KIN_OF.match(text, end) is not None  # "ivy's mum on the phone"
                    or _A_PERSONS.match(text, end) is not None  # "rose's dementia"
                )
            )
            or (
                _NOTE_LABEL.match(text, end) is not None
                and _unknown_word(folded, ordinary, known, foreign)
            )
            or (
                # the note's first word, a name before a dash: "sky - top surgery waitlist",
                # "paddy - relapse over the wkend"
                (folded in given or folded in word_names)
                and (
                    (
                        match is first
                        and HEADED_BY.match(text, end) is not None
                        and folded not in known  # "christmas - alone this yr"
                    )
                    or _AGE_IN_BRACKETS.match(text, end) is not None
                    or _PRONOUNS.match(text, end) is not None  # "ash (they/them)"
                )
            )
        ):
            yield match.start(1), end
    if not any(c.islower() for c in text):
        return
    for match in _AFTER_CUE.finditer(text):
        word = base_word(match.group(2))
        folded = fold(word)
        if folded in allowed or word.casefold() in allowed or folded in _NEVER:
            continue
        cue = match.group(1).lower()
        strong = cue if cue in _STRONG_WORDS else None
        if (
            folded in given
            and folded not in known
            and folded not in ordinary
            and (strong is not None or folded not in foreign)  # "with lola", "my client lola"
        ) or (
            strong is not None
            and (
                # "my client grace said", not "the client drew a tree", "will not accept"
                (
                    folded in word_names
                    and _AN_OBJECT.match(text, match.start(2) + len(word)) is None
                    # "the client will read them": a modal, unless a person's verb follows
                    and not (
                        folded in _MODALS
                        and _A_VERB_NEXT.match(text, match.start(2) + len(word)) is not None
                        and SPOKE_OR_ACTED.match(text, match.start(2) + len(word)) is None
                    )
                )
                # after a title, any surname: "ms. lopez-whitfield", never "ms teams"
                or (strong in _TITLES and _surname(folded, ordinary, known))
            )
        ):
            yield match.start(2), match.start(2) + len(word)
