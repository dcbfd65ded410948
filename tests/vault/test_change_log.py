"""The change log beside the snapshot: saves append to it, opening replays it exactly,
compaction folds it in, and every fault is either a torn last record (dropped) or
damage (reported)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect_tui.core.supervision import MeetingInput
from reflect_tui.journal import Journal, JournalReader, SavedAsConflictCopy, VaultDamaged
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.reader import inspect
from reflect_tui.vault import changelog, conflicts, container, crypto, rowlog
from tests.conftest import PASSPHRASE


def _log(vault: Path) -> Path:
    return changelog.log_path(vault)


def every_table(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table the journal keeps (rowids too), and what FTS finds."""
    names = rowlog.tables(conn)
    assert names is not None
    rows: dict[str, list[tuple[object, ...]]] = {
        name: conn.execute(f'SELECT rowid, * FROM "{name}" ORDER BY rowid').fetchall()
        for name in names
    }
    words = {w for (text,) in conn.execute("SELECT text FROM answer") for w in text.split()}
    rows["fts"] = [
        (
            word,
            *(
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM answer_fts WHERE answer_fts MATCH ? ORDER BY rowid",
                    (f'"{word}"',),
                )
            ),
        )
        for word in sorted(words)
    ]
    rows["user_version"] = conn.execute("PRAGMA user_version").fetchall()
    return rows


def assert_consistent(conn: sqlite3.Connection) -> None:
    """The FTS index matches its content table, and every foreign key holds."""
    conn.execute("INSERT INTO answer_fts(answer_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def replayed(vault: Path) -> sqlite3.Connection:
    """The database as a reader opens it now: the snapshot with the log replayed."""
    return JournalReader(vault, PASSPHRASE)._conn


def _answer(journal: Journal, sid: int, prompt: str, text: str) -> int:
    return journal.save_answer(sid, prompt_id=prompt, prompt_text="?", text=text).id or 0


def test_a_save_appends_a_small_record_and_leaves_the_snapshot(
    journal: Journal, vault_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    snapshot = vault_path.read_bytes()
    before = _log(vault_path).stat().st_size
    generation = journal.generation
    _answer(journal, sid, "p", "Countertransference in the third session " * 20)
    assert vault_path.read_bytes() == snapshot, "the snapshot is not rewritten"
    grew = _log(vault_path).stat().st_size - before
    assert 0 < grew < 64 * 1024
    assert journal.generation == generation + 1, "a logged save is a generation too"
    assert b"Countertransference" not in _log(vault_path).read_bytes()
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.counts().answers == 1, "a reader sees the logged save"


def test_info_counts_the_logs_saves_without_the_passphrase(
    journal: Journal, vault_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "one")
    info = inspect(vault_path)
    assert info.log_records == 2 and info.log_size == _log(vault_path).stat().st_size
    assert info.generation + info.log_records == journal.generation
    journal.close()
    assert (inspect(vault_path).log_records, inspect(vault_path).log_size) == (0, 0)


def test_closing_compacts_into_a_new_snapshot_and_keeps_the_old_as_a_backup(
    journal: Journal, vault_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    for i in range(5):
        _answer(journal, sid, f"p{i}", f"words {i}")
    generation = journal.generation
    snapshot_before = container.read(vault_path)[0].generation
    journal.close()
    assert not _log(vault_path).exists()
    assert container.read(vault_path)[0].generation == generation, "the state keeps its number"
    backups = container.list_backups(vault_path)
    assert [b.name for b in backups] == [f"generation-{snapshot_before:012d}.reflect"]
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.counts().answers == 5
        assert again.generation == generation


def test_the_replayed_database_equals_the_one_in_memory(journal: Journal, vault_path: Path) -> None:
    first = journal.start_session("s", 1, "S").id or 0
    second = journal.start_session("t", 1, "T").id or 0
    a = _answer(journal, first, "who", "Oakwood ward, a long silence")
    b = _answer(journal, first, "do", "ask about the interpreter fees")
    _answer(journal, second, "who", "second session")
    journal.edit_answer(a, "Oakwood ward, a longer silence, then tears")
    journal.set_answer_tags(a, ["silence", "grief"])
    journal.set_answer_tags(a, ["grief"])
    journal.flag_answer(b, True)
    journal.flag_session(second, True)
    journal.finish_session(first)
    journal.add_watch_word("Oakwood")
    journal.add_fine_word("Birch")
    journal.remove_fine_word("Birch")
    journal.add_meeting(
        MeetingInput(day=date(2026, 3, 4), minutes=60, format="one-to-one", who="clinical lead")
    )
    for item in journal.open_actions():
        journal.update_action(item.id or 0, status=ActionStatus.DONE, follow_up="done")
    assert _log(vault_path).exists()
    conn = replayed(vault_path)
    assert every_table(conn) == every_table(journal._conn)
    assert_consistent(conn)


def test_a_deletion_writes_a_snapshot_so_no_record_keeps_the_text(
    journal: Journal, vault_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "words to be deleted")
    assert _log(vault_path).exists()
    journal.delete_session(sid)  # purges deleted text and VACUUMs: rowids may move
    assert not _log(vault_path).exists()
    assert every_table(replayed(vault_path)) == every_table(journal._conn)


def test_merging_a_copy_twice_replays_exactly(journal: Journal, vault_path: Path) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "before the copy")
    copy = vault_path.with_name("journal.sync-conflict-20260305-084700-ABCDEF7.reflect")
    shutil.copyfile(vault_path, copy)  # the snapshot alone: an old copy, nothing new in it
    journal.merge_from(copy)
    journal.merge_from(copy)  # INSERT OR REPLACE of the same copy's row: logged, not purged
    conn = replayed(vault_path)
    assert every_table(conn) == every_table(journal._conn)
    assert_consistent(conn)


OPS = st.lists(
    st.tuples(
        st.sampled_from(
            ["start", "answer", "edit", "tag", "flag", "finish", "watch", "unwatch", "meet"]
        ),
        st.integers(0, 3),
    ),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=int(os.environ.get("REFLECT_LOG_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=OPS)
def test_after_any_history_a_reader_sees_exactly_the_writers_state(
    tmp_path_factory: pytest.TempPathFactory, history: list[tuple[str, int]]
) -> None:
    vault = tmp_path_factory.mktemp("log") / "journal.reflect"
    with Journal.create(vault, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        for number, (op, pick) in enumerate(history):
            sessions = sorted(s.id or 0 for s in journal.list_sessions())
            session = sessions[pick % len(sessions)] if sessions else None
            answers = [a.id or 0 for a in journal.session_answers(session)] if session else []
            words = f"{op} {number} {'ü' * pick}"
            if op == "start" or session is None:
                journal.start_session("identity", 1, f"Set {pick}")
            elif op == "answer":
                _answer(journal, session, f"p{pick}", words)
            elif op == "edit" and answers:
                journal.edit_answer(answers[pick % len(answers)], words)
            elif op == "tag" and answers:
                journal.set_answer_tags(answers[pick % len(answers)], [f"t{pick}"])
            elif op == "flag":
                journal.flag_session(session, bool(pick % 2))
            elif op == "finish":
                journal.finish_session(session)
            elif op == "watch":
                journal.add_watch_word(f"Word{pick}")
            elif op == "unwatch":
                journal.remove_watch_word(f"Word{pick}")
            elif op == "meet":
                journal.add_meeting(
                    MeetingInput(day=date(2026, 3, 1 + pick), minutes=30, format="group")
                )
            conn = replayed(vault)
            assert every_table(conn) == every_table(journal._conn)
            assert_consistent(conn)
            conn.close()


# -- torn records and damage ---------------------------------------------------------


@pytest.fixture
def logged(journal: Journal, vault_path: Path) -> tuple[bytes, list[int]]:
    """A journal with three saves in its log, left as a kill would leave it (no close);
    returns the log's bytes and where each record ends."""
    sid = journal.start_session("s", 1, "S").id or 0
    ends = [_log(vault_path).stat().st_size]
    for i in range(3):
        _answer(journal, sid, f"p{i}", f"answer {i}")
        ends.append(_log(vault_path).stat().st_size)
    data = _log(vault_path).read_bytes()
    journal.close(discard_unsaved=True)  # compacts: put the log back as it was
    shutil.copyfile(container.list_backups(vault_path)[0], vault_path)
    _log(vault_path).write_bytes(data)
    return data, ends


def _prompts(vault: Path) -> set[str]:
    with JournalReader(vault, PASSPHRASE) as reader:
        return {a.prompt_id for r in reader.records() for a in r.answers}


def test_the_log_as_left_replays_every_save(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    assert _prompts(vault_path) == {"p0", "p1", "p2"}


def test_a_torn_last_record_is_dropped_at_every_cut(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, ends = logged
    for cut in range(ends[-2] + 1, ends[-1]):
        _log(vault_path).write_bytes(data[:cut])
        assert _prompts(vault_path) == {"p0", "p1"}, cut


def test_a_writer_cuts_the_torn_record_and_saves_after_it(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, ends = logged
    _log(vault_path).write_bytes(data[: ends[-1] - 5])
    with Journal.open(vault_path, PASSPHRASE) as journal:
        assert _log(vault_path).stat().st_size == ends[-2]
        sid = journal.list_sessions()[0].id
        _answer(journal, sid, "p9", "after the cut")
        assert _prompts(vault_path) == {"p0", "p1", "p9"}


def test_every_bit_flip_in_the_log_is_reported_as_damage(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, _ = logged
    for bit in range(0, len(data) * 8, 7):
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        _log(vault_path).write_bytes(bytes(flipped))
        with pytest.raises(VaultDamaged) as caught:
            Journal.open(vault_path, PASSPHRASE, write=False)
        assert "change log" in str(caught.value), bit
    assert "move journal.reflect.changes out of the folder" in str(caught.value)
    assert "vault file itself is intact" in str(caught.value)


def test_a_dropped_middle_record_is_damage(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, ends = logged
    _log(vault_path).write_bytes(data[: ends[1]] + data[ends[2] :])
    with pytest.raises(VaultDamaged, match="change 3 in its change log"):
        Journal.open(vault_path, PASSPHRASE)
    _log(vault_path).rename(vault_path.parent / "kept.changes")  # as the message advises
    with Journal.open(vault_path, PASSPHRASE) as journal:  # as it was when last closed
        assert journal.counts().answers == 0


# -- another version's log, compaction cut short, another device -----------------------


def test_a_log_of_another_snapshot_is_set_aside_never_replayed_or_deleted(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, _ = logged
    with Journal.open(vault_path, PASSPHRASE) as journal:
        journal.delete_session(journal.list_sessions()[0].id)  # a new snapshot, no answers
    _log(vault_path).write_bytes(data)  # an old log comes back beside it (a sync, a restore)
    assert _prompts(vault_path) == set(), "a reader does not replay it"
    with Journal.open(vault_path, PASSPHRASE) as journal:
        aside = journal.set_aside_log
        assert aside is not None and aside.read_bytes() == data
        assert journal.counts().answers == 0
        journal.add_watch_word("Elm")  # saves go to a new log of this snapshot
        assert journal.saved_state[1].log
        # The snapshot that log continues is a backup: together they are that version,
        # kept as a conflict copy and offered to merge.
        copy = journal.set_aside_copy
        assert copy is not None and copy in journal.copies_to_merge()
    assert not _log(vault_path).exists() and aside.exists()
    assert aside.name.startswith("journal.reflect.unmatched-")
    assert _prompts(copy) == {"p0", "p1", "p2"}


def test_a_log_whose_snapshot_is_gone_is_only_set_aside(
    logged: tuple[bytes, list[int]], vault_path: Path
) -> None:
    data, _ = logged
    with Journal.open(vault_path, PASSPHRASE) as journal:
        journal.delete_session(journal.list_sessions()[0].id)
    shutil.rmtree(container.backup_dir(vault_path))  # the snapshot it continues is gone
    _log(vault_path).write_bytes(data)
    with Journal.open(vault_path, PASSPHRASE) as journal:
        assert journal.set_aside_log is not None and journal.set_aside_copy is None
        assert journal.copies_to_merge() == []


def test_a_compaction_cut_short_after_the_snapshot_leaves_a_log_known_to_be_in_it(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "one")
    monkeypatch.setattr(changelog.LogWriter, "remove", lambda self: None)  # killed here
    journal.close()
    monkeypatch.undo()
    assert _log(vault_path).exists()
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.counts().answers == 1
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert not _log(vault_path).exists(), "the writer removes a log already folded in"
        assert again.counts().answers == 1 and again.set_aside_log is None


def test_a_compaction_cut_short_before_the_snapshot_replays_the_log(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "one")

    def killed(*args: object, **kwargs: object) -> None:
        raise container.SaveFailed(vault_path, "killed")

    monkeypatch.setattr(container, "write_atomic", killed)
    journal.close()  # the FOLDED record is written, the snapshot is not
    monkeypatch.undo()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.counts().answers == 1
        _answer(again, sid, "q", "two")  # appended after the FOLDED record
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.counts().answers == 2


def test_another_devices_log_in_place_of_ours_sends_the_save_to_a_conflict_copy(
    journal: Journal, vault_path: Path, tmp_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "ours")
    # The other device had the same snapshot and log, and saved once more.
    other = tmp_path / "other" / "journal.reflect"
    other.parent.mkdir()
    shutil.copyfile(vault_path, other)
    shutil.copyfile(_log(vault_path), _log(other))
    theirs = Journal.open(other, PASSPHRASE)
    _answer(theirs, sid, "t", "theirs")
    shutil.copyfile(_log(other), _log(vault_path))  # the sync tool brings their log
    theirs.close(discard_unsaved=True)
    assert conflicts.fingerprint(vault_path) != journal.saved_state[1]
    with pytest.raises(SavedAsConflictCopy) as caught:
        _answer(journal, sid, "q", "ours again")
    copy = caught.value.copy
    with JournalReader(copy, PASSPHRASE) as reader:
        assert {a.prompt_id for r in reader.records() for a in r.answers} == {"p", "q"}
    assert _prompts(vault_path) == {"p", "t"}, "their save is left as it was"


def test_a_save_that_would_pass_the_log_limit_compacts_and_still_counts(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p0", "short")
    generation = journal.generation
    monkeypatch.setattr(changelog, "LOG_LIMIT", _log(vault_path).stat().st_size + 100)
    _answer(journal, sid, "p1", "long enough to pass the limit " * 20)
    assert not _log(vault_path).exists(), "compacted instead of appending"
    assert journal.generation == generation + 1 == container.read(vault_path)[0].generation
    assert len(container.list_backups(vault_path)) == 1
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.counts().answers == 2


def test_a_log_taken_away_by_a_sync_tool_sends_the_next_save_to_a_conflict_copy(
    journal: Journal, vault_path: Path
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "acknowledged")
    _log(vault_path).unlink()  # another device's sync removed it: never silently lost
    with pytest.raises(SavedAsConflictCopy) as caught:
        _answer(journal, sid, "q", "next")
    with JournalReader(caught.value.copy, PASSPHRASE) as reader:
        assert {a.prompt_id for r in reader.records() for a in r.answers} == {"p", "q"}


def test_a_table_added_later_is_logged_too(journal: Journal, vault_path: Path) -> None:
    """As a later migration would add one: the schema change writes a snapshot, and the
    new table gets its triggers from sqlite_master."""
    journal.start_session("s", 1, "S")
    journal._conn.execute("CREATE TABLE later (id INTEGER PRIMARY KEY, note VARCHAR)")
    journal.save()
    assert not _log(vault_path).exists(), "a schema change is saved whole"
    journal._conn.execute("INSERT INTO later (note) VALUES ('noted')")
    journal.save()
    assert _log(vault_path).exists()
    conn = replayed(vault_path)
    assert conn.execute("SELECT note FROM later").fetchall() == [("noted",)]
    assert every_table(conn) == every_table(journal._conn)


def test_a_reader_racing_a_compaction_reads_the_new_snapshot(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p", "in the log only")
    real_read = changelog.read
    raced: list[bool] = []

    def compaction_first(path: Path, data_key: bytes) -> changelog.Log | None:
        if not raced:  # the writer compacts between the reader's snapshot and its log
            raced.append(journal._store.compact())
        return real_read(path, data_key)

    monkeypatch.setattr(changelog, "read", compaction_first)
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.counts().answers == 1
    assert raced == [True] and not _log(vault_path).exists()
