"""The patterns of every identifier kind, shaped so that ordinary clinical prose passes."""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind

# --- the patterns ---------------------------------------------------------------------

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
TLDS = (
    r"(?:com|org|net|edu|gov|mil|info|biz|io|app|dev|health|ca|au|nz|ie|de|fr|nl"
    r"|co\.uk|org\.uk|ac\.uk|nhs\.uk|gov\.uk)"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"
_DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
#: Spaces or tabs, not a line break: a date never runs across lines.
SP = r"[^\S\n]"
#: Not part of a longer number, a decimal, a version or a money amount.
_NO_NUM_BEFORE = r"(?<![\d$£€¥.,/-])"

# Each pattern's finding is its named group ``id`` if it has one, else the whole match.
# Overlaps are resolved by _resolve(), so the order here is for readability only.
#: (kind, pattern, what the text must contain for the pattern to be worth running)
PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
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
            rf"(?<![\w@.])(?:[A-Za-z0-9-]+\.)+{TLDS}(?![\w-]|\.\w)(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
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
            rf"\b(?:{_MONTHS}{SP}+{_DAY}(?:,?{SP}+{_YEAR})?(?![\d:]|{SP}*(?:%|[ap]\.?m\b|h\b|hours?\b"
            rf"|hrs?\b|min|minutes?\b|years?\b|days?\b|weeks?\b|sessions?\b|times\b))"
            rf"|{_MONTHS},?{SP}+{_YEAR}"
            rf"|{_DAY}{SP}+(?:of{SP}+)?{_MONTHS}(?:,?{SP}+{_YEAR})?)(?!\w)"
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
NOT_STATES = frozenset({"ID", "IQ", "OK", "MR", "NO", "SO", "TO", "IN", "ON", "AT", "AS"})

#: When two findings overlap, the kind earlier in this list wins at equal length.
PRIORITY = {kind: rank for rank, kind in enumerate(Kind)}

EXCERPT_CONTEXT = 30
