"""The supervision record at size: ten years of weekly meetings in a large journal.

    python benchmarks/bench_supervision.py            # 10,000 answers, 520 meetings
    python benchmarks/bench_supervision.py 36500      # one size of journal

A journal of N answers (datagen) gains 520 meetings (one a week for ten years, every
third one group supervision), each with two actions. Measured: recording one more
meeting (stored and durably saved), listing them all through the read-only path, the
identifier check over a log with notes, and rendering the whole log as Markdown and
CSV; bringing a schema-3 image of the journal up to the current schema; listing what
waits to be taken up, counting it, and History's first page with every meeting. Prints
Markdown tables.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datagen import PASSPHRASE, make_vault
from reflect_tui.core.supervision import MeetingInput
from reflect_tui.export.supervision_check import redact_meetings
from reflect_tui.export.supervision_log import render_log
from reflect_tui.journal.models import ActionItem, SupervisionMeeting
from reflect_tui.journal.reader import JournalReader
from reflect_tui.journal.supervision import SupervisionMeetings
from reflect_tui.ui.widgets.history_rows import timeline
from reflect_tui.vault import database
from reflect_tui.vault.unlock import open_file

SCHEMA_3 = (
    Path(__file__).resolve().parent.parent / "tests" / "golden" / "vaults" / "schema-3.reflect"
)

MEETINGS = 520


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _meeting(n: int) -> MeetingInput:
    return MeetingInput(
        date(2016, 1, 4) + timedelta(weeks=n),
        90 if n % 3 == 0 else 60,
        "group" if n % 3 == 0 else "individual",
        who="clinical lead",
        brought=f"The case of week {n}, and how it sat with me afterwards.",
        took_away="Slow down before the formulation; ask about the family's own words.",
        will_do=(f"Bring the genogram in week {n + 1}", "Read about cultural humility"),
        functions=("formative", "restorative"),
        summary=f"Week {n}: formulation and pace",
    )


def _as_schema_3(image: bytes) -> sqlite3.Connection:
    """The image as schema 3 held it: action_item as the checked-in schema-3 vault
    defines it, no meetings, no answer.discussed, no identity map."""
    _, _, golden = open_file(SCHEMA_3, "schema three")
    three = database.connect()
    three.deserialize(golden)
    ddl = [
        sql
        for (sql,) in three.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'action_item' AND sql IS NOT NULL"
            " ORDER BY type DESC"
        )
    ]
    conn = database.connect()
    conn.deserialize(image)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ALTER TABLE action_item RENAME TO action_item_4")
    for index in ("uid", "answer_id", "meeting_id"):
        conn.execute(f"DROP INDEX ix_action_item_{index}")
    for sql in ddl:
        conn.execute(sql)
    columns = "uid, rev, modified, id, answer_id, text, status, follow_up, created, closed"
    conn.execute(f"INSERT INTO action_item ({columns}) SELECT {columns} FROM action_item_4")
    conn.execute("DROP TABLE action_item_4")
    conn.execute("DROP TABLE supervision_meeting")
    conn.execute("ALTER TABLE answer DROP COLUMN discussed")  # schema 5
    conn.execute("DROP TABLE identity_map_entry")  # schema 6
    conn.execute("DROP TABLE identity_map_version")
    conn.execute("PRAGMA user_version = 3")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def measure(answers: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.reflect"
        journal = make_vault(path, answers)
        conn = journal._conn
        with journal._writing() as db:  # one transaction: the setup, not what is measured
            for n in range(MEETINGS):
                meeting = _meeting(n)
                row = SupervisionMeeting(
                    day=meeting.day, minutes=meeting.minutes, counted_minutes=0
                )
                SupervisionMeetings._fill(row, meeting, 0.5)
                db.add(row)
                db.flush()
                for line in meeting.will_do:
                    db.add(ActionItem(meeting_id=row.id, text=line))
        adds = []
        for n in range(5):
            t = time.perf_counter()
            journal.add_meeting(_meeting(MEETINGS + n))
            adds.append(time.perf_counter() - t)
        end = _meeting(MEETINGS + 5).day
        t = time.perf_counter()
        waiting = journal.prepared_items(end)
        prepared = time.perf_counter() - t
        t = time.perf_counter()
        count = journal.waiting_count(end)
        counted = time.perf_counter() - t
        t = time.perf_counter()
        timeline(journal.list_sessions(limit=100), journal.meetings(), exhausted=False)
        history = time.perf_counter() - t
        image = database.dump_image(conn)
        journal.close()
        with JournalReader(path, PASSPHRASE) as reader:
            t = time.perf_counter()
            meetings = reader.meetings()
            listed = time.perf_counter() - t
            watch, fine = reader.watch_words(), reader.fine_words()
        t = time.perf_counter()
        _, findings = redact_meetings(meetings, watch, fine, with_notes=True)
        checked = time.perf_counter() - t
        t = time.perf_counter()
        markdown = render_log(meetings, "markdown", with_notes=True, target=90)
        render_log(meetings, "csv", with_notes=True)
        rendered = time.perf_counter() - t
        old = _as_schema_3(image)
        t = time.perf_counter()
        database.migrate(old)
        migrated = time.perf_counter() - t
    return {
        "answers": answers,
        "meetings": len(meetings),
        "add_ms": _ms(statistics.median(adds)),
        "list_ms": _ms(listed),
        "check_ms": _ms(checked),
        "render_ms": _ms(rendered),
        "log_kb": round(len(markdown.encode()) / 1024),
        "findings": len(findings),
        "migrate_ms": _ms(migrated),
        "prepared_ms": _ms(prepared),
        "listed": len(waiting),
        "waiting": count,
        "count_ms": _ms(counted),
        "history_ms": _ms(history),
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    rows = [measure(n) for n in sizes]
    print(
        "| answers | meetings | record one (saved) | list all | identifier check"
        " | log md + csv | log size | findings | schema 3 to now |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['meetings']} | {r['add_ms']} ms | {r['list_ms']} ms"
            f" | {r['check_ms']} ms | {r['render_ms']} ms | {r['log_kb']} KB"
            f" | {r['findings']:.0f} | {r['migrate_ms']} ms |"
        )
    print()
    print(
        "| answers | waiting | list what a meeting can take up | count what waits"
        " | History's first page with every meeting |"
    )
    print("|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['answers']:,} | {r['waiting']:.0f} (listed {r['listed']:.0f})"
            f" | {r['prepared_ms']} ms | {r['count_ms']} ms | {r['history_ms']} ms |"
        )


if __name__ == "__main__":
    main()
