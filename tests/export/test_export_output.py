"""Writing export files: mode 0600, no overwriting without force, atomic replacement."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from reflect_tui.export import OutputExists, OutputFailed, write_export


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "prep.md"
    write_export(target, "# Supervision preparation\n")
    assert target.read_text(encoding="utf-8") == "# Supervision preparation\n"
    assert mode(target) == 0o600


def test_an_existing_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "prep.md"
    target.write_text("mine")
    with pytest.raises(OutputExists, match="--force"):
        write_export(target, "new")
    assert target.read_text() == "mine"


def test_a_dangling_symlink_is_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "prep.md"
    link.symlink_to(tmp_path / "somewhere-else.md")
    with pytest.raises(OutputExists):
        write_export(link, "new")
    assert not (tmp_path / "somewhere-else.md").exists()


def test_force_replaces_the_file_itself_atomically_and_privately(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("not to be touched")
    link = tmp_path / "prep.md"
    link.symlink_to(outside)
    write_export(link, "new", force=True)
    assert not link.is_symlink() and link.read_text() == "new" and mode(link) == 0o600
    assert outside.read_text() == "not to be touched"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["outside.md", "prep.md"]


def test_failures_say_why_and_leave_nothing_behind(tmp_path: Path) -> None:
    with pytest.raises(OutputFailed, match="it is a folder"):
        write_export(tmp_path, "x", force=True)
    with pytest.raises(OutputFailed, match="No such file or directory"):
        write_export(tmp_path / "missing" / "prep.md", "x")
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(OutputFailed, match="Permission denied"):
            write_export(locked / "prep.md", "x")
    assert list(tmp_path.iterdir()) == ([tmp_path / "locked"] if os.geteuid() != 0 else [])


def test_force_writes_into_a_pipe_instead_of_replacing_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_export(fifo, "through the pipe", force=True)
    reader.join(timeout=5)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode), "the pipe itself must stay a pipe"
