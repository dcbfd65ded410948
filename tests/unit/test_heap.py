"""The glibc malloc settings that keep saves from waiting on page faults, and their undo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui import heap
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

glibc_only = pytest.mark.skipif(heap._glibc() is None, reason="the settings exist in glibc only")

# In a fresh process: settings made before threads start, as the app does.
FREED_PAGES = """
import os, sys
from reflect_tui import heap

def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

assert heap.keep_large_buffers()
before = resident_mb()
image = b"x" * 48_000_000  # like a database image: one block, every page written
del image
kept = resident_mb()
heap.release_free_memory()
print(round(before), round(kept), round(resident_mb()))
"""


@glibc_only
def test_a_freed_image_stays_mapped_until_released() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FREED_PAGES], capture_output=True, text=True, check=True
    )
    before, kept, released = map(int, done.stdout.split())
    assert kept - before >= 40, "the freed block's pages were given back at once"
    assert released - before <= 8, "release_free_memory left the freed pages mapped"


def test_closing_a_journal_releases_the_free_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    released: list[bool] = []
    monkeypatch.setattr(heap, "release_free_memory", lambda: released.append(True))
    journal = Journal.create(tmp_path / "v.reflect", PASSPHRASE, kdf=crypto.TEST_KDF)
    assert released == []
    journal.close()
    assert released == [True]
