"""My identity map: the clinician's own identities across Hays' ADDRESSING domains, as
plain records, and the rules every way in shares (the app, ``reflect identity``).

Hays' ADDRESSING framework names ten areas of identity in which people hold more or
less power (Age and generation, Developmental and Acquired disability, Religion,
Ethnicity, Social class, Sexual orientation, Indigenous heritage, National origin,
Gender). The questions below are in our own words. The domain keys are stored in the
vault: never rename one.

Pure functions over plain values: the journal stores what they accept, the command and
the app show the one sentence they raise (:class:`IdentityProblem`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reflect_tui.core import clock


@dataclass(frozen=True)
class Domain:
    key: str
    #: The name shown beside the box.
    name: str
    #: The option a prompt uses for it (the built-in identity set's wording).
    option: str
    #: What to think about, in a line.
    question: str


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "age",
        "Age and generation",
        "Age and generation",
        "Your age, and the generation and times you grew up in.",
    ),
    Domain(
        "disability_developmental",
        "Developmental disability",
        "Disability, developmental or acquired",
        "A disability or difference you were born with or grew up with, or none.",
    ),
    Domain(
        "disability_acquired",
        "Acquired disability",
        "Disability, developmental or acquired",
        "A disability or illness that came later in life, or none.",
    ),
    Domain(
        "religion",
        "Religion and spirituality",
        "Religion and spirituality",
        "The faith or worldview you were raised in, and the one you hold now.",
    ),
    Domain(
        "ethnicity",
        "Ethnicity and race",
        "Ethnicity and race",
        "How you name your ethnicity, and how others tend to see your race.",
    ),
    Domain(
        "social_class",
        "Social class",
        "Social class and income",
        "The class you grew up in, your income and schooling now.",
    ),
    Domain(
        "sexual_orientation",
        "Sexual orientation",
        "Sexual orientation",
        "Who you are drawn to and love, and how openly you can say so.",
    ),
    Domain(
        "indigenous",
        "Indigenous heritage",
        "Indigenous heritage",
        "Indigenous heritage you hold, or the land and peoples where you work.",
    ),
    Domain(
        "national_origin",
        "National origin and language",
        "National origin and language",
        "Where you and your family come from, and the languages and accent you speak in.",
    ),
    Domain(
        "gender",
        "Gender",
        "Gender",
        "Your gender, and how others read it.",
    ),
)
DOMAIN_KEYS: tuple[str, ...] = tuple(d.key for d in DOMAINS)
BY_KEY: dict[str, Domain] = {d.key: d for d in DOMAINS}

#: What a domain tends to bring in the work: key -> the words shown.
STANCES: dict[str, str] = {
    "": "not said",
    "privilege": "privilege",
    "marginalisation": "marginalisation",
    "both": "both privilege and marginalisation",
    "neither": "neither",
    "unsure": "not sure",
}
#: Whether clients can usually see or hear it: key -> the words shown.
VISIBLE: dict[str, str] = {
    "": "not said",
    "yes": "clients can usually see or hear it",
    "sometimes": "clients sometimes see or hear it",
    "no": "clients usually cannot see or hear it",
}
#: Words a line may use for each stance and visibility (American spelling too).
_STANCE_WORDS = {
    "privilege": "privilege",
    "privileged": "privilege",
    "marginalisation": "marginalisation",
    "marginalization": "marginalisation",
    "marginalised": "marginalisation",
    "marginalized": "marginalisation",
    "both": "both",
    "neither": "neither",
    "unsure": "unsure",
    "not sure": "unsure",
}
_VISIBLE_WORDS = {
    "visible": "yes",
    "seen": "yes",
    "sometimes": "sometimes",
    "sometimes visible": "sometimes",
    "not visible": "no",
    "hidden": "no",
    "invisible": "no",
}
SALIENT_WORD = "salient"


class IdentityProblem(ValueError):
    """One sentence saying what cannot be taken and what to do."""


@dataclass(frozen=True)
class DomainEntry:
    """What the clinician said about one domain (every part optional)."""

    domain: str
    description: str = ""
    stance: str = ""
    visible: str = ""
    #: Marked as often present in their work.
    salient: bool = False

    @property
    def empty(self) -> bool:
        return not (self.description.strip() or self.stance or self.visible or self.salient)


@dataclass(frozen=True)
class IdentityMap:
    """One saved version of the map; ``number`` counts from 1, oldest first."""

    number: int
    saved: datetime
    utc_offset: int
    #: What changed in how they see it, in their words ("" for the first).
    note: str
    entries: tuple[DomainEntry, ...]
    id: int | None = None

    @property
    def day(self) -> date:
        return clock.day_of(self.saved, self.utc_offset)

    def entry(self, key: str) -> DomainEntry:
        for entry in self.entries:
            if entry.domain == key:
                return entry
        return DomainEntry(key)

    @property
    def salient(self) -> tuple[str, ...]:
        """The salient domains' keys, in ADDRESSING order."""
        return tuple(k for k in DOMAIN_KEYS if self.entry(k).salient)


def checked_entries(entries: list[DomainEntry]) -> tuple[DomainEntry, ...]:
    """Every domain once, in ADDRESSING order (empty ones kept out); IdentityProblem
    when one is unknown or says an unknown stance or visibility."""
    seen: dict[str, DomainEntry] = {}
    for entry in entries:
        if entry.domain not in BY_KEY:
            raise IdentityProblem(
                f"{entry.domain!r} is not one of the domains ({', '.join(DOMAIN_KEYS)}); "
                "nothing was saved."
            )
        if entry.stance not in STANCES or entry.visible not in VISIBLE:
            raise IdentityProblem(f"The {BY_KEY[entry.domain].name} line says something unknown.")
        seen[entry.domain] = entry
    return tuple(seen[k] for k in DOMAIN_KEYS if k in seen and not seen[k].empty)


def entry_words(entry: DomainEntry) -> str:
    """The entry in one line of words, for a text version or the side of a prompt."""
    parts = [entry.description.strip() or "(no words)"]
    if entry.stance:
        parts.append(STANCES[entry.stance])
    if entry.visible:
        parts.append(VISIBLE[entry.visible])
    if entry.salient:
        parts.append("often present in my work")
    return "; ".join(parts)


def map_rows(identity_map: IdentityMap) -> list[tuple[str, str]]:
    """(domain name, its words) for each domain the map describes, in ADDRESSING order."""
    return [
        (domain.name, entry_words(identity_map.entry(domain.key)))
        for domain in DOMAINS
        if not identity_map.entry(domain.key).empty
    ]


def export_intro(identity_map: IdentityMap) -> str:
    return (
        f"Version {identity_map.number} of my identity map, saved {identity_map.day.isoformat()}, "
        "across Hays' ADDRESSING domains, in my own words."
    )


def salient_summary(identity_map: IdentityMap) -> str:
    """One line for beside a prompt: the domains often present in the work, with the
    clinician's words, or how many domains the map describes."""
    salient = identity_map.salient
    if salient:
        names = []
        for key in salient:
            words = identity_map.entry(key).description.strip()
            names.append(BY_KEY[key].name + (f" ({words})" if words else ""))
        return f"My map, often in my work: {', '.join(names)}."
    described = sum(1 for e in identity_map.entries if not e.empty)
    return f"My map describes {described} domain{'s' if described != 1 else ''}."


def map_lines(identity_map: IdentityMap) -> list[str]:
    """The map as plain text (``reflect identity show``, an export)."""
    lines = [f"My identity map, version {identity_map.number} of {identity_map.day.isoformat()}"]
    if identity_map.note.strip():
        lines.append(f"What changed: {identity_map.note.strip()}")
    lines.append("")
    lines += [f"{name}: {words}" for name, words in map_rows(identity_map)]
    if not identity_map.entries:
        lines.append("(every domain left empty)")
    return lines


def compare_lines(older: IdentityMap, newer: IdentityMap) -> list[str]:
    """What differs between two versions, domain by domain (unchanged ones left out)."""
    lines = [
        f"Version {older.number} ({older.day.isoformat()}) and "
        f"version {newer.number} ({newer.day.isoformat()})"
    ]
    if newer.note.strip():
        lines.append(f"What changed, in your words then: {newer.note.strip()}")
    lines.append("")
    changed = False
    for domain in DOMAINS:
        before, after = older.entry(domain.key), newer.entry(domain.key)
        if before == after:
            continue
        changed = True
        lines.append(f"{domain.name}")
        lines.append(f"  then: {entry_words(before) if not before.empty else '(empty)'}")
        lines.append(f"  now:  {entry_words(after) if not after.empty else '(empty)'}")
    if not changed:
        lines.append("The two versions say the same in every domain.")
    return lines


def _one(name: str, before: str, now: str) -> str:
    if before and before != now:
        raise IdentityProblem(
            f"The {name} line says both {before!r} and {now!r}: keep the one you mean; "
            "nothing was saved."
        )
    return now


def parse_entry_line(domain: str, rest: str) -> DomainEntry:
    """``description | stance | visibility | salient``: after the description, each part
    is optional and may come in any order."""
    description, *marks = rest.split("|")
    stance = visible = ""
    salient = False
    name = BY_KEY[domain].name
    for raw in marks:
        mark = " ".join(raw.lower().split())
        if not mark:
            continue
        if mark in _STANCE_WORDS:
            stance = _one(name, stance, _STANCE_WORDS[mark])
        elif mark in _VISIBLE_WORDS:
            visible = _one(name, visible, _VISIBLE_WORDS[mark])
        elif mark == SALIENT_WORD:
            salient = True
        else:
            raise IdentityProblem(
                f"In the {name} line, {raw.strip()[:30]!r} is not one of privilege, "
                "marginalisation, both, neither, unsure, visible, sometimes, hidden or "
                "salient; nothing was saved."
            )
    return DomainEntry(domain, " ".join(description.split()), stance, visible, salient)


def parse_lines(text: str) -> tuple[tuple[DomainEntry, ...], str]:
    """The pipe format of ``reflect identity edit``: one ``key: description | marks``
    line a domain (see :func:`parse_entry_line`), and ``note:`` for what changed;
    domains left out are empty. Blank lines and lines starting with # are skipped."""
    entries: list[DomainEntry] = []
    note = ""
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, rest = line.partition(":")
        key = key.strip().lower().replace(" ", "_").replace("-", "_")
        if not colon:
            raise IdentityProblem(
                f"Line {number} has no 'domain:' at its start (like 'gender: ...'); "
                "nothing was saved."
            )
        if key != "note" and key not in BY_KEY:
            raise IdentityProblem(
                f"Line {number} starts with {key!r}, which is not note or one of the "
                f"domains ({', '.join(DOMAIN_KEYS)}); nothing was saved."
            )
        if key in seen:
            name = "note" if key == "note" else BY_KEY[key].name
            raise IdentityProblem(
                f"Line {number} is a second {name} line: put all of it on one line; "
                "nothing was saved."
            )
        seen.add(key)
        if key == "note":
            note = rest.strip()
            continue
        entries.append(parse_entry_line(key, rest))
    return checked_entries(entries), note


def ordered_options(options: tuple[str, ...], salient: tuple[str, ...]) -> tuple[str, ...]:
    """A prompt's options with the salient domains' options first (each group keeps the
    set's order)."""
    first = {BY_KEY[k].option.casefold() for k in salient if k in BY_KEY}
    return tuple(o for o in options if o.casefold() in first) + tuple(
        o for o in options if o.casefold() not in first
    )


def domains_of_option(option: str) -> tuple[str, ...]:
    """The domains a chosen option stands for (two for the shared disability option)."""
    return tuple(d.key for d in DOMAINS if d.option.casefold() == option.strip().casefold())


def review_due(saved: date, today: date, months: int) -> bool:
    """True when ``months`` whole months have passed since ``saved`` (a month ends on
    the same day number, or the month's last day when it has no such day)."""
    month = saved.month - 1 + months
    year, month = saved.year + month // 12, month % 12 + 1
    last = (date(year + month // 12, month % 12 + 1, 1) - date.resolution).day
    return today >= date(year, month, min(saved.day, last))
