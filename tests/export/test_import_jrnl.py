"""Import from jrnl's JSON export (a real one, made with jrnl 4.2.1, is the fixture)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from reflect_tui.export import (
    DocumentOptions,
    ImportRefused,
    Selection,
    build_export,
    plan_export,
    read_import,
    read_import_file,
    records_from_jrnl,
    render,
)

FIXTURE = Path(__file__).parent.parent / "golden" / "import" / "jrnl-4.2.1.json"
#: The zone the fixture's entries were written in, for these tests.
TZ = timezone(timedelta(hours=-5), "EST")


def fixture_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def test_a_real_jrnl_export_becomes_free_text_reflections() -> None:
    imported = read_import_file(FIXTURE, tz=TZ)
    assert imported.source == "jrnl"
    sessions = imported.sessions
    assert len(sessions) == 4
    first = sessions[0]
    assert (first.set_id, first.set_title) == ("jrnl", "Imported from jrnl")
    assert first.started == datetime(2023, 11, 2, 23, 40, tzinfo=UTC)  # 18:40 EST
    assert first.finished == first.started  # finished, so never offered to resume
    (answer,) = first.answers
    assert answer.text == (
        "Supervision notes.\nTalked with @Dana about how I handle silence with #clients "
        "from cultures where silence means respect."
    )
    assert sorted(answer.tags) == ["clients", "dana"]
    assert (answer.kind, answer.topic, answer.prompt_id) == ("text", "other", "jrnl-entry")
    assert answer.created == answer.updated == first.started


def test_starred_becomes_flagged_and_tags_are_normalised() -> None:
    sessions = read_import_file(FIXTURE, tz=TZ).sessions
    assert [s.answers[0].flagged for s in sessions] == [False, True, False, False]
    assert sorted(sessions[2].answers[0].tags) == ["reflection", "systems"]
    assert sessions[3].answers[0].text.endswith("the part on repair stays with me.")
    assert "\n\n" in sessions[3].answers[0].text  # paragraphs kept


def test_the_flagged_jrnl_entries_can_be_exported_for_supervision() -> None:
    sessions = list(read_import_file(FIXTURE, tz=TZ).sessions)
    plan = plan_export(sessions, [], Selection(flagged_only=True), tz=TZ)
    doc = build_export(plan, options=DocumentOptions(made_at=datetime(2024, 1, 1, tzinfo=UTC)))
    text = render(doc, "markdown")
    assert "I noticed I interrupted T. twice" in text and "Supervision notes" not in text


def test_missing_optional_fields_take_jrnl_defaults() -> None:
    (session,) = records_from_jrnl(
        {"entries": [{"title": "Old entry.", "body": "", "date": "2012-03-29"}]}, tz=UTC
    )
    assert session.started == datetime(2012, 3, 29, tzinfo=UTC)
    assert session.answers[0].text == "Old entry."
    assert session.answers[0].tags == () and not session.answers[0].flagged


def test_entries_come_out_oldest_first() -> None:
    data = {
        "entries": [
            {"title": "b", "body": "", "date": "2020-01-02", "time": "09:00"},
            {"title": "a", "body": "", "date": "2020-01-01", "time": "09:00"},
        ]
    }
    assert [s.answers[0].text for s in records_from_jrnl(data, tz=UTC)] == ["a", "b"]


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ({"body": "", "date": "2020-01-01"}, "jrnl entry 2: 'title' should be str"),
        ({"title": "x", "date": "2020-13-01"}, "jrnl entry 2: the date '2020-13-01'"),
        ({"title": "x", "date": "2020-01-01", "time": "9pm"}, "time '9pm'"),
        ({"title": "x"}, "'date' should be str"),
        ({"title": "x", "date": "2020-01-01", "tags": "work"}, "'tags' should be list"),
        ({"title": "x", "date": "2020-01-01", "tags": [1]}, "a tag is not text"),
        ({"title": "x", "date": "2020-01-01", "starred": "yes"}, "'starred' should be bool"),
        ("just text", "jrnl entry 2 is not an object"),
    ],
)
def test_bad_entries_are_refused_with_their_number(entry: object, reason: str) -> None:
    data = {"entries": [{"title": "fine", "body": "", "date": "2020-01-01"}, entry]}
    with pytest.raises(ImportRefused) as refused:
        read_import(json.dumps(data), tz=UTC)
    assert reason in str(refused.value)


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="does not exist"):
        read_import_file(tmp_path / "missing.json")
    with pytest.raises(ImportRefused, match="is a folder"):
        read_import_file(tmp_path)
    binary = tmp_path / "vault.reflect"
    binary.write_bytes(b"\x00\xff\xfe binary")
    with pytest.raises(ImportRefused, match="not UTF-8"):
        read_import_file(binary)
