"""Conflict copies beside a vault: reflect's own names, the sync tools' names, and the
file's fingerprint (its generation and header digest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.vault import conflicts, container, crypto
from tests.clocks import SetClock
from tests.conftest import PASSPHRASE

VAULT = Path("/sync/journal.reflect")


@pytest.mark.parametrize(
    "name",
    [
        "journal.sync-conflict-20260305-084700-ABCDEF7.reflect",  # Syncthing
        "journal (Desktop's conflicted copy 2026-03-05).reflect",  # Dropbox
        "journal (conflicted copy 2026-03-05).reflect",  # Dropbox, older
        "journal.conflict-laptop-20260305-084700.reflect",  # reflect
        "journal.conflict-laptop-20260305-084700-2.reflect",
    ],
)
def test_conflict_names_are_recognised(name: str) -> None:
    assert conflicts.is_conflict_name(VAULT, VAULT.with_name(name))


@pytest.mark.parametrize(
    "name",
    [
        "journal.reflect",  # the vault itself
        "journal.reflect.lock",
        "other.sync-conflict-20260305-084700-ABCDEF7.reflect",  # another vault's copy
        "journal.sync-conflict-20260305-084700-ABCDEF7.reflect.lock",
        "journal 2.reflect",  # iCloud's copies are found by the vault's id instead
    ],
)
def test_other_names_are_not(name: str) -> None:
    assert not conflicts.is_conflict_name(VAULT, VAULT.with_name(name))


def test_a_new_conflict_copy_says_which_device_and_when(
    tmp_path: Path, set_clock: SetClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(conflicts.socket, "gethostname", lambda: "Dana's MacBook.local")
    vault = tmp_path / "journal.reflect"
    copy = conflicts.conflict_copy_path(vault)
    assert copy.name == "journal.conflict-Dana-s-MacBook-20260305-084700.reflect"
    copy.write_bytes(b"taken")
    assert conflicts.conflict_copy_path(vault).name.endswith("-084700-2.reflect")
    monkeypatch.setattr(conflicts.socket, "gethostname", lambda: "…")
    assert "conflict-this-computer-" in conflicts.conflict_copy_path(vault).name


def test_copies_are_found_by_name_or_by_the_vaults_id(tmp_path: Path) -> None:
    vault = tmp_path / "journal.reflect"
    Journal.create(vault, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    file_id = container.read(vault)[0].file_id
    icloud = tmp_path / "journal 2.reflect"
    syncthing = tmp_path / "journal.sync-conflict-20260305-084700-ABCDEF7.reflect"
    for copy in (icloud, syncthing):
        shutil.copyfile(vault, copy)
    Journal.create(tmp_path / "journal-other.reflect", PASSPHRASE, kdf=crypto.TEST_KDF).close()
    (tmp_path / "journal (conflicted copy 2026-03-05).reflect").write_bytes(b"not a vault")
    (tmp_path / ".journal.reflect.abc.tmp").write_bytes(vault.read_bytes())
    assert set(conflicts.find_copies(vault, file_id)) == {icloud, syncthing}


def test_the_fingerprint_tells_two_saves_of_one_generation_apart(tmp_path: Path) -> None:
    vault = tmp_path / "journal.reflect"
    with Journal.create(vault, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        header = container.read(vault)[0]
        assert conflicts.fingerprint(vault) == conflicts.fingerprint_of(header)
        assert conflicts.fingerprint(vault).generation == journal.generation == 1  # type: ignore[union-attr]
    other = tmp_path / "other.reflect"
    shutil.copyfile(vault, other)
    for path in (vault, other):
        with Journal.open(path, PASSPHRASE) as journal:
            journal.add_watch_word("Oakwood")
    first, second = conflicts.fingerprint(vault), conflicts.fingerprint(other)
    assert first is not None and second is not None
    assert first.generation == second.generation and first != second
    assert conflicts.fingerprint(tmp_path / "none.reflect") is None
    # A file halfway written by a sync tool matches no save: it is never written over.
    (tmp_path / "short.reflect").write_bytes(container.MAGIC)
    assert conflicts.fingerprint(tmp_path / "short.reflect") not in (None, first, second)
    (tmp_path / "empty.reflect").write_bytes(b"")
    assert conflicts.fingerprint(tmp_path / "empty.reflect") is not None
