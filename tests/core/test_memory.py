"""The process memory that holds the decrypted journal: no core dumps, warm save buffers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui.core import memory
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

glibc_only = pytest.mark.skipif(memory._glibc() is None, reason="the settings exist in glibc only")

# In a fresh process: settings made before threads start, as the app does.
FREED_PAGES = """
import os, sys
from reflect_tui.core import memory

def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

assert memory.keep_large_buffers()
before = resident_mb()
image = b"x" * 48_000_000  # like a database image: one block, every page written
del image
kept = resident_mb()
memory.release_free_memory()
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
    monkeypatch.setattr(memory, "release_free_memory", lambda: released.append(True))
    journal = Journal.create(tmp_path / "v.reflect", PASSPHRASE, kdf=crypto.TEST_KDF)
    assert released == [True]  # after the key derivation
    journal.add_watch_word("a save")
    assert released == [True]  # saves keep their buffers
    journal.close()
    assert released == [True, True]


KDF_MEMORY = """
import os
from reflect_tui.core import memory
from reflect_tui.vault import crypto

def resident_mb():
    return int(open("/proc/self/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

assert memory.keep_large_buffers()
before = resident_mb()
crypto.derive_passphrase_key("a passphrase", b"s" * 16, crypto.DEFAULT_KDF)  # 256 MiB
print(round(resident_mb() - before))
"""


@glibc_only
def test_the_key_derivations_memory_is_handed_back_at_once() -> None:
    done = subprocess.run(
        [sys.executable, "-c", KDF_MEMORY], capture_output=True, text=True, check=True
    )
    assert int(done.stdout) < 20, f"{done.stdout} MB of the KDF's 256 MiB stayed resident"


CORE_LIMIT = """
import ctypes, resource, sys
from reflect_tui import cli
code = cli.main(["prompts", "list"])
dumpable = ctypes.CDLL(None).prctl(3, 0, 0, 0, 0) if sys.platform == "linux" else 0
print(resource.getrlimit(resource.RLIMIT_CORE)[0], dumpable, file=sys.stderr)
sys.exit(code)
"""


def test_no_command_can_leave_a_core_file() -> None:
    """A crash must not write the decrypted journal to disk as a core dump."""
    done = subprocess.run(
        [sys.executable, "-c", CORE_LIMIT], capture_output=True, text=True, check=True
    )
    assert done.stderr.split() == ["0", "0"]
