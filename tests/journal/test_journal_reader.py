"""The read-only path ``reflect export`` takes: written by the ORM (as the app writes),
read back in plain SQL, every field checked against what was written."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord
from reflect_tui.journal import Journal, NewerFormat
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import crypto, database
from tests.clocks import SetClock
from tests.conftest import PASSPHRASE

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates


def _write(vault_path: Path) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        first = journal.start_session("repair", 3, "After a rupture")
        assert first.id is not None
        what = journal.save_answer(
            first.id,
            prompt_id="what",
            prompt_text="What happened?",
            text="I misread a pause.",
            topic="repair",
        )
        journal.save_answer(
            first.id,
            prompt_id="how",
            prompt_text="How strong?",
            text="",
            kind="scale",
            value=4,
            position=1,
        )
        journal.save_answer(
            first.id,
            prompt_id="next",
            prompt_text="Next step?",
            text="Ask about it.",
            kind="action",
            topic="repair",
            position=2,
        )
        [item] = journal.open_actions()
        assert item.id is not None and what.id is not None
        journal.update_action(item.id, status=ActionStatus.DONE, follow_up="It helped.")
        journal.set_answer_tags(what.id, ["#Question", "rupture"])
        journal.flag_answer(what.id, True)
        journal.flag_session(first.id, True)
        journal.finish_session(first.id)
        journal.start_session("identity", 1, "Identity")  # left unfinished, no answers
        journal.add_watch_word("Oakwood")
        journal.add_watch_word("Amara")


def test_the_reader_reads_back_every_field_the_orm_wrote(vault_path: Path) -> None:
    before = clock.now()
    _write(vault_path)
    after = clock.now()
    with JournalReader(vault_path, PASSPHRASE) as reader:
        records = reader.records()
        actions = reader.action_records()
        words = reader.watch_words()

    assert [r.set_id for r in records] == ["repair", "identity"]
    repair, identity = records
    assert (repair.set_title, repair.set_version, repair.flagged) == ("After a rupture", 3, True)
    assert repair.finished is not None and repair.started.tzinfo is not None
    assert before <= repair.started <= repair.finished <= after
    assert (identity.finished, identity.answers, identity.actions) == (None, (), ())

    what, how, step = repair.answers
    assert what.created is not None and before <= what.created <= after
    assert what == AnswerRecord(
        prompt_id="what",
        prompt_text="What happened?",
        text="I misread a pause.",
        topic="repair",
        kind="text",
        position=0,
        value=None,
        skipped=False,
        created=what.created,
        updated=what.updated,
        tags=("question", "rupture"),
        flagged=True,
    )
    assert (how.kind, how.value, how.position) == ("scale", "4", 1)
    assert (step.kind, step.text, step.topic) == ("action", "Ask about it.", "repair")

    [action] = repair.actions
    assert (action.text, action.status, action.follow_up) == ("Ask about it.", "done", "It helped.")
    assert action.answer_position == 2
    assert action.created is not None and action.closed is not None
    assert before <= action.created <= action.closed <= after
    assert actions == [dataclasses.replace(action, answer_position=None)]
    assert words == ["Amara", "Oakwood"]


def test_the_reader_selects_by_local_day(vault_path: Path, any_clock: SetClock) -> None:
    _write(vault_path)
    today = clock.today()
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert len(reader.records(today, today)) == 2
        assert reader.records(today + timedelta(days=1)) == []
        assert reader.records(None, today - timedelta(days=1)) == []


def test_a_newer_format_is_named_not_misread(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "SCHEMA_VERSION", database.SCHEMA_VERSION + 1)
    Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    monkeypatch.undo()
    with pytest.raises(NewerFormat, match="newer reflect"):
        JournalReader(vault_path, PASSPHRASE)


def test_the_reader_takes_no_lock_and_writes_nothing(vault_path: Path) -> None:
    _write(vault_path)
    files = {p.name: p.read_bytes() for p in vault_path.parent.iterdir() if p.is_file()}
    with Journal.open(vault_path, PASSPHRASE) as writer:  # the app holds the vault
        with JournalReader(vault_path, PASSPHRASE) as reader:
            assert len(reader.records()) == 2
        after = {p.name: p.read_bytes() for p in vault_path.parent.iterdir() if p.is_file()}
        assert after == files  # the reader wrote nothing, not even a temp file
        writer.add_watch_word("still writable")  # and it left the writer's lock alone
    assert vault_path.read_bytes() != files[vault_path.name]
