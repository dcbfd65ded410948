"""Where a person is inside an institution, as a prison, a ward, a hostel or a care home
writes it: "Bed 3, Room 211, Maple Unit", "cell 14, C-block", "Bed 7 on Ward 4B",
"Hostel 4, Block C". Two parts at least, one of them numbered and one where a person
sleeps or is held: a clinic's own "Room 3" or "Room 3, Floor 2" says where the clinician
was, not where a client lives.

Each is a (kind, pattern, needs) triple like those in :mod:`patterns`.
"""

from __future__ import annotations

import re

from reflect_tui.export.identifiers.kinds import Kind
from reflect_tui.export.identifiers.patterns import SP

_PLACE_WORD = (
    r"(?i:bed|cell|room|rm|ward|block|wing|landing|pod|dorm|dormitory|bay|hostel|unit"
    r"|spur|floor|cottage|villa|bungalow|chalet|cabin|tent|caravan|pitch|bunk)"
)
#: "Bed 3", "Room 211", "Ward 4B", "Block C", "cell 14".
_NUMBERED = rf"\b{_PLACE_WORD}{SP}(?:[A-Z]?\d{{1,4}}[A-Za-z]?|[A-Z])\b(?![.,]\d)"
#: "C-block", "B Wing", "4B ward".
_LETTERED = rf"\b(?:[A-Z]|\d{{1,2}}[A-Z]?)(?:-|{SP})?(?i:block|wing|landing|spur|unit|ward|side)\b"
#: "Maple Unit", "Mowbray Court", "Rowan Ward".
_NAMED = (
    rf"\b[A-Z][a-z]+(?:{SP}[A-Z][a-z]+)?{SP}(?:Unit|Ward|Wing|House|Court|Block|Lodge"
    r"|Villa|Cottage|Hall|Centre|Center)\b"
)
_JOIN = rf"(?:,{SP}*|{SP}+(?:on|in|of|at){SP}+(?:the{SP}+)?)"

#: One part at least is where a person sleeps or is held, not only a room, a floor or a
#: ward ("Room 3, Floor 2 of the clinic" is where the group met).
_SLEEP_WORD = (
    r"(?i:bed|cell|hostel|dorm|dormitory|bunk|pod|landing|wing|block|spur|cabin|tent"
    r"|caravan|chalet|cottage|villa|bungalow|pitch|shed|camp|container)"
)
_SLEEPS_NUMBERED = rf"\b{_SLEEP_WORD}{SP}(?:[A-Z]?\d{{1,4}}[A-Za-z]?|[A-Z])\b(?![.,]\d)"
_SLEEPS_LETTERED = (
    rf"\b(?:[A-Z]|\d{{1,2}}[A-Z]?)(?:-|{SP})?(?i:block|wing|landing|spur|camp)\b"
    rf"|\b(?i:camp){SP}\d{{1,2}}[A-Z]{{0,2}}\b"
)
_SLEEPS = rf"(?:{_SLEEPS_NUMBERED}|{_SLEEPS_LETTERED})"
_ANY = rf"(?:{_NUMBERED}|{_LETTERED}|{_NAMED}|{_SLEEPS})"

ROOM_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str], ...] = (
    (
        Kind.ADDRESS,
        re.compile(
            # where a person sleeps first ("Bed 3, Room 211, Maple Unit"), or after
            # ("Ward 4B, bed 3", "Rowan Ward, Bed 12")
            rf"{_SLEEPS}(?:{_JOIN}{_ANY}){{1,2}}"
            rf"|(?:{_NUMBERED}|{_LETTERED}|{_NAMED}){_JOIN}(?:{_ANY}{_JOIN})?{_SLEEPS}"
        ),
        "digit",
    ),
)
