"""Import from jrnl: its JSON export (``jrnl --format json``) becomes free-text reflections.

jrnl writes ``{"tags": {...}, "entries": [{"title", "body", "date": "YYYY-MM-DD",
"time": "HH:MM", "tags": ["@work", ...], "starred": bool, ...}]}`` with dates in the
local time of the machine it ran on. Each entry becomes one session of the set "jrnl"
with one answer: its text, tags lower-cased without ``@``/``#``, starred as flagged.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, tzinfo

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord, normalise_tag
from reflect_tui.export.errors import ImportRefused

SET_ID = "jrnl"
SET_TITLE = "Imported from jrnl"
PROMPT_ID = "jrnl-entry"
PROMPT_TEXT = "Free writing (imported from jrnl)"


def is_jrnl_export(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("entries"), list) and "format" not in data


def _field(
    entry: Mapping[str, object], key: str, kind: type, default: object, number: int
) -> object:
    value = entry.get(key, default)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise ImportRefused(
            f"jrnl entry {number}: '{key}' should be {kind.__name__}, not {value!r}."
        )
    return value


def _moment(day: str, time: str, tz: tzinfo | None, number: int) -> datetime:
    try:
        naive = datetime.strptime(f"{day} {time}", "%Y-%m-%d %H:%M")
    except ValueError:
        raise ImportRefused(
            f"jrnl entry {number}: the date {day!r} and time {time!r} are not YYYY-MM-DD and HH:MM."
        ) from None
    return clock.here(naive) if tz is None else naive.replace(tzinfo=tz)


def _tags(raw: list[object], number: int) -> tuple[str, ...]:
    tags: list[str] = []
    for tag in raw:
        if not isinstance(tag, str):
            raise ImportRefused(f"jrnl entry {number}: a tag is not text ({tag!r}).")
        clean = "-".join(normalise_tag(tag).split())
        if clean and clean not in tags:
            tags.append(clean)
    return tuple(tags)


def _entry(raw: object, number: int, tz: tzinfo | None) -> SessionRecord:
    if not isinstance(raw, dict):
        raise ImportRefused(f"jrnl entry {number} is not an object.")
    title = str(_field(raw, "title", str, None, number))
    body = str(_field(raw, "body", str, "", number))
    day = str(_field(raw, "date", str, None, number))
    time = str(_field(raw, "time", str, "00:00", number))
    tags_raw = _field(raw, "tags", list, [], number)
    starred = bool(_field(raw, "starred", bool, False, number))
    assert isinstance(tags_raw, list)
    written = _moment(day, time, tz, number)
    moment = written.astimezone(UTC)
    offset = written.utcoffset()
    title, body = title.strip(), body.strip()
    text = f"{title}\n{body}" if title and body else title or body
    answer = AnswerRecord(
        prompt_id=PROMPT_ID,
        prompt_text=PROMPT_TEXT,
        text=text,
        topic="other",
        kind="text",
        position=0,
        created=moment,
        updated=moment,
        tags=_tags(tags_raw, number),
        flagged=starred,
    )
    return SessionRecord(
        set_id=SET_ID,
        set_title=SET_TITLE,
        started=moment,
        finished=moment,
        answers=(answer,),
        # jrnl's date is the day it was written on, wherever that was: keep it so.
        utc_offset=None if offset is None else int(offset.total_seconds() // 60),
    )


def records_from_jrnl(data: object, *, tz: tzinfo | None = None) -> list[SessionRecord]:
    """Sessions from a parsed jrnl JSON export (oldest first), or :class:`ImportRefused`.

    ``tz`` is the zone jrnl's local dates were written in (default: this machine's).
    """
    if not is_jrnl_export(data):
        raise ImportRefused("This is not a jrnl JSON export (it has no 'entries' list).")
    assert isinstance(data, dict)
    entries = data["entries"]
    sessions = [_entry(raw, number, tz) for number, raw in enumerate(entries, 1)]
    sessions.sort(key=lambda s: s.started)
    return sessions
