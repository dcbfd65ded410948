"""reflect's own JSON export: complete, versioned, strict, and a lossless round trip."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export import (
    DocumentOptions,
    ImportRefused,
    Selection,
    build_export,
    plan_export,
    read_import,
    records_from_json,
    render,
)
from reflect_tui.export.importing import split_duplicates
from reflect_tui.export.json_format import FORMAT_VERSION
from tests.export.test_export_sample import MADE_AT, TZ, sample_actions, sample_sessions


def export_json(sessions: list[SessionRecord]) -> str:
    plan = plan_export(sessions, sample_actions(), Selection(), tz=TZ)
    return render(build_export(plan, options=DocumentOptions(made_at=MADE_AT)), "json")


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(export_json(sample_sessions()))
    return data


def test_the_json_is_versioned_and_holds_every_field() -> None:
    data = sample_data()
    assert (data["format"], data["version"]) == ("reflect-export", 3)
    assert set(data["sessions"][0]) == set(SessionRecord.__dataclass_fields__)
    assert set(data["sessions"][0]["answers"][0]) == set(AnswerRecord.__dataclass_fields__)
    assert set(data["sessions"][0]["actions"][0]) == set(ActionRecord.__dataclass_fields__)


def test_records_survive_export_and_import_unchanged() -> None:
    sessions = sample_sessions()
    assert records_from_json(sample_data()) == sessions


def test_export_import_export_is_identical() -> None:
    first = export_json(sample_sessions())
    again = export_json(list(read_import(first).sessions))
    assert again == first


def test_datetimes_in_other_offsets_are_read_as_the_same_instant_in_utc() -> None:
    data = sample_data()
    data["sessions"][0]["started"] = "2024-02-20T19:00:00+01:00"
    (first, *_) = records_from_json(data)
    assert first.started == datetime(2024, 2, 20, 18, tzinfo=UTC)
    assert first.started.tzinfo is UTC


def broken(change: str) -> dict[str, Any]:
    data = sample_data()
    session = data["sessions"][1]
    match change:
        case "extra key":
            session["mood"] = "fine"
        case "missing key":
            del session["answers"][0]["prompt_id"]
        case "wrong type":
            session["answers"][0]["position"] = "first"
        case "number as text":
            session["answers"][0]["text"] = 42
        case "naive datetime":
            session["started"] = "2024-03-04T23:30:00"
        case "not a date":
            session["finished"] = "yesterday"
        case "bool as text":
            session["flagged"] = "yes"
        case "bad status":
            session["actions"][0]["status"] = "maybe"
        case "action from no answer":
            session["actions"][0]["answer_position"] = None
        case "action from a missing answer":
            session["actions"][0]["answer_position"] = 99
        case "not a list":
            data["sessions"] = {"a": 1}
    return data


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ("extra key", "Session 2 is not valid: mood: Extra inputs are not permitted"),
        ("missing key", "Session 2 is not valid: answers.0.prompt_id: Field required"),
        ("wrong type", "Session 2 is not valid: answers.0.position"),
        ("number as text", "Session 2 is not valid: answers.0.text"),
        ("naive datetime", "Session 2 is not valid: started: Input should have timezone info"),
        ("not a date", "Session 2 is not valid: finished"),
        ("bool as text", "Session 2 is not valid: flagged"),
        ("bad status", "unknown status 'maybe'"),
        ("action from no answer", "none of its answers (it has no answer_position)"),
        ("action from a missing answer", "(answer_position 99)"),
        ("not a list", "no 'sessions' list"),
    ],
)
def test_bad_files_are_refused_with_the_place_and_reason(change: str, reason: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        records_from_json(broken(change))
    assert reason in str(refused.value)


def test_a_newer_version_is_refused_with_advice() -> None:
    data = sample_data()
    data["version"] = FORMAT_VERSION + 1
    with pytest.raises(ImportRefused, match="newer reflect"):
        records_from_json(data)
    for bad in (None, "1", True, 0):
        data["version"] = bad
        with pytest.raises(ImportRefused):
            records_from_json(data)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[]", "neither a reflect export nor a jrnl JSON export"),
        ('{"format": "something-else"}', "neither a reflect export nor a jrnl"),
        ('{"entries": [], "format": "x"}', "neither"),
    ],
)
def test_files_of_other_kinds_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_import(text)
    assert reason in str(refused.value)


def test_the_input_is_not_modified_by_reading() -> None:
    data = sample_data()
    before = copy.deepcopy(data)
    records_from_json(data)
    assert data == before


def test_duplicates_of_sessions_already_in_the_vault_are_set_aside() -> None:
    sessions = sample_sessions()
    fresh, duplicates = split_duplicates(sessions, sessions[:2])
    assert fresh == sessions[2:] and duplicates == sessions[:2]
