"""reflect's own JSON export: complete and versioned, so it can be imported again.

Every field of every selected :class:`~reflect_tui.core.records.SessionRecord` is written,
datetimes as ISO-8601 UTC with microseconds, so export → import → export gives the same
file. :func:`records_from_json` validates strictly (unknown keys, wrong types, naive
datetimes and newer versions are refused with the place and the reason).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, Strict, ValidationError

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export.document import SupervisionDocument
from reflect_tui.export.errors import ImportRefused

FORMAT_NAME = "reflect-export"
#: 2 (release 0.2): a session's ``utc_offset`` and an answer's ``edited``; 3: an answer's
#: ``discussed_on`` (the day a supervision meeting discussed it). Earlier ones still read.
FORMAT_VERSION = 3


def _stamp(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="microseconds")


def _answer_dict(answer: AnswerRecord) -> dict[str, Any]:
    return {
        "prompt_id": answer.prompt_id,
        "prompt_text": answer.prompt_text,
        "text": answer.text,
        "topic": answer.topic,
        "kind": answer.kind,
        "position": answer.position,
        "value": answer.value,
        "skipped": answer.skipped,
        "created": _stamp(answer.created),
        "updated": _stamp(answer.updated),
        "edited": _stamp(answer.edited),
        "tags": list(answer.tags),
        "flagged": answer.flagged,
        "discussed_on": answer.discussed_on.isoformat() if answer.discussed_on else None,
    }


def _action_dict(action: ActionRecord) -> dict[str, Any]:
    return {
        "text": action.text,
        "status": action.status,
        "follow_up": action.follow_up,
        "created": _stamp(action.created),
        "closed": _stamp(action.closed),
        "answer_position": action.answer_position,
    }


def session_to_dict(session: SessionRecord) -> dict[str, Any]:
    """Every field of a session, its answers and its actions, as JSON-ready values.

    Written out field by field (``dataclasses.asdict`` is ten times slower); a test
    checks that every field of the records is here.
    """
    return {
        "set_id": session.set_id,
        "set_title": session.set_title,
        "started": _stamp(session.started),
        "utc_offset": session.utc_offset,
        "set_version": session.set_version,
        "finished": _stamp(session.finished),
        "flagged": session.flagged,
        "answers": [_answer_dict(answer) for answer in session.answers],
        "actions": [_action_dict(action) for action in session.actions],
    }


def render_json(document: SupervisionDocument) -> str:
    selection = document.selection_criteria
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "made_at": _stamp(document.made_at),
        "clinician": document.clinician,
        "selection": {
            "start": selection.start.isoformat() if selection.start else None,
            "end": selection.end.isoformat() if selection.end else None,
            "flagged_only": selection.flagged_only,
            "include_discussed": selection.include_discussed,
            "set_id": selection.set_id,
            "tag": selection.tag,
            "topic": selection.topic,
        },
        "identifier_check": {
            "status": document.check.status.value,
            "counts": {kind.value: count for kind, count in document.check.counts},
        },
        "sessions": [session_to_dict(session) for session in document.sessions],
    }
    if document.identity_map is not None:  # only when the clinician chose to include it
        chosen = document.identity_map
        payload["identity_map"] = {
            "version": chosen.number,
            "saved": _stamp(chosen.saved),
            "note": chosen.note,
            "domains": [dataclasses.asdict(entry) for entry in chosen.entries],
        }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# --- reading --------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# Datetimes arrive as ISO strings, so only they are parsed in lax mode; they must be aware.
_Stamp = Annotated[AwareDatetime, Strict(False)]


class _Action(_Strict):
    text: str
    status: str = "open"
    follow_up: str = ""
    created: _Stamp | None = None
    closed: _Stamp | None = None
    answer_position: int | None = None


class _Answer(_Strict):
    prompt_id: str
    prompt_text: str
    text: str
    topic: str = "other"
    kind: str = "text"
    position: int = 0
    value: str | None = None
    skipped: bool = False
    created: _Stamp | None = None
    updated: _Stamp | None = None
    edited: _Stamp | None = None
    tags: list[str] = []
    flagged: bool = False
    discussed_on: Annotated[date, Strict(False)] | None = None


class _Session(_Strict):
    set_id: str
    set_title: str
    started: _Stamp
    # Real zones lie within UTC-12 and UTC+14; a day's worth either way is refused.
    utc_offset: Annotated[int, Field(gt=-24 * 60, lt=24 * 60)] | None = None
    set_version: int = 1
    finished: _Stamp | None = None
    flagged: bool = False
    answers: list[_Answer] = []
    actions: list[_Action] = []


_STATUSES = {"open", "done", "dropped"}


def _utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.astimezone(UTC)


def _to_record(model: _Session) -> SessionRecord:
    return SessionRecord(
        set_id=model.set_id,
        set_title=model.set_title,
        started=model.started.astimezone(UTC),
        utc_offset=model.utc_offset,
        set_version=model.set_version,
        finished=_utc(model.finished),
        flagged=model.flagged,
        answers=tuple(
            AnswerRecord(
                **{
                    **a.model_dump(),
                    "created": _utc(a.created),
                    "updated": _utc(a.updated),
                    "edited": _utc(a.edited),
                    "tags": tuple(a.tags),
                }
            )
            for a in model.answers
        ),
        actions=tuple(
            ActionRecord(**{**x.model_dump(), "created": _utc(x.created), "closed": _utc(x.closed)})
            for x in model.actions
        ),
    )


def _where(error: Any) -> str:
    return ".".join(str(part) for part in error["loc"]) or "the file"


def is_reflect_export(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def records_from_json(data: object) -> list[SessionRecord]:
    """The sessions in a parsed reflect export, or :class:`ImportRefused` saying why not."""
    if not is_reflect_export(data):
        raise ImportRefused("This is not a reflect export (its 'format' is not reflect-export).")
    assert isinstance(data, dict)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRefused("This reflect export has no valid 'version' number.")
    if version > FORMAT_VERSION:
        raise ImportRefused(
            f"This export is format version {version}, made by a newer reflect; "
            f"this one reads version {FORMAT_VERSION}. Update reflect and try again."
        )
    if version < 1:
        raise ImportRefused(f"Unknown reflect export version {version}.")
    sessions = data.get("sessions")
    if not isinstance(sessions, list):
        raise ImportRefused("This reflect export has no 'sessions' list.")
    records: list[SessionRecord] = []
    for index, raw in enumerate(sessions):
        try:
            model = _Session.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ImportRefused(
                f"Session {index + 1} is not valid: {_where(first)}: {first['msg']}."
            ) from None
        positions = {answer.position for answer in model.answers}
        for action in model.actions:
            if action.status not in _STATUSES:
                raise ImportRefused(
                    f"Session {index + 1} has an action with unknown status {action.status!r}."
                )
            # Every action comes from an answer; one that does not could be stored but
            # not exported again, so the round trip would lose it.
            if action.answer_position not in positions:
                which = (
                    "it has no answer_position"
                    if action.answer_position is None
                    else f"answer_position {action.answer_position}"
                )
                raise ImportRefused(
                    f"Session {index + 1} has an action that belongs to none of its "
                    f"answers ({which})."
                )
        records.append(_to_record(model))
    return records
