"""Vault speed and memory: unlock, one autosave, compaction, FTS search, peak RSS, KDF.

    python benchmarks/bench_vault.py            # 10,000, 36,500 and 365,000 answers
    python benchmarks/bench_vault.py --quick    # 10,000 and 36,500 only
    python benchmarks/bench_vault.py 36500      # one size

Each size runs in its own subprocess so peak RSS belongs to that size alone. An autosave
appends one record to the change log (see reflect_tui/vault/changelog.py): its time and
the bytes it adds to the log are measured over typical answer saves. "Unlock with a
full log" first fills the log with autosaves up to just under its compaction limit,
then times opening (the key derivation taken out) including the replay. Compaction is
what closing and locking do: a new snapshot of the whole journal. Prints a Markdown
table; goals are from issues #2 and #17.
"""

from __future__ import annotations

import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datagen import PASSPHRASE, make_vault
from reflect_tui.journal import Journal
from reflect_tui.vault import changelog, container, crypto

REPEATS = 7
AUTOSAVES = 50
#: An answer as long as a typical one in the generated journal (~600 characters).
TYPED = "Tonight I noticed how quiet the client became when we came to her family. " * 8


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


async def _probe(stop: asyncio.Event, lags: list[float]) -> None:
    """Wake every millisecond; how late each wake-up is, is how long the loop was held."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(0.001)
        lags.append(time.perf_counter() - before - 0.001)


async def _loop_pauses(journal: Journal, sid: int, *, saving: bool) -> list[float]:
    """The event loop's wake-up delays while autosaves run in a worker thread, as the
    app runs them (or, without ``saving``, over the same time doing nothing)."""
    lags: list[float] = []
    stop = asyncio.Event()
    task = asyncio.create_task(_probe(stop, lags))
    for i in range(AUTOSAVES):
        if saving:
            await asyncio.to_thread(
                journal.save_answer, sid, prompt_id="p", prompt_text="?", text=f"{TYPED} {i}!"
            )
        await asyncio.sleep(0.02)
    stop.set()
    await task
    return lags


def measure(answers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.reflect"
        make_vault(path, answers).close()
        size_mb = path.stat().st_size / 1e6
        header_kdf = crypto.TEST_KDF
        kdf_times = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            crypto.derive_passphrase_key(PASSPHRASE, b"s" * 16, header_kdf)
            kdf_times.append(time.perf_counter() - t)
        unlock = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            Journal.open(path, PASSPHRASE).close()
            unlock.append(time.perf_counter() - t - statistics.median(kdf_times))
        journal = Journal.open(path, PASSPHRASE)
        session = journal.start_session("end-of-day", 1, "End of day")
        sid = session.id or 0
        journal.save_answer(sid, prompt_id="p", prompt_text="?", text="first words")
        saves, written = [], []
        for i in range(AUTOSAVES):
            before = journal._store.log_bytes
            t = time.perf_counter()
            journal.save_answer(sid, prompt_id="p", prompt_text="?", text=f"{TYPED} {i}")
            saves.append(time.perf_counter() - t)
            written.append(journal._store.log_bytes - before)
        idle = asyncio.run(_loop_pauses(journal, sid, saving=False))
        while_saving = asyncio.run(_loop_pauses(journal, sid, saving=True))
        searches = []
        for query in ("countertransference", "interpreter fees", '"working alliance"', "cult*"):
            t = time.perf_counter()
            journal.search(query, limit=50)
            searches.append(time.perf_counter() - t)
        worst = []
        for _ in range(3):  # "the" is in nearly every answer: bm25 ranks them all
            t = time.perf_counter()
            journal.search("the", limit=50)
            worst.append(time.perf_counter() - t)
        # Fill the log to just under its limit, as a long evening of typing would.
        per_record = max(written)
        i = 0
        while journal._store.log_bytes + 2 * per_record < changelog.LOG_LIMIT:
            i += 1
            journal.save_answer(sid, prompt_id=f"q{i % 40}", prompt_text="?", text=f"{TYPED} {i}")
        log_mb = journal._store.log_bytes / 1e6
        log_records = journal.generation - container.read(path)[0].generation
        full = []
        for _ in range(REPEATS):
            t = time.perf_counter()
            Journal.open(path, PASSPHRASE, write=False).close()
            full.append(time.perf_counter() - t - statistics.median(kdf_times))
        t = time.perf_counter()
        journal.close()  # compaction: a new snapshot, the log removed
        compaction = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "answers": answers,
        "file_mb": round(size_mb, 1),
        "unlock_ms": _ms(statistics.median(unlock)),
        "unlock_min_ms": _ms(min(unlock)),
        "unlock_full_log_ms": _ms(statistics.median(full)),
        "unlock_full_log_min_ms": _ms(min(full)),
        "save_min_ms": _ms(min(saves)),
        "kdf_test_ms": _ms(statistics.median(kdf_times)),
        "log_mb": round(log_mb, 2),
        "log_records": log_records,
        "save_ms": _ms(statistics.median(saves)),
        "save_max_ms": _ms(max(saves)),
        "save_kib": round(statistics.median(written) / 1024, 2),
        "save_max_kib": round(max(written) / 1024, 2),
        "compaction_ms": _ms(compaction),
        "pause_ms": _ms(max(while_saving)),
        "pause_p99_ms": _ms(statistics.quantiles(while_saving, n=100)[98]),
        "pause_idle_ms": _ms(max(idle)),
        "search_ms": _ms(statistics.median(searches)),
        "search_worst_ms": _ms(statistics.median(worst)),
        "peak_rss_mb": round(peak_mb, 1),
    }


def default_kdf_seconds() -> float:
    t = time.perf_counter()
    crypto.derive_passphrase_key(PASSPHRASE, b"s" * 16, crypto.DEFAULT_KDF)
    return time.perf_counter() - t


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(measure(int(sys.argv[2]))))
        return
    args = [a for a in sys.argv[1:] if a != "--quick"]
    quick = len(args) < len(sys.argv) - 1
    sizes = [int(a) for a in args] or ([10_000, 36_500] if quick else [10_000, 36_500, 365_000])
    rows = []
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout))
    print(
        "| answers | file MB | autosave ms, median / max (min) | autosave KiB written, median"
        " / max | unlock w/o KDF ms, median (min): no log / full log | full log MB (saves)"
        " | compaction ms | UI-thread pause while saving ms, longest / 99th pct (idle)"
        " | search ms | peak RSS MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['file_mb']} | "
            f"{r['save_ms']} / {r['save_max_ms']} ({r['save_min_ms']}) | "
            f"{r['save_kib']} / {r['save_max_kib']} | "
            f"{r['unlock_ms']} ({r['unlock_min_ms']}) / "
            f"{r['unlock_full_log_ms']} ({r['unlock_full_log_min_ms']}) | "
            f"{r['log_mb']} ({r['log_records']:,}) | {r['compaction_ms']} | "
            f"{r['pause_ms']} / {r['pause_p99_ms']} ({r['pause_idle_ms']}) | "
            f"{r['search_ms']} / {r['search_worst_ms']} | {r['peak_rss_mb']} |"
        )
    print(f"\nThe cheap test KDF took {rows[-1]['kdf_test_ms']} ms (a gauge of the load).")
    k = crypto.DEFAULT_KDF
    print(
        f"\nDefault KDF (Argon2id {k.memory_kib // 1024} MiB, {k.iterations} iterations, "
        f"{k.lanes} lanes): {default_kdf_seconds():.2f} s"
    )
    print("Goals: one autosave <= 5 ms and <= 64 KiB written at every size; unlock without the")
    print("KDF <= 150 ms at 36,500 including the replay of a full log (issue #17); search")
    print("<= 10 ms at 36,500; peak RSS <= 250 MB at 36,500 (issue #2). The UI thread's longest")
    print("pause while typing and saving: benchmarks/bench_ui.py save 36500.")


if __name__ == "__main__":
    main()
