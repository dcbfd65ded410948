"""Scanning one text: candidate spans, overlaps resolved, masked excerpts, redaction."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from reflect_tui.export.identifiers import cached as _cached
from reflect_tui.export.identifiers.kinds import REPLACEMENTS, Finding, Kind
from reflect_tui.export.identifiers.public_numbers import is_public
from reflect_tui.export.identifiers.watch_words import (
    WatchList,
    compile_watch_words,
    watch_spans,
)


class _Detector(NamedTuple):
    """The patterns and the name check, loaded when a text is first scanned (about 0.1 s
    of regular expressions and word lists): an export whose every text the vault's
    findings cache knows never loads them (see cached.py)."""

    patterns: tuple[tuple[Kind, re.Pattern[str], str], ...]
    not_states: frozenset[str]
    tld_hint: re.Pattern[str]
    street_hint: Callable[[str], bool]
    month_hint: Callable[[str], bool]
    name_spans: Callable[[str, frozenset[str]], Iterator[tuple[int, int]]]
    a_street: Callable[[str, re.Match[str]], bool]


@cache
def _detector() -> _Detector:
    from reflect_tui.export.identifiers.context_patterns import (
        CONTEXT_PATTERNS,
        month_hint,
        street_hint,
    )
    from reflect_tui.export.identifiers.names import name_spans
    from reflect_tui.export.identifiers.patterns import NOT_STATES, PATTERNS, TLDS
    from reflect_tui.export.identifiers.regional_addresses import a_street

    return _Detector(
        (*PATTERNS, *CONTEXT_PATTERNS),
        NOT_STATES,
        re.compile(rf"\.{TLDS}(?![\w-])"),
        street_hint,
        month_hint,
        name_spans,
        a_street,
    )


# --- scanning -------------------------------------------------------------------------

_Span = tuple[int, int, Kind]


_DIGITS = re.compile(r"\d+")
_WHITESPACE = re.compile(r"\s")
#: Every pattern's match lies within this many characters of a digit in it, and looks
#: at most this far past its end (e.g. "March 5 minutes", "postal code: 12345").
_MARGIN = 40


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Stretches around the digits, widened to whitespace, where digit patterns can match.

    Most reflections have few digits, so the sixteen patterns that need one run over a
    few short windows instead of the whole text. Lookbehinds still see the text before a
    window; a window ends at whitespace, so lookaheads see what the whole text has.
    """
    windows: list[tuple[int, int]] = []
    for run in _DIGITS.finditer(text):
        lo, hi = max(0, run.start() - _MARGIN), run.end() + _MARGIN
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    snapped = []
    for lo, hi in windows:
        space = _WHITESPACE.search(text, hi)
        snapped.append((lo, space.start() if space else len(text)))
    return snapped


def _spelled_age(lowered: str) -> bool:
    return any(part in lowered for part in ("ninet", "hundred", "novent", "narian"))


def _suspect(text: str) -> bool:
    """Whether any pattern could match: each needs a digit, "@", ":", "www." or a domain
    ending. Most reflections have none, and substring tests clear them quickly."""
    if any(clue in text for clue in "0123456789@:"):
        return True
    if not text.isascii() and _DIGITS.search(text):  # the digits of other scripts
        return True
    lowered = text.lower()
    if _spelled_age(lowered):  # "ninety", "noventa", "nonagenarian"
        return True
    detector = _detector()
    if detector.street_hint(text) or detector.month_hint(text):
        return True
    return "www." in lowered or detector.tld_hint.search(text) is not None


def _worth_trying(needs: str, text: str) -> bool:
    """A cheap test that skips patterns which cannot match."""
    if needs == "at":
        return "@" in text
    if needs == "scheme":
        return "://" in text or "www." in text.lower()
    if needs == "tld":
        return _detector().tld_hint.search(text) is not None
    if needs == "ninety":
        lowered = text.lower()
        return _spelled_age(lowered)
    if needs == "street":
        return _detector().street_hint(text)
    if needs == "month":
        return _detector().month_hint(text)
    return "::" in text or text.count(":") >= 7  # "ipv6"


_MANUAL = re.compile(r"(?:DSM|ICD|PHQ|GAD|PCL|CORE|DASS|EPDS|AUDIT|K)-", re.I)
_YEARS = re.compile(r"(?:(?:19|20)\d\d[ -]?)+")


def _plausible_number(groups: dict[str, str | None], found: str) -> bool:
    """Short groups ("XJH 448 210 93") hold a letter and six digits, not a list of scores
    ("12 15 18 21", "IN 2019 I"); hyphened groups ("4471-2290-33") seven digits, not a
    range ("20-30", "ages 13-17")."""
    digits = sum(c.isdigit() for c in found)
    if groups.get("grouped") is not None:
        letters = sum(c.isalpha() for c in found)
        return digits >= 6 and letters >= 1 and letters <= digits
    if groups.get("hyphened") is not None:
        return digits >= 7
    if groups.get("coded") is not None:  # a code has letters or several parts, 3+ digits
        if _MANUAL.match(found):
            return False  # "DSM-5 309.81", "ICD-10 F43": a diagnosis, not a person's number
        return digits >= 3 and (any(c.isalpha() for c in found) or found.count("/") >= 2)
    if groups.get("spaced") is not None:  # not a list of scores: one group of 4+ digits
        return digits >= 9 and max(len(g) for g in found.split()) >= 4
    # the place lists load on first use, never for an export whose texts are all known
    from reflect_tui.export.identifiers.towns import a_city, a_town

    suburb = groups.get("suburb")
    if suburb is not None and _YEARS.fullmatch(groups.get("id") or ""):
        # "Randwick 2031", not "Canada 2016"
        return not a_city(suburb.split()[-1])
    town = groups.get("town")
    if town is not None:  # "2196, Sandton", "1010 Wien"; never "2500, Christmas"
        return a_town(town)
    city = groups.get("city")
    if city is not None:  # "Amsterdam 1012", "Zürich 8022"; never "Zoom 1230", "Ward 1234"
        return a_city(city)
    place = groups.get("place")
    if place is not None:  # "Austin 78704", never "Walked 12000" or "In 10000"
        word = place.split()[-1].casefold()
        from reflect_tui.export.identifiers.word_lists import known_terms, ordinary_words

        return word in known_terms() or word not in ordinary_words()
    return True


def _raw_matches(
    text: str,
    watch: WatchList | None,
    fine: frozenset[str] = frozenset(),
    *,
    shortcuts: bool = True,
) -> list[_Span]:
    """Every match of every pattern; ``shortcuts=False`` is the plain, slow way the
    tests compare the quick tests and the digit windows against."""
    spans: list[_Span] = []
    suspect = _suspect(text) or not shortcuts
    windows = _digit_windows(text) if shortcuts and suspect else [(0, len(text))]
    detector = _detector()
    for kind, pattern, needs in detector.patterns if suspect else ():
        matches: Iterator[re.Match[str]]
        if needs == "digit":
            if not windows:
                continue
            matches = (m for lo, hi in windows for m in pattern.finditer(text, lo, hi))
        elif _worth_trying(needs, text):
            matches = pattern.finditer(text)
        else:
            continue
        for match in matches:
            groups = match.groupdict()
            if groups.get("state") in detector.not_states:
                continue
            if kind is Kind.PHONE and sum(c.isdigit() for c in match.group(0)) < 7:
                continue
            if kind is Kind.NUMBER and _YEARS.fullmatch(match.group(0)):
                continue  # "2019 2020 2021": years, not an account
            if not _plausible_number(groups, match.group(0)):
                continue
            if groups.get("street_name") is not None and not detector.a_street(text, match):
                continue
            start, end = match.span("id") if groups.get("id") is not None else match.span()
            if is_public(kind, text, start, end):
                continue
            spans.append((start, end, kind))
    if watch is not None:
        found = watch_spans(watch, text, shortcuts=shortcuts)
        spans.extend((start, end, Kind.WATCH_WORD) for start, end in found)
    spans.extend((start, end, Kind.NAME) for start, end in detector.name_spans(text, fine))
    return spans


def raw_spans(text: str) -> list[_Span]:
    """What the findings cache keeps of ``text``: every candidate span with no watch
    words and no fine words, before overlaps are resolved (sorted, each once)."""
    return sorted(set(_raw_matches(text, None))) if text else []


def settings() -> _cached.Settings:
    """What resolving and describing findings needs of the patterns (loads them)."""
    from reflect_tui.export.identifiers.patterns import EXCERPT_CONTEXT, PRIORITY

    return _cached.Settings(EXCERPT_CONTEXT, PRIORITY)


def _resolve(spans: list[_Span], priority: Mapping[Kind, int]) -> list[_Span]:
    """Keep the longest of overlapping matches (ties go to the higher-priority kind)."""
    chosen: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), priority[s[2]])):
        if chosen and span[0] < chosen[-1][1]:
            last = chosen[-1]
            if span[1] - span[0] > last[1] - last[0]:
                chosen[-1] = span
            continue
        chosen.append(span)
    return chosen


def _mask(text: str, spans: Sequence[_Span]) -> str:
    parts: list[str] = []
    position = 0
    for start, end, kind in spans:
        parts.append(text[position:start])
        parts.append(REPLACEMENTS[kind])
        position = end
    parts.append(text[position:])
    return "".join(parts)


_RUNS_OF_SPACE = re.compile(r"\s+")


def _excerpt(text: str, spans: Sequence[_Span], index: int, context: int) -> tuple[str, int, int]:
    """The text around finding ``index``, every finding in it masked, on one line, and
    where this finding's label is in it (so a screen can highlight it)."""
    start, end, kind = spans[index]
    lo = max(0, start - context)
    hi = min(len(text), end + context)
    # Widen the window to whole findings so no identifier is cut in half and leaks.
    inside = [s for s in spans if s[1] > lo and s[0] < hi]
    lo = min([lo, *(s[0] for s in inside)])
    hi = max([hi, *(s[1] for s in inside)])
    before = _mask(text[lo:start], [(s - lo, e - lo, k) for s, e, k in inside if e <= start])
    after = _mask(text[end:hi], [(s - end, e - end, k) for s, e, k in inside if s >= end])
    before = ("…" if lo > 0 else "") + _RUNS_OF_SPACE.sub(" ", before).lstrip()
    after = _RUNS_OF_SPACE.sub(" ", after).rstrip() + ("…" if hi < len(text) else "")
    # A possible name is shown as written: the clinician decides whether it is one.
    label = text[start:end] if kind is Kind.NAME else REPLACEMENTS[kind]
    return before + label + after, len(before), len(before) + len(label)


def find_identifiers(
    text: str, watch_words: Iterable[str] = (), fine_words: Iterable[str] = ()
) -> list[Finding]:
    """Every identifier in ``text``, in order, none overlapping; ``fine_words`` are words
    the clinician said are not names."""
    return _find(text, compile_watch_words(watch_words), _folded(fine_words))


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word.casefold() for word in words)


def _find(
    text: str,
    watch: WatchList | None,
    fine: frozenset[str] = frozenset(),
    *,
    shortcuts: bool = True,
) -> list[Finding]:
    if not text:
        return []
    raw = _raw_matches(text, watch, fine, shortcuts=shortcuts)
    return _findings(text, raw, settings()) if raw else []


def _findings(text: str, raw: list[_Span], known: _cached.Settings) -> list[Finding]:
    """The findings of ``text`` from its candidate spans: overlaps resolved, excerpts made."""
    if not raw:
        return []
    spans = _resolve(raw, known.priority)
    findings = []
    for i, (start, end, kind) in enumerate(spans):
        excerpt, focus_start, focus_end = _excerpt(text, spans, i, known.excerpt_context)
        word = text[start:end] if kind is Kind.NAME else ""
        findings.append(Finding(kind, start, end, excerpt, (focus_start, focus_end), word))
    return findings


def redact(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with each finding replaced by its label, e.g. ``[phone]``."""
    spans = sorted((f.start, f.end, f.kind) for f in findings)
    return _mask(text, spans)


class Scanner:
    """Scans many texts against one compiled watch list (what the record scan uses).

    ``cached`` maps a text's digest to its entry in the vault's findings cache (see
    :mod:`~reflect_tui.export.identifiers.cached`): a text found there is not scanned
    again, only matched against the watch words; the answer is the same as a full scan.
    Texts missing from it are scanned, and their entries collected in :attr:`computed`
    (a writer may keep them).
    """

    def __init__(
        self,
        watch_words: Iterable[str] = (),
        fine_words: Iterable[str] = (),
        *,
        cached: Mapping[bytes, str] | None = None,
    ) -> None:
        self._watch = compile_watch_words(watch_words)
        self._fine = _folded(fine_words)
        self._cached = cached
        self._fine_keys = _cached.fine_keys(self._fine)
        #: Cache entries for texts ``cached`` did not have: digest -> encoded spans.
        self.computed: dict[bytes, str] = {}
        self._settings: _cached.Settings | None = None
        # Prompts and set titles repeat in every session: scan each distinct text once.
        self._seen: dict[str, list[Finding]] = {}

    def find(self, text: str) -> list[Finding]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._scan(text)
        return list(found) if found else []

    def _scan(self, text: str, *, remember: bool = True) -> list[Finding]:
        known = self._cached
        if (
            known is None
            or not text
            or (self._fine_keys and _cached.touches(text, self._fine_keys))
        ):
            # A fine word changes what the name check decides around it: scanned whole.
            return _find(text, self._watch, self._fine)
        key = _cached.digest(text)
        entry = known.get(key)
        if not entry and entry is not None and self._watch is None:
            return []  # the usual answer: nothing in it, and no watch words to look for
        raw = None if entry is None else _cached.decode(entry, len(text))
        if raw is None:
            raw = raw_spans(text)
            if remember:
                self.computed[key] = _cached.encode(raw)
        if self._watch is not None:
            found = watch_spans(self._watch, text)
            raw = [*raw, *((start, end, Kind.WATCH_WORD) for start, end in found)]
        return _findings(text, raw, self._known_settings()) if raw else []

    def _known_settings(self) -> _cached.Settings:
        """The detector's settings as the cache keeps them (so the patterns need not be
        loaded to describe what it found), else from the patterns themselves."""
        if self._settings is None:
            entry = None if self._cached is None else self._cached.get(_cached.SETTINGS)
            self._settings = (entry and _cached.decode_settings(entry)) or settings()
        return self._settings

    def redact(self, text: str) -> tuple[str, list[Finding]]:
        """``text`` with every finding replaced by its label, and the findings. A label
        can leave what was next to it looking like an identifier of its own ("000000"
        in "000000.0::0" once "0::0" is a label): what is found then is replaced too,
        so nothing the check would find is ever left in a redacted text."""
        findings = self.find(text)
        redacted = redact(text, findings) if findings else text
        for _ in range(3):  # each pass only shortens what is left; one is almost always enough
            # A redacted text is in no vault: its entry is not worth keeping.
            again = self._scan(redacted, remember=False) if findings else []
            if not again:
                break
            redacted = redact(redacted, again)
        return redacted, findings
