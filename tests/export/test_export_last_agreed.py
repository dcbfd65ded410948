"""A preparation after a recorded supervision meeting opens with "Last time we agreed":
that meeting's actions with their state and follow-up, in every document format,
checked for identifiers like everything else that leaves."""

from __future__ import annotations

from datetime import date

import pytest

from reflect_tui.core.records import ActionRecord
from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.export import (
    DocumentOptions,
    Format,
    IdentifierChoice,
    IdentifiersFound,
    Selection,
    SupervisionDocument,
    build_export,
    plan_export,
    render,
)
from tests.export.test_export_golden import check_golden
from tests.export.test_export_sample import (
    CLINICIAN,
    MADE_AT,
    TZ,
    at,
    sample_actions,
    sample_sessions,
)

AGREED = (
    ActionRecord(
        "Name the rupture with R. at the start of the next session",
        status="done",
        follow_up="Did it; R. said it helped to hear it first.",
        created=at(1, 17),
        closed=at(6, 9),
    ),
    ActionRecord("Read Safran and Muran on repair", created=at(1, 17)),
)
MEETING = MeetingRecord(
    day=date(2024, 3, 1), minutes=60, counted_minutes=60, who="clinical lead", actions=AGREED
)


def _document(meeting: MeetingRecord, choice: IdentifierChoice = IdentifierChoice.STOP) -> str:
    plan = plan_export(
        sample_sessions(),
        [*sample_actions(), *meeting.actions],
        Selection(start=meeting.day),
        tz=TZ,
        last_meeting=meeting,
    )
    document: SupervisionDocument = build_export(
        plan, choice, DocumentOptions(clinician_name=CLINICIAN, made_at=MADE_AT)
    )
    return render(document, "markdown")


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "last-agreed.md"), ("html", "last-agreed.html"), ("text", "last-agreed.txt")],
)
def test_the_section_in_each_format_matches_its_golden_file(fmt: Format, name: str) -> None:
    plan = plan_export(
        sample_sessions(),
        [*sample_actions(), *AGREED],
        Selection(start=date(2024, 3, 2)),
        tz=TZ,
        last_meeting=MEETING,
    )
    document = build_export(
        plan, options=DocumentOptions(clinician_name=CLINICIAN, made_at=MADE_AT)
    )
    assert document.agreed_on == "2024-03-01" and [a.status for a in document.agreed] == [
        "done",
        "open",
    ]
    check_golden(name, render(document, fmt))


def test_the_section_opens_the_document_before_the_agenda() -> None:
    text = _document(MEETING)
    assert text.index("## Last time we agreed") < text.index("## Agenda")
    assert "At supervision on 2024-03-01:" in text
    assert "**Follow-up:** Did it; R. said it helped to hear it first." in text


def test_a_meeting_with_nothing_agreed_says_so_and_none_leaves_no_section() -> None:
    bare = MeetingRecord(day=date(2024, 3, 1), minutes=60, counted_minutes=60)
    assert "No actions were agreed at supervision on 2024-03-01." in _document(bare)
    plan = plan_export(sample_sessions(), sample_actions(), Selection(), tz=TZ)
    assert "Last time we agreed" not in render(build_export(plan), "markdown")


def test_an_identifier_in_an_agreed_action_stops_the_export_or_is_redacted() -> None:
    phone = ActionRecord("Call the school on 555-123-4567", created=at(1, 17))
    meeting = MeetingRecord(date(2024, 3, 1), 60, counted_minutes=60, actions=(phone,))
    with pytest.raises(IdentifiersFound) as found:
        _document(meeting)
    assert [f.kind.value for f in found.value.findings] == ["phone"]
    redacted = _document(meeting, IdentifierChoice.REDACT)
    assert "555-123-4567" not in redacted and "Call the school on [phone]" in redacted
