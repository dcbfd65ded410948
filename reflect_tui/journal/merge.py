"""Merging another copy of the journal into this one, by identities and versions.

Rows are matched by identity (``uid``, see :mod:`reflect_tui.core.uids`), and two
versions of a row (see :mod:`reflect_tui.journal.versions`) are compared: when one
follows the other, the later one is kept; when they were made apart (both devices
changed it), the two are combined and nothing either side wrote is lost: an answer
whose two texts differ keeps both, the other under a marked line, and is tagged
``both-versions`` so the clinician can find it. A deletion deletes a row only when the
deleting side had seen the row's latest version; a row the other side changed
afterwards stays (and so does its reflection).

The result depends only on the two copies' contents, never on which one is merged into
which: merging twice changes nothing, and A into B is B into A.

Plain :mod:`sqlite3` on the two open databases; one transaction on the target.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from reflect_tui.core import clock
from reflect_tui.journal.versions import dump, follows, join, parse

#: The line between an answer's two versions after a merge.
BOTH_MARK = "──── both devices changed this answer; the other version: ────"
#: The tag a merged answer with both versions gets.
BOTH_TAG = "both-versions"

Row = dict[str, Any]

_COLUMNS = {
    "reflection_session": (
        "set_id set_version set_title started utc_offset finished flagged position"
    ),
    "answer": (
        "prompt_id prompt_text topic kind position text value skipped created updated"
        " edited tags flagged discussed"
    ),
    "supervision_meeting": (
        "day minutes format counted_minutes who brought took_away summary normative"
        " formative restorative created"
    ),
    "action_item": "text status follow_up created closed",
    "watch_word": "word",
    "fine_word": "word",
    "identity_map_version": "saved utc_offset note",
    "identity_map_entry": "domain description stance visible salient",
}
#: Each table's parents, by the column holding its id and the table it points to (in a
#: row read for merging, that column holds the parent's identity instead).
_PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "answer": (("session_id", "reflection_session"),),
    "action_item": (("answer_id", "answer"), ("meeting_id", "supervision_meeting")),
    "identity_map_entry": (("version_id", "identity_map_version"),),
}
#: Children that cannot stand alone: a deleted parent comes back while one is kept.
_NEED_PARENT = ("answer", "identity_map_entry")
#: Parents first: a child's row needs its parent's id in the target.
TABLES = tuple(_COLUMNS)


@dataclass
class MergeSummary:
    """What a merge brought in: counts by kind, and where both versions were kept."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    #: Rows the other side deleted but this one changed afterwards (kept).
    kept: int = 0
    #: (reflection's day, prompt) of each answer now holding both versions.
    both: list[tuple[date, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)

    def lines(self) -> list[str]:
        """What came from where, in words (the command prints them; the app shows them)."""
        if not self.changed:
            return ["Nothing new: this journal already held everything in the other copy."]
        said = []
        brought = [
            f"{_counted(counts)} {verb}"
            for counts, verb in ((self.added, "added"), (self.updated, "brought up to date"))
            if counts
        ]
        if brought:
            said.append(f"From the other copy: {'; '.join(brought)}.")
        if self.deleted:
            said.append(f"Deleted here, as on the other copy: {_counted(self.deleted)}.")
        if self.kept:
            said.append(
                f"Kept, though deleted here: {self.kept} (the other copy changed them afterwards)."
            )
        if self.both:
            said.append(
                f"Both versions kept (the other under a marked line, tagged {BOTH_TAG}) in:"
            )
            said += [f"  {day.isoformat()}  {prompt}" for day, prompt in self.both]
        return said


_NAMES = {
    "reflection_session": ("reflection", "reflections"),
    "answer": ("answer", "answers"),
    "supervision_meeting": ("supervision meeting", "supervision meetings"),
    "action_item": ("action item", "action items"),
    "watch_word": ("watch-list word", "watch-list words"),
    "fine_word": ("word marked not a name", "words marked not names"),
    "identity_map_version": ("identity map version", "identity map versions"),
    "identity_map_entry": ("identity map domain", "identity map domains"),
}


def _counted(counts: dict[str, int]) -> str:
    parts = []
    for table in TABLES:
        if n := counts.get(table):
            one, many = _NAMES[table]
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)


def read_state(conn: sqlite3.Connection) -> tuple[dict[str, dict[str, Row]], dict[str, Row]]:
    """Every versioned row by table and identity (parents by identity, not id), and the
    deletion records by identity."""
    tables: dict[str, dict[str, Row]] = {}
    uid_of: dict[str, dict[int, str]] = {}
    for table in TABLES:
        parents = _PARENTS.get(table, ())
        columns = ["id", "uid", "rev", "modified", *_COLUMNS[table].split()]
        columns += [column for column, _ in parents]
        rows: dict[str, Row] = {}
        ids: dict[int, str] = {}
        cursor = conn.execute(f"SELECT {', '.join(columns)} FROM {table}")  # noqa: S608 (fixed names)
        for values in cursor:
            row = dict(zip(columns, values, strict=True))
            ids[row.pop("id")] = row["uid"]
            for column, parent_table in parents:
                row[column] = uid_of[parent_table].get(row[column])
            rows[row["uid"]] = row
        tables[table], uid_of[table] = rows, ids
    deletions = {
        uid: {"uid": uid, "kind": kind, "rev": rev, "deleted": deleted}
        for uid, kind, rev, deleted in conn.execute("SELECT uid, kind, rev, deleted FROM deletion")
    }
    return tables, deletions


def _key(row: Row) -> tuple[str, str]:
    """Which of two versions made apart counts as the newer: the later change, then (for
    a tie) the larger content, so both sides choose the same."""
    return (row["modified"], repr(sorted((k, repr(v)) for k, v in row.items())))


def _combine_text(newer: str, older: str) -> tuple[str, bool]:
    if newer == older or not older.strip() or older in newer:
        return newer, False
    if not newer.strip() or newer in older:
        return older, False
    return f"{newer}\n\n{BOTH_MARK}\n{older}", True


def _apart(table: str, a: Row, b: Row) -> tuple[Row, bool]:
    """Two versions made apart, combined; True when an answer now holds both texts."""
    newer, older = sorted((a, b), key=_key, reverse=True)
    merged = dict(newer)
    both = False
    if table in ("answer", "reflection_session"):
        # A flag raised on either device stays raised: lowering one is rarer than an
        # unrelated edit on the other device, which must not undo it.
        merged["flagged"] = int(bool(a["flagged"] or b["flagged"]))
    if table == "answer":
        merged["text"], both = _combine_text(newer["text"], older["text"])
        tags = set(newer["tags"].split()) | set(older["tags"].split())
        if both:
            tags.add(BOTH_TAG)
        merged["tags"] = " ".join(sorted(tags))
        merged["skipped"] = int(bool(newer["skipped"] and older["skipped"]))
        # Marked as discussed in supervision on either device: it was discussed.
        merged["discussed"] = newer["discussed"] or older["discussed"]
        for moment in ("edited", "updated"):
            merged[moment] = max((r[moment] for r in (a, b) if r[moment]), default=None)
    elif table == "action_item":
        merged["text"], _ = _combine_text(newer["text"], older["text"])
        merged["follow_up"], _ = _combine_text(newer["follow_up"], older["follow_up"])
        # Closing an action on one device is kept, though the other added a note later.
        closed = [r for r in (newer, older) if r["status"] != "open"]
        if closed:
            merged["status"], merged["closed"] = closed[0]["status"], closed[0]["closed"]
    elif table == "supervision_meeting":
        for text in ("brought", "took_away", "summary"):
            merged[text], _ = _combine_text(newer[text], older[text])
    elif table in ("identity_map_version", "identity_map_entry"):
        text = "note" if table == "identity_map_version" else "description"
        merged[text], _ = _combine_text(newer[text], older[text])
    elif table == "reflection_session":
        ends = [r["finished"] for r in (a, b) if r["finished"]]
        merged["finished"] = min(ends) if ends else None
        merged["position"] = max(a["position"], b["position"])
    merged["rev"] = dump(join(parse(a["rev"]), parse(b["rev"])))
    merged["modified"] = max(a["modified"], b["modified"])
    return merged, both


def _pick(table: str, a: Row | None, b: Row | None) -> tuple[Row | None, bool]:
    if a is None or b is None:
        return (a or b), False
    va, vb = parse(a["rev"]), parse(b["rev"])
    if a == b:
        return a, False
    if va != vb and follows(va, vb):
        return a, False
    if va != vb and follows(vb, va):
        return b, False
    return _apart(table, a, b)


def merged_state(
    mine: tuple[dict[str, dict[str, Row]], dict[str, Row]],
    theirs: tuple[dict[str, dict[str, Row]], dict[str, Row]],
) -> tuple[dict[str, dict[str, Row]], dict[str, Row], set[str], set[str]]:
    """The content both copies merge to: (rows, deletions, identities kept although
    deleted on one side, answers holding both versions)."""
    (rows_a, del_a), (rows_b, del_b) = mine, theirs
    deletions: dict[str, Row] = {}
    for uid in del_a.keys() | del_b.keys():
        da, db = del_a.get(uid), del_b.get(uid)
        if da is None or db is None:
            deletions[uid] = dict(da or db or {})
        else:
            newer = max(da, db, key=lambda d: (d["deleted"], d["kind"], d["rev"]))
            rev = dump(join(parse(da["rev"]), parse(db["rev"])))
            deletions[uid] = {**newer, "rev": rev}
    result: dict[str, dict[str, Row]] = {}
    kept: set[str] = set()
    both: set[str] = set()
    for table in TABLES:
        result[table] = {}
        a_rows, b_rows = rows_a[table], rows_b[table]
        for uid in a_rows.keys() | b_rows.keys():
            row, combined = _pick(table, a_rows.get(uid), b_rows.get(uid))
            assert row is not None
            deletion = deletions.get(uid)
            if deletion is not None and follows(parse(deletion["rev"]), parse(row["rev"])):
                continue
            if deletion is not None:
                kept.add(uid)
            if combined:
                both.add(uid)
            result[table][uid] = dict(row)  # a copy: the parent may be unset below
    # A reflection deleted on one side stays while an answer the other side changed
    # afterwards is still in it; an action whose answer (or meeting) is gone stays, on
    # its own.
    for table, parents in _PARENTS.items():
        for column, parent_table in parents:
            for row in result[table].values():
                parent = row.get(column)
                if parent is None or parent in result[parent_table]:
                    continue
                a_row, b_row = rows_a[parent_table].get(parent), rows_b[parent_table].get(parent)
                found, _ = _pick(parent_table, a_row, b_row)
                if found is not None and table in _NEED_PARENT:
                    result[parent_table][parent] = dict(found)
                    kept.add(parent)
                else:
                    row[column] = None
    # A mark left by a meeting deleted on one side (while the other changed the answer
    # or ticked it): the answer is waiting again, as the deletion meant.
    for row in result["answer"].values():
        if row["discussed"] and row["discussed"] not in result["supervision_meeting"]:
            row["discussed"] = ""
    return result, deletions, kept, both


def merge_into(target: sqlite3.Connection, source: sqlite3.Connection) -> MergeSummary:
    """Merge ``source``'s content into ``target`` in one transaction (see the module)."""
    mine = read_state(target)
    theirs = read_state(source)
    rows, deletions, kept, both = merged_state(mine, theirs)
    summary = MergeSummary()
    # Rows this side had deleted that come back: the other side changed them afterwards.
    summary.kept = sum(
        1 for t in TABLES for uid in rows[t] if uid in kept and uid not in mine[0][t]
    )
    target.execute("BEGIN")
    try:
        _apply(target, mine[0], rows, summary)
        _apply_deletions(target, mine[1], deletions)
        target.execute("COMMIT")
    except BaseException:
        target.execute("ROLLBACK")
        raise
    days = {
        uid: clock.day_of(datetime.fromisoformat(row["started"]), row["utc_offset"])
        for uid, row in rows["reflection_session"].items()
    }
    for uid in sorted(both):
        answer = rows["answer"].get(uid)
        if answer is not None and mine[0]["answer"].get(uid) != answer:
            summary.both.append((days[answer["session_id"]], answer["prompt_text"]))
    summary.both.sort()
    return summary


def _count(counts: dict[str, int], table: str) -> None:
    counts[table] = counts.get(table, 0) + 1


def _apply(
    conn: sqlite3.Connection,
    before: dict[str, dict[str, Row]],
    after: dict[str, dict[str, Row]],
    summary: MergeSummary,
) -> None:
    for table in reversed(TABLES):  # children first, so no parent is still referenced
        gone = before[table].keys() - after[table].keys()
        conn.executemany(f"DELETE FROM {table} WHERE uid = ?", [(uid,) for uid in gone])  # noqa: S608
        for _ in gone:
            _count(summary.deleted, table)
    for table in TABLES:
        parents = _PARENTS.get(table, ())
        columns = ["uid", "rev", "modified", *_COLUMNS[table].split()]
        ids = {parent_table: _ids(conn, parent_table) for _, parent_table in parents}
        names = [*columns, *(column for column, _ in parents)]
        for uid, row in after[table].items():
            values = [row[c] for c in columns]
            values += [ids[t].get(row[c]) if row[c] else None for c, t in parents]
            old = before[table].get(uid)
            if old == row:
                continue
            if old is None:
                marks = ", ".join("?" for _ in names)
                conn.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", values)  # noqa: S608
                _count(summary.added, table)
            else:
                sets = ", ".join(f"{n} = ?" for n in names)
                conn.execute(f"UPDATE {table} SET {sets} WHERE uid = ?", [*values, uid])  # noqa: S608
                _count(summary.updated, table)


def _ids(conn: sqlite3.Connection, table: str) -> dict[str, int]:
    return dict(conn.execute(f"SELECT uid, id FROM {table}"))  # noqa: S608 (fixed names)


def _apply_deletions(
    conn: sqlite3.Connection, before: dict[str, Row], after: dict[str, Row]
) -> None:
    changed = [d for uid, d in after.items() if before.get(uid) != d]
    conn.executemany(
        "INSERT INTO deletion (uid, kind, rev, deleted) VALUES (:uid, :kind, :rev, :deleted)"
        " ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind, rev = excluded.rev,"
        " deleted = excluded.deleted",
        changed,
    )
