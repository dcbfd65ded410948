"""This process's memory, which holds the decrypted journal while it is unlocked.

**Short garbage collections.** :func:`keep_long_lived` moves every object alive now out
of the cyclic collector's reach, so full collections only walk what is new and never
stall typing (on a 2-core machine they took 25-100 ms with everything in reach);
:func:`collect_now` collects what finished screens left, at a calm moment.

**Never on disk.** :func:`forbid_core_dumps` makes sure a crash cannot write that memory
into a core file (the same step ssh-agent and gpg-agent take).

**Saves that do not pause the app** (glibc only). Every save copies the whole database
image once into a Python ``bytes`` (``sqlite3.serialize()``), and CPython makes that
copy while holding the GIL. glibc serves a block that large with a fresh ``mmap``, so
the copy also takes a page fault per 4 KiB: about 12 ms for a 34 MB image (36,500
answers), during which the UI thread cannot draw. :func:`keep_large_buffers` makes
glibc serve large blocks from its heap and keep freed ones there, so the next save
copies into pages already mapped, in about 2 ms (``benchmarks/bench_ui.py save``). It
also sets one malloc arena: a thread's own arena holds at most 64 MiB, which an image
and its encrypted copy outgrow. Python allocates under the GIL, so threads hardly
contend for it. The arena count only holds for threads started afterwards.

:func:`release_free_memory` hands every free page back to the system, and whatever
plaintext was left in freed buffers with it: after each key derivation (whose 256 MiB
would otherwise stay), and when a journal locks or closes. Other C libraries have none
of these knobs, and there the functions do nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import resource
import sys
from functools import cache

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
_PR_SET_DUMPABLE = 4
#: Blocks up to this size come from the heap (images of about a million answers).
_LARGEST_REUSED = 1 << 30
#: Older glibc refuses a threshold above 32 MiB: images up to that are still reused.
_OLDER_GLIBC_LIMIT = 32 << 20

_tuned = False


@cache
def _libc() -> ctypes.CDLL | None:
    """The C library on Linux (glibc or musl), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    if hasattr(libc, "prctl"):
        libc.prctl.argtypes = [ctypes.c_int, *[ctypes.c_ulong] * 4]
    return libc


@cache
def _glibc() -> ctypes.CDLL | None:
    """glibc, whose malloc has the knobs below (musl has no malloc_trim)."""
    libc = _libc()
    names = ("gnu_get_libc_version", "mallopt", "malloc_trim")
    if libc is None or not all(hasattr(libc, name) for name in names):
        return None
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    return libc


def forbid_core_dumps() -> None:
    """No core file, whatever happens: it would hold the journal in plaintext."""
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if (libc := _libc()) is not None and hasattr(libc, "prctl"):
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)  # also when core_pattern is a pipe


def keep_large_buffers() -> bool:
    """One malloc arena, large blocks from the heap, freed ones kept: call it before
    any thread starts. True if glibc took the thresholds."""
    global _tuned
    if _tuned or (libc := _glibc()) is None:
        return _tuned
    libc.mallopt(_M_ARENA_MAX, 1)
    largest = _LARGEST_REUSED
    if not libc.mallopt(_M_MMAP_THRESHOLD, largest):
        largest = _OLDER_GLIBC_LIMIT
        libc.mallopt(_M_MMAP_THRESHOLD, largest)
    _tuned = bool(libc.mallopt(_M_TRIM_THRESHOLD, largest))
    return _tuned


def release_free_memory() -> None:
    """Return every free page of the heap to the system (glibc's ``malloc_trim``)."""
    if _tuned and (libc := _glibc()) is not None:
        libc.malloc_trim(0)


def keep_long_lived() -> None:
    """Move every object alive now out of the garbage collector's reach."""
    gc.freeze()


def collect_now() -> None:
    """Collect what finished screens left behind, then freeze what is left again."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
