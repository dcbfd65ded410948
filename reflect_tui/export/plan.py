"""The export pipeline the CLI and the Export screen share.

1. :func:`plan_export`: choose the records, the action items to show, and run the
   identifier check (nothing is rendered yet, so a preview and its count are cheap).
2. :func:`build_export`: with the clinician's choice (stop, redact, allow), build the
   :class:`~reflect_tui.export.document.SupervisionDocument`.
3. :func:`~reflect_tui.export.rendering.render` it to a format.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import tzinfo
from enum import StrEnum

from reflect_tui.core.identity import IdentityMap
from reflect_tui.core.records import ActionRecord, SessionRecord
from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.export.document import (
    DocumentOptions,
    SupervisionDocument,
    actions_to_show,
    build_document,
)
from reflect_tui.export.errors import ExportError
from reflect_tui.export.identity_check import redact_identity_map
from reflect_tui.export.scan import (
    CheckStatus,
    IdentifierCheck,
    KnownSpans,
    RecordFinding,
    redact_records,
    scan_records,
)
from reflect_tui.export.selection import Selection, select


class IdentifierChoice(StrEnum):
    """What to do when the identifier check finds something."""

    STOP = "stop"
    REDACT = "redact"
    ALLOW = "allow"


class IdentifiersFound(ExportError):
    """The check found identifiers and the clinician has not chosen to redact or allow."""

    def __init__(self, findings: Sequence[RecordFinding]) -> None:
        self.findings = tuple(findings)
        count = len(self.findings)
        super().__init__(
            f"{count} possible identifier{'s' if count != 1 else ''} found; "
            "choose to redact them or to allow them."
        )


@dataclass(frozen=True)
class ExportPlan:
    """What an export would contain, and what the identifier check found in it."""

    selection: Selection
    sessions: tuple[SessionRecord, ...]
    actions: tuple[ActionRecord, ...]
    findings: tuple[RecordFinding, ...]
    watch_words: tuple[str, ...] = ()
    tz: tzinfo | None = None
    #: Words the clinician said are not names.
    fine_words: tuple[str, ...] = ()
    #: The supervision meeting this preparation follows on from ("Last time we agreed").
    last_meeting: MeetingRecord | None = None
    #: The identity map, only when the clinician chose to export it.
    identity_map: IdentityMap | None = None
    #: The vault's findings cache, if the caller read it (the check is the same without).
    known: KnownSpans | None = field(default=None, compare=False, repr=False)

    @property
    def session_count(self) -> int:
        return len(self.sessions)

    @property
    def answer_count(self) -> int:
        """Answers with text in the selection (what "N reflections" means on screen)."""
        return sum(1 for s in self.sessions for a in s.answers if not a.skipped and a.text.strip())


def plan_export(
    records: Iterable[SessionRecord],
    actions: Sequence[ActionRecord],
    selection: Selection,
    *,
    watch_words: Iterable[str] = (),
    tz: tzinfo | None = None,
    fine_words: Iterable[str] = (),
    last_meeting: MeetingRecord | None = None,
    identity_map: IdentityMap | None = None,
    known: KnownSpans | None = None,
) -> ExportPlan:
    """Select, pick the action items to show, and scan everything that would be written
    (the actions agreed at ``last_meeting`` among it, and ``identity_map`` if given: it
    is exported only when the clinician chose it)."""
    sessions = select(records, selection, tz=tz)
    shown = actions_to_show(actions, selection, sessions, tz=tz)
    words, fine = tuple(watch_words), tuple(fine_words)
    agreed = last_meeting.actions if last_meeting else ()
    findings = scan_records(sessions, [*shown, *agreed], words, tz=tz, fine_words=fine, known=known)
    if identity_map is not None:
        findings += redact_identity_map(identity_map, words, fine)[1]
    return ExportPlan(
        selection,
        tuple(sessions),
        tuple(shown),
        tuple(findings),
        words,
        tz,
        fine,
        last_meeting,
        identity_map,
        known,
    )


def build_export(
    plan: ExportPlan,
    choice: IdentifierChoice = IdentifierChoice.STOP,
    options: DocumentOptions | None = None,
) -> SupervisionDocument:
    """The document, redacted if chosen; :class:`IdentifiersFound` if the check must stop it.

    The time zone of the plan is used for every date in the document.
    """
    options = options or DocumentOptions()
    sessions: Sequence[SessionRecord] = plan.sessions
    actions: Sequence[ActionRecord] = plan.actions
    meeting = plan.last_meeting
    identity_map = plan.identity_map
    if not plan.findings:
        check = IdentifierCheck()
    elif choice is IdentifierChoice.REDACT:
        agreed = meeting.actions if meeting else ()
        sessions, every_action, found = redact_records(
            sessions,
            [*actions, *agreed],
            plan.watch_words,
            tz=plan.tz,
            fine_words=plan.fine_words,
            known=plan.known,
        )
        actions = every_action[: len(actions)]
        if meeting is not None:
            meeting = dataclasses.replace(meeting, actions=tuple(every_action[len(actions) :]))
        if identity_map is not None:
            identity_map, in_map = redact_identity_map(
                identity_map, plan.watch_words, plan.fine_words, rewrite=True
            )
            found = [*found, *in_map]
        check = IdentifierCheck.from_findings(found, CheckStatus.REDACTED)
    elif choice is IdentifierChoice.ALLOW:
        check = IdentifierCheck.from_findings(plan.findings, CheckStatus.ALLOWED)
    else:
        raise IdentifiersFound(plan.findings)
    options = dataclasses.replace(options, tz=plan.tz, check=check)
    return build_document(sessions, actions, plan.selection, options, meeting, identity_map)
