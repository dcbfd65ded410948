"""The identifier check: find what must not leave the vault in a plaintext export.

:func:`find_identifiers` scans one text for e-mail addresses, phone numbers, web
addresses, IP addresses, dates more precise than a year, long digit runs (record,
insurance or policy numbers), postal codes, and the clinician's own watch words.
:func:`redact` replaces each finding with a label such as ``[email]``.

The rules are deliberately shaped so that ordinary clinical prose passes untouched:
scores ("PHQ-9 score of 14"), session counts ("session 3 of 12"), durations, times
("2 p.m."), years ("in 2019"), year ranges ("2019-2020"), ratios and fractions
("50/50", "24/7", "1:1"), age ranges ("ages 5-7"), heights, money amounts and
diagnostic codes ("F43.1", "DSM-5") are not identifiers. ``tests/unit/test_identifiers.py``
keeps the corpus of such traps next to the true finds. Names cannot be recognised by a
pattern; that is what the watch list is for.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reflect_tui.records import normalise_watch_word


class Kind(StrEnum):
    """What a finding is; the value is the label used in reports and redactions."""

    EMAIL = "email"
    URL = "url"
    IP = "ip address"
    PHONE = "phone"
    DATE = "date"
    NUMBER = "number"
    POSTCODE = "postcode"
    WATCH_WORD = "watch word"


#: What each kind is replaced with by :func:`redact`.
REPLACEMENTS: dict[Kind, str] = {
    Kind.EMAIL: "[email]",
    Kind.URL: "[url]",
    Kind.IP: "[ip address]",
    Kind.PHONE: "[phone]",
    Kind.DATE: "[date]",
    Kind.NUMBER: "[number]",
    Kind.POSTCODE: "[postcode]",
    Kind.WATCH_WORD: "[redacted]",
}

#: Plural phrases for summaries ("2 phone numbers").
KIND_NAMES: dict[Kind, tuple[str, str]] = {
    Kind.EMAIL: ("e-mail address", "e-mail addresses"),
    Kind.URL: ("web address", "web addresses"),
    Kind.IP: ("IP address", "IP addresses"),
    Kind.PHONE: ("phone number", "phone numbers"),
    Kind.DATE: ("exact date", "exact dates"),
    Kind.NUMBER: ("long number", "long numbers"),
    Kind.POSTCODE: ("postal code", "postal codes"),
    Kind.WATCH_WORD: ("watch-list word", "watch-list words"),
}


def describe_kind(kind: Kind, count: int) -> str:
    singular, plural = KIND_NAMES[kind]
    return f"{count} {singular if count == 1 else plural}"


@dataclass(frozen=True)
class Finding:
    """One identifier in one text: its kind, where it is, and a masked excerpt."""

    kind: Kind
    start: int
    end: int
    #: The surrounding text with this and every other finding in it masked.
    excerpt: str
    #: Where this finding's label is in ``excerpt``.
    focus: tuple[int, int] = (0, 0)


# --- the patterns ---------------------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_TLDS = (
    r"(?:com|org|net|edu|gov|mil|info|biz|io|app|dev|health|ca|au|nz|ie|de|fr|nl"
    r"|co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk)"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
#: Spaces or tabs, not a line break: a date never runs across lines.
_SP = r"[^\S\n]"
#: Not part of a longer number, a decimal, a version or a money amount.
_NO_NUM_BEFORE = r"(?<![\d$£€¥.,/-])"

# Each pattern's finding is its named group ``id`` if it has one, else the whole match.
# Overlaps are resolved by _resolve(), so the order here is for readability only.
#: (kind, pattern, what the text must contain for the pattern to be worth running)
_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    (
        Kind.EMAIL,
        re.compile(r"(?<![\w.+-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b"),
        "at",
    ),
    (
        Kind.URL,
        re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]", re.I),
        "scheme",
    ),
    # Bare domains with a common top-level domain: "clinicportal.com/intake". Lower-case
    # only, so "the end.It was" (a missing space) is not a web address.
    (
        Kind.URL,
        re.compile(
            rf"(?<![\w@.])(?:[A-Za-z0-9-]+\.)+{_TLDS}(?![\w-]|\.\w)(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
        ),
        "tld",
    ),
    (Kind.IP, re.compile(rf"(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?!\d|\.\d)"), "digit"),
    # Full or "::"-compressed IPv6; never matches times such as 10:30:15.
    (
        Kind.IP,
        re.compile(
            r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}"
            r"|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4})(?![\w:])"
        ),
        "ipv6",
    ),
    # Dates more precise than a year: 2024-03-05, 05/03/2024, 5.3.24, March 5, 5 March 2024,
    # March 2024. A bare "3/14" is left alone: it reads the same as "24/7" or "50/50".
    (
        Kind.DATE,
        re.compile(rf"{_NO_NUM_BEFORE}{_YEAR}([-/.]){_MONTH_NUM}\1{_DAY_NUM}(?!\d)"),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(rf"{_NO_NUM_BEFORE}{_DAY_NUM}([/.-]){_DAY_NUM}\1(?:{_YEAR}|\d\d)(?!\d|[/.-]\d)"),
        "digit",
    ),
    (
        Kind.DATE,
        re.compile(
            rf"\b(?:{_MONTHS}{_SP}+{_DAY}(?:,?{_SP}+{_YEAR})?(?![\d:]|{_SP}*(?:%|[ap]\.?m\b|h\b|hours?\b"
            rf"|hrs?\b|min|minutes?\b|years?\b|days?\b|weeks?\b|sessions?\b|times\b))"
            rf"|{_MONTHS},?{_SP}+{_YEAR}"
            rf"|{_DAY}{_SP}+(?:of{_SP}+)?{_MONTHS}(?:,?{_SP}+{_YEAR})?)(?!\w)"
        ),
        "digit",
    ),
    # Phone numbers: international, a bracketed area code, and common national shapes.
    (Kind.PHONE, re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?!\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w(])\(\d{2,5}\) ?\d{3,4}[ .-]?\d{3,4}(?!\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])\d{3}([ .-])\d{3}\1\d{4}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d{2,4}[ -]\d{6,8}(?![\w-]|\.\d)"), "digit"),
    (Kind.PHONE, re.compile(r"(?<![\w.-])0\d(?:[ .]\d\d){4}(?![\w-]|\.\d)"), "digit"),
    # Long digit runs: record, insurance, policy numbers (also inside "A1234567"), and
    # US social security numbers.
    (Kind.NUMBER, re.compile(r"(?<![\w$£€¥,.])[A-Za-z]*\d{6,}[A-Za-z\d]*(?![,.]\d)"), "digit"),
    (Kind.NUMBER, re.compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])"), "digit"),
    # Postal codes: ZIP+4, a US state or the word zip/postcode before five digits, and
    # UK and Canadian postcodes (capitals only, as they are written on envelopes).
    (Kind.POSTCODE, re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])"), "digit"),
    (
        Kind.POSTCODE,
        re.compile(
            r"(?:\b(?P<state>[A-Z]{2}),? +|\b(?:[Zz]ip|ZIP|[Pp]ost ?code|[Pp]ostal code)"
            r"(?: code)? *:? *)(?P<id>\d{5})(?![\d-])"
        ),
        "digit",
    ),
    (Kind.POSTCODE, re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b"), "digit"),
    (Kind.POSTCODE, re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"), "digit"),
)

#: Two-letter capitals before five digits that are not US states ("MD" or "PA" are).
_NOT_STATES = frozenset({"ID", "IQ", "OK", "MR", "NO", "SO", "TO", "IN", "ON", "AT", "AS"})

#: When two findings overlap, the kind earlier in this list wins at equal length.
_PRIORITY = {kind: rank for rank, kind in enumerate(Kind)}

_EXCERPT_CONTEXT = 30


# --- watch words ----------------------------------------------------------------------


def _fold_char(char: str) -> str:
    """Lower-case, accent-free form of one character, always one character long."""
    base = unicodedata.normalize("NFKD", char)[:1] or char
    lowered = base.lower()
    return lowered if len(lowered) == 1 else char


def _fold(text: str) -> str:
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
    folded = (normalise_watch_word(_fold(word)) for word in watch_words)
    words = sorted({word for word in folded if word}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
    # No lookbehind here: without one, the regex engine can skip ahead to the first
    # letters of the words. _watch_spans checks the start of each match instead.
    pattern = re.compile(rf"(?:{alternatives})(?!\w)")
    return WatchList(pattern, tuple(sorted({w.split()[0] for w in words})))


def _watch_spans(
    watch: WatchList, text: str, *, shortcuts: bool = True
) -> Iterator[tuple[int, int]]:
    """Whole-word matches of the watch list in ``text`` (case and accents folded)."""
    folded = _fold(text)
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


# --- scanning -------------------------------------------------------------------------

_Span = tuple[int, int, Kind]


_TLD_HINT = re.compile(rf"\.{_TLDS}(?![\w-])")


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


def _suspect(text: str) -> bool:
    """Whether any pattern could match: each needs a digit, "@", ":", "www." or a domain
    ending. Most reflections have none, and substring tests clear them quickly."""
    if any(clue in text for clue in "0123456789@:"):
        return True
    if not text.isascii() and _DIGITS.search(text):  # the digits of other scripts
        return True
    return "www." in text.lower() or _TLD_HINT.search(text) is not None


def _worth_trying(needs: str, text: str) -> bool:
    """A cheap test that skips patterns which cannot match."""
    if needs == "at":
        return "@" in text
    if needs == "scheme":
        return "://" in text or "www." in text.lower()
    if needs == "tld":
        return _TLD_HINT.search(text) is not None
    return "::" in text or text.count(":") >= 7  # "ipv6"


def _raw_matches(text: str, watch: WatchList | None, *, shortcuts: bool = True) -> list[_Span]:
    """Every match of every pattern; ``shortcuts=False`` is the plain, slow way the
    tests compare the quick tests and the digit windows against."""
    spans: list[_Span] = []
    suspect = _suspect(text) or not shortcuts
    windows = _digit_windows(text) if shortcuts and suspect else [(0, len(text))]
    for kind, pattern, needs in _PATTERNS if suspect else ():
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
            if groups.get("state") in _NOT_STATES:
                continue
            if kind is Kind.PHONE and sum(c.isdigit() for c in match.group(0)) < 7:
                continue
            start, end = match.span("id") if "id" in groups else match.span()
            spans.append((start, end, kind))
    if watch is not None:
        found = _watch_spans(watch, text, shortcuts=shortcuts)
        spans.extend((start, end, Kind.WATCH_WORD) for start, end in found)
    return spans


def _resolve(spans: list[_Span]) -> list[_Span]:
    """Keep the longest of overlapping matches (ties go to the higher-priority kind)."""
    chosen: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), _PRIORITY[s[2]])):
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


def _excerpt(text: str, spans: Sequence[_Span], index: int) -> tuple[str, int, int]:
    """The text around finding ``index``, every finding in it masked, on one line, and
    where this finding's label is in it (so a screen can highlight it)."""
    start, end, kind = spans[index]
    lo = max(0, start - _EXCERPT_CONTEXT)
    hi = min(len(text), end + _EXCERPT_CONTEXT)
    # Widen the window to whole findings so no identifier is cut in half and leaks.
    inside = [s for s in spans if s[1] > lo and s[0] < hi]
    lo = min([lo, *(s[0] for s in inside)])
    hi = max([hi, *(s[1] for s in inside)])
    before = _mask(text[lo:start], [(s - lo, e - lo, k) for s, e, k in inside if e <= start])
    after = _mask(text[end:hi], [(s - end, e - end, k) for s, e, k in inside if s >= end])
    before = ("…" if lo > 0 else "") + _RUNS_OF_SPACE.sub(" ", before).lstrip()
    after = _RUNS_OF_SPACE.sub(" ", after).rstrip() + ("…" if hi < len(text) else "")
    label = REPLACEMENTS[kind]
    return before + label + after, len(before), len(before) + len(label)


def find_identifiers(text: str, watch_words: Iterable[str] = ()) -> list[Finding]:
    """Every identifier in ``text``, in order, none overlapping."""
    return _find(text, compile_watch_words(watch_words))


def _find(text: str, watch: WatchList | None, *, shortcuts: bool = True) -> list[Finding]:
    if not text:
        return []
    spans = _resolve(_raw_matches(text, watch, shortcuts=shortcuts))
    findings = []
    for i, (start, end, kind) in enumerate(spans):
        excerpt, focus_start, focus_end = _excerpt(text, spans, i)
        findings.append(Finding(kind, start, end, excerpt, (focus_start, focus_end)))
    return findings


def redact(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with each finding replaced by its label, e.g. ``[phone]``."""
    spans = sorted((f.start, f.end, f.kind) for f in findings)
    return _mask(text, spans)


class Scanner:
    """Scans many texts against one compiled watch list (what the record scan uses)."""

    def __init__(self, watch_words: Iterable[str] = ()) -> None:
        self._watch = compile_watch_words(watch_words)
        # Prompts and set titles repeat in every session: scan each distinct text once.
        self._seen: dict[str, list[Finding]] = {}

    def find(self, text: str) -> list[Finding]:
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = _find(text, self._watch)
        return list(found)

    def redact(self, text: str) -> tuple[str, list[Finding]]:
        findings = self.find(text)
        return (redact(text, findings) if findings else text), findings
