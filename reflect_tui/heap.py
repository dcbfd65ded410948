"""Keep a save's big buffers in memory the C allocator has already mapped (glibc only).

Every save copies the whole database image once into a Python ``bytes``
(``sqlite3.serialize()``), and CPython makes that copy while holding the GIL. glibc
serves a block that large with a fresh ``mmap``, so the copy also takes one page fault
per 4 KiB: about 12 ms for a 34 MB image (36,500 answers), during which the UI thread
cannot draw. :func:`keep_large_buffers` makes glibc serve large blocks from one heap
and keep freed ones there, so the next save copies into pages already mapped: about
2 ms (``benchmarks/bench_ui.py save``).

One heap (one malloc arena) because a thread's own arena holds at most 64 MiB, which an
image and its encrypted copy outgrow; the arena count must be set before threads start.
Python allocates under the GIL, so threads hardly contend for the one arena.

:func:`release_free_memory` hands the free pages back to the system, and the last
image's plaintext with them, when a journal closes or locks. Other C libraries have
neither knob, and there both functions do nothing.
"""

from __future__ import annotations

import ctypes
import sys
import threading

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
#: Blocks up to this size come from the heap (images of about a million answers).
_LARGEST_REUSED = 1 << 30

_lock = threading.Lock()
_tuned = False


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:
        return None
    names = ("gnu_get_libc_version", "mallopt", "malloc_trim")
    if not all(hasattr(libc, name) for name in names):
        return None  # another C library (musl has no malloc_trim)
    libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    libc.malloc_trim.argtypes = [ctypes.c_size_t]
    return libc


def keep_large_buffers() -> bool:
    """One malloc arena, large blocks from the heap, freed ones kept: call it before
    any thread starts. True if glibc took all three settings."""
    global _tuned
    with _lock:
        if not _tuned and (libc := _glibc()) is not None:
            _tuned = all(
                libc.mallopt(param, value)
                for param, value in (
                    (_M_ARENA_MAX, 1),
                    (_M_MMAP_THRESHOLD, _LARGEST_REUSED),
                    (_M_TRIM_THRESHOLD, _LARGEST_REUSED),
                )
            )
        return _tuned


def release_free_memory() -> None:
    """Return every free page of the heap to the system (glibc's ``malloc_trim``)."""
    if _tuned and (libc := _glibc()) is not None:
        libc.malloc_trim(0)
