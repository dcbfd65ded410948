"""History's timeline: reflections and supervision meetings in one list, newest first.

Reflections are read a page at a time; meetings are few and read at once. A meeting is
placed once a reflection of an earlier day is read, just before it (below the day's
reflections: a meeting has no time), so each page only adds rows at the end.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.journal import SessionSummary
from reflect_tui.ui.widgets.entry_text import one_line, short_date

Row = SessionSummary | MeetingRecord
#: A meeting's row key starts with this (a reflection's key is its id).
MEETING_KEY = "m"


def timeline(
    sessions: Sequence[SessionSummary], meetings: Sequence[MeetingRecord], exhausted: bool
) -> list[Row]:
    """``sessions`` (newest first, as read so far, in the order read) with the
    ``meetings`` that belong among them: each just before the first reflection of an
    earlier day, or at the end once the reflections are ``exhausted``. Reflections are
    never reordered (their days need not fall in the order they were written in when
    they were written in different zones), so a page read later only adds at the end."""
    waiting = sorted(meetings, key=lambda m: (m.day, m.id or 0), reverse=True)
    rows: list[Row] = []
    for session in sessions:
        while waiting and waiting[0].day > session.day:
            rows.append(waiting.pop(0))
        rows.append(session)
    return [*rows, *waiting] if exhausted else rows


def row_key(row: Row) -> str:
    return f"{MEETING_KEY}{row.id}" if isinstance(row, MeetingRecord) else str(row.id)


def meeting_cells(meeting: MeetingRecord) -> list[object]:
    """Date, "Supervision", no flag, its minutes, and its first words."""
    words = Text(no_wrap=True, overflow="ellipsis")
    words.append("Meeting: ", style="italic")
    first = next(
        (t for t in (meeting.summary, meeting.brought, meeting.took_away) if t.strip()), ""
    )
    words.append(one_line(first))
    return [
        short_date(meeting.day),
        Text("Supervision", style="italic", no_wrap=True, overflow="ellipsis"),
        "",
        Text(f"{meeting.minutes} min", justify="right"),
        words,
    ]
