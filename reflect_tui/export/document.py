"""A supervision-preparation document, built once and rendered to any format.

Order: title and period; "Last time we agreed" (the actions agreed at the last
supervision meeting, with their state and follow-up notes), when a meeting is recorded;
the agenda (the questions the clinician wrote for
supervision); the clinician's identity map, only when they chose to include it;
reflections grouped by theme, the four supervision themes first; action
items (open ones, and those closed in the period with their follow-up); a footer saying
what the document is, that it is plaintext, and what the identifier check did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Literal

from reflect_tui.core import clock
from reflect_tui.core.identity import IdentityMap
from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.export.identifiers import REPLACEMENTS
from reflect_tui.export.scan import CheckStatus, IdentifierCheck
from reflect_tui.export.selection import (
    Selection,
    is_supervision_question,
    local_date,
    session_day,
)
from reflect_tui.export.themes import THEMES, Theme, theme_for

DateMode = Literal["day", "week"]

TITLE = "Supervision preparation"


@dataclass(frozen=True)
class DocumentOptions:
    clinician_name: str = ""
    #: "week" shows the week of each reflection instead of its day.
    dates: DateMode = "day"
    #: When the document was made (default: now); inject it for stable output.
    made_at: datetime | None = None
    #: The zone dates are shown in (default: the system's).
    tz: tzinfo | None = None
    check: IdentifierCheck = field(default_factory=IdentifierCheck)


@dataclass(frozen=True)
class AgendaItem:
    when: str
    #: The question, or for a choice or scale answer, the answer.
    question: str
    #: The theme the question was written under, unless it is "Other".
    theme: str | None = None
    #: The prompt, shown before the answer when the answer is not itself a question
    #: (e.g. "Which of these feels most pressing to bring?").
    prompt: str | None = None


@dataclass(frozen=True)
class Reflection:
    when: str
    set_title: str
    prompt: str
    answer: str
    flagged: bool = False


@dataclass(frozen=True)
class ThemeSection:
    theme: Theme
    items: tuple[Reflection, ...]

    def grouped(self) -> list[tuple[Reflection, list[Reflection]]]:
        """Consecutive items from the same day, set and flag, under one heading."""
        groups: list[tuple[Reflection, list[Reflection]]] = []
        items: list[Reflection] = []
        for item in self.items:
            if (
                items
                and item.when == items[0].when
                and item.set_title == items[0].set_title
                and item.flagged == items[0].flagged
            ):
                items.append(item)
            else:
                items = [item]
                groups.append((item, items))
        return groups


@dataclass(frozen=True)
class ActionLine:
    text: str
    status: str
    #: When it was written (shown for open items).
    since: str = ""
    #: When it was closed (shown for done or dropped items).
    closed: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class SupervisionDocument:
    title: str
    clinician: str
    period: str
    made_at: datetime
    made_at_text: str
    selection: tuple[str, ...]
    agenda: tuple[AgendaItem, ...]
    sections: tuple[ThemeSection, ...]
    open_actions: tuple[ActionLine, ...]
    closed_actions: tuple[ActionLine, ...]
    footer: tuple[str, ...]
    check: IdentifierCheck
    #: The selected records, complete, for the JSON format.
    sessions: tuple[SessionRecord, ...] = ()
    selection_criteria: Selection = field(default_factory=Selection)
    #: The day of the last supervision meeting ("" when none is recorded) and the
    #: actions agreed in it, as they stand now ("Last time we agreed").
    agreed_on: str = ""
    agreed: tuple[ActionLine, ...] = ()
    #: The clinician's identity map, only when they chose to export it.
    identity_map: IdentityMap | None = None


# --- dates ----------------------------------------------------------------------------


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


class _Dates:
    def __init__(self, mode: DateMode, tz: tzinfo | None) -> None:
        self.mode = mode
        self.tz = tz

    def day(self, day: date) -> str:
        return f"week of {week_start(day).isoformat()}" if self.mode == "week" else day.isoformat()

    def moment(self, moment: datetime | None) -> str:
        return "" if moment is None else self.day(local_date(moment, self.tz))

    def period(self, start: date | None, end: date | None) -> str:
        if self.mode == "week":
            start = start and week_start(start)
            end = end and week_start(end)
            if start and end:
                return f"week of {start}" if start == end else f"weeks of {start} to {end}"
            if start:
                return f"from the week of {start}"
            return f"up to the week of {end}" if end else "all entries"
        if start and end:
            return start.isoformat() if start == end else f"{start} to {end}"
        if start:
            return f"from {start}"
        return f"up to {end}" if end else "all entries"


# --- building -------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Line ends made "\\n", trailing spaces and blank first and last lines dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:  # most answers are one paragraph
        return text.rstrip()
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _set_title(sessions: Sequence[SessionRecord], set_id: str | None) -> str | None:
    """The set's newest title (a set may be renamed between versions)."""
    named = (s.set_title for s in reversed(sessions) if s.set_id == set_id and s.set_title)
    return next(named, None)


def _position(answer: AnswerRecord) -> int:
    return answer.position


def _has_text(answer: AnswerRecord) -> bool:
    return not answer.skipped and bool(answer.text.strip())


def _action_line(action: ActionRecord, dates: _Dates) -> ActionLine:
    return ActionLine(
        text=_clean(action.text),
        status=action.status,
        since=dates.moment(action.created),
        closed=dates.moment(action.closed),
        follow_up=_clean(action.follow_up),
    )


def closed_window(
    selection: Selection, sessions: Sequence[SessionRecord], tz: tzinfo | None
) -> tuple[date | None, date | None]:
    """The days in which a closed action counts as "closed in the period"."""
    start = selection.start
    if start is None and sessions:
        start = min(session_day(s, tz) for s in sessions)
    return start, selection.end


def actions_to_show(
    actions: Sequence[ActionRecord],
    selection: Selection,
    sessions: Sequence[SessionRecord],
    *,
    tz: tzinfo | None = None,
) -> list[ActionRecord]:
    """Open actions, then those closed in the period (oldest first in each group)."""
    start, end = closed_window(selection, sessions, tz)
    far = datetime.max.replace(tzinfo=UTC)
    open_items = sorted((a for a in actions if a.status == "open"), key=lambda a: a.created or far)
    closed_items = []
    for action in actions:
        if action.status == "open" or action.closed is None:
            continue
        day = local_date(action.closed, tz)
        if (start is None or day >= start) and (end is None or day <= end):
            closed_items.append(action)
    closed_items.sort(key=lambda a: a.closed or far)
    return open_items + closed_items


def _footer(check: IdentifierCheck) -> tuple[str, ...]:
    scope = (
        "Before it was written, its text was checked for identifiers: possible names, "
        "street addresses, e-mail addresses, phone numbers, web and IP addresses, exact "
        "dates, ages over 89, long numbers such as record or insurance numbers, postal "
        "codes, and the words on the clinician's own watch list. No automatic check "
        "catches every name."
    )
    if check.status is CheckStatus.REDACTED:
        labels = ", ".join(REPLACEMENTS[kind] for kind, _ in check.counts)
        replaced = "was replaced with a label" if check.total == 1 else "were replaced with labels"
        outcome = f"{check.describe_counts()} {replaced} ({labels})."
    elif check.status is CheckStatus.ALLOWED:
        outcome = (
            f"{check.describe_counts()} {'was' if check.total == 1 else 'were'} found and "
            "kept as written, at the clinician's choice."
        )
    else:
        outcome = "None were found."
    return (
        "Prepared with reflect, from a private reflective journal, to bring to clinical "
        "supervision. It holds the clinician's own reflections; it is not a clinical record.",
        "This is a plaintext copy: anyone who can open this file can read it. Keep it, "
        "share it and delete it with the care you give clinical notes.",
        f"{scope} {outcome}",
    )


def build_document(
    sessions: Sequence[SessionRecord],
    actions: Sequence[ActionRecord],
    selection: Selection | None = None,
    options: DocumentOptions | None = None,
    last_meeting: MeetingRecord | None = None,
    identity_map: IdentityMap | None = None,
) -> SupervisionDocument:
    """Arrange selected sessions and the action items to show into a document.

    ``sessions`` come from :func:`~reflect_tui.export.selection.select` (and are redacted
    already if the clinician chose that); ``actions`` from :func:`actions_to_show`;
    ``last_meeting``, the supervision meeting the document follows on from, if any.
    """
    selection = selection or Selection()
    options = options or DocumentOptions()
    dates = _Dates(options.dates, options.tz)
    made_at = options.made_at or clock.now()
    ordered = sorted(sessions, key=lambda s: s.started)

    agenda: list[AgendaItem] = []
    by_theme: dict[str, list[Reflection]] = {theme.slug: [] for theme in THEMES}
    prompts: dict[str, str] = {}  # each prompt's text cleaned once, not once an answer
    for session in ordered:
        when = dates.day(session_day(session, options.tz))
        set_title = session.set_title or session.set_id
        for answer in sorted(session.answers, key=_position):
            if not _has_text(answer):
                continue
            theme = theme_for(answer.topic)
            if is_supervision_question(answer):
                title = None if theme.slug == "other" else theme.title
                prompt = _clean(answer.prompt_text) if answer.kind != "text" else None
                agenda.append(AgendaItem(when, _clean(answer.text), title, prompt))
                continue
            if answer.kind == "action":
                # A commitment is listed once, under action items, with its status.
                continue
            prompt = prompts.get(answer.prompt_text)
            if prompt is None:
                prompt = prompts[answer.prompt_text] = _clean(answer.prompt_text)
            by_theme[theme.slug].append(
                Reflection(
                    when, set_title, prompt, _clean(answer.text), answer.flagged or session.flagged
                )
            )

    # An open end of the range is shown as the first or last reflection's date.
    days = [session_day(s, options.tz) for s in ordered]
    start = selection.start or (min(days) if days else None)
    end = selection.end or (max(days) if days else None)
    period = dates.period(start, end) if start or end else "no reflections selected"

    lines = [_action_line(action, dates) for action in actions]
    local_made = (
        clock.as_written(made_at, None) if options.tz is None else made_at.astimezone(options.tz)
    )
    return SupervisionDocument(
        title=TITLE,
        clinician=options.clinician_name.strip(),
        period=period,
        made_at=made_at,
        made_at_text=local_made.strftime("%Y-%m-%d %H:%M ") + (local_made.tzname() or ""),
        selection=tuple(selection.describe(_set_title(ordered, selection.set_id))),
        agenda=tuple(agenda),
        sections=tuple(
            ThemeSection(theme, tuple(by_theme[theme.slug]))
            for theme in THEMES
            if by_theme[theme.slug]
        ),
        open_actions=tuple(line for line in lines if line.status == "open"),
        closed_actions=tuple(line for line in lines if line.status != "open"),
        footer=_footer(options.check),
        check=options.check,
        sessions=tuple(ordered),
        selection_criteria=selection,
        agreed_on=dates.day(last_meeting.day) if last_meeting else "",
        agreed=tuple(_action_line(a, dates) for a in last_meeting.actions) if last_meeting else (),
        identity_map=identity_map,
    )
