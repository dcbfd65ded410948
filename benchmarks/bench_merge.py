"""Merging two devices' copies, and what the check before every save costs.

    python benchmarks/bench_merge.py            # 10,000 and 36,500 answers
    python benchmarks/bench_merge.py 36500      # one size

Two copies of one journal; each device then writes 20 reflections of its own, edits 50
shared answers (10 of them on both) and deletes 5 shared reflections. Measured: the
merge (both databases read, rows compared, the result written, purged and saved), a
second merge (nothing new), and one save with and without the fingerprint check.
Prints a Markdown table.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datagen import PASSPHRASE, make_vault
from reflect_tui.journal import Journal
from reflect_tui.vault import conflicts


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _diverge(path: Path, device: str, first_edit: int) -> None:
    with Journal.open(path, PASSPHRASE) as journal:
        conn = journal._conn
        ids = [row[0] for row in conn.execute("SELECT id FROM answer ORDER BY id LIMIT 200")]
        for n in range(20):
            session = journal.start_session("end-of-day", 1, f"{device} {n}")
            journal.save_answer(
                session.id or 0, prompt_id="p", prompt_text="?", text=f"{device} wrote {n}"
            )
        for answer_id in ids[first_edit : first_edit + 50]:
            journal.edit_answer(answer_id, f"{device} edited {answer_id}")
        sessions = [row[0] for row in conn.execute("SELECT id FROM reflection_session LIMIT 80")]
        for session_id in sessions[60 + first_edit // 10 : 65 + first_edit // 10]:
            journal.delete_session(session_id)


def measure(answers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        laptop = Path(folder) / "laptop" / "journal.reflect"
        laptop.parent.mkdir()
        make_vault(laptop, answers).close()
        desktop = Path(folder) / "desktop" / "journal.reflect"
        desktop.parent.mkdir()
        shutil.copyfile(laptop, desktop)
        _diverge(laptop, "laptop", 0)
        _diverge(desktop, "desktop", 40)  # answers 40-49 edited on both
        with Journal.open(laptop, PASSPHRASE) as journal:
            t = time.perf_counter()
            summary = journal.merge_from(desktop)
            first = time.perf_counter() - t
            t = time.perf_counter()
            journal.merge_from(desktop)
            again = time.perf_counter() - t
            checks = []
            for _ in range(20):
                t = time.perf_counter()
                conflicts.fingerprint(laptop)
                checks.append(time.perf_counter() - t)
            saves = []
            for _ in range(10):
                t = time.perf_counter()
                journal.save()
                saves.append(time.perf_counter() - t)
    return {
        "answers": answers,
        "merge_ms": _ms(first),
        "merge_again_ms": _ms(again),
        "both_versions": len(summary.both),
        "save_ms": _ms(statistics.median(saves)),
        "check_ms": round(statistics.median(checks) * 1000, 3),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 36_500]
    rows = [measure(n) for n in sizes]
    print("| answers | merge | merge again | answers with both versions | one save | its check |")
    print("|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['merge_ms']} ms | {r['merge_again_ms']} ms |"
            f" {r['both_versions']} | {r['save_ms']} ms | {r['check_ms']} ms |"
        )


if __name__ == "__main__":
    main()
