"""Lists, search and counts, in plain SQL over sqlite3: what History, Search and
``reflect history``, ``search`` and ``info --unlock`` show.

No SQLAlchemy here (like :mod:`reflect_tui.journal.records`): the journal service calls
these on its connection, and :class:`reflect_tui.journal.reader.JournalReader` calls them
in a read command's process without importing the ORM at all.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from reflect_tui.core import clock
from reflect_tui.core.records import normalise_tags
from reflect_tui.journal.search_query import to_fts
from reflect_tui.journal.snippets import build_snippet, terms_of
from reflect_tui.vault.database import SESSION_DAY_SQL
from reflect_tui.vault.errors import VaultError

#: Markers around matched words in search snippets (the UI and CLI style them).
MATCH_START = "\x02"
MATCH_END = "\x03"
FIRST_WORDS = 12


class SearchQueryError(VaultError):
    exit_code = 13

    def __init__(self) -> None:
        super().__init__(
            'That search could not be understood; try plain words, "a phrase" or a prefix*.'
        )


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


@dataclass(frozen=True)
class Counts:
    sessions: int
    finished: int
    answers: int
    flagged: int
    open_actions: int
    actions: int
    words: int


def first_words(texts: Iterable[str]) -> str:
    """The first :data:`FIRST_WORDS` words of the first text that has any."""
    for body in texts:
        words = body.split()
        if words:
            more = " …" if len(words) > FIRST_WORDS else ""
            return " ".join(words[:FIRST_WORDS]) + more
    return ""


def _utc(value: str | None) -> datetime | None:
    """A stored moment, aware and in UTC (as the tables' UTCDateTime reads it)."""
    return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


def session_summaries(
    conn: sqlite3.Connection,
    *,
    start: date | None = None,
    end: date | None = None,
    set_id: str | None = None,
    tag: str | None = None,
    topic: str | None = None,
    flagged: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[SessionSummary]:
    """Sessions newest first, one page at a time, filtered by any of the arguments."""
    day = SESSION_DAY_SQL.format(t="s")
    where: list[str] = []
    params: dict[str, object] = {"limit": limit, "offset": offset}
    if start is not None:
        where.append(f"{day} >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        where.append(f"{day} <= :end")
        params["end"] = end.isoformat()
    if set_id:
        where.append("s.set_id = :set_id")
        params["set_id"] = set_id
    answer_match = []
    if tag:
        # instr, not LIKE: a tag with _ or % must match itself, not act as a wildcard.
        answer_match.append("instr(' ' || a.tags || ' ', :tag) > 0")
        params["tag"] = f" {normalise_tags([tag])} "
    if topic:
        answer_match.append("a.topic = :topic")
        params["topic"] = topic
    if answer_match:
        where.append(
            f"s.id IN (SELECT a.session_id FROM answer a WHERE {' AND '.join(answer_match)})"  # noqa: S608 (fixed fragments; values bound)
        )
    if flagged:
        where.append("(s.flagged OR s.id IN (SELECT session_id FROM answer WHERE flagged))")
    sessions = conn.execute(
        "SELECT s.id, s.set_id, s.set_title, s.started, s.finished, s.flagged, s.utc_offset"  # noqa: S608 (fixed fragments; values bound)
        f" FROM reflection_session s {'WHERE ' + ' AND '.join(where) if where else ''}"
        " ORDER BY s.started DESC, s.id DESC LIMIT :limit OFFSET :offset",
        params,
    ).fetchall()
    answers: dict[int, list[tuple[str, str, bool, bool]]] = defaultdict(list)
    if sessions:
        marks = ", ".join("?" * len(sessions))
        for session_id, text, kind, skipped, flag in conn.execute(
            "SELECT session_id, text, kind, skipped, flagged FROM answer"  # noqa: S608 (only placeholders)
            f" WHERE session_id IN ({marks}) ORDER BY position, id",
            [row[0] for row in sessions],
        ):
            answers[session_id].append((text, kind, bool(skipped), bool(flag)))
    summaries = []
    for id_, set_id_, title, started, finished, session_flagged, utc_offset in sessions:
        mine = answers[id_]
        summaries.append(
            SessionSummary(
                id=id_,
                set_id=set_id_,
                set_title=title,
                started=datetime.fromisoformat(started).astimezone(UTC),
                finished=_utc(finished),
                flagged=bool(session_flagged),
                answer_count=sum(1 for text, _, skipped, _ in mine if text.strip() and not skipped),
                flagged_answers=sum(1 for *_, flag in mine if flag),
                first_words=first_words(text for text, kind, *_ in mine if kind == "text"),
                utc_offset=utc_offset,
            )
        )
    return summaries


def search(
    conn: sqlite3.Connection, query: str, *, tag: str | None = None, limit: int = 50
) -> list[SearchHit]:
    """Ranked full-text search (FTS5 bm25) with highlighted snippets.

    Ranked by bm25 alone; snippets are made afterwards for the rows kept, in time
    linear in each answer (:mod:`reflect_tui.journal.snippets` says why).
    """
    expression = to_fts(query)
    tag_filter = normalise_tags([tag]) if tag else ""
    if not expression and not tag_filter:
        return []
    where: list[str] = []
    params: dict[str, object] = {"limit": limit}
    if expression:
        where.append("answer_fts MATCH :expression")
        params["expression"] = expression
    if tag_filter:
        where.append("instr(' ' || a.tags || ' ', :tag) > 0")
        params["tag"] = f" {tag_filter} "
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
    try:
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:  # FTS5 refused the expression
        raise SearchQueryError() from exc
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
            else first_words([r[5]]),
            tags=r[6],
            utc_offset=r[7],
        )
        for r in rows
    ]


def counts(conn: sqlite3.Connection) -> Counts:
    """How many sessions, answers, words, flags and action items the journal holds."""

    def scalar(statement: str) -> int:
        return int(conn.execute(statement).fetchone()[0] or 0)

    words = sum(len(body.split()) for (body,) in conn.execute("SELECT text FROM answer"))
    return Counts(
        sessions=scalar("SELECT COUNT(*) FROM reflection_session"),
        finished=scalar("SELECT COUNT(*) FROM reflection_session WHERE finished IS NOT NULL"),
        answers=scalar("SELECT COUNT(*) FROM answer WHERE NOT skipped AND text != ''"),
        flagged=scalar(
            "SELECT (SELECT COUNT(*) FROM reflection_session WHERE flagged)"
            " + (SELECT COUNT(*) FROM answer WHERE flagged)"
        ),
        open_actions=scalar("SELECT COUNT(*) FROM action_item WHERE status = 'open'"),
        actions=scalar("SELECT COUNT(*) FROM action_item"),
        words=words,
    )
