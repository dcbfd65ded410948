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
from reflect_tui.core.supervision import FUNCTIONS, MeetingRecord, PreparedItem
from reflect_tui.export.selection import (
    QUESTION_TAG,
    QUESTION_TOPIC,
    SUPERVISION_QUESTION_PROMPT,
)
from reflect_tui.journal.records import action_record
from reflect_tui.vault.database import SESSION_DAY_SQL

#: The most prepared items a meeting offers to mark as discussed (newest first).
MOST_PREPARED = 60


def meeting_records(
    conn: sqlite3.Connection,
    start: date | None = None,
    end: date | None = None,
    *,
    last: int | None = None,
    ids: tuple[int, ...] = (),
) -> list[MeetingRecord]:
    """Meetings from day ``start`` to ``end`` (inclusive), oldest first, each with the
    actions agreed in it; ``last``: only that many of the latest; ``ids``: only these."""
    bounds: list[str] = []
    params: dict[str, object] = {}
    if ids:
        bounds.append(f"id IN ({', '.join(str(int(i)) for i in ids)})")
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
    found = [row[0] for row in rows]
    actions: dict[int, list[ActionRecord]] = defaultdict(list)
    if found:
        marks = ", ".join("?" for _ in found)
        for meeting_id, text, status, follow_up, created, closed in conn.execute(
            "SELECT meeting_id, text, status, follow_up, created, closed FROM action_item"  # noqa: S608 (placeholders only)
            f" WHERE meeting_id IN ({marks}) ORDER BY created, id",
            found,
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


_DAY = SESSION_DAY_SQL.format(t="s")
_ANSWERS = " FROM answer a JOIN reflection_session s ON s.id = a.session_id"
#: Answers prepared for supervision up to :end and not yet discussed: flagged, in a
#: flagged reflection, or a question written for supervision.
_PREPARED = (
    f"{_ANSWERS} WHERE {_DAY} <= :end AND NOT a.skipped AND trim(a.text) != ''"
    " AND a.discussed = ''"
    " AND (a.flagged OR s.flagged OR a.prompt_id = :question_prompt"
    "      OR a.topic = :question OR (' ' || a.tags || ' ') LIKE :question_tag)"
)
_NEWEST_FIRST = " ORDER BY s.started DESC, s.id DESC, a.position, a.id"
_ITEM = f"SELECT a.id, {_DAY}, a.prompt_text, a.text, s.started, s.id, a.position"


def _prepared_params(end: date) -> dict[str, object]:
    return {
        "end": end.isoformat(),
        "question_prompt": SUPERVISION_QUESTION_PROMPT,
        "question": QUESTION_TOPIC,
        "question_tag": f"% {QUESTION_TAG} %",
    }


def waiting_count(conn: sqlite3.Connection, end: date) -> int:
    """How many answers prepared for supervision up to ``end`` wait to be discussed."""
    return int(conn.execute(f"SELECT COUNT(*){_PREPARED}", _prepared_params(end)).fetchone()[0])


def prepared_items(
    conn: sqlite3.Connection, end: date, meeting_uid: str = "", limit: int | None = MOST_PREPARED
) -> list[PreparedItem]:
    """Answers prepared for supervision on or before ``end`` that no meeting has marked
    as discussed (the newest ``limit``; None: all), and every one marked in the meeting
    ``meeting_uid`` when it is edited (so saving it as shown keeps its marks), newest
    first: flagged answers, answers in a flagged reflection, and questions written for
    supervision. Skipped and empty answers are left out of what waits."""
    waiting = conn.execute(
        f"{_ITEM}{_PREPARED}{_NEWEST_FIRST} LIMIT :limit",
        _prepared_params(end) | {"limit": -1 if limit is None else limit},
    ).fetchall()
    marked = []
    if meeting_uid:
        marked = conn.execute(
            f"{_ITEM}{_ANSWERS} WHERE {_DAY} <= :end AND a.discussed = :meeting",
            {"end": end.isoformat(), "meeting": meeting_uid},
        ).fetchall()
    rows = sorted(  # as _NEWEST_FIRST: started and session down, position and id up
        [*waiting, *marked], key=lambda r: (r[4], r[5], -r[6], -r[0]), reverse=True
    )
    return [
        PreparedItem(
            answer_id=row[0],
            day=date.fromisoformat(row[1]),
            prompt=row[2],
            opening=" ".join(row[3].split())[:120],
            discussed=row in marked,
        )
        for row in rows
    ]


def meeting_days(conn: sqlite3.Connection) -> dict[str, date]:
    """Each meeting's day by its identity (what an answer's ``discussed`` holds)."""
    return {
        uid: date.fromisoformat(day)
        for uid, day in conn.execute("SELECT uid, day FROM supervision_meeting")
    }


def discussed_items(conn: sqlite3.Connection, meeting_uid: str) -> list[PreparedItem]:
    """The answers a meeting marked as discussed, oldest first."""
    rows = conn.execute(
        f"SELECT a.id, {_DAY}, a.prompt_text, a.text FROM answer a"  # noqa: S608 (fixed fragments; values bound)
        " JOIN reflection_session s ON s.id = a.session_id WHERE a.discussed = ?"
        " ORDER BY s.started, s.id, a.position, a.id",
        (meeting_uid,),
    ).fetchall()
    return [
        PreparedItem(id_, date.fromisoformat(d), prompt, " ".join(text.split())[:120], True)
        for id_, d, prompt, text in rows
    ]
