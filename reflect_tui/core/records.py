"""Plain, frozen records of a journal's content: what export writes and import reads.

They carry no database identity, so a record exported from one vault can be imported
into another. :mod:`reflect_tui.journal` converts between these and the tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from reflect_tui.core import clock


@dataclass(frozen=True)
class AnswerRecord:
    prompt_id: str
    prompt_text: str
    text: str
    topic: str = "other"
    kind: str = "text"
    position: int = 0
    value: str | None = None
    skipped: bool = False
    created: datetime | None = None
    updated: datetime | None = None
    #: When it was changed after its reflection was written, if it was.
    edited: datetime | None = None
    tags: tuple[str, ...] = ()
    flagged: bool = False
    #: The day of the supervision meeting it was discussed in, if it was (schema 5).
    discussed_on: date | None = None


@dataclass(frozen=True)
class ActionRecord:
    text: str
    status: str = "open"
    follow_up: str = ""
    created: datetime | None = None
    closed: datetime | None = None
    #: Position of the answer (within its session) the action came from, if any.
    answer_position: int | None = None


@dataclass(frozen=True)
class SessionRecord:
    set_id: str
    set_title: str
    started: datetime
    set_version: int = 1
    finished: datetime | None = None
    flagged: bool = False
    answers: tuple[AnswerRecord, ...] = ()
    actions: tuple[ActionRecord, ...] = field(default=())
    #: Minutes east of UTC where it was begun (``None``: unknown, e.g. from a jrnl file;
    #: the journal then takes this computer's zone at ``started``).
    utc_offset: int | None = None

    @property
    def day(self) -> date:
        """The local date it was begun on, where it was begun."""
        return clock.day_of(self.started, self.utc_offset)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def is_text(text: str) -> bool:
    """Whether ``text`` is whole characters: no lone surrogate (half of one, as a broken
    paste leaves, or the stand-in Python uses for an undecodable byte)."""
    return text.isascii() or _LONE_SURROGATE.search(text) is None


def storable(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD, so it can be stored and saved."""
    return text if is_text(text) else _LONE_SURROGATE.sub("\ufffd", text)


def normalise_watch_word(word: str) -> str:
    """The form a watch-list word is stored and compared in: trimmed, inner whitespace
    collapsed ("" for a blank one)."""
    return " ".join(storable(word).split())


def normalise_tag(tag: str) -> str:
    """Tags are lower-case words; a leading ``#`` or ``@`` (jrnl's habit) is dropped."""
    return storable(tag).strip().lstrip("#@").lower()


def normalise_tags(tags: Iterable[str]) -> str:
    """The stored form of an answer's tags: normalised, de-duplicated, space-separated
    (commas and spaces both separate)."""
    seen: dict[str, None] = {}
    for tag in tags:
        for part in tag.replace(",", " ").split():
            if cleaned := normalise_tag(part):
                seen[cleaned] = None
    return " ".join(seen)
