"""Crashes, a second writer, a full disk: the vault opens and keeps every returned save."""

from __future__ import annotations

import errno
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from reflect_tui.journal import Journal, JournalReader, SaveFailed, VaultInUse
from reflect_tui.vault import changelog, container, crypto
from tests.conftest import PASSPHRASE
from tests.vault.test_change_log import assert_consistent, every_table

KILLS = 60
#: How long a child may take to open the vault and acknowledge its first save. Generous:
#: on a loaded one-CPU machine the test only waits longer, it never fails for speed.
ACK_TIMEOUT = 60.0


def _writer_child(path: Path, write_fd: int, start: int, mode: str) -> None:
    """In a forked child: save answers in a loop, reporting each one that returned.

    ``appending``: every save is a record in the change log. ``compacting``: the log
    is kept so short that every few saves compact (a new snapshot, the log removed).
    ``reopening``: every third save is followed by a close (which compacts) and an open.
    """
    try:
        if mode == "compacting":
            changelog.LOG_LIMIT = 2500
        journal = Journal.open(path, PASSPHRASE)
        session_id = journal.unfinished_sessions()[0].id or 0
        n = start
        while True:
            n += 1
            journal.save_answer(session_id, prompt_id=f"p{n}", prompt_text="?", text="x" * n)
            os.write(write_fd, f"{n}\n".encode())
            if mode == "reopening" and n % 3 == 0:
                journal.close()
                journal = Journal.open(path, PASSPHRASE)
    finally:
        os._exit(1)


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["appending", "compacting", "reopening"])
def test_sigkill_mid_save_never_loses_a_returned_save(vault_path: Path, mode: str) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        journal.start_session("s", 1, "S")
    rng = random.Random(2026)
    confirmed = 0
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            _writer_child(vault_path, write_fd, confirmed, mode)
        os.close(write_fd)
        # Wait until the child has acknowledged a save (however slow the machine), then
        # let it run a little longer, so the kill lands at a random point of a save.
        buffer = _first_ack(read_fd)
        select.select([read_fd], [], [], rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        buffer += _drain(read_fd)
        os.close(read_fd)
        returned = [int(line) for line in buffer.split()]
        if returned:
            confirmed = returned[-1]
        with JournalReader(vault_path, PASSPHRASE) as reader:  # as the kill left it
            as_left = every_table(reader._conn)
        with Journal.open(vault_path, PASSPHRASE) as journal:  # opens, lock is free again
            ids = {a.prompt_id for a in journal.session_answers(1)}
            assert {f"p{n}" for n in range(1, confirmed + 1)} <= ids
            confirmed = max(confirmed, len(ids))
            assert every_table(journal._conn) == as_left, "reader and writer replay alike"
            assert_consistent(journal._conn)
            assert journal.set_aside_log is None, "a kill never leaves a log of another vault"
        leftovers = list(vault_path.parent.glob(".*.tmp"))
        assert leftovers == [], "opening for writing removes stale temp files"
    assert confirmed >= KILLS, "every child acknowledged at least one save before its kill"


def _first_ack(fd: int) -> bytes:
    buffer = b""
    deadline = time.monotonic() + ACK_TIMEOUT
    while b"\n" not in buffer:
        left = deadline - time.monotonic()
        assert left > 0, f"the child acknowledged no save in {ACK_TIMEOUT:.0f} s"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            assert chunk, "the child ended before acknowledging a save"
            buffer += chunk
    return buffer


def _drain(fd: int) -> bytes:
    os.set_blocking(fd, False)
    data = b""
    try:
        while chunk := os.read(fd, 4096):
            data += chunk
    except BlockingIOError:
        pass
    return data


def test_a_second_writer_is_refused_but_a_reader_reads(journal: Journal, vault_path: Path) -> None:
    session = journal.start_session("s", 1, "S")
    journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text="first words")
    with pytest.raises(VaultInUse) as caught:
        Journal.open(vault_path, PASSPHRASE)
    assert "already open" in str(caught.value)
    with Journal.open(vault_path, PASSPHRASE, write=False) as reader:
        assert reader.session_answers(session.id or 0)[0].text == "first words"


def test_a_writer_in_another_process_is_refused(journal: Journal, vault_path: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\n"
        "from reflect_tui.journal import Journal, VaultInUse\n"
        "try:\n    Journal.open(Path(sys.argv[1]), sys.argv[2])\n"
        "except VaultInUse as e:\n    print(e); sys.exit(9)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(vault_path), PASSPHRASE], capture_output=True, text=True
    )
    assert done.returncode == 9, done.stderr
    assert "already open in another reflect window" in done.stdout


def test_the_lock_is_released_on_close(journal: Journal, vault_path: Path) -> None:
    journal.close()
    Journal.open(vault_path, PASSPHRASE).close()


@pytest.mark.parametrize(
    ("err", "reason"), [(errno.ENOSPC, "disk is full"), (errno.EACCES, "permission denied")]
)
def test_failed_save_keeps_file_and_change_then_retries(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, reason: str
) -> None:
    session = journal.start_session("s", 1, "S")
    before = vault_path.read_bytes()
    real_write = os.write

    def failing_write(fd: int, data: bytes) -> int:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(container.os, "write", failing_write)
    with pytest.raises(SaveFailed) as caught:
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text="keep me")
    assert reason in str(caught.value) and "kept in memory" in str(caught.value)
    assert vault_path.read_bytes() == before, "the file on disk is left as it was"
    assert list(vault_path.parent.glob(".*.tmp")) == [], "no temp file is left behind"
    assert journal.unsaved
    assert journal.session_answers(session.id or 0)[0].text == "keep me"

    monkeypatch.setattr(container.os, "write", real_write)
    journal.save()
    assert not journal.unsaved
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.session_answers(session.id or 0)[0].text == "keep me"


def test_no_plaintext_anywhere_on_disk(vault_path: Path) -> None:
    word = "Zyxwvutsrqponmlk" + "Countertransference"
    marker = vault_path.parent.parent / "started"
    marker.touch()  # the file system's clock, which stamps the files looked at below
    started = marker.stat().st_mtime - 1
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("s", 1, "S")
        answer = journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=word)
        journal.set_answer_tags(answer.id or 0, [word])
        journal.search(word[:10] + "*")
        journal.edit_answer(answer.id or 0, word + " edited")
    with Journal.open(vault_path, PASSPHRASE) as journal:
        assert journal.search(word)
    needle = word.encode()
    places = [vault_path.parent, Path(tempfile.gettempdir())]
    for place in places:
        # os.walk, not rglob: the shared temp folder holds other programs' folders, which
        # may vanish while it is read (pip's build folders did once, in CI)
        for folder, _, names in os.walk(place, onerror=lambda error: None):
            for name in names:
                file = Path(folder, name)
                try:
                    if file.is_symlink() or not file.is_file():
                        continue
                    if file.stat().st_mtime < started:
                        continue
                    content = file.read_bytes()
                except OSError:
                    continue
                assert needle not in content, f"plaintext found in {file}"
                assert needle.lower() not in content.lower(), f"plaintext found in {file}"
