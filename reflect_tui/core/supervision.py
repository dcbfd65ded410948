"""A supervision meeting as a plain record, and the rules every way in shares: what a
meeting must hold, how group time is counted, and the line format ``reflect
supervision add`` reads from a pipe.

Pure functions over plain values: the journal stores what they accept, the command and
the app show the one sentence they raise (:class:`MeetingProblem`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from reflect_tui.core.records import ActionRecord

FORMATS = ("individual", "group", "peer")
#: Proctor's three functions of supervision, each an optional tick.
FUNCTIONS = ("normative", "formative", "restorative")
#: The longest meeting reflect believes (a whole day of group supervision).
MAX_MINUTES = 12 * 60
#: The keys of the line format, in the order the prompts ask them.
KEYS: tuple[str, ...] = (
    "date",
    "minutes",
    "format",
    "with",
    "brought",
    "took away",
    "will do",
    "functions",
    "took up",
    "summary",
)


class MeetingProblem(ValueError):
    """One sentence saying what is wrong with a meeting and what to do; ``field``, the
    key (see :data:`KEYS`) of the part to change, when it is one part."""

    def __init__(self, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.field = field


@dataclass(frozen=True)
class MeetingRecord:
    """One supervision meeting, as recorded (its actions with their state now)."""

    day: date
    minutes: int
    format: str = "individual"
    #: The minutes that count towards the monthly total (group time: a share of it).
    counted_minutes: int = 0
    #: Role or initials only ("clinical lead", "JM"), never a full name.
    who: str = ""
    brought: str = ""
    took_away: str = ""
    summary: str = ""
    functions: tuple[str, ...] = ()
    actions: tuple[ActionRecord, ...] = field(default=())
    id: int | None = None


@dataclass(frozen=True)
class PreparedItem:
    """A reflection's answer prepared for supervision (flagged, or a question written
    for it) that a meeting can mark as discussed."""

    answer_id: int
    #: The day its reflection was written.
    day: date
    prompt: str
    #: The start of what was written (one line), to recognise it by.
    opening: str
    #: Whether it is already marked as discussed in the meeting being edited.
    discussed: bool = False


def counted(minutes: int, format: str, group_share: float) -> int:
    """The minutes that count: all of individual and peer time, ``group_share`` of
    group time (rounded to the nearest minute)."""
    if format == "group":
        return round(minutes * group_share)
    return minutes


def parse_minutes(raw: str) -> int:
    text = raw.strip().lower().removesuffix("minutes").removesuffix("min").strip()
    if not text.isdigit():
        raise MeetingProblem(
            f"The minutes must be a whole number, like 60 (not {raw.strip()[:20]!r}); "
            "nothing was saved.",
            "minutes",
        )
    minutes = int(text)
    if not 1 <= minutes <= MAX_MINUTES:
        raise MeetingProblem(
            f"The minutes must be between 1 and {MAX_MINUTES} (not {minutes}); nothing was saved.",
            "minutes",
        )
    return minutes


def parse_day(raw: str, today: date) -> date:
    text = raw.strip().lower()
    if text in ("", "today"):
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise MeetingProblem(
            f"The date must look like {today.isoformat()} (not {raw.strip()[:20]!r}); "
            "nothing was saved.",
            "date",
        ) from None
    if day > today:
        raise MeetingProblem(
            f"{day.isoformat()} is in the future: record a meeting once it has happened; "
            "nothing was saved.",
            "date",
        )
    return day


def parse_format(raw: str) -> str:
    text = raw.strip().lower() or "individual"
    found = [f for f in FORMATS if f.startswith(text)]
    if len(found) != 1:
        raise MeetingProblem(
            f"The format must be individual, group or peer (not {raw.strip()[:20]!r}); "
            "nothing was saved.",
            "format",
        )
    return found[0]


def parse_functions(raw: str) -> tuple[str, ...]:
    chosen = []
    for word in re.split(r"[\s,]+", raw.strip().lower()):
        if not word:
            continue
        found = [f for f in FUNCTIONS if f.startswith(word)]
        if len(found) != 1:
            raise MeetingProblem(
                f"The functions are normative, formative and restorative (not {word[:20]!r}); "
                "nothing was saved.",
                "functions",
            )
        chosen.append(found[0])
    return tuple(f for f in FUNCTIONS if f in chosen)


def parse_taken_up(raw: str, count: int) -> list[int]:
    """Which of ``count`` prepared items (numbered from 1, newest first) a meeting took
    up: numbers ("1 3", "1, 2"), "all", or nothing / "none"; indices from 0."""
    text = raw.strip().lower()
    if text in ("", "none", "-"):
        return []
    if text == "all":
        return list(range(count))
    chosen: list[int] = []
    for word in re.split(r"[\s,]+", text):
        if not word.isdecimal() or not 1 <= int(word) <= count:
            listed = f"1 to {count}" if count else "none: nothing prepared is waiting"
            raise MeetingProblem(
                f"What it took up is given by the numbers of the prepared items ({listed}), "
                f"'all' or 'none' (not {word[:20]!r}); nothing was saved.",
                "took up",
            )
        if int(word) - 1 not in chosen:
            chosen.append(int(word) - 1)
    return chosen


def action_lines(raw: str) -> list[str]:
    """Each non-empty line of "what I will do" is one action (a leading dash dropped)."""
    lines = (line.strip().removeprefix("-").removeprefix("*").strip() for line in raw.splitlines())
    return [line for line in lines if line]


def check_not_empty(brought: str, took_away: str, will_do: str, summary: str) -> None:
    if not any(part.strip() for part in (brought, took_away, will_do, summary)):
        raise MeetingProblem(
            "The meeting is empty: write at least a summary line, what you brought, "
            "took away or will do; nothing was saved.",
            "brought",
        )


@dataclass(frozen=True)
class MeetingInput:
    """What a clinician entered for a meeting, checked (see :func:`checked_input`)."""

    day: date
    minutes: int
    format: str
    who: str = ""
    brought: str = ""
    took_away: str = ""
    will_do: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    summary: str = ""


def checked_input(values: dict[str, str], today: date) -> MeetingInput:
    """A meeting from text fields by key (see :data:`KEYS`); :class:`MeetingProblem` says
    the first thing wrong."""
    if not values.get("minutes", "").strip():
        raise MeetingProblem(
            "Give the meeting's length in minutes, like 60; nothing was saved.", "minutes"
        )
    day = parse_day(values.get("date", ""), today)
    minutes = parse_minutes(values["minutes"])
    fmt = parse_format(values.get("format", ""))
    functions = parse_functions(values.get("functions", ""))
    brought, took_away = values.get("brought", "").strip(), values.get("took away", "").strip()
    will_do, summary = values.get("will do", ""), values.get("summary", "").strip()
    check_not_empty(brought, took_away, will_do, summary)
    return MeetingInput(
        day=day,
        minutes=minutes,
        format=fmt,
        who=" ".join(values.get("with", "").split()),
        brought=brought,
        took_away=took_away,
        will_do=tuple(action_lines(will_do)),
        functions=functions,
        summary=" ".join(summary.split()),
    )


def parse_lines(text: str) -> dict[str, str]:
    """The line format: ``key: value`` lines (keys in :data:`KEYS`); a line without a
    known key continues the value before it, so "will do" may hold several lines and
    "brought" a paragraph; an indented line always does (so text that looks like a key
    or a comment reads back as written). Blank lines and lines starting with ``#`` are
    skipped."""
    values: dict[str, str] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        if current is not None and line[0].isspace():
            values[current] = f"{values[current]}\n{line.strip()}".strip()
            continue
        if line.lstrip().startswith("#"):
            continue
        key, sep, rest = line.partition(":")
        key = key.strip().lower()
        if sep and key in KEYS:
            current = key
            values[key] = rest.strip()
        elif current is None:
            raise MeetingProblem(
                f"Each line starts with one of {', '.join(KEYS)} and a colon "
                f"(not {line.strip()[:40]!r}); nothing was saved."
            )
        else:
            values[current] = f"{values[current]}\n{line.strip()}".strip()
    return values
