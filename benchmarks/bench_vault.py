"""Vault speed and memory: unlock, one durable save, FTS search, peak RSS, default KDF.

    python benchmarks/bench_vault.py            # 10,000 and 36,500 answers
    python benchmarks/bench_vault.py 36500      # one size

Each size runs in its own subprocess so peak RSS belongs to that size alone. Prints a
Markdown table; goals are from issue #2.
"""

from __future__ import annotations

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
from reflect_tui.vault import crypto

REPEATS = 5


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


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
        saves = []
        for i in range(REPEATS * 2):
            t = time.perf_counter()
            journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=f"draft {i}")
            saves.append(time.perf_counter() - t)
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
        journal.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "answers": answers,
        "file_mb": round(size_mb, 1),
        "unlock_ms": _ms(statistics.median(unlock)),
        "save_ms": _ms(statistics.median(saves)),
        "save_max_ms": _ms(max(saves)),
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
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 36_500]
    rows = []
    for n in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(done.stdout))
    print(
        "| answers | file MB | unlock w/o KDF ms | save ms (median / max) | search ms |"
        " peak RSS MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['file_mb']} | {r['unlock_ms']} | "
            f"{r['save_ms']} / {r['save_max_ms']} | {r['search_ms']} / {r['search_worst_ms']} | "
            f"{r['peak_rss_mb']} |"
        )
    k = crypto.DEFAULT_KDF
    print(
        f"\nDefault KDF (Argon2id {k.memory_kib // 1024} MiB, {k.iterations} iterations, "
        f"{k.lanes} lanes): {default_kdf_seconds():.2f} s"
    )
    print("Goals: unlock <= 100 ms at 36,500; save <= 25 ms at 10,000 and <= 100 ms at 36,500;")
    print("search <= 10 ms at 36,500; peak RSS <= 250 MB at 36,500.")


if __name__ == "__main__":
    main()
