"""The numbers Insight and the Home screen's week strip draw, as functions over a SQL session."""

from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, col, func, select

from reflect_tui.journal.models import ActionItem, ActionStatus, Answer, ReflectionSession
from reflect_tui.journal.queries import in_days, session_day


def reflection_days(db: Session, since: date | None) -> set[date]:
    query = select(session_day()).select_from(ReflectionSession).where(*in_days(since, None))
    return {date.fromisoformat(day) for day in db.exec(query).all()}


def topic_counts(db: Session, since: date | None) -> dict[str, int]:
    query = (
        select(Answer.topic, func.count())
        .join(ReflectionSession)
        .where(Answer.text != "")
        .group_by(col(Answer.topic))
        .where(*in_days(since, None))
    )
    return {topic: int(n) for topic, n in db.exec(query).all()}


def action_counts(db: Session) -> dict[str, int]:
    query = select(ActionItem.status, func.count()).group_by(col(ActionItem.status))
    found = {str(status): int(n) for status, n in db.exec(query).all()}
    return {status.value: found.get(status.value, 0) for status in ActionStatus}


def _scale_value(raw: str | None) -> int | None:
    try:
        value = json.loads(raw) if raw is not None else None
    except ValueError:
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def scale_answers(db: Session, since: date | None) -> list[tuple[date, str, str, int]]:
    query = (
        select(session_day(), Answer.prompt_id, Answer.prompt_text, Answer.value)
        .select_from(Answer)
        .join(ReflectionSession)
        .where(Answer.kind == "scale", col(Answer.value).is_not(None), *in_days(since, None))
        .order_by(col(ReflectionSession.started))
    )
    points = []
    for day, prompt_id, prompt_text, raw in db.exec(query).all():
        value = _scale_value(raw)
        if value is not None:  # an imported value that is not a number is left out
            points.append((date.fromisoformat(day), prompt_id, prompt_text, value))
    return points
