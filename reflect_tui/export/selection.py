"""Which reflections go into an export: dates, flagged, prompt set, tag, topic.

Dates are compared in the clinician's local time zone (injectable for tests): a session
started at 23:30 on the 5th belongs to the 5th, wherever UTC puts it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord, normalise_tag

#: The prompt whose answers are the clinician's questions for supervision.
SUPERVISION_QUESTION_PROMPT = "supervision-question"
#: Answers on this topic, or with this tag, are questions for supervision too.
QUESTION_TOPIC = "question"
QUESTION_TAG = "question"


def is_supervision_question(answer: AnswerRecord) -> bool:
    """A question written for supervision: the supervision-prep set's last prompt, an
    answer on the topic "question", or one tagged "question". These make the agenda."""
    return (
        answer.prompt_id == SUPERVISION_QUESTION_PROMPT
        or answer.topic == QUESTION_TOPIC
        or (bool(answer.tags) and QUESTION_TAG in {normalise_tag(tag) for tag in answer.tags})
    )


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of an aware datetime in ``tz`` (``None``: the computer's zone)."""
    return clock.day_of(moment) if tz is None else moment.astimezone(tz).date()


def session_day(session: SessionRecord, tz: tzinfo | None = None) -> date:
    """The day a reflection counts toward: the date it was begun on where it was begun,
    or in ``tz`` when one is given (tests and golden files fix it)."""
    return session.day if tz is None else local_date(session.started, tz)


@dataclass(frozen=True)
class Selection:
    """What to export. Every criterion is optional; together they must all hold."""

    start: date | None = None
    end: date | None = None
    #: Only answers flagged for supervision, in a session flagged as a whole, or written
    #: for supervision in the first place (:func:`is_supervision_question`).
    flagged_only: bool = False
    #: With ``flagged_only``: also answers already discussed in a supervision meeting
    #: (left out by default, so a preparation brings what is still waiting).
    include_discussed: bool = False
    set_id: str | None = None
    tag: str | None = None
    topic: str | None = None

    def __post_init__(self) -> None:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"The start date {self.start} is after the end date {self.end}.")

    @property
    def filters_answers(self) -> bool:
        """Whether answers are chosen one by one (otherwise whole sessions are)."""
        return self.flagged_only or bool(self.tag) or bool(self.topic)

    def describe(self, set_title: str | None = None) -> list[str]:
        """Readable phrases for what was chosen, for the document and the screen
        (the prompt set by ``set_title`` when it is known)."""
        parts: list[str] = []
        if self.flagged_only:
            parts.append("flagged for supervision")
        if self.set_id:
            parts.append(f"prompt set “{set_title or self.set_id}”")
        if self.tag:
            parts.append(f"tag “{normalise_tag(self.tag)}”")
        if self.topic:
            parts.append(f"topic “{self.topic}”")
        return parts

    def contains_day(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def _answer_matches(answer: AnswerRecord, session: SessionRecord, selection: Selection) -> bool:
    if selection.flagged_only and not (
        answer.flagged or session.flagged or is_supervision_question(answer)
    ):
        return False
    if selection.flagged_only and answer.discussed_on and not selection.include_discussed:
        return False
    if selection.tag and normalise_tag(selection.tag) not in {
        normalise_tag(t) for t in answer.tags
    }:
        return False
    return not (selection.topic and answer.topic != selection.topic)


def select(
    records: Iterable[SessionRecord], selection: Selection, *, tz: tzinfo | None = None
) -> list[SessionRecord]:
    """The sessions (oldest first) and answers that ``selection`` chooses.

    With an answer-level criterion (flagged, tag, topic) each session keeps only the
    answers that match, the actions that came from those answers and the session's own
    unattached actions, and sessions left with no answers drop out. Without one, whole
    sessions are kept as they are, so exporting everything loses nothing.
    """
    chosen: list[SessionRecord] = []
    for session in records:
        if not selection.contains_day(session_day(session, tz)):
            continue
        if selection.set_id and session.set_id != selection.set_id:
            continue
        if not selection.filters_answers:
            chosen.append(session)
            continue
        answers = tuple(a for a in session.answers if _answer_matches(a, session, selection))
        if not answers:
            continue
        kept_positions = {a.position for a in answers}
        actions = tuple(
            action
            for action in session.actions
            if action.answer_position is None or action.answer_position in kept_positions
        )
        chosen.append(dataclasses.replace(session, answers=answers, actions=actions))
    chosen.sort(key=lambda s: s.started)
    return chosen
