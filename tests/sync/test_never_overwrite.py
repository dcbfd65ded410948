"""Never overwrite what was not read: a sync tool's replacement of the vault under an
open journal is detected at the next save, and this device's state goes to a conflict
copy beside it (two "devices" are two copies of one vault file)."""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.journal import Journal, PassphraseUnchanged, SavedAsConflictCopy
from reflect_tui.vault import conflicts, container, crypto
from tests.conftest import PASSPHRASE


def _other_device_saves(vault: Path, tmp_path: Path, text: str) -> bytes:
    """Another device edits its copy of ``vault``; the sync tool then puts it in place."""
    other = tmp_path / "other-device" / vault.name
    other.parent.mkdir(exist_ok=True)
    shutil.copyfile(vault, other)
    with Journal.open(other, PASSPHRASE) as journal:
        session = journal.start_session("identity", 1, "Identity")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="P?", text=text)
    data = other.read_bytes()
    tmp = vault.with_name(".syncthing.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, vault)  # what sync tools do: a whole new file in the vault's place
    return data


def test_a_save_after_another_devices_save_goes_to_a_conflict_copy(
    journal: Journal, vault_path: Path, tmp_path: Path
) -> None:
    session = journal.start_session("identity", 1, "Identity")
    theirs = _other_device_saves(vault_path, tmp_path, "Written on the desktop.")
    with pytest.raises(SavedAsConflictCopy) as raised:
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="P?", text="On the laptop.")
    assert vault_path.read_bytes() == theirs, "the other device's save is untouched"
    copy = raised.value.copy
    assert copy.parent == vault_path.parent and conflicts.is_conflict_name(vault_path, copy)
    assert conflicts.device_name() in copy.name and "20260305-084" in copy.name
    assert "Another device saved this journal" in str(raised.value) and copy.name in str(
        raised.value
    )
    assert journal.conflict_copy == copy and not journal.unsaved
    # The copy is a vault like the other, sealed with the same key: it opens and holds
    # this device's words; and they are not in the clear on disk.
    assert b"On the laptop" not in copy.read_bytes()
    journal.edit_answer(journal.session_answers(session.id or 0)[0].id or 0, "Later words.")
    assert vault_path.read_bytes() == theirs, "later saves follow the copy"
    journal.close()
    with Journal.open(copy, PASSPHRASE, write=False) as mine:
        [answer] = mine.session_answers(session.id or 0)
        assert answer.text == "Later words."
    assert oct(copy.stat().st_mode & 0o777) == "0o600"
    assert container.read(copy)[0].file_id == container.read(vault_path)[0].file_id


def test_the_check_is_the_header_not_the_modification_time(
    journal: Journal, vault_path: Path, tmp_path: Path
) -> None:
    session = journal.start_session("identity", 1, "Identity")
    before = vault_path.stat()
    theirs = _other_device_saves(vault_path, tmp_path, "Desktop.")
    os.utime(vault_path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size and time
    with pytest.raises(SavedAsConflictCopy):
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="P?", text="Laptop.")
    assert vault_path.read_bytes() == theirs


def test_the_same_generation_from_another_device_is_still_caught(
    vault_path: Path, tmp_path: Path
) -> None:
    # Both devices saved once after the last sync: equal generations, different saves.
    Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    other = tmp_path / "other.reflect"
    shutil.copyfile(vault_path, other)
    with Journal.open(other, PASSPHRASE) as journal_b:
        journal_b.add_watch_word("Oakwood")
    journal_a = Journal.open(vault_path, PASSPHRASE)
    journal_a.add_watch_word("Elm")
    assert container.read(other)[0].generation == journal_a.generation
    shutil.copyfile(other, vault_path)
    with pytest.raises(SavedAsConflictCopy):
        journal_a.add_watch_word("Birch")
    journal_a.close()
    with Journal.open(vault_path, PASSPHRASE, write=False) as now:
        assert now.watch_words() == ["Oakwood"]


def test_its_own_saves_and_a_sync_tool_rewriting_the_same_bytes_are_fine(
    journal: Journal, vault_path: Path
) -> None:
    journal.add_watch_word("Oakwood")
    shutil.copyfile(vault_path, vault_path.with_name("x"))
    os.replace(vault_path.with_name("x"), vault_path)  # the same save, delivered again
    journal.add_watch_word("Elm")
    assert journal.conflict_copy is None
    assert list(vault_path.parent.glob("*.conflict-*")) == []


def test_a_vault_halfway_written_by_a_sync_tool_is_not_written_over(
    journal: Journal, vault_path: Path
) -> None:
    vault_path.write_bytes(b"")  # a sync tool that truncates, then writes in place
    with pytest.raises(SavedAsConflictCopy):
        journal.add_watch_word("Oakwood")
    assert vault_path.read_bytes() == b""


def test_a_vault_gone_from_under_the_journal_is_written_again(
    journal: Journal, vault_path: Path
) -> None:
    vault_path.unlink()  # moved away mid-sync: there is nothing to overwrite
    journal.add_watch_word("Oakwood")
    assert journal.conflict_copy is None and vault_path.exists()


def test_a_passphrase_change_refuses_after_another_devices_save(
    journal: Journal, vault_path: Path, tmp_path: Path
) -> None:
    theirs = _other_device_saves(vault_path, tmp_path, "Desktop.")
    with pytest.raises(PassphraseUnchanged, match="another device saved it"):
        journal.change_passphrase("a brand new passphrase here", kdf=crypto.TEST_KDF)
    assert vault_path.read_bytes() == theirs


def test_a_cli_write_command_saves_a_conflict_copy_too(
    vault_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    theirs: list[bytes] = []
    real_open = Journal.open

    def open_then_sync(path: Path, passphrase: str, *, write: bool = True) -> Journal:
        journal = real_open(path, passphrase, write=write)
        if write and not theirs:  # the sync tool delivers the desktop's save while the command runs
            theirs.append(b"")
            theirs[0] = _other_device_saves(vault_path, tmp_path, "Desktop.")
        return journal

    monkeypatch.setattr(Journal, "open", staticmethod(open_then_sync))
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(["--vault", str(vault_path), "watchlist", "add", "Oakwood"])
    err = capsys.readouterr().err
    assert code == SavedAsConflictCopy.exit_code == 19
    assert "Another device saved this journal" in err and "reflect merge" in err
    assert err.count("\n") == 1
    assert vault_path.read_bytes() == theirs[0]
    [copy] = vault_path.parent.glob("journal.conflict-*.reflect")
    monkeypatch.setattr(Journal, "open", real_open)
    with Journal.open(copy, PASSPHRASE, write=False) as mine:
        assert mine.watch_words() == ["Oakwood"]
