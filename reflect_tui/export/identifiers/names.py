"""Possible names: words that read as a person's name, for the clinician to decide on.

No pattern knows every name, so this asks about a word only on evidence that it is one:

- a known given name ("Mateo", "Siobhán", "Nkechi": ``given_names.txt``, from the US
  SSA baby names, and ``given_names_more.txt``) that is not an ordinary English word,
  anywhere; a given name that is also a word ("Grace", "Will": ``name_words.txt``) in
  mid-sentence, or at a sentence's start when a person verb follows ("Hope said");
- any capitalised word in a person's place: after a title ("Mr Okafor", "Dr. Lee"),
  after words that introduce a person ("my client Tomasz", "her son, Mateo,", "a friend
  called Rose"), before a person verb or a relation ("Okafor said", "Nkemelu's mum",
  "Tsosie, who"), or beside a name ("Mateo García", "Jean-Luc O'Brien": one name);
- a given name in lower case at a sentence's start, or after an introducer ("ehsan
  didn't show", "my client mateo").

Every other capitalised word stays quiet: a place, a brand, a festival, an author the
lists do not know. Known terms (days, peoples, faiths, services, authors) are never
asked about unless a title or an introducer points at them, and a cited author ("Janina
Fisher's model", "drawing on Diana Fosha") is not a client. Initials ("J.") and
acronyms ("PHQ-9") are never names, and nor are the clinician's own "fine" words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from reflect_tui.export.identifiers.citations import author_follows, cited, well_known
from reflect_tui.export.identifiers.lower_names import HEADED_BY, lower_case_names
from reflect_tui.export.identifiers.name_cues import (
    DONE_TO,
    NEVER_NAMES,
    WHAT_KIN_ARE_CALLED,
    after_cue,
    cue_before,
    kin_word_alone,
    named_as,
    shouted_name,
    title_here,
)
from reflect_tui.export.identifiers.name_lists import with_list_partners
from reflect_tui.export.identifiers.note_cues import (
    heading,
    line_start,
    person_before,
    shorthand_before,
)
from reflect_tui.export.identifiers.peoples import a_people, person_place
from reflect_tui.export.identifiers.person_context import (
    ACTED,
    AFTER_THE,
    AGE_NEXT,
    AGED_NEXT,
    APPOSITION,
    FAMILY_OF,
    KIN_OF,
    NAMED_THING,
    NAMES_OF_PLACES,
    PERSON_DOING,
    PERSON_NEXT,
    PERSON_PLACE,
    ROLE_WORDS,
    THE_FAMILY,
    THING_NAMES,
    WORD_USE,
    world_word_a_person,
)
from reflect_tui.export.identifiers.place_context import (
    CITY_PART_NAMES,
    HOUSE_NUMBER_BEFORE,
    a_thing_or_place,
    after_in,
    city_part,
    holiday,
    in_a_place,
    street_before_number,
)
from reflect_tui.export.identifiers.word_lists import (
    LETTER,
    base_word,
    fold,
    foreign_words,
    given_names,
    is_given,
    known_terms,
    name_words,
    named_places,
    ordinary_words,
    place_words,
    plain_word,
    world_words,
)

#: A word that starts with a capital (Latin, Greek, Cyrillic), found in C: only these
#: reach the Python loop below (an export checks millions of words; most are lower case).
_LETTER = LETTER
#: The capital comes first and the look back ("not after a letter, ' or -") second, so
#: the regular-expression engine skips to the next capital in C instead of trying the
#: look back at every position: three times faster on an export's text, same matches.
_CAPITALISED = re.compile(rf"[A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏΆ-ΫЀ-Я](?<![\w'’-].){_LETTER}*(?:['’-]{_LETTER}+)*")
#: Arabic and Hebrew particles joined to a family name ("el-Sayed", "al-Rashid"): the
#: name is the capitalised part, and the particle goes with it. A second, rarer scan,
#: so the common one above stays a single character class at each position.
_PARTICLE = r"(?:al|el|ad|ar|as|at|az|bin|ibn|abu|ben|bint|ul)[-‑]"
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’-]){_PARTICLE}[A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏΆ-ΫЀ-Я]{_LETTER}*(?:['’-]{_LETTER}+)*"
)
_PARTICLE_RE = re.compile(_PARTICLE)
_NAME_MONTHS = frozenset({"april", "may", "june", "august"})
#: Days that are given names too ("Sunday", "Monday", "Friday"): a name only before a
#: verb of speech at a sentence's start ("Sunday said"; not "Monday's group", "Monday felt").
_NAME_DAYS = frozenset({"sunday", "monday", "friday"})
_SPOKE = re.compile(
    r"\s+(?:said|says|told|tells|asked|asks|texted|explained|admitted|disclosed|wants|wanted)\b"
)
#: What a month does as well as a person: "June came and the school closed".
_SEASON_DOES = re.compile(r"\s+(?:came|comes|is|was|went|began|started|ended|arrived)\b")
_HAS_CAPITAL = re.compile(r"[^\W\d_a-z]")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\"“”(\[]|\n)\s*$")


def _is_capitalised(word: str) -> bool:
    """Like a name: a capital, then not all capitals ("Okafor", "McDonald", "O'Brien");
    never an acronym's plural ("SDQs", "IEPs")."""
    if len(word) > 2 and word[-1] == "s" and word[:-1].isupper():
        return False
    if len(word) <= 3 and sum(c.isupper() for c in word) > 1:
        return False  # "VoC", "PhD", "IoT": an acronym
    if word[1:2].isupper() and word[2:3].isupper():
        return False  # "OASys", "CAMHs", "NHSmail": an acronym's word
    return word[0].isupper() and not word.isupper() and any(c.islower() for c in word)


_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?)]|\Z)")


_A_VOWEL = re.compile(r"[aeiouy]")


def name_spans(text: str, fine: Iterable[str] = ()) -> Iterator[tuple[int, int]]:
    """The spans of possible names in ``text``; words in ``fine`` are never one."""
    allowed = fine if isinstance(fine, frozenset) else frozenset(w.casefold() for w in fine)
    if _HAS_CAPITAL.search(text):  # most lines have a capital only at their start
        yield from with_list_partners(text, _capitalised_names(text, allowed), allowed)
    yield from lower_case_names(text, allowed)


def _capitalised_names(text: str, allowed: frozenset[str]) -> Iterator[tuple[int, int]]:
    ordinary, known, given, word_names, places = (
        ordinary_words(),
        known_terms(),
        given_names(),
        name_words(),
        place_words(),
    )
    run: tuple[int, int] | None = None  # the name being read
    held: tuple[int, int] | None = None  # an ordinary capitalised word just before it
    held_name = False  # ... and whether it is a given name ("Rose" of "Rose Okafor")
    proper: int | None = None  # where a capitalised word that is not a name ended
    candidates: Iterable[re.Match[str]] = _CAPITALISED.finditer(text)
    if "-" in text or "‑" in text:
        candidates = sorted([*candidates, *_PARTICLE_NAME.finditer(text)], key=lambda m: m.start())
    for match in candidates:
        word = match.group()
        if "'" in word or "’" in word:
            word = base_word(word)
        start, end = match.start(), match.start() + len(word)
        particle = _PARTICLE_RE.match(word)
        if particle is not None:
            word = word[particle.end() :]  # judged without it; the span keeps it
        gap_ok = run is not None and _joins(text[run[1] : start])
        folded = (word if word.isascii() else unicodedata.normalize("NFC", word)).casefold()
        flagged = ordinary_cap = False
        judged = True
        if word.isupper() and len(word) > 1:
            # "Mr SMITH", "Tomasz KOWALSKI": a surname in capitals, as some notes write
            # it, after a title or a name; every other word in capitals is an acronym.
            judged = False
            flagged = folded not in allowed and shouted_name(text, start, end, gap_ok)
        elif (
            len(word) < 2
            or folded in allowed
            or title_here(text, end, folded)
            or not _is_capitalised(word)
        ):
            judged = False
        elif (
            len(word) > 3
            and word.isascii()
            and _A_VOWEL.search(folded) is None
            and cue_before(text, start) is None
            and _SPOKE.match(text, end) is None
        ):
            judged = False  # "Wvggz", "Cwmbrn": letters of a law or a code, not a name
        elif (
            holiday(text, start, end, folded, gap_ok)
            or WORD_USE.match(text, end)
            or (not gap_ok and kin_word_alone(text, start, end, folded))
        ):
            pass  # "Christmas Eve", "St Patrick's Day"; "Umut means hope"; "her Lola"
        elif (
            (cue := cue_before(text, start)) is not None
            and folded not in NEVER_NAMES
            and not (cue == "named" and folded in WHAT_KIN_ARE_CALLED)
        ):
            # "my client Rose", "Mrs Sullivan": asked, even a known word
            flagged = after_cue(
                text,
                start,
                end,
                cue,
                word_name=folded in word_names,
                given=is_given(folded, given),
                exactly_given=fold(word) in given,
                ordinary=folded in ordinary,
                known=folded in known,
                place=folded in NAMES_OF_PLACES or folded in places,
            )
        elif (
            not gap_ok
            and (
                a_thing_or_place(
                    text,
                    start,
                    end,
                    folded in known or folded in NAMES_OF_PLACES or folded in named_places(),
                    is_given(folded, given) or folded in word_names,
                )
                or a_people(text, start, end, folded)
            )
            and HOUSE_NUMBER_BEFORE.search(text, max(0, start - 24), start) is None
        ):
            pass  # "Austin is where she went", "a Harley", "Regina in February"
        elif (
            folded in _NAME_MONTHS
            and _sentence_start(text, start)
            and PERSON_NEXT.match(text, end)
            and not _SEASON_DOES.match(text, end)
        ):
            flagged = True  # "June asked to end early"
        elif folded in _NAME_DAYS and _sentence_start(text, start) and _SPOKE.match(text, end):
            flagged = True  # "Sunday said his father calls every night"
        elif (
            (folded in NAMES_OF_PLACES or (folded in places and fold(word) in given))
            and (PERSON_NEXT.match(text, end) or person_before(text, start, end))
            and NAMED_THING.match(text, end) is None  # not "Jordan's Principle"
            and not city_part(text, start, end, known, ordinary)  # not "Hong Kong's"
            and not after_in(text, start)  # not "her son in Milan wants"
        ):
            flagged = True  # "Georgia said", "Jordan's parents": a person, not the place
        elif in_a_place(text, start, end, folded, is_given(folded, given) or folded in word_names):
            pass  # "grew up in Regina", "a church in Ealing": the place
        elif (
            FAMILY_OF.match(text, end) is not None
            and THE_FAMILY.search(text, max(0, start - 20), start) is not None
        ):
            flagged = True  # "the van der Berg parents", "the de Souza family"
        elif folded in CITY_PART_NAMES and not city_part(text, start, end, known, ordinary):
            flagged = not _named_thing(text, start, end, proper)  # "with Minh", not "Nha Trang"
        elif folded in known:
            # "Tuesday", "Winnicott"; but "Beck, her girlfriend," and "Pita's mum" are;
            # never a place's name after its word ("outside Manila, her father there")
            flagged = not after_in(text, start) and (
                APPOSITION.match(text, end) is not None
                or (fold(word) in given and KIN_OF.match(text, end) is not None)
                or (folded in world_words() and world_word_a_person(text, start, end))
            )
        elif author_follows(text, end, known):
            pass  # "Judith Herman", "Adrian Wells": an author's first name
        elif (
            not gap_ok
            and AFTER_THE.search(text, max(0, start - 5), start) is not None
            and (folded in word_names or not plain_word(folded, ordinary, known))
            # "the Mateo referral" is a person's; "walked through the Darién." a place
            and (not is_given(folded, given) or _CLAUSE_END.match(text, end) is not None)
        ):
            # "from the Heim", "the Darién", "the Sally Ann bed": a thing or a place,
            # unless a person's place follows ("the Begay family", "the O'Neill lad")
            flagged = PERSON_PLACE.match(text, end) is not None
        elif (
            fold(word) in foreign_words()
            and _sentence_start(text, start)
            and fold(word) not in word_names
        ):
            # "Tangi last week", "Mahi is slow", "Ella dijo": a word of another language,
            # unless a person's verb follows ("Kokum says")
            flagged = PERSON_NEXT.match(text, end) is not None
        elif folded in word_names and (
            not _sentence_start(text, start)
            or PERSON_NEXT.match(text, end)
            or heading(text, start, end, a_name=True)  # "Hope: rang to cancel"
            or shorthand_before(text, start)  # "pt: Grace. low mood"
            or (folded not in THING_NAMES and ACTED.match(text, end))
            or PERSON_DOING.match(text, end)
        ):
            # "sessions with Grace"; at a sentence's start only "Grace said", "Rose's
            # mother" (not "Hope was the theme", "Grant funding", "Drew a genogram").
            flagged = not _named_thing(text, start, end, proper)
        elif len(word) < 3 and not gap_ok:
            pass  # "Ph" of "Ph.D."; two letters beside a name ("Li Na") still count
        elif plain_word(folded, ordinary, known):
            # An ordinary word is part of a name only beside one ("Rose Okafor"), or at a
            # sentence's start before who it is ("Colt, the youngest rider,").
            flagged = gap_ok or (_sentence_start(text, start) and named_as(text, start, end))
            ordinary_cap = not flagged
        elif is_given(folded, given):
            # "with Mateo", "Siobhán said", "Anne-Marie"; not what is named after one
            # ("the Bradley Report", "Fraser guidelines", "the Kāinga Ora list").
            flagged = not _named_thing(text, start, end, proper)
        else:
            # Not a word, not a known name: a name only where a person is ("Okafor said",
            # "Nkemelu's mum", "Mateo Okafor", "Rose Okafor"), else a place or a brand.
            # Next to a house number, it is a street's name ("Vondelstraat 14A", "at 15
            # Chemin des Vignes"): asked, as the address patterns know only some forms.
            flagged = (
                gap_ok
                or held_name
                or person_place(text, start, end)
                or street_before_number(text, start, end, folded)
                or person_before(text, start, end)  # "pt Okafor", "Okafor: missed again"
                or (_sentence_start(text, start) and AGED_NEXT.match(text, end) is not None)
                or (line_start(text, start) and HEADED_BY.match(text, end) is not None)
                or HOUSE_NUMBER_BEFORE.search(text, max(0, start - 24), start) is not None
            )
        if flagged:
            if gap_ok and run is not None:
                run = (run[0], end)
            else:
                if run is not None and not _cited(text, run):
                    yield run
                begins = start
                # "Rose Okafor" is one name; "Today Okafor", at a sentence's start, is not.
                if (
                    held is not None
                    and _joins(text[held[1] : start])
                    and (held_name or not _SENTENCE_END.search(text[max(0, held[0] - 3) : held[0]]))
                ):
                    begins = held[0]
                run = (begins, end)
        elif run is not None:
            if not _cited(text, run):
                yield run
            run = None
        held = (start, end) if ordinary_cap else None
        held_name = ordinary_cap and folded in word_names
        # A known term or an ordinary word that is not a sentence's first word: a given
        # name just after it is part of the same proper noun ("Youth Justice", "Dublin
        # Simon"). Not an unknown word: "Zhang Wei", "María José" are one name.
        proper = (
            end
            if judged
            and not flagged
            and not ordinary_cap
            and (folded in known or folded in ordinary)
            and (len(word) > 2 or not _sentence_start(text, start))  # not "If Kofi…"
            else None
        )
    if run is not None and not _cited(text, run):
        yield run


def _named_thing(text: str, start: int, end: int, proper: int | None) -> bool:
    """Whether a given name here names a thing: a word such as "Report" follows, or a
    capitalised word that is not a name comes just before ("Youth Justice")."""
    thing = NAMED_THING.match(text, end)
    if thing is not None:  # "the Bradley Report", not "Min-jun Park says"
        last = thing.group().split()[-1]
        role = last.casefold() in ROLE_WORDS  # "Justice Worker says"
        # a thing in lower case acts as a thing: "the Kiran helpline gave her my details"
        return (
            role
            or last.islower()
            or (
                PERSON_NEXT.match(text, thing.end()) is None
                and not AGE_NEXT.match(text, thing.end())
            )
        )
    return proper is not None and _joins(text[proper:start])


def _joins(gap: str) -> bool:
    """Whether two words are one name: only spaces between, not a line break."""
    return not gap.strip() and "\n" not in gap


def _cited(text: str, run: tuple[int, int]) -> bool:
    """A cited author or a thing named after a person ("the Oliver McGowan training"),
    never a name a title or an introducer points at."""
    thing = NAMED_THING.match(text, run[1]) if " " in text[run[0] : run[1]] else None
    if thing is not None and PERSON_NEXT.match(text, thing.end()) is None:
        return True
    cue = cue_before(text, run[0])
    if cue is not None and cue.lower() not in DONE_TO:
        # only "Dr. Seuss", "Mr Bean": a well-known name and title
        return well_known(text, run, titled=True)
    return cited(text, run)


def _sentence_start(text: str, start: int) -> bool:
    return _SENTENCE_END.search(text, max(0, start - 4), start) is not None
