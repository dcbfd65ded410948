"""What a journal holds and how it is read and changed: sessions, answers, actions, search.

:class:`JournalData` is the data half of :class:`reflect_tui.journal.Journal`; the other
half (unlocking, saving, the passphrase) provides ``_writing`` and ``_reading``.
Every row handed out is detached from its SQL session: a plain object to read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError, StatementError
from sqlmodel import Session, col, select

from reflect_tui.core import clock, uids
from reflect_tui.core.records import (
    ActionRecord,
    SessionRecord,
    normalise_tags,
    storable,
)
from reflect_tui.journal import insight_queries as insight_queries
from reflect_tui.journal import listing
from reflect_tui.journal import records as journal_records
from reflect_tui.journal.engine import sqlite_of
from reflect_tui.journal.listing import Counts, SearchHit, SessionSummary
from reflect_tui.journal.models import (
    ActionItem,
    ActionStatus,
    Answer,
    ReflectionSession,
)
from reflect_tui.journal.queries import insert_record
from reflect_tui.journal.word_lists import WordLists
from reflect_tui.vault.errors import VaultError


class ImportRefused(VaultError):
    exit_code = 15

    def __init__(self, reason: str) -> None:
        super().__init__(f"Nothing was imported: {reason}.")


class NotFound(VaultError):
    exit_code = 14

    def __init__(self, what: str) -> None:
        super().__init__(f"{what} is no longer in the journal; it may have been deleted.")


class JournalData(WordLists):
    """Sessions, answers, action items, tags, flags, search and the watch list."""

    def _writing(self, *, purge: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    # -- a reflection session ----------------------------------------------------

    def start_session(self, set_id: str, set_version: int, set_title: str) -> ReflectionSession:
        with self._writing() as db:
            row = ReflectionSession(set_id=set_id, set_version=set_version, set_title=set_title)
            db.add(row)
            db.flush()
            return row

    def save_answer(
        self,
        session_id: int,
        *,
        prompt_id: str,
        prompt_text: str,
        text: str,
        topic: str = "other",
        kind: str = "text",
        position: int = 0,
        value: Any = None,
        skipped: bool = False,
        resume_at: int | None = None,
    ) -> Answer:
        """Insert or update the answer to one prompt; an ``action`` answer keeps its item.

        ``value`` (a scale number or list of choices) is stored as JSON beside ``text``.
        ``resume_at`` records where an unfinished session should reopen.
        """
        with self._writing() as db:
            session = self._session(db, session_id)
            answer = db.exec(
                select(Answer).where(Answer.session_id == session_id, Answer.prompt_id == prompt_id)
            ).first()
            encoded = None if value is None else json.dumps(value, ensure_ascii=False)
            text, prompt_text = storable(text), storable(prompt_text)
            if answer is None:
                answer = Answer(
                    uid=uids.answer_uid(session.uid, prompt_id),
                    session_id=session_id,
                    prompt_id=prompt_id,
                    prompt_text=prompt_text,
                    topic=topic,
                    kind=kind,
                    position=position,
                )
            elif (answer.text, answer.value, answer.skipped) != (text, encoded, skipped):
                answer.updated = clock.now()
            answer.text, answer.value, answer.skipped = text, encoded, skipped
            db.add(answer)
            if resume_at is not None:
                session.position = resume_at
                db.add(session)
            db.flush()
            if kind == "action":
                self._sync_action(db, answer)
            return answer

    @staticmethod
    def _sync_action(db: Session, answer: Answer) -> None:
        item = db.exec(select(ActionItem).where(ActionItem.answer_id == answer.id)).first()
        wanted = answer.text.strip()
        if item is None and wanted:
            db.add(ActionItem(uid=uids.action_uid(answer.uid), answer_id=answer.id, text=wanted))
        elif item is not None and item.status == ActionStatus.OPEN:
            if wanted:
                item.text = wanted
                db.add(item)
            else:
                db.delete(item)

    def set_resume_position(self, session_id: int, position: int) -> None:
        """Where an unfinished session reopens (when no answer was saved to say so)."""
        with self._writing() as db:
            session = self._session(db, session_id)
            if session.position != position:
                session.position = position
                db.add(session)

    def finish_session(self, session_id: int) -> None:
        with self._writing() as db:
            session = self._session(db, session_id)
            session.finished = session.finished or clock.now()
            db.add(session)

    def get_session(self, session_id: int) -> ReflectionSession:
        with self._reading() as db:
            session = self._session(db, session_id)
            return session

    def session_answers(self, session_id: int) -> list[Answer]:
        with self._reading() as db:
            query = select(Answer).where(Answer.session_id == session_id)
            return list(db.exec(query.order_by(col(Answer.position), col(Answer.id))).all())

    def unfinished_sessions(self) -> list[ReflectionSession]:
        with self._reading() as db:
            query = select(ReflectionSession).where(col(ReflectionSession.finished).is_(None))
            return list(db.exec(query.order_by(col(ReflectionSession.started).desc())).all())

    def delete_session(self, session_id: int) -> None:
        """Remove a session, its answers and their actions from the vault and its index."""
        with self._writing(purge=True) as db:
            session = self._session(db, session_id)
            answers = db.exec(select(Answer).where(Answer.session_id == session_id)).all()
            ids = [a.id for a in answers]
            for item in db.exec(select(ActionItem).where(col(ActionItem.answer_id).in_(ids))):
                db.delete(item)
            for answer in answers:
                db.delete(answer)
            db.delete(session)

    # -- editing, tags and flags -------------------------------------------------

    @staticmethod
    def _session(db: Session, session_id: int) -> ReflectionSession:
        session = db.get(ReflectionSession, session_id)
        if session is None:
            raise NotFound("That reflection")
        return session

    def _answer(self, db: Session, answer_id: int) -> Answer:
        answer = db.get(Answer, answer_id)
        if answer is None:
            raise NotFound("That answer")
        return answer

    def edit_answer(self, answer_id: int, text: str) -> Answer:
        """Change an answer from History, marking it edited; a skipped one becomes answered."""
        text = storable(text)
        with self._writing() as db:
            answer = self._answer(db, answer_id)
            if answer.text != text:
                answer.text = text
                answer.updated = answer.edited = clock.now()
                answer.skipped = answer.skipped and not text.strip()
                db.add(answer)
                db.flush()
                if answer.kind == "action":
                    self._sync_action(db, answer)
            return answer

    def set_answer_tags(self, answer_id: int, tags: Iterable[str]) -> Answer:
        with self._writing() as db:
            answer = self._answer(db, answer_id)
            answer.tags = normalise_tags(tags)
            db.add(answer)
            return answer

    def flag_answer(self, answer_id: int, flagged: bool) -> None:
        with self._writing() as db:
            answer = self._answer(db, answer_id)
            answer.flagged = flagged
            db.add(answer)

    def flag_session(self, session_id: int, flagged: bool) -> None:
        with self._writing() as db:
            session = self._session(db, session_id)
            session.flagged = flagged
            db.add(session)

    # -- action items ------------------------------------------------------------

    def open_actions(self) -> list[ActionItem]:
        with self._reading() as db:
            query = select(ActionItem).where(ActionItem.status == ActionStatus.OPEN)
            return list(db.exec(query.order_by(col(ActionItem.created))).all())

    def update_action(
        self, action_id: int, *, status: ActionStatus | None = None, follow_up: str | None = None
    ) -> ActionItem:
        """Record how a commitment went; closing it (done / dropped) stamps the time."""
        with self._writing() as db:
            item = db.get(ActionItem, action_id)
            if item is None:
                raise NotFound("That action item")
            if follow_up is not None:
                item.follow_up = storable(follow_up)
            if status is not None and status != item.status:
                item.status = status
                item.closed = None if status == ActionStatus.OPEN else clock.now()
            db.add(item)
            return item

    # -- listing, search and counts ---------------------------------------------

    def list_sessions(
        self,
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
        with self._reading() as db:
            return listing.session_summaries(
                sqlite_of(db),
                start=start,
                end=end,
                set_id=set_id,
                tag=tag,
                topic=topic,
                flagged=flagged,
                limit=limit,
                offset=offset,
            )

    def search(self, query: str, *, tag: str | None = None, limit: int = 50) -> list[SearchHit]:
        """Ranked full-text search (FTS5 bm25) with highlighted snippets."""
        with self._reading() as db:
            return listing.search(sqlite_of(db), query, tag=tag, limit=limit)

    def counts(self) -> Counts:
        with self._reading() as db:
            return listing.counts(sqlite_of(db))

    # -- what insight and the home screen draw -----------------------------------

    def reflection_days(self, since: date) -> set[date]:
        """Days (see :mod:`reflect_tui.core.clock`) a reflection was begun on, from ``since`` on."""
        with self._reading() as db:
            return insight_queries.reflection_days(db, since)

    def topic_counts(self, since: date | None = None) -> dict[str, int]:
        """How many written answers each topic has (from ``since`` on, if given)."""
        with self._reading() as db:
            return insight_queries.topic_counts(db, since)

    def action_counts(self) -> dict[str, int]:
        """How many action items are open, done and dropped."""
        with self._reading() as db:
            return insight_queries.action_counts(db)

    def scale_answers(self, since: date | None = None) -> list[tuple[date, str, str, int]]:
        """(session's day, prompt id, prompt text, value) for every scale answer, oldest first."""
        with self._reading() as db:
            return insight_queries.scale_answers(db, since)

    # -- records for export and import ------------------------------------------

    def records(self, start: date | None = None, end: date | None = None) -> list[SessionRecord]:
        """Sessions started in the range, oldest first, with their answers and actions."""
        with self._reading() as db:
            return journal_records.session_records(sqlite_of(db), start, end)

    def action_records(self) -> list[ActionRecord]:
        with self._reading() as db:
            return journal_records.action_records(sqlite_of(db))

    def import_records(self, records: Sequence[SessionRecord]) -> int:
        """Add sessions from records in one transaction: all of them, or none."""
        try:
            with self._writing() as db:
                for record in records:
                    insert_record(db, record)
        except (StatementError, IntegrityError, ValueError) as exc:
            cause = exc.orig if isinstance(exc, StatementError) else exc
            raise ImportRefused(f"an entry could not be stored ({cause})") from exc
        return len(records)
