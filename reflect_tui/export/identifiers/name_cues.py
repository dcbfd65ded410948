"""The words just before a capitalised word that point at a person: a title ("Mr",
"Dr.", "Whaea"), an introducer ("my client", "her son,", "told"), or how the person is
called ("calls him Red", "goes by Jas"). :mod:`names` asks about the word after them.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.person_context import (
    KIN_WORDS,
    NAMED_AS,
    NAMED_THING,
    PERSON_NEXT,
    SPOKE_OR_ACTED,
    SPOKE_OR_ACTED_ANY_CASE,
    WHO_BETWEEN_COMMAS,
)
from reflect_tui.export.identifiers.word_lists import (
    fold,
    given_names,
    known_terms,
    name_words,
    ordinary_words,
)

TITLES = frozenset(
    "mr mrs ms miss mx dr prof sr sra srta herr frau mme mlle madame monsieur sir dame "
    "auntie aunty uncle rabbi imam sheikh pastor rev reverend coach judge officer whaea "
    "tío tía tio tia tita tito kuya manang manong mdm encik cik puan tuan datuk dato "
    "mevrouw meneer mw dhr koro kuia nana-ji "
    "sgt sergeant cpl corporal lt lieutenant capt captain col colonel fr cllr "
    "shri sri smt shrimati kumari pandit swami private pte pvt tatay nanay itay inay lolo "
    "deacon deaconess bishop apostle prophet evangelist".split()
)
#: Titles that are ordinary words too: only a word no list knows is a name after them
#: ("Private Kowalski", not "Private Practice").
WORD_TITLES = frozenset("private".split())
#: A title before a word ("Mr ", "Dr. ") makes it a name; the title itself is not
#: redacted ("Dr. [name]" still reads).

#: Words after which a capitalised word is a person (the last few words before it).
_INTRODUCERS = frozenset(
    """client clients patient patients supervisee son sons daughter daughters mother mum
    mom mam father dad partner wife husband spouse girlfriend boyfriend fiancé fiancée
    sister brother sibling aunt uncle grandmother grandfather grandma grandpa granny
    nana niece nephew cousin friend colleague teacher boss manager child baby toddler
    teen teenager stepson stepdaughter stepmother stepfather caseworker worker nurse
    doctor interpreter neighbour neighbor landlord carer caregiver named called
    name's nicknamed youngest eldest oldest firstborn twin grandson granddaughter
    grandchild asked told saw met texted rang phoned visited thanked reminded
    brought collected fetched dropped minded hugged mispronounced misgendered""".split()
)
#: Relations in the plural: "her sisters Kenya and Georgia". Often a possessive without
#: its apostrophe too ("her kids Christmas", "my parents Devon cottage"): after them
#: only a given name or a word no list knows, and only where a name ends ("her parents
#: Ana and Luis", not "the kids Paris trip"). "sons" and "daughters" introduce a name
#: as "son" does ("her daughters Halo and Journey").
PLURAL_KIN = frozenset(
    """sisters brothers siblings cousins friends twins kids children grandchildren grandkids
    nieces nephews parents grandparents""".split()
)
#: What is done to a person, by a person ("he hit Jordan", "her ex stalked Sydney"; not
#: "the storm hit Sydney", "Russia attacked Georgia"): only a given name or a word no
#: list knows is a name after them.
HARMED = frozenset(
    """beat hit punched kicked slapped pushed shoved attacked assaulted bullied threatened
    stabbed strangled choked raped abused groomed stalked harassed""".split()
)
_SOMEONE_DID = re.compile(
    r"(?<![\w'’])(?:he|she|they|i|we|who|someone|somebody|ex|dad|mum|mom|father|mother|stepdad"
    r"|stepfather|stepmum|stepmother|brother|sister|uncle|aunt|partner|husband|wife"
    r"|boyfriend|girlfriend|son|daughter|cousin|teacher|boy|girl|kid|kids|boys|girls|man"
    r"|woman|men|lads)[ \t]+(?:(?:had|has|have|was|allegedly|then|also|repeatedly|never"
    r"|once|just|sometimes|always|still)[ \t]+)*\Z",
    re.I,
)
_A_NAME_DID = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+\Z")


def _someone_did(text: str, verb: int) -> bool:
    """Whether a person, not a storm or a country, did the harm at ``verb``: "he hit",
    "her ex stalked", "Tyler punched"; not "Covid hit", "Russia attacked"."""
    if _SOMEONE_DID.search(text, max(0, verb - 40), verb) is not None:
        return True
    subject = _A_NAME_DID.search(text, max(0, verb - 20), verb)
    if subject is None:
        return False
    word = subject.group(1)
    return fold(word) in given_names() and word.casefold() not in known_terms()


#: After these, a given name or a word no list knows (never an ordinary word or a known
#: term that is not a place) is a name: also "the little boy, Paris," (not "the girl
#: Guides").
GIVEN_AFTER = PLURAL_KIN | HARMED | frozenset("boy girl lad lass kid youngster".split())
#: After a pet, any capitalised word but a known term is its name: "the dog Biscuit".
PETS = frozenset(
    "dog cat puppy kitten pony pup budgie rabbit hamster parrot tortoise ferret horse".split()
)
_INTRODUCERS |= GIVEN_AFTER | PETS
#: Introducers that are done to a thing as often ("brought Ensure", "dropped Maths"):
#: after them only a word that no list knows is a name ("brought Nakato along").
DONE_TO = frozenset(
    "brought collected fetched dropped minded hugged mispronounced misgendered".split()
)
#: Introducers that are verbs: a word in capitals after them is as often a service or a
#: test ("asked CAMHS", "told AMHS") as a surname.
VERB_CUES = (
    DONE_TO
    | HARMED
    | frozenset(
        "asked told saw met texted rang phoned visited thanked reminded called emailed "
        "contacted referred paged".split()
    )
)
#: Introducers that name a person outright: a known word after them is still asked.
NAMING_CUES = frozenset("client clients patient patients supervisee named nicknamed".split())
#: Known words a title or an introducer still does not make a name ("my client Monday").
NEVER_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april june july august september october november december god lanka lankan lankans".split()
)
#: What a person is called that is not a name: "kept calling me Mummy".
WHAT_KIN_ARE_CALLED = frozenset(
    "mummy mum mom mommy mama mam dad daddy papa mother father nan nana gran granny grandma "
    "grandpa sir madam miss love darling sweetheart honey babe baby son dear lola lolo "
    "oppa unnie noona hyung umma appa teta jiddo nani dadi nonna nonno abuela abuelo "
    "babcia dziadek oma opa bubbe zayde koro kuia ouma oupa gogo ammi abba".split()
)


#: The word just before a candidate (a full stop, spaces and a comma between at most).
_PREVIOUS = re.compile(r"([^\W\d_]+)\.?[ \t]*,?[ \t]+\Z")


_PARTICLES_BEFORE = re.compile(
    r"\b(?:van|von|de|del|della|di|da|du|der|den|ten|ter|la|le|bin|bint|ibn|al|el|ní|nic|ó)"
    r"(?:\s+(?:de|der|den|la|le))?\s+\Z",
    re.I,  # "Mr Ó Súilleabháin", "Mrs De Souza"
)

#: How a person is called, just before the name: "calls him Wee Tam", "goes by Jas",
#: "known as Cricket", "her street name is Cricket".
_NAMING = re.compile(
    r"(?:\b(?:calls?|called|calling|nicknamed|christened)\s+(?:him|her|them|me|himself"
    r"|herself|themselves|themself)|\b(?:dog|cat|puppy|kitten|horse|pet)\s+(?:is|was)\s+called"
    r"|\bgo(?:es)?\s+by|\bwent\s+by|\bknown\s+as|\bnickname\s+is"
    r"|\bname\s+(?:is|was)|\banswers?\s+to|\banswered\s+to)\s+[\"“']?\Z",
    re.I,
)


def cue_before(text: str, start: int) -> str | None:
    """The title ("Mr", "Dr.") or the word introducing a person just before, as written,
    also across a family name's particles ("Herr ten Brink", "Mrs van der Berg")."""
    particles = _PARTICLES_BEFORE.search(text, max(0, start - 12), start)
    if particles is not None:
        start = particles.start()
    naming = _NAMING.search(text, max(0, start - 30), start)
    if naming is not None:  # "calls him Red": a name, even a known word; not "known as"
        return "known" if naming.group().lower().startswith("known") else "named"
    before = start - 1
    while before >= 0 and text[before] in " \t,":
        before -= 1
    if before < 0 or not (text[before].isalpha() or text[before] == "."):
        return None  # a sentence's or a line's start: the common case, decided here
    previous = _PREVIOUS.search(text, max(0, start - 24), start)
    if previous is None:
        return None
    word = previous.group(1)
    if text[before] == "." and word.lower() not in TITLES:
        return None  # "…for this client. Back to basics": a sentence ended
    if word == "Ate":  # the Filipino title of an elder sister, never the verb
        return word
    lowered = word.lower()
    if lowered in GIVEN_AFTER and word[0].isupper():
        return None  # "Children First", "Parents Plus": a programme's name
    if lowered in HARMED and not _someone_did(text, previous.start(1)):
        return None  # "the storm hit Sydney", "Kerry beat Dublin"
    if lowered in _INTRODUCERS or lowered in TITLES:
        return word
    if lowered in KIN_WORDS and (
        word[0].isupper() or _WHOSE.search(text, max(0, start - 40), previous.start(1))
    ):
        return word  # "her halmeoni, Soon-ja,", "Abuela Lupe", "Oma Greta": a relation too
    return None


def title_here(text: str, end: int, folded: str) -> bool:
    """Whether the word ending at ``end`` is a title: always, unless it is a given name
    too and no capitalised word follows ("Kumari Anjali", but "Kumari and her husband"), nor
    a relation."""
    if folded not in TITLES:
        return False
    if folded in KIN_WORDS or folded in _GIVEN_TOO:
        return True  # "Tita came with her": a relation, which kin_word_alone knows
    return fold(folded) not in given_names() or _A_CAPITAL_NEXT.match(text, end) is not None


_WHOSE = re.compile(r"\b(?:her|his|their|my|our)\s+\Z", re.I)


def after_comma(text: str, start: int) -> bool:
    before = start - 1
    while before >= 0 and text[before] in " \t":
        before -= 1
    return before >= 0 and text[before] == ","


#: Relations that are not names alone: "Nana told her", "her Lola raised her", "Koro
#: and Nan were there"; but "Nana Pat", "Lola Remedios" are a title and a name.
_ENGLISH_KIN = frozenset(
    "nan nana nanna gran granny grandma grandpa nanny mama papa sis bro nain taid".split()
)
#: Words for a relation in other languages that are common given names as well.
_GIVEN_TOO = frozenset("anna lola tia tita tito abu ong ông oma dede bibi".split())
_KIN_CUES = frozenset("mum mom mam dad mother father auntie aunty uncle".split())
_RELATIONS = _ENGLISH_KIN | KIN_WORDS | _KIN_CUES
_A_CAPITAL_NEXT = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
_WHO_THEY_ARE = re.compile(r",?[ \t]+who\b|,[ \t]+(?:the|a|an|her|his|my|our|their)\b")


def kin_word_alone(text: str, start: int, end: int, folded: str) -> bool:
    """Whether the capitalised word at ``text[start:end]`` is a relation, not a name."""
    if folded not in _ENGLISH_KIN and (folded not in KIN_WORDS or folded in _GIVEN_TOO):
        return False  # "my Anna would never do that" may be a daughter
    if _A_CAPITAL_NEXT.match(text, end) is not None or _WHO_THEY_ARE.match(text, end):
        return False  # "Nana Pat"; "his Lola, who's just started school"
    cue = cue_before(text, start)
    if cue is not None:  # "Mum, Nan and Auntie" are kin; "my client Nana" is a name
        return cue.lower() in _RELATIONS
    # "her Lola raised her", "her Nan"; "Session with Nana went well" may be a name
    return _WHOSE.search(text, max(0, start - 8), start) is not None


_ENDS_A_NAME = re.compile(r"[ \t]*(?:[,;:.!?)/&]|and\b|or\b|\Z)")


def named_after(
    text: str,
    end: int,
    cue: str,
    *,
    word_name: bool,
    given: bool,
    ordinary: bool,
    known: bool,
    place: bool,
) -> bool:
    """After a plural relation or a harm (:data:`GIVEN_AFTER`), whether the word ending at
    ``end`` is a name: a name that is a word ("Grace"), a given name that is not an
    ordinary word nor a known term other than a place ("Kenya"), or a word no list knows;
    after a plural relation only where a name ends ("her parents Ana and Luis"; not "the
    kids Paris trip", "her kids Christmas presents")."""
    a_name = word_name or (given and not ordinary and (place or not known))
    if not (a_name or not (known or ordinary)):
        return False
    if cue.lower() not in PLURAL_KIN:
        return True
    return _ENDS_A_NAME.match(text, end) is not None or PERSON_NEXT.match(text, end) is not None


def after_cue(
    text: str,
    start: int,
    end: int,
    cue: str,
    *,
    word_name: bool,
    given: bool,
    exactly_given: bool,
    ordinary: bool,
    known: bool,
    place: bool,
) -> bool:
    """Whether the capitalised word at ``start:end``, after the cue :func:`cue_before`
    found, is a name. A title or an introducer asks about it, even a known word; after a
    comma only a name ("her son, Mateo,"), not a list ("his mum, English with me"), and
    so after a capital ("Father O'Brien", not "Child Protective Services")."""
    lowered = cue.lower()
    if lowered in PETS:  # "the dog Biscuit", not "pony Club"
        thing = NAMED_THING.match(text, end) or NAMED_THING.match(text, start - 1)
        return (word_name or not known) and thing is None
    if lowered in GIVEN_AFTER:  # "her sisters Kenya and Georgia", "hit Jordan"
        return named_after(
            text,
            end,
            cue,
            word_name=word_name,
            given=given,
            ordinary=ordinary,
            known=known,
            place=place,
        )
    weak = (
        after_comma(text, start)
        or (cue[0].isupper() and lowered not in TITLES)
        or lowered in DONE_TO | WORD_TITLES
    )
    return (not weak or word_name or text.startswith(",", end) or not (known or ordinary)) and not (
        # "the father Saudi", "his mum English": a people's word after a relation, not
        # after a word that names a client ("my client Fisher")
        known and lowered not in TITLES | NAMING_CUES and not exactly_given
    )


#: A number just after a word: a score's name ("EPDS 18", "CORE-10"), not a surname.
_A_SCORE_NEXT = re.compile(r"[ \t]*[-:=]?[ \t]*\d")


#: What only a person does, just after a short name in capitals: "ALI said", "ZOE
#: cancelled" (not "SHA doesn't cover", "SHU talked").
_SAID = re.compile(
    r"[ \t]+(?:said|says|told|asked|cancelled|canceled|texted|rang|phoned|emailed|cried"
    r"|laughed|no-showed)\b",
    re.I,
)
#: Where a surname in capitals ends: a clause or a person's doing.
_ENDS_HERE = re.compile(r"[ \t]*(?:[,;:.!?)]|\Z)")


def shouted_name(text: str, start: int, end: int, gap_ok: bool) -> bool:
    """Whether a word in capitals is a name: a given name before a person's verb
    ("LUCÍA cancelled again", "ALI said"); a surname after a title ("Mr SMITH", "Dr.
    O'NEILL"), even a word when the title is not in capitals too ("Ms LEE"; not "ASK DR
    ABOUT DOSE"); a given name after a name or a relation ("her son ADAM"), or a word
    no list knows there that ends a clause or does what a person does ("Tomasz
    KOWALSKI", "my client ADAMCZYK came late"), but not a term or a score ("client DNA
    today", "asked CAMHS", "a bad mother, EPDS 18")."""
    word = text[start:end]
    folded = word.casefold()
    if not any(c in "aeiouy" for c in folded):
        return False  # "Dr PHQ", "Mr T"
    given = fold(word) in given_names() or folded in name_words()
    ordinary = folded in ordinary_words() or folded in known_terms()
    if given and (
        (len(folded) > 3 and SPOKE_OR_ACTED_ANY_CASE.match(text, end) is not None)
        or (len(folded) > 2 and _SAID.match(text, end) is not None)
    ):
        return True  # "BRANDON no show again", "LUCÍA cancelled", "HOPE wants", "ALI said"
    cue = cue_before(text, start)
    if cue is not None and cue.lower().rstrip(".") in TITLES:
        return not (cue.isupper() and ordinary)
    if not (gap_ok or (cue is not None and cue.lower() not in VERB_CUES)):
        return False
    if ordinary or _A_SCORE_NEXT.match(text, end) is not None:
        return False
    if given or gap_ok:
        return True  # "her son ADAM", "Tomasz KOWALSKI"
    return len(folded) > 4 and (
        _ENDS_HERE.match(text, end) is not None or SPOKE_OR_ACTED.match(text, end) is not None
    )


#: Words that open a sentence and are never who a person is: "Afterwards, the mother,".
_OPENERS = frozenset(
    "afterwards overall meanwhile again yesterday today tonight later earlier then now still "
    "however anyway instead also first second third next last finally sadly honestly "
    "unfortunately apparently eventually interestingly thankfully luckily".split()
)


def named_as(text: str, start: int, end: int) -> bool:
    """Whether what follows the word at ``text[start:end]`` says who it names: "Colt, the
    youngest rider,", "Jack, a former medic," (not "Sadly, the grandmother,")."""
    if NAMED_AS.match(text, end) is not None:
        return True
    word = text[start:end].casefold()
    return (
        WHO_BETWEEN_COMMAS.match(text, end) is not None
        and not word.endswith("ly")
        and word not in _OPENERS
    )
