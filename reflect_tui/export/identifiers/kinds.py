"""What a finding is: its kind, its label, how it is named to the clinician."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a finding is; the value is the label used in reports and redactions."""

    EMAIL = "email"
    URL = "url"
    IP = "ip address"
    PHONE = "phone"
    DATE = "date"
    AGE = "age"
    NUMBER = "number"
    ADDRESS = "address"
    POSTCODE = "postcode"
    WATCH_WORD = "watch word"
    #: Last: a word on the watch list, or in any other finding, is reported as that.
    NAME = "possible name"


#: What each kind is replaced with by :func:`redact`.
REPLACEMENTS: dict[Kind, str] = {
    Kind.EMAIL: "[email]",
    Kind.URL: "[url]",
    Kind.IP: "[ip address]",
    Kind.PHONE: "[phone]",
    Kind.DATE: "[date]",
    Kind.AGE: "[age]",
    Kind.NUMBER: "[number]",
    Kind.ADDRESS: "[address]",
    Kind.POSTCODE: "[postcode]",
    Kind.WATCH_WORD: "[redacted]",
    Kind.NAME: "[name]",
}

#: Plural phrases for summaries ("2 phone numbers").
KIND_NAMES: dict[Kind, tuple[str, str]] = {
    Kind.EMAIL: ("e-mail address", "e-mail addresses"),
    Kind.URL: ("web address", "web addresses"),
    Kind.IP: ("IP address", "IP addresses"),
    Kind.PHONE: ("phone number", "phone numbers"),
    Kind.DATE: ("exact date", "exact dates"),
    Kind.AGE: ("age over 89", "ages over 89"),
    Kind.NUMBER: ("long number", "long numbers"),
    Kind.ADDRESS: ("street address", "street addresses"),
    Kind.POSTCODE: ("postal code", "postal codes"),
    Kind.WATCH_WORD: ("watch-list word", "watch-list words"),
    Kind.NAME: ("possible name", "possible names"),
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
    #: For a possible name, the word itself (shown, so the clinician can judge it; every
    #: other kind stays masked everywhere it is reported).
    word: str = ""
