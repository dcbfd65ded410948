"""Supervision meetings as plain records, in plain SQL over sqlite3 (schema 4).

Like :mod:`reflect_tui.journal.records`: the journal service and the read-only
:class:`reflect_tui.journal.reader.JournalReader` both call these, so ``reflect
supervision list`` and ``log`` and an export never import SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date

from reflect_tui.core.records import ActionRecord
from reflect_tui.core.supervision import FUNCTIONS, MeetingRecord
from reflect_tui.journal.records import action_record


def meeting_records(
    conn: sqlite3.Connection,
    start: date | None = None,
    end: date | None = None,
    *,
    last: int | None = None,
) -> list[MeetingRecord]:
    """Meetings from day ``start`` to ``end`` (inclusive), oldest first, each with the
    actions agreed in it; ``last``: only that many of the latest."""
    bounds, params = [], {}
    if start is not None:
        bounds.append("day >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        bounds.append("day <= :end")
        params["end"] = end.isoformat()
    where = f"WHERE {' AND '.join(bounds)}" if bounds else ""
    limit = f"LIMIT {int(last)}" if last is not None else ""
    rows = conn.execute(
        "SELECT id, day, minutes, format, counted_minutes, who, brought, took_away, summary,"  # noqa: S608 (fixed fragments; values bound)
        f" normative, formative, restorative FROM supervision_meeting {where}"
        f" ORDER BY day DESC, id DESC {limit}",
        params,
    ).fetchall()
    ids = [row[0] for row in rows]
    actions: dict[int, list[ActionRecord]] = defaultdict(list)
    if ids:
        marks = ", ".join("?" for _ in ids)
        for meeting_id, text, status, follow_up, created, closed in conn.execute(
            "SELECT meeting_id, text, status, follow_up, created, closed FROM action_item"  # noqa: S608 (placeholders only)
            f" WHERE meeting_id IN ({marks}) ORDER BY created, id",
            ids,
        ):
            actions[meeting_id].append(action_record((text, status, follow_up, created, closed)))
    return [
        MeetingRecord(
            id=row[0],
            day=date.fromisoformat(row[1]),
            minutes=row[2],
            format=row[3],
            counted_minutes=row[4],
            who=row[5],
            brought=row[6],
            took_away=row[7],
            summary=row[8],
            functions=tuple(f for f, on in zip(FUNCTIONS, row[9:12], strict=True) if on),
            actions=tuple(actions[row[0]]),
        )
        for row in reversed(rows)
    ]


def last_meeting(conn: sqlite3.Connection, before: date | None = None) -> MeetingRecord | None:
    """The latest meeting (on or before ``before``, if given), or None."""
    found = meeting_records(conn, end=before, last=1)
    return found[0] if found else None
