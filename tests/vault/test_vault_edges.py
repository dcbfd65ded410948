"""Edges found in review: passphrase change failures, restores, symlinks, tampered KDF
settings, closing with an unsaved change, odd tags and counts."""

from __future__ import annotations

import hashlib
import struct
import time
from pathlib import Path
from typing import Any

import pytest

from reflect_tui.journal import (
    BackupsKeepOldPassphrase,
    Journal,
    PassphraseUnchanged,
    SaveFailed,
    VaultDamaged,
    VaultInUse,
    WrongPassphrase,
)
from reflect_tui.vault import changelog, container, crypto
from tests.conftest import PASSPHRASE

NEW = "a different passphrase entirely"


def _answer(journal: Journal, text: str) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    journal.save_answer(sid, prompt_id="p", prompt_text="?", text=text)


def _failing_for(monkeypatch: pytest.MonkeyPatch, predicate: object) -> None:
    """Saves to the paths ``predicate`` picks fail: whole snapshots, and records
    appended to the vault's change log."""
    real = container.write_atomic
    real_append = changelog.LogWriter.append

    def write(path: Path, data: bytes, **options: Any) -> None:
        if predicate(path):  # type: ignore[operator]
            raise SaveFailed(path, "the disk is full")
        real(path, data, **options)

    def append(log: changelog.LogWriter, kind: int, payload: bytes) -> int:
        vault = log.path.with_name(log.path.name.removesuffix(".changes"))
        if predicate(vault):  # type: ignore[operator]
            raise SaveFailed(vault, "the disk is full")
        return real_append(log, kind, payload)

    monkeypatch.setattr(container, "write_atomic", write)
    monkeypatch.setattr(changelog.LogWriter, "append", append)


def test_passphrase_unchanged_when_the_vault_cannot_be_written(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(journal, "kept")
    _failing_for(monkeypatch, lambda p: p == vault_path)
    with pytest.raises(PassphraseUnchanged, match="old passphrase still opens it"):
        journal.change_passphrase(NEW, kdf=crypto.TEST_KDF)
    monkeypatch.undo()
    journal.close()
    Journal.open(vault_path, PASSPHRASE).close()
    for backup in container.list_backups(vault_path):
        Journal.open(backup, PASSPHRASE, write=False).close()


@pytest.mark.usefixtures("snapshot_every_save")
def test_backups_that_cannot_be_rewrapped_are_reported(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer(journal, "kept")
    backups = container.list_backups(vault_path)
    _failing_for(monkeypatch, lambda p: p == backups[0])
    with pytest.raises(BackupsKeepOldPassphrase) as caught:
        journal.change_passphrase(NEW, kdf=crypto.TEST_KDF)
    assert caught.value.backups == [backups[0]] and "keep both passphrases" in str(caught.value)
    monkeypatch.undo()
    journal.close()
    Journal.open(vault_path, NEW).close()
    Journal.open(backups[0], PASSPHRASE, write=False).close()
    with pytest.raises(WrongPassphrase):
        Journal.open(backups[1], PASSPHRASE, write=False)


@pytest.mark.usefixtures("snapshot_every_save")
def test_backups_follow_the_timeline_after_a_restore(journal: Journal, vault_path: Path) -> None:
    for i in range(6):
        _answer(journal, f"old branch {i}")
    journal.close()
    restored = container.list_backups(vault_path)[2]
    vault_path.write_bytes(restored.read_bytes())
    with Journal.open(vault_path, PASSPHRASE) as journal:
        for i in range(3):
            _answer(journal, f"NEW branch {i}")
    newest = container.list_backups(vault_path)[0]
    with Journal.open(newest, PASSPHRASE, write=False) as backup:
        assert backup.search("NEW"), "the newest backup must hold the restored timeline"


def test_a_symlinked_vault_stays_a_symlink_and_shares_its_lock(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "journal.reflect"
    link = tmp_path / "data" / "journal.reflect"
    real.parent.mkdir()
    link.parent.mkdir()
    Journal.create(real, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    link.symlink_to(real)
    with Journal.open(link, PASSPHRASE) as journal:
        _answer(journal, "through the link")
        with pytest.raises(VaultInUse):
            Journal.open(real, PASSPHRASE)
    assert link.is_symlink()
    with Journal.open(real, PASSPHRASE) as journal:
        assert journal.search("link")


@pytest.mark.parametrize(
    ("field", "value"),
    [("memory", 4 * 1024 * 1024 * 1024 - 1), ("iterations", 100_000), ("lanes", 0), ("kdf", 2)],
)
def test_impossible_kdf_settings_are_damage_not_a_hang(
    journal: Journal, vault_path: Path, field: str, value: int
) -> None:
    journal.close()
    data = bytearray(vault_path.read_bytes())
    offsets = {
        "kdf": (28, "<B"),
        "memory": (29, "<I"),
        "iterations": (33, "<I"),
        "lanes": (37, "<I"),
    }
    offset, fmt = offsets[field]
    struct.pack_into(fmt, data, offset, value)
    end = container.HEADER_LEN - 32
    data[end : container.HEADER_LEN] = hashlib.sha256(data[:end]).digest()  # a forger's checksum
    vault_path.write_bytes(bytes(data))
    started = time.monotonic()
    with pytest.raises(VaultDamaged, match="impossible"):
        Journal.open(vault_path, PASSPHRASE)
    assert time.monotonic() - started < 5


def test_close_writes_a_change_whose_save_failed(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    _failing_for(monkeypatch, lambda p: True)
    with pytest.raises(SaveFailed):
        journal.save_answer(sid, prompt_id="p", prompt_text="?", text="while the disk was full")
    with pytest.raises(SaveFailed):
        journal.close()  # still failing: the journal stays open, nothing is dropped
    assert journal.is_open
    monkeypatch.undo()
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.search("disk")


def test_tags_with_wildcard_characters_match_only_themselves(journal: Journal) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    a = journal.save_answer(sid, prompt_id="a", prompt_text="?", text="one")
    b = journal.save_answer(sid, prompt_id="b", prompt_text="?", text="two")
    journal.set_answer_tags(a.id or 0, ["a_b"])
    journal.set_answer_tags(b.id or 0, ["axb"])
    assert [h.answer_id for h in journal.search("", tag="a_b")] == [a.id]
    assert journal.search("", tag="%") == []
    assert journal.list_sessions(tag="%") == []


def test_word_count_splits_on_any_whitespace(journal: Journal) -> None:
    _answer(journal, "one\ntwo\nthree  four ")
    assert journal.counts().words == 4


def test_scale_values_that_are_not_numbers_are_left_out(journal: Journal) -> None:
    sid = journal.start_session("s", 1, "S").id or 0
    journal.save_answer(sid, prompt_id="a", prompt_text="?", text="3", kind="scale", value=3)
    journal.save_answer(sid, prompt_id="b", prompt_text="?", text="hi", kind="scale", value="hi")
    assert [v for *_, v in journal.scale_answers()] == [3]


def test_weak_kdf_is_refused_outside_tests(vault_path: Path) -> None:
    with pytest.raises(crypto.WeakKdfError):
        Journal.create(vault_path, PASSPHRASE, kdf=crypto.KdfParams(1024, 1, 1))
    assert not vault_path.exists()


def test_an_opened_image_keeps_temp_data_in_memory_and_zeroes_deleted_pages(
    journal: Journal, vault_path: Path
) -> None:
    _answer(journal, "kept")
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        conn = again._conn
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY: no temp files
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
