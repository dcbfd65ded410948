"""The identity map at size: ten years of reflections that chose identities, and twenty
versions of the map (one every six months).

    python benchmarks/bench_identity.py            # 10,000 answers
    python benchmarks/bench_identity.py 36500      # one size of journal

A journal of N answers (datagen) gains, in each reflection, a choice answer naming one
to three ADDRESSING domains, and twenty saved versions of the map. Measured: saving one
more version (stored and durably saved), reading every version through the read-only
path, counting the domains chosen over the last year and over all ten years (Insight's
panel), and bringing a schema-4 image of the journal up to the identity map's schema.
Prints a Markdown table.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datagen import PASSPHRASE, make_vault
from reflect_tui.core.identity import BY_KEY, DOMAIN_KEYS, DomainEntry
from reflect_tui.core.uids import derived_uid
from reflect_tui.journal import identity_records
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import database

VERSIONS = 20


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _entries(n: int) -> list[DomainEntry]:
    return [
        DomainEntry(key, f"How I see my {BY_KEY[key].name.lower()}, version {n}", "both", "yes")
        for key in DOMAIN_KEYS
    ]


def measure(answers: int) -> dict[str, float]:
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.reflect"
        journal = make_vault(path, answers)
        conn = journal._conn
        sessions = [row[0] for row in conn.execute("SELECT id FROM reflection_session ORDER BY id")]
        conn.execute("BEGIN")
        for s in sessions:
            chosen = [BY_KEY[k].option for k in rng.sample(DOMAIN_KEYS, rng.randint(1, 3))]
            conn.execute(
                "INSERT INTO answer (uid, rev, modified, session_id, prompt_id, prompt_text,"
                " topic, kind, position, text, value, skipped, created, updated, tags,"
                " flagged) SELECT ?, '{}', started, id, 'identities-present', 'Which?',"
                " 'identity', 'choice', 9, ?, ?, 0, started, started, '', 0"
                " FROM reflection_session WHERE id = ?",
                (derived_uid("bench-identity", s), "; ".join(chosen), json.dumps(chosen), s),
            )
        conn.execute("COMMIT")
        for n in range(VERSIONS - 1):
            journal.save_identity_map(_entries(n))
        saves = []
        for n in range(3):
            t = time.perf_counter()
            journal.save_identity_map(_entries(VERSIONS + n))
            saves.append(time.perf_counter() - t)
        image = database.dump_image(conn)
        journal.close()
        with JournalReader(path, PASSPHRASE) as reader:
            t = time.perf_counter()
            maps = reader.identity_maps()
            listed = time.perf_counter() - t
        reader_conn, _ = database.load_image(image)
        t = time.perf_counter()
        year = identity_records.domain_counts(reader_conn, date(2025, 1, 1), date(2025, 12, 31))
        counted_year = time.perf_counter() - t
        t = time.perf_counter()
        identity_records.domain_counts(reader_conn, date(2016, 1, 1), date(2026, 12, 31))
        counted_all = time.perf_counter() - t
        old = database.connect()
        old.deserialize(image)
        old.execute("DROP TABLE identity_map_entry")
        old.execute("DROP TABLE identity_map_version")
        old.execute(f"PRAGMA user_version = {database.IDENTITY_MAP_SCHEMA - 1}")
        t = time.perf_counter()
        database.migrate(old)
        migrated = time.perf_counter() - t
    return {
        "answers": answers,
        "reflections": len(sessions),
        "versions": len(maps),
        "save_ms": _ms(statistics.median(saves)),
        "list_ms": _ms(listed),
        "year_ms": _ms(counted_year),
        "all_ms": _ms(counted_all),
        "year_chosen": sum(year.values()),
        "migrate_ms": _ms(migrated),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    rows = [measure(n) for n in sizes]
    print(
        "| answers | reflections | versions | save one (saved) | read all versions"
        " | count one year | count ten years | schema 4 to 5 |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['reflections']:,} | {r['versions']} | {r['save_ms']} ms"
            f" | {r['list_ms']} ms | {r['year_ms']} ms ({r['year_chosen']:.0f} chosen)"
            f" | {r['all_ms']} ms | {r['migrate_ms']} ms |"
        )


if __name__ == "__main__":
    main()
