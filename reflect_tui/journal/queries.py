"""ORM pieces of a journal's queries: which local days a session falls on, and adding
a session record (the plain-SQL reads are in :mod:`reflect_tui.journal.listing`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, literal_column
from sqlmodel import Session

from reflect_tui.core import clock
from reflect_tui.core.records import SessionRecord, normalise_tags, storable
from reflect_tui.journal.models import ActionItem, ActionStatus, Answer, ReflectionSession
from reflect_tui.vault.database import SESSION_DAY_SQL


def session_day() -> ColumnElement[str]:
    """The local date (YYYY-MM-DD) a session was begun on, where it was begun, in SQL."""
    return literal_column(SESSION_DAY_SQL.format(t="reflection_session"))


def in_days(start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    """Conditions for sessions begun from local day ``start`` to ``end`` (inclusive)."""
    conditions = []
    if start is not None:
        conditions.append(session_day() >= start.isoformat())
    if end is not None:
        conditions.append(session_day() <= end.isoformat())
    return conditions


def insert_record(db: Session, record: SessionRecord) -> None:
    """Add one session record (with its answers and actions) to the open transaction."""
    session = ReflectionSession(
        set_id=storable(record.set_id),
        set_version=record.set_version,
        set_title=storable(record.set_title),
        started=record.started,
        utc_offset=clock.utc_offset(record.started)
        if record.utc_offset is None
        else record.utc_offset,
        finished=record.finished,
        flagged=record.flagged,
    )
    db.add(session)
    db.flush()
    assert session.id is not None
    by_position: dict[int, int] = {}
    for a in record.answers:
        created = a.created or record.started
        answer = Answer(
            session_id=session.id,
            prompt_id=storable(a.prompt_id),
            prompt_text=storable(a.prompt_text),
            topic=storable(a.topic),
            kind=a.kind,
            position=a.position,
            text=storable(a.text),
            value=a.value,
            skipped=a.skipped,
            created=created,
            updated=a.updated or created,
            edited=a.edited,
            tags=normalise_tags(a.tags),
            flagged=a.flagged,
        )
        db.add(answer)
        db.flush()
        assert answer.id is not None
        by_position[a.position] = answer.id
    for act in record.actions:
        answer_id = None if act.answer_position is None else by_position.get(act.answer_position)
        db.add(
            ActionItem(
                answer_id=answer_id,
                text=storable(act.text),
                status=ActionStatus(act.status),
                follow_up=storable(act.follow_up),
                created=act.created or record.started,
                closed=act.closed,
            )
        )
