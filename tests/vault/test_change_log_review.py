"""The fresh-eyes review of the change log (#17): a damaged log's header, a save cut
short by a full disk, and a merge of a vault whose saves are still in its log."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from reflect_tui.journal import Journal, JournalReader, SaveFailed, VaultDamaged
from reflect_tui.vault import changelog, container, crypto
from tests.conftest import PASSPHRASE


def _answer(journal: Journal, sid: int, prompt: str, text: str) -> int:
    return journal.save_answer(sid, prompt_id=prompt, prompt_text="?", text=text).id or 0


def _prompts(vault: Path) -> set[str]:
    with JournalReader(vault, PASSPHRASE) as reader:
        return {a.prompt_id for r in reader.records() for a in r.answers}


@pytest.fixture
def with_backup_and_log(journal: Journal, vault_path: Path) -> Path:
    """A vault with a backup (one compaction) and a change log of one save since."""
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p0", "before the lock")
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        _answer(again, sid, "p1", "after the lock")
        log = changelog.log_path(vault_path)
        kept = log.read_bytes()
    log.write_bytes(kept)  # as a kill would have left it (closing compacted)
    return log


@pytest.mark.parametrize("cut", ["flipped", "short"])
def test_a_damaged_log_header_says_the_vault_is_intact_not_to_restore_a_backup(
    with_backup_and_log: Path, vault_path: Path, cut: str
) -> None:
    data = bytearray(with_backup_and_log.read_bytes())
    if cut == "flipped":
        data[20] ^= 1
    else:
        data = data[:50]
    with_backup_and_log.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged) as caught:
        Journal.open(vault_path, PASSPHRASE, write=False)
    said = str(caught.value)
    assert "change log" in said
    assert "vault file itself is intact" in said
    assert "move journal.reflect.changes out of the folder" in said
    assert "copy it over" not in said, "restoring a backup would lose the intact snapshot"


def test_a_save_cut_short_by_a_full_disk_is_retried_into_the_vault_not_a_conflict_copy(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p0", "logged")
    real_write = os.write

    def full(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data)[:10])  # part of the record reaches the disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(changelog.os, "write", full)
    with pytest.raises(changelog.SaveFailed):
        _answer(journal, sid, "p1", "typed while the disk was full")
    monkeypatch.undo()
    assert journal.unsaved
    journal.save()  # the retry once there is room: no other device saved anything
    assert journal.conflict_copy is None
    assert not list(vault_path.parent.glob("*conflict*"))
    assert _prompts(vault_path) == {"p0", "p1"}


def test_merging_a_vault_reads_the_saves_in_its_change_log(
    journal: Journal, tmp_path: Path
) -> None:
    other = tmp_path / "laptop" / "journal.reflect"
    laptop = Journal.create(other, PASSPHRASE, kdf=crypto.TEST_KDF)
    sid = laptop.start_session("s", 1, "S").id or 0
    _answer(laptop, sid, "p", "written on the laptop, in its log only")
    assert changelog.log_path(other).exists()
    try:
        summary = journal.merge_from(other, [PASSPHRASE])
    finally:
        laptop.close()
    assert summary.added, "the laptop's logged saves are merged"
    assert journal.counts().answers == 1


def _log_of_a_later_snapshot(journal: Journal, vault_path: Path) -> bytes:
    """As a sync tool delivers it: the other computer compacted (a new snapshot, held
    back here) and saved once more; its log, a small file, arrives first. Returns the
    later snapshot."""
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p0", "both computers have this")
    journal.close()
    earlier = vault_path.read_bytes()
    with Journal.open(vault_path, PASSPHRASE) as other:
        _answer(other, sid, "p1", "in the other computer's next snapshot")
    later = vault_path.read_bytes()
    with Journal.open(vault_path, PASSPHRASE) as other:
        _answer(other, sid, "p2", "in the other computer's log only")
        log = changelog.log_path(vault_path).read_bytes()
    # This computer still has the earlier snapshot; the later one is on its way (and,
    # the other computer killed before its next compaction, is no backup anywhere).
    shutil.rmtree(container.backup_dir(vault_path))
    vault_path.write_bytes(earlier)
    changelog.log_path(vault_path).write_bytes(log)
    return later


def test_a_log_that_arrived_before_its_snapshot_becomes_a_copy_once_the_snapshot_is_here(
    journal: Journal, vault_path: Path
) -> None:
    later = _log_of_a_later_snapshot(journal, vault_path)
    with Journal.open(vault_path, PASSPHRASE) as here:
        assert here.set_aside_log is not None
        assert here.set_aside_copy is None, "the snapshot it continues is not here yet"
    vault_path.write_bytes(later)  # the sync tool brings the later snapshot
    # (its log was set aside here, so the vault alone is opened: without p2)
    with Journal.open(vault_path, PASSPHRASE) as here:
        copies = here.copies_to_merge()
        assert len(copies) == 1, "the set-aside saves are offered as a copy"
        here.merge_from(copies[0])
        assert {a.prompt_id for r in here.records() for a in r.answers} == {"p0", "p1", "p2"}
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.copies_to_merge() == [], "made once, not at every unlock"


def test_a_set_aside_log_whose_copy_could_not_be_written_is_tried_again(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _answer(journal, sid, "p0", "in the snapshot")
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as other:
        _answer(other, sid, "p1", "in the log only")
        stray = changelog.log_path(vault_path).read_bytes()
        other.delete_session(sid)  # a new snapshot the stray log does not continue
    changelog.log_path(vault_path).write_bytes(stray)
    original = container.write_atomic

    def full_for_copies(path: Path, *args: Any, **kwargs: Any) -> None:
        if ".conflict-" in path.name:
            raise SaveFailed(path, "the disk is full")
        original(path, *args, **kwargs)

    monkeypatch.setattr(container, "write_atomic", full_for_copies)
    with Journal.open(vault_path, PASSPHRASE) as here:
        assert here.set_aside_log is not None and here.set_aside_copy is None
    monkeypatch.undo()
    with Journal.open(vault_path, PASSPHRASE) as here:
        [copy] = here.copies_to_merge()
    assert _prompts(copy) == {"p0", "p1"}


def test_a_new_vault_beside_a_stray_change_log_keeps_it_aside_and_saves_into_itself(
    vault_path: Path,
) -> None:
    vault_path.parent.mkdir(parents=True)
    stray = b"\x89RFLOG\r\n a change log left by a vault moved away"
    changelog.log_path(vault_path).write_bytes(stray)
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        sid = journal.start_session("s", 1, "S").id or 0
        _answer(journal, sid, "p", "the new journal's first words")
        assert journal.conflict_copy is None, "no other device saved anything"
        aside = journal.set_aside_log
    assert aside is not None and aside.read_bytes() == stray
    assert _prompts(vault_path) == {"p"}
