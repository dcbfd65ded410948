"""What one save changed, as row images: noted by TEMP triggers, replayed by rowid.

:func:`track` puts TEMP triggers (``temp_store`` is MEMORY: nothing reaches the disk)
on every real table of the database, built from ``sqlite_master`` at open, so tables a
later migration adds are tracked too. Each trigger notes ``(table, rowid)`` of a row
inserted, updated or deleted. At save, :func:`take` reads those rows as they are now
(or their absence: a deletion) and returns them as one deterministic payload; the ORM
plays no part, so whatever SQL a change ran, its result is what is logged.

:func:`apply` replays payloads in one transaction, with foreign keys off (the rows are
already the result of every cascade): every noted row is deleted and its last image,
if it has one, inserted again with its rowid, which fires the FTS triggers as the
original changes did. The FTS index's own tables and ``sqlite_*`` are not
tracked; a schema change or a VACUUM (which may renumber rowids) is seen by
:func:`layout` and makes the caller write a whole snapshot instead.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from typing import Any

#: The TEMP table the triggers note changed rows in (in memory only).
_CHANGED = "temp.reflect_changed"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def tables(conn: sqlite3.Connection) -> list[str] | None:
    """The tables a change log can track, or None when one cannot be (a table without
    rowids: then every save writes a snapshot)."""
    rows = conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    found = []
    for name, sql in rows:
        if name.startswith("sqlite_") or name in virtual:
            continue
        if any(name.startswith(v + "_") for v in virtual):  # an FTS index's own tables
            continue
        if "WITHOUT ROWID" in (sql or "").upper():
            return None
        found.append(name)
    return found


def layout(conn: sqlite3.Connection) -> tuple[int, int]:
    """The schema's change counter and ``user_version``: when either moves (a migration,
    a VACUUM), rows cannot be logged and replayed by rowid, and a snapshot is due."""
    version = conn.execute("PRAGMA main.schema_version").fetchone()[0]
    return int(version), int(conn.execute("PRAGMA main.user_version").fetchone()[0])


def track(conn: sqlite3.Connection) -> bool:
    """Note from now on every row changed in every table (again after a schema change:
    triggers already there stay). False when this database cannot be tracked."""
    names = tables(conn)
    if names is None:
        return False
    # A row an INSERT OR REPLACE removes fires its DELETE triggers only with this on
    # (and the FTS index's triggers then drop its words too).
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.execute(
        f"CREATE TABLE IF NOT EXISTS {_CHANGED} (tbl TEXT NOT NULL, rid INTEGER NOT NULL,"
        " PRIMARY KEY (tbl, rid)) WITHOUT ROWID"
    )
    for name in names:
        # Unqualified: a trigger may not name a schema (a TEMP one finds temp first). Not
        # OR IGNORE: an outer statement's conflict clause would override it.
        table = _literal(name)
        note = (
            f"INSERT INTO reflect_changed SELECT {table}, {{0}}.rowid WHERE NOT EXISTS"  # noqa: S608
            f" (SELECT 1 FROM reflect_changed WHERE tbl = {table} AND rid = {{0}}.rowid);"
        )
        for op, rows in (
            ("INSERT", ("new",)),
            ("UPDATE", ("old", "new")),
            ("DELETE", ("old",)),
        ):
            body = " ".join(note.format(row) for row in rows)
            trigger = _quote(f"reflect_log_{op.lower()}_{name}")
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {op} ON main.{_quote(name)}"
                f" BEGIN {body} END"
            )
    return True


def pending(conn: sqlite3.Connection) -> int:
    """How many rows changed since the last :func:`take`."""
    return int(conn.execute(f"SELECT count(*) FROM {_CHANGED}").fetchone()[0])  # noqa: S608


def discard(conn: sqlite3.Connection) -> None:
    """Forget the rows noted so far (a snapshot holding them is being written)."""
    conn.execute(f"DELETE FROM {_CHANGED}")  # noqa: S608


def _encode(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"b": base64.b64encode(value).decode("ascii")}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        return base64.b64decode(value["b"])
    return value


def _dumps(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def take(conn: sqlite3.Connection) -> bytes | None:
    """The rows changed since the last take, as they are now; None if nothing changed.

    The payload is an index line, ``{"tables": [[table, columns, [[rowid, line], ...]]]}``
    (``line`` is null for a row that is gone), then one line per present row: its values
    as a JSON list. Replay reads every index but only the rows it keeps (see
    :func:`apply`)."""
    found = conn.execute(f"SELECT DISTINCT tbl FROM {_CHANGED} ORDER BY tbl")  # noqa: S608
    names = [row[0] for row in found]
    if not names:
        return None
    index = []
    lines: list[bytes] = []
    for name in names:
        cursor = conn.execute(
            f"SELECT c.rid, t.rowid, t.* FROM {_CHANGED} c LEFT JOIN main.{_quote(name)} t"  # noqa: S608
            " ON t.rowid = c.rid WHERE c.tbl = ? ORDER BY c.rid",
            (name,),
        )
        columns = [d[0] for d in cursor.description[2:]]
        rows: list[list[int | None]] = []
        for rid, present, *values in cursor:
            if present is None:
                rows.append([rid, None])
            else:
                rows.append([rid, len(lines)])
                lines.append(_dumps([_encode(v) for v in values]))
        index.append([name, columns, rows])
    discard(conn)
    return b"\n".join([_dumps({"tables": index}), *lines])


def apply(conn: sqlite3.Connection, payloads: list[bytes]) -> None:
    """Replay ``payloads`` (from :func:`take`, oldest first) in one transaction.

    Each payload holds whole rows as they were after its save, so the result is each
    noted row's last image (or its absence): a row saved a thousand times while typing
    is written once, and no two rows ever clash on a unique key halfway through."""
    if not payloads:
        return
    # Each row's last place: (payload, line), or None once it is gone.
    final: dict[str, tuple[list[str], dict[int, tuple[int, int] | None]]] = {}
    heads = [payload.split(b"\n", 1)[0] for payload in payloads]
    for number, change in enumerate(json.loads(b"[" + b",".join(heads) + b"]")):
        for name, columns, rows in change["tables"]:
            _, places = final.setdefault(name, (columns, {}))
            final[name] = (columns, places)
            places.update((rid, None if line is None else (number, line)) for rid, line in rows)
    split: dict[int, list[bytes]] = {}

    def image(place: tuple[int, int]) -> list[Any]:
        number, line = place
        if number not in split:
            split[number] = payloads[number].split(b"\n")[1:]
        return [_decode(v) for v in json.loads(split[number][line])]

    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN")
        try:
            for name, (columns, places) in sorted(final.items()):
                table = _quote(name)
                conn.executemany(
                    f"DELETE FROM main.{table} WHERE rowid = ?",  # noqa: S608
                    [(rid,) for rid in sorted(places)],
                )
                marks = ", ".join("?" * (len(columns) + 1))
                names = ", ".join(_quote(c) for c in columns)
                conn.executemany(
                    f"INSERT INTO main.{table} (rowid, {names}) VALUES ({marks})",  # noqa: S608
                    [
                        (rid, *image(place))
                        for rid, place in sorted(places.items())
                        if place is not None
                    ],
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
