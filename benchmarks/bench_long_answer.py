"""How one autosave of a long answer costs, and how long it stalls the UI thread.

    python benchmarks/bench_long_answer.py                 # 1,000 to 100,000 characters
    python benchmarks/bench_long_answer.py 100000 250000   # these lengths only

The app saves in a worker thread, but the identifier check's regular expressions hold
the interpreter while they run, so the UI thread waits for them. This saves an answer
of each length (words drawn from README.md, a new text each time, as typing makes)
eight times into a fresh vault, from a thread, while a probe on the event loop records
how late it wakes up, with the findings cache as it is and with its scan taken out.
Texts over ``findings_cache.LONGEST`` characters are checked at export, not at a save.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reflect_tui.journal import Journal, findings_cache  # noqa: E402
from reflect_tui.vault import crypto  # noqa: E402

SAVES = 8
LENGTHS = (1_000, 5_000, 5_001, 100_000)
BLOCK_GOAL_MS = 8.0  # issue #17: the longest UI-thread pause while typing and saving


async def _probe(stop: asyncio.Event, lags: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(0.001)
        lags.append(time.perf_counter() - started - 0.001)


def _texts(length: int) -> list[str]:
    words = (ROOT / "README.md").read_text(encoding="utf-8").split()
    pick = random.Random(length)
    return [
        (f"Save {n}: " + " ".join(pick.choice(words) for _ in range(length // 4)))[:length]
        for n in range(SAVES)
    ]


async def _measure(length: int) -> tuple[float, float]:
    """The longest UI-thread stall and the median save, both in ms."""
    with tempfile.TemporaryDirectory() as folder:
        journal = Journal.create(Path(folder) / "v.reflect", "bench bench", kdf=crypto.TEST_KDF)
        journal.load_identifier_check()
        session = journal.start_session("end-of-day", 1, "End of day")
        assert session.id is not None
        stalls, saves = [], []
        for text in _texts(length):
            lags: list[float] = []
            stop = asyncio.Event()
            probe = asyncio.create_task(_probe(stop, lags))
            started = time.perf_counter()
            await asyncio.to_thread(
                journal.save_answer, session.id, prompt_id="p1", prompt_text="Q?", text=text
            )
            saves.append(time.perf_counter() - started)
            stop.set()
            await probe
            stalls.append(max(lags, default=0.0))
        journal.close()
    return max(stalls) * 1000, statistics.median(saves) * 1000


def _without_scan() -> Callable[[], None]:
    scan = findings_cache.raw_spans
    findings_cache.raw_spans = lambda text: []
    return lambda: setattr(findings_cache, "raw_spans", scan)


def main(argv: list[str]) -> None:
    lengths = [int(a) for a in argv] or list(LENGTHS)
    print(
        f"| answer length | cache | longest UI stall ms (goal <= {BLOCK_GOAL_MS}) | one save ms |"
    )
    print("|---|---|---|---|")
    for length in lengths:
        for label in ("as it is", "scan taken out"):
            restore = _without_scan() if label != "as it is" else (lambda: None)
            try:
                stall, save = asyncio.run(_measure(length))
            finally:
                restore()
            print(f"| {length:,} | {label} | {stall:.1f} | {save:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1:])
