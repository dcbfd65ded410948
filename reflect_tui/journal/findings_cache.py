"""The identifier check's findings cache in the vault (schema 7): filled as texts are saved.

An export checks every text it writes for identifiers; most of them have not changed
since the last export. The table ``identifier_scan`` keeps, per text digest, the spans
the detector found in it and the detector's fingerprint (see
:mod:`reflect_tui.export.identifiers.cached`), so an export scans only what is new.

Filled where the journal writes: TEMP triggers (in memory, like the change log's) note
every row an insert or an update changes among those an export reads (answers, their
prompts and tags, set titles, action items), whatever SQL made the change (the ORM, an
import, a merge), and the digest of each text that left one; :meth:`FindingsCache.flush`
then reads those rows' texts and stores their entries in the same transaction, so they
reach the disk in the same save. It is derived data: never merged
(:mod:`reflect_tui.journal.merge` lists its tables), and a missing or stale entry only
costs the scan it would have saved.

No text is kept, only digests and spans; still, an answer's or an action's text that
is deleted or edited away takes its entry with it (a digest would let someone holding
the vault confirm a guess at it). Prompts and set titles are the prompt sets' words,
shared by many reflections: their entries stay.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from reflect_tui.export.identifiers import cached
from reflect_tui.export.identifiers.scanner import raw_spans, settings

_ROW = "reflect_findings_row"
_GONE = "reflect_findings_gone"

#: The texts an export checks, by table (tags: space-separated, each checked alone).
_TEXTS = {
    "answer": ("text", "prompt_text", "tags"),
    "reflection_session": ("set_title",),
    "action_item": ("text", "follow_up"),
}
_TABLES = tuple(_TEXTS)

#: (table, trigger event, SQL body). {row}: this row's texts are read at the flush, as
#: they are then; {gone}: a text that left a row, noted by its digest there and then
#: ('t' a text, 'T' a string of tags), so no text is held until the flush.
_TRIGGERS = (
    ("answer", "AFTER INSERT", "{row}(0, new.rowid)"),
    (
        "answer",
        "AFTER UPDATE OF text ON main.answer WHEN old.text IS NOT new.text",
        "{gone}('t', old.text), {row}(0, new.rowid)",
    ),
    (
        "answer",
        "AFTER UPDATE OF tags ON main.answer WHEN old.tags IS NOT new.tags",
        "{gone}('T', old.tags), {row}(0, new.rowid)",
    ),
    (
        "answer",
        "AFTER UPDATE OF prompt_text ON main.answer WHEN old.prompt_text IS NOT new.prompt_text",
        "{row}(0, new.rowid)",
    ),
    ("answer", "AFTER DELETE", "{gone}('t', old.text), {gone}('T', old.tags)"),
    ("reflection_session", "AFTER INSERT", "{row}(1, new.rowid)"),
    (
        "reflection_session",
        "AFTER UPDATE OF set_title ON main.reflection_session"
        " WHEN old.set_title IS NOT new.set_title",
        "{row}(1, new.rowid)",
    ),
    ("action_item", "AFTER INSERT", "{row}(2, new.rowid)"),
    (
        "action_item",
        "AFTER UPDATE OF text, follow_up ON main.action_item"
        " WHEN old.text IS NOT new.text OR old.follow_up IS NOT new.follow_up",
        "{gone}('t', old.text), {gone}('t', old.follow_up), {row}(2, new.rowid)",
    ),
    ("action_item", "AFTER DELETE", "{gone}('t', old.text), {gone}('t', old.follow_up)"),
)
#: Rows read back at once at a flush (SQLite's limit on bound values is far above).
_BATCH = 500
#: A longer text is not scanned when it is saved, only when it is exported: its scan
#: would cost every autosave of it a third of a second at 100,000 characters, and hold
#: the interpreter long enough to stall typing (benchmarks/bench_long_answer.py).
LONGEST = 5_000


class FindingsCache:
    """Keeps the findings cache of one writer's database up to date."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._rows: dict[int, set[int]] = {i: set() for i in range(len(_TABLES))}
        self._gone: set[bytes] = set()
        #: How many flushes dropped a text that left a row: an export's entries computed
        #: before one may be of a text no longer in the vault (so they are not kept).
        self.generation = 0
        conn.create_function(_ROW, 2, self._note_row)
        conn.create_function(_GONE, 2, self._note_gone)
        for number, (table, when, body) in enumerate(_TRIGGERS):
            event = when if " ON " in when else f"{when} ON main.{table}"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS reflect_findings_{number} {event}"
                f" BEGIN SELECT {body.format(row=_ROW, gone=_GONE)}; END"
            )

    # Called from SQL inside a trigger: they must never raise (that would fail the save).

    def _note_row(self, table: object, rowid: object) -> None:
        if isinstance(table, int) and isinstance(rowid, int) and table in self._rows:
            self._rows[table].add(rowid)

    def _note_gone(self, what: object, value: object) -> None:
        if not value or not isinstance(value, str):
            return
        texts = value.split() if what == "T" else [value]
        self._gone.update(cached.digest(text) for text in texts)

    @property
    def pending(self) -> bool:
        return bool(self._gone or any(self._rows.values()))

    def flush(self) -> None:
        """Store the entries of the texts noted since the last flush, and drop those of
        texts that left (the caller's transaction is open: they are saved with it)."""
        rows, dropped = self._rows, self._gone
        self.forget()
        if not dropped and not any(rows.values()):
            return
        if dropped:
            self.generation += 1
        detector = cached.fingerprint()
        keep = {cached.digest(text): text for text in self._texts(rows)}
        gone = dropped - keep.keys()
        if gone:
            self._conn.executemany(
                "DELETE FROM identifier_scan WHERE digest = ?", [(key,) for key in gone]
            )
        fresh = [
            (key, detector, cached.encode(raw_spans(text)))
            for key, text in keep.items()
            if len(text) <= LONGEST and self._detector_of(key) != detector
        ]
        if fresh and self._detector_of(cached.SETTINGS) != detector:
            # The detector is loaded now: its settings cost nothing to keep (once).
            fresh.append((cached.SETTINGS, detector, cached.encode_settings(settings())))
        store(self._conn, fresh)

    def _detector_of(self, key: bytes) -> object:
        """The detector of ``key``'s entry: None for none, and whatever a damaged row
        holds (never this detector's fingerprint: the entry is then made again)."""
        row = self._conn.execute(
            "SELECT detector FROM identifier_scan WHERE digest = ?", (key,)
        ).fetchone()
        return None if row is None else row[0]

    def _texts(self, rows: dict[int, set[int]]) -> list[str]:
        """The texts of the rows noted, as they are now (a row deleted since is gone)."""
        texts: list[str] = []
        for number, rowids in rows.items():
            table, columns = _TABLES[number], _TEXTS[_TABLES[number]]
            ids = sorted(rowids)
            for first in range(0, len(ids), _BATCH):
                batch = ids[first : first + _BATCH]
                for values in self._conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table}"  # noqa: S608 (fixed names)
                    f" WHERE rowid IN ({', '.join('?' * len(batch))})",
                    batch,
                ):
                    for column, value in zip(columns, values, strict=True):
                        if value and isinstance(value, str):
                            texts.extend(value.split() if column == "tags" else [value])
        return list(dict.fromkeys(texts))

    def forget(self) -> None:
        """Drop what was noted (the change it came from was rolled back)."""
        self._rows = {i: set() for i in range(len(_TABLES))}
        self._gone = set()


def load_detector() -> None:
    """Load the identifier check (its patterns, the name check's word lists, its
    fingerprint): about 60 ms and a few GIL-held stretches of 20 ms, once a process.
    The app does it while unlocking, so the first autosave does not pause typing."""
    cached.fingerprint()
    raw_spans("ehsan met Mateo Okafor at 12 Main Street on 5 March.")


def store(conn: sqlite3.Connection, rows: list[tuple[bytes, bytes, str]]) -> None:
    """Insert or refresh entries ``(digest, detector, spans)`` (an update keeps the row's
    rowid, so the change log records one row, not a deletion and an insertion)."""
    conn.executemany(
        "INSERT INTO identifier_scan (digest, detector, spans) VALUES (?, ?, ?)"
        " ON CONFLICT (digest) DO UPDATE SET detector = excluded.detector, spans = excluded.spans",
        rows,
    )


def entries(conn: sqlite3.Connection) -> dict[bytes, str]:
    """The entries the detector of this release made: digest -> encoded spans (a row no
    release writes, spans that are not a text, is left out: a miss)."""
    rows = conn.execute(
        "SELECT digest, spans FROM identifier_scan WHERE detector = ? AND typeof(spans) = 'text'",
        (cached.fingerprint(),),
    )
    return dict(rows.fetchall())


def learned(conn: sqlite3.Connection, found: Mapping[bytes, str]) -> None:
    """Keep entries an export computed for texts the cache lacked."""
    detector = cached.fingerprint()
    rows = [(key, detector, spans) for key, spans in found.items()]
    rows.append((cached.SETTINGS, detector, cached.encode_settings(settings())))
    store(conn, rows)
