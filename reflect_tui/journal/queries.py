"""Read-side queries of a journal, as functions over an open SQL session.

Kept apart from :mod:`reflect_tui.journal.data` so that module stays about changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, literal, literal_column, text
from sqlmodel import Session, col, func, select

from reflect_tui.core import clock
from reflect_tui.core.records import SessionRecord, normalise_tags, storable
from reflect_tui.journal.models import ActionItem, ActionStatus, Answer, ReflectionSession
from reflect_tui.journal.snippets import build_snippet, terms_of
from reflect_tui.vault.database import SESSION_DAY_SQL

#: Markers around matched words in search snippets (the UI and CLI style them).
MATCH_START = "\x02"
MATCH_END = "\x03"
FIRST_WORDS = 12


@dataclass(frozen=True)
class SessionSummary:
    id: int
    set_id: str
    set_title: str
    started: datetime
    finished: datetime | None
    flagged: bool
    answer_count: int
    flagged_answers: int
    first_words: str
    utc_offset: int | None = None

    @property
    def day(self) -> date:
        return clock.day_of(self.started, self.utc_offset)


@dataclass(frozen=True)
class SearchHit:
    answer_id: int
    session_id: int
    started: datetime
    set_title: str
    prompt_text: str
    snippet: str
    tags: str
    utc_offset: int | None = None

    @property
    def day(self) -> date:
        return clock.day_of(self.started, self.utc_offset)


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


def _first_words(texts: Iterable[str]) -> str:
    for body in texts:
        words = body.split()
        if words:
            more = " …" if len(words) > FIRST_WORDS else ""
            return " ".join(words[:FIRST_WORDS]) + more
    return ""


def session_summaries(
    db: Session,
    *,
    start: date | None,
    end: date | None,
    set_id: str | None,
    tag: str | None,
    topic: str | None,
    flagged: bool,
    limit: int,
    offset: int,
) -> list[SessionSummary]:
    query = select(ReflectionSession).where(*in_days(start, end))
    if set_id:
        query = query.where(ReflectionSession.set_id == set_id)
    answer_match = select(Answer.session_id)
    if tag:
        wanted = normalise_tags([tag])
        padded = literal(" ") + col(Answer.tags) + literal(" ")
        # instr, not LIKE: a tag with _ or % must match itself, not act as a wildcard.
        answer_match = answer_match.where(func.instr(padded, f" {wanted} ") > 0)
    if topic:
        answer_match = answer_match.where(Answer.topic == topic)
    if tag or topic:
        query = query.where(col(ReflectionSession.id).in_(answer_match))
    if flagged:
        flagged_answers = select(Answer.session_id).where(Answer.flagged)
        query = query.where(
            col(ReflectionSession.flagged) | col(ReflectionSession.id).in_(flagged_answers)
        )
    order = (col(ReflectionSession.started).desc(), col(ReflectionSession.id).desc())
    sessions = db.exec(query.order_by(*order).limit(limit).offset(offset)).all()
    ids = [s.id for s in sessions]
    answers: dict[int, list[Answer]] = defaultdict(list)
    if ids:
        rows = db.exec(
            select(Answer)
            .where(col(Answer.session_id).in_(ids))
            .order_by(col(Answer.position), col(Answer.id))
        )
        for answer in rows:
            answers[answer.session_id].append(answer)
    summaries = []
    for s in sessions:
        assert s.id is not None
        mine = answers[s.id]
        summaries.append(
            SessionSummary(
                id=s.id,
                set_id=s.set_id,
                set_title=s.set_title,
                started=s.started,
                finished=s.finished,
                flagged=s.flagged,
                answer_count=sum(1 for a in mine if a.text.strip() and not a.skipped),
                flagged_answers=sum(1 for a in mine if a.flagged),
                first_words=_first_words(a.text for a in mine if a.kind == "text"),
                utc_offset=s.utc_offset,
            )
        )
    return summaries


def search_hits(db: Session, expression: str, tag: str, limit: int) -> list[SearchHit]:
    """Answers matching ``expression`` (FTS5 syntax, may be '') and having tag ``tag``.

    Ranked by bm25 alone; snippets are made afterwards for the rows kept, in time
    linear in each answer (:mod:`reflect_tui.journal.snippets` says why).
    """
    where: list[str] = []
    params: dict[str, object] = {"limit": limit}
    if expression:
        where.append("answer_fts MATCH :expression")
        params["expression"] = expression
    if tag:
        where.append("instr(' ' || a.tags || ' ', :tag) > 0")
        params["tag"] = f" {tag} "
    # Best first: the lowest bm25, or (a tag alone) the newest reflection.
    key, direction = ("bm25(answer_fts, 1.0, 0.5)", "") if expression else ("s.started", "DESC")
    ranked = f"""
        SELECT a.id AS id, {key} AS score
        FROM answer_fts JOIN answer a ON a.id = answer_fts.rowid
        JOIN reflection_session s ON s.id = a.session_id
        WHERE {" AND ".join(where)}
        ORDER BY score {direction} LIMIT :limit
    """  # noqa: S608  (only our own fragments are interpolated; values are bound)
    sql = f"""
        SELECT a.id, a.session_id, s.started, s.set_title, a.prompt_text, a.text, a.tags,
            s.utc_offset
        FROM ({ranked}) AS top JOIN answer a ON a.id = top.id
        JOIN reflection_session s ON s.id = a.session_id
        ORDER BY top.score {direction}, top.id
    """  # noqa: S608  (as above)
    rows = db.connection().execute(text(sql), params).all()
    terms = terms_of(expression)
    return [
        SearchHit(
            answer_id=r[0],
            session_id=r[1],
            started=datetime.fromisoformat(r[2]),
            set_title=r[3],
            prompt_text=r[4],
            snippet=build_snippet(r[5], terms, MATCH_START, MATCH_END)
            if expression
            else _first_words([r[5]]),
            tags=r[6],
            utc_offset=r[7],
        )
        for r in rows
    ]


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
