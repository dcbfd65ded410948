"""Two "devices": two copies of one vault file, each opened and edited on its own."""

from __future__ import annotations

import shutil
from pathlib import Path

from reflect_tui.journal import Journal
from reflect_tui.journal.merge import read_state
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE


def two_devices(tmp_path: Path) -> tuple[Path, Path]:
    """A laptop's vault and the desktop's copy of it, both with one shared reflection."""
    laptop = tmp_path / "laptop" / "journal.reflect"
    with Journal.create(laptop, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("identity", 1, "Identity")
        journal.save_answer(
            session.id or 0, prompt_id="who", prompt_text="Who was I?", text="The shared start."
        )
        journal.save_answer(
            session.id or 0,
            prompt_id="do",
            prompt_text="What will I do?",
            text="Ask about the interpreter",
            kind="action",
        )
        journal.add_watch_word("Oakwood")
    desktop = tmp_path / "desktop" / "journal.reflect"
    desktop.parent.mkdir()
    shutil.copyfile(laptop, desktop)
    return laptop, desktop


def content(path: Path) -> object:
    """Everything a vault holds, by identity (not by its integer ids)."""
    with Journal.open(path, PASSPHRASE, write=False) as journal:
        return read_state(journal._conn)
