"""The identifier check's findings cache in the vault (schema 7): filled as texts are saved.

An export checks every text it writes for identifiers; most of them have not changed
since the last export. The table ``identifier_scan`` keeps, per text digest, the spans
the detector found in it and the detector's fingerprint (see
:mod:`reflect_tui.export.identifiers.cached`), so an export scans only what is new.

Filled where the journal writes: TEMP triggers (in memory, like the change log's) note
every text an insert or an update brings into the rows an export reads (answers, their
prompts and tags, set titles, action items), whatever SQL made the change (the ORM, an
import, a merge); :meth:`FindingsCache.flush` then stores their entries in the same
transaction, so they reach the disk in the same save. It is derived data: never merged
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

_NOTE = "reflect_findings_note"

#: (table, trigger, SQL body): "a" a text is now in a row, "d" a text has left one;
#: "A" / "D" the same for a string of space-separated tags (each is checked alone).
_TRIGGERS = (
    ("answer", "AFTER INSERT", "{n}('a', new.text), {n}('a', new.prompt_text), {n}('A', new.tags)"),
    (
        "answer",
        "AFTER UPDATE OF text ON main.answer WHEN old.text IS NOT new.text",
        "{n}('d', old.text), {n}('a', new.text)",
    ),
    (
        "answer",
        "AFTER UPDATE OF tags ON main.answer WHEN old.tags IS NOT new.tags",
        "{n}('D', old.tags), {n}('A', new.tags)",
    ),
    (
        "answer",
        "AFTER UPDATE OF prompt_text ON main.answer WHEN old.prompt_text IS NOT new.prompt_text",
        "{n}('a', new.prompt_text)",
    ),
    ("answer", "AFTER DELETE", "{n}('d', old.text), {n}('D', old.tags)"),
    ("reflection_session", "AFTER INSERT", "{n}('a', new.set_title)"),
    (
        "reflection_session",
        "AFTER UPDATE OF set_title ON main.reflection_session"
        " WHEN old.set_title IS NOT new.set_title",
        "{n}('a', new.set_title)",
    ),
    ("action_item", "AFTER INSERT", "{n}('a', new.text), {n}('a', new.follow_up)"),
    (
        "action_item",
        "AFTER UPDATE OF text, follow_up ON main.action_item"
        " WHEN old.text IS NOT new.text OR old.follow_up IS NOT new.follow_up",
        "{n}('d', old.text), {n}('d', old.follow_up), {n}('a', new.text), {n}('a', new.follow_up)",
    ),
    ("action_item", "AFTER DELETE", "{n}('d', old.text), {n}('d', old.follow_up)"),
)


class FindingsCache:
    """Keeps the findings cache of one writer's database up to date."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._added: dict[str, None] = {}  # in order, each once
        self._dropped: set[str] = set()
        conn.create_function(_NOTE, 2, self._note)
        for number, (table, when, body) in enumerate(_TRIGGERS):
            event = when if " ON " in when else f"{when} ON main.{table}"
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS reflect_findings_{number} {event}"
                f" BEGIN SELECT {body.format(n=_NOTE)}; END"
            )

    def _note(self, what: str, value: object) -> None:
        # Called from SQL inside a trigger: it must never raise (that would fail the save).
        if not value or not isinstance(value, str):
            return
        texts = value.split() if what in "AD" else [value]
        if what in "aA":
            self._added.update(dict.fromkeys(texts))
        else:
            self._dropped.update(texts)

    @property
    def pending(self) -> bool:
        return bool(self._added or self._dropped)

    def flush(self) -> None:
        """Store the entries of the texts noted since the last flush, and drop those of
        texts that left (the caller's transaction is open: they are saved with it)."""
        added, dropped = self._added, self._dropped
        self._added, self._dropped = {}, set()
        if not added and not dropped:
            return
        detector = cached.fingerprint()
        keep = {cached.digest(text): text for text in added}
        gone = {cached.digest(text) for text in dropped} - keep.keys()
        if gone:
            self._conn.executemany(
                "DELETE FROM identifier_scan WHERE digest = ?", [(key,) for key in gone]
            )
        fresh = []
        for key, text in keep.items():
            row = self._conn.execute(
                "SELECT detector FROM identifier_scan WHERE digest = ?", (key,)
            ).fetchone()
            if row is None or row[0] != detector:
                fresh.append((key, detector, cached.encode(raw_spans(text))))
        if fresh:  # the detector is loaded now: its settings cost nothing to keep
            fresh.append((cached.SETTINGS, detector, cached.encode_settings(settings())))
        store(self._conn, fresh)

    def forget(self) -> None:
        """Drop what was noted (the change it came from was rolled back)."""
        self._added, self._dropped = {}, set()


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
    """The entries the detector of this release made: digest -> encoded spans."""
    rows = conn.execute(
        "SELECT digest, spans FROM identifier_scan WHERE detector = ?", (cached.fingerprint(),)
    )
    return dict(rows.fetchall())


def learned(conn: sqlite3.Connection, found: Mapping[bytes, str]) -> None:
    """Keep entries an export computed for texts the cache lacked."""
    detector = cached.fingerprint()
    rows = [(key, detector, spans) for key, spans in found.items()]
    rows.append((cached.SETTINGS, detector, cached.encode_settings(settings())))
    store(conn, rows)
