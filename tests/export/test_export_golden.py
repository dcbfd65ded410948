"""Golden files: each format, on the fixed sample journal, compared byte for byte.

Review a change by eye, then regenerate with ``REFLECT_UPDATE_GOLDEN=1 pytest
tests/export/test_export_golden.py``; nothing is ever rewritten silently.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import (
    DocumentOptions,
    Format,
    IdentifierChoice,
    Selection,
    SupervisionDocument,
    build_export,
    plan_export,
    render,
)
from tests.export.test_export_sample import (
    CLINICIAN,
    MADE_AT,
    TZ,
    at,
    sample_actions,
    sample_sessions,
)

GOLDEN = Path(__file__).parent.parent / "golden" / "export"
UPDATE = os.environ.get("REFLECT_UPDATE_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing; create it with REFLECT_UPDATE_GOLDEN=1 and review it.")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (see the diff above)."


def full_document(**options: object) -> SupervisionDocument:
    plan = plan_export(sample_sessions(), sample_actions(), Selection(), tz=TZ)
    return build_export(
        plan,
        IdentifierChoice.STOP,
        DocumentOptions(clinician_name=CLINICIAN, made_at=MADE_AT, **options),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("markdown", "full.md"),
        ("html", "full.html"),
        ("json", "full.json"),
        ("text", "full.txt"),
    ],
)
def test_each_format_matches_its_golden_file(fmt: Format, name: str) -> None:
    check_golden(name, render(full_document(), fmt))


def test_flagged_since_march_by_week_matches_its_golden_file() -> None:
    selection = Selection(start=date(2024, 3, 1), flagged_only=True)
    plan = plan_export(sample_sessions(), sample_actions(), selection, tz=TZ)
    document = build_export(plan, options=DocumentOptions(dates="week", made_at=MADE_AT))
    check_golden("flagged-week.md", render(document, "markdown"))


def test_a_redacted_document_matches_its_golden_file() -> None:
    when = at(12, 18)
    session = SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=when,
        finished=when,
        answers=(
            AnswerRecord(
                prompt_id="identity-today",
                prompt_text="Which part of who I am shaped what I noticed today?",
                text=(
                    "Maria Lopez (call back on 555-123-4567 or maria.l@example.com) told me "
                    "on March 3 that the school at Oakwood never returned her forms. "
                    "Her record number is 00482913. PHQ-9 score of 14, session 3 of 12."
                ),
                topic="systemic-power",
                created=when,
                updated=when,
            ),
        ),
    )
    plan = plan_export([session], [], Selection(), watch_words=["Maria Lopez", "oakwood"], tz=TZ)
    assert [f.kind.value for f in plan.findings] == [
        "watch word",
        "phone",
        "email",
        "date",
        "watch word",
        "number",
    ]
    document = build_export(
        plan, IdentifierChoice.REDACT, DocumentOptions(clinician_name=CLINICIAN, made_at=MADE_AT)
    )
    check_golden("redacted.md", render(document, "markdown"))


def test_the_html_is_well_formed_xml_with_no_external_resources() -> None:
    html = render(full_document(), "html")
    root = ET.fromstring(html.split("\n", 1)[1])  # after <!DOCTYPE html>
    assert root.tag == "html"
    for element in root.iter():
        for attribute in ("src", "href"):
            assert attribute not in element.attrib, (
                f"<{element.tag} {attribute}=...> loads something"
            )
    assert root.find("head/style") is not None and "@media print" in html
    assert root.find("head/script") is None and "<script" not in html
    text = "".join(root.itertext())
    assert "M. asked whether I would <report her>" in text  # escaped, so shown as written
    assert "'formal = safe' & then" in text
