"""Recording supervision meetings: add, edit, delete and list them (schema 4).

A meeting's "what I will do" lines become open :class:`ActionItem` rows pointing at
the meeting: they are followed up at the start of the next reflection and listed in
exports exactly like actions from reflections. Kept apart from
:mod:`reflect_tui.journal.data`, which holds the reflections.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import date, timedelta

from sqlmodel import Session, col, select

from reflect_tui.core.records import storable
from reflect_tui.core.supervision import MeetingInput, MeetingRecord, PreparedItem, counted
from reflect_tui.export.supervision_check import check_who
from reflect_tui.journal import supervision_records
from reflect_tui.journal.data import NotFound
from reflect_tui.journal.engine import sqlite_of
from reflect_tui.journal.models import ActionItem, ActionStatus, Answer, SupervisionMeeting


class SupervisionMeetings:
    """The supervision record; ``_writing``/``_reading`` come from the journal."""

    def _writing(self, *, purge: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def watch_words(self) -> list[str]:
        raise NotImplementedError

    def fine_words(self) -> list[str]:
        raise NotImplementedError

    def check_who(self, who: str) -> None:
        """:class:`MeetingProblem` unless ``who`` is a role or initials (the identifier
        check of an export, with this journal's word lists, finds nothing in it)."""
        check_who(who, self.watch_words(), self.fine_words())

    @staticmethod
    def _fill(row: SupervisionMeeting, meeting: MeetingInput, group_share: float) -> None:
        row.day, row.minutes, row.format = meeting.day, meeting.minutes, meeting.format
        row.counted_minutes = counted(meeting.minutes, meeting.format, group_share)
        row.who = storable(meeting.who)
        row.brought, row.took_away = storable(meeting.brought), storable(meeting.took_away)
        row.summary = storable(meeting.summary)
        row.normative = "normative" in meeting.functions
        row.formative = "formative" in meeting.functions
        row.restorative = "restorative" in meeting.functions

    @staticmethod
    def _mark_discussed(db: Session, row: SupervisionMeeting, answer_ids: Iterable[int]) -> None:
        """Mark exactly ``answer_ids`` as discussed in ``row`` (others it marked lose it)."""
        wanted = set(answer_ids)
        marked = db.exec(select(Answer).where(Answer.discussed == row.uid))
        for answer in marked:
            if answer.id not in wanted:
                answer.discussed = ""
                db.add(answer)
        for answer_id in wanted:
            found = db.get(Answer, answer_id)
            if found is not None and found.discussed != row.uid:
                found.discussed = row.uid
                db.add(found)

    def add_meeting(
        self,
        meeting: MeetingInput,
        *,
        group_share: float = 0.5,
        discussed: Iterable[int] = (),
    ) -> int:
        """Record a meeting and open an action for each "what I will do" line; its id.
        Group time counts ``group_share`` of its minutes (fixed when it is recorded, so
        a later change of the setting does not rewrite the log). ``discussed``: the
        answers (see :meth:`prepared_items`) it took up, marked as discussed in it."""
        self.check_who(meeting.who)
        with self._writing() as db:
            row = SupervisionMeeting(day=meeting.day, minutes=meeting.minutes, counted_minutes=0)
            self._fill(row, meeting, group_share)
            db.add(row)
            db.flush()
            assert row.id is not None
            for line in meeting.will_do:
                db.add(ActionItem(meeting_id=row.id, text=storable(line)))
            self._mark_discussed(db, row, discussed)
            return row.id

    def edit_meeting(
        self,
        meeting_id: int,
        meeting: MeetingInput,
        *,
        group_share: float = 0.5,
        discussed: Iterable[int] | None = None,
    ) -> None:
        """Change a meeting. Its open actions follow the "what I will do" lines (a
        changed line changes its open action in place, as editing a reflection's action
        does, keeping its follow-up note; a line taken out removes its open action, a
        new line opens one); actions already done or dropped stay as they are.
        ``discussed``, when given, replaces the answers marked as discussed in it."""
        self.check_who(meeting.who)
        with self._writing(purge=True) as db:
            row = db.get(SupervisionMeeting, meeting_id)
            if row is None:
                raise NotFound("That supervision meeting")
            self._fill(row, meeting, group_share)
            db.add(row)
            items = list(db.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id)))
            wanted = [storable(line) for line in meeting.will_do]
            have = {item.text for item in items}
            new_lines = [line for line in wanted if line not in have]
            # An open action whose line changed is that line reworded, in order: it is
            # changed in place, keeping the follow-up note written on it since.
            for item in items:
                if item.status == ActionStatus.OPEN and item.text not in wanted:
                    if new_lines:
                        item.text = new_lines.pop(0)
                        db.add(item)
                    else:
                        db.delete(item)
            for line in new_lines:
                db.add(ActionItem(meeting_id=meeting_id, text=line))
            if discussed is not None:
                self._mark_discussed(db, row, discussed)

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a meeting and the actions agreed in it, leaving no trace of its text."""
        with self._writing(purge=True) as db:
            row = db.get(SupervisionMeeting, meeting_id)
            if row is None:
                raise NotFound("That supervision meeting")
            query = select(ActionItem).where(col(ActionItem.meeting_id) == meeting_id)
            for item in db.exec(query):
                db.delete(item)
            self._mark_discussed(db, row, ())  # what it took up is waiting again
            db.delete(row)

    def meetings(self, start: date | None = None, end: date | None = None) -> list[MeetingRecord]:
        """Meetings in the range (days inclusive), oldest first, with their actions."""
        with self._reading() as db:
            return supervision_records.meeting_records(sqlite_of(db), start, end)

    def prepared_items(
        self,
        day: date,
        meeting_id: int | None = None,
        *,
        limit: int | None = supervision_records.MOST_PREPARED,
    ) -> list[PreparedItem]:
        """What was prepared for supervision up to ``day`` and not yet discussed, newest
        first (``limit`` of them; None: all), for a meeting on that day to mark; with
        ``meeting_id``, also what that meeting marked (ticked)."""
        with self._reading() as db:
            uid = ""
            if meeting_id is not None:
                row = db.get(SupervisionMeeting, meeting_id)
                uid = row.uid if row is not None else ""
            return supervision_records.prepared_items(sqlite_of(db), day, uid, limit)

    def waiting_count(self, day: date) -> int:
        """How many answers prepared for supervision up to ``day`` no meeting took up."""
        with self._reading() as db:
            return supervision_records.waiting_count(sqlite_of(db), day)

    def discussed_in(self, meeting_id: int) -> list[PreparedItem]:
        """What the meeting marked as discussed, oldest first."""
        with self._reading() as db:
            row = db.get(SupervisionMeeting, meeting_id)
            if row is None:
                raise NotFound("That supervision meeting")
            return supervision_records.discussed_items(sqlite_of(db), row.uid)

    def meeting_days(self) -> dict[str, date]:
        """Each meeting's day by its identity, to say when an answer was discussed."""
        with self._reading() as db:
            return supervision_records.meeting_days(sqlite_of(db))

    def meeting(self, meeting_id: int) -> MeetingRecord:
        """One meeting with its actions; :class:`NotFound` when it is gone."""
        with self._reading() as db:
            found = supervision_records.meeting_records(sqlite_of(db), ids=(meeting_id,))
        if not found:
            raise NotFound("That supervision meeting")
        return found[0]

    def last_meeting(self, before: date | None = None) -> MeetingRecord | None:
        with self._reading() as db:
            return supervision_records.last_meeting(sqlite_of(db), before)

    def preparation_start(self, today: date, weeks: int) -> date:
        """Where a preparation for supervision starts by default: the day after the last
        meeting on or before ``today``, or else ``weeks`` weeks back (that day included)."""
        last = self.last_meeting(today)
        if last is not None:
            return min(today, last.day + timedelta(days=1))
        return today - timedelta(weeks=weeks) + timedelta(days=1)
