"""The decrypted database: an in-memory SQLite image, its schema, FTS5 index and migrations.

The image only ever exists in this process's memory. ``temp_store=MEMORY`` keeps SQLite
from writing plaintext temp files, and ``secure_delete`` zeroes freed pages so deleted
or edited text does not linger in the next saved image.

Plain :mod:`sqlite3` only: a read-only export opens a vault without importing
SQLAlchemy (see :mod:`reflect_tui.journal.engine` for the tables and the ORM engine).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime

from reflect_tui.core import clock, uids

#: Bumped whenever a release changes the tables; MIGRATIONS[n] brings n-1 up to n.
SCHEMA_VERSION = 7


class SchemaTooNew(Exception):
    """The database was written by a later release with a newer schema."""

    def __init__(self, found: int) -> None:
        super().__init__(found)
        self.found = found


FTS_DDL = (
    """CREATE VIRTUAL TABLE answer_fts USING fts5(
        text, tags, content='answer', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER answer_fts_insert AFTER INSERT ON answer BEGIN
        INSERT INTO answer_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
    """CREATE TRIGGER answer_fts_delete AFTER DELETE ON answer BEGIN
        INSERT INTO answer_fts(answer_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
    END""",
    """CREATE TRIGGER answer_fts_update AFTER UPDATE OF text, tags ON answer BEGIN
        INSERT INTO answer_fts(answer_fts, rowid, text, tags)
        VALUES ('delete', old.id, old.text, old.tags);
        INSERT INTO answer_fts(rowid, text, tags) VALUES (new.id, new.text, new.tags);
    END""",
)

#: A session's local date: its start where it was begun (see :mod:`reflect_tui.core.clock`).
SESSION_DAY_SQL = "date({t}.started, {t}.utc_offset || ' minutes')"


def _v2_zones_edits_and_fine_words(conn: sqlite3.Connection) -> None:
    """Release 0.1 kept no zone and no edit mark. Each session gets the offset this
    computer's zone had at its start (the day release 0.1 showed it on), and an answer
    changed more than five minutes after it was written (release 0.1's "Edited" rule)
    is marked edited then, so nothing a clinician saw changes. The words the clinician
    says are not names (the identifier check) get a table of their own."""
    conn.execute("ALTER TABLE reflection_session ADD COLUMN utc_offset INTEGER NOT NULL DEFAULT 0")
    rows = conn.execute("SELECT id, started FROM reflection_session").fetchall()
    conn.executemany(
        "UPDATE reflection_session SET utc_offset = ? WHERE id = ?",
        [(clock.utc_offset(datetime.fromisoformat(started)), id_) for id_, started in rows],
    )
    conn.execute("ALTER TABLE answer ADD COLUMN edited VARCHAR")
    conn.execute(
        "UPDATE answer SET edited = updated"
        " WHERE (julianday(updated) - julianday(created)) * 1440 > 5"
    )
    conn.execute(
        "CREATE TABLE fine_word (id INTEGER NOT NULL PRIMARY KEY, word VARCHAR NOT NULL UNIQUE)"
    )


#: Schema 3's tables that keep an identity and a version (see reflect_tui.journal.versions).
VERSIONED = ("reflection_session", "answer", "action_item", "watch_word", "fine_word")
#: The time a row from before schema 3 was last changed, as well as it can be told.
_LAST_CHANGED = {
    "reflection_session": "COALESCE(finished, started)",
    "answer": "updated",
    "action_item": "COALESCE(closed, created)",
    "watch_word": "'2000-01-01T00:00:00.000000+00:00'",
    "fine_word": "'2000-01-01T00:00:00.000000+00:00'",
}


#: Columns a row's content version leaves out: local row numbers and the version itself.
_NOT_CONTENT = frozenset({"id", "rev", "modified", "session_id", "answer_id"})


def _content_versions(conn: sqlite3.Connection, table: str) -> None:
    """Give each migrated row a version named after its content: two devices that bring
    the same row up to date agree (neither changed it), while a row edited on a device
    still on schema 2 has another version, so a merge keeps both edits instead of
    taking the later one as if it had seen the other."""
    columns = [
        row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in _NOT_CONTENT
    ]
    rows = conn.execute(f"SELECT id, {', '.join(columns)} FROM {table}").fetchall()  # noqa: S608
    conn.executemany(
        f"UPDATE {table} SET rev = ? WHERE id = ?",  # noqa: S608
        [
            (
                json.dumps(
                    {f"v2:{uids.derived_uid(table, *row[1:])[:12]}": 1}, separators=(",", ":")
                ),
                row[0],
            )
            for row in rows
        ],
    )


def _v3_identities_versions_deletions(conn: sqlite3.Connection) -> None:
    """Schema 3 (merging copies from a synced folder): each row gets an identity, a
    version and a time of last change; deletions and merged copies get tables.

    The identities come from what the rows hold, not from chance, so two devices that
    each bring the same schema-2 file up to date give its rows the same identities and
    a later merge of the two finds nothing to add.
    """
    for table in VERSIONED:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid VARCHAR NOT NULL DEFAULT ''")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN rev VARCHAR NOT NULL DEFAULT '{{}}'")
        conn.execute(f"ALTER TABLE {table} ADD COLUMN modified VARCHAR NOT NULL DEFAULT ''")
        conn.execute(f"UPDATE {table} SET modified = {_LAST_CHANGED[table]}")  # noqa: S608
    sessions = {
        id_: uids.derived_uid("session", id_, started)
        for id_, started in conn.execute("SELECT id, started FROM reflection_session")
    }
    conn.executemany(
        "UPDATE reflection_session SET uid = ? WHERE id = ?", [(u, i) for i, u in sessions.items()]
    )
    answers: dict[int, str] = {}
    taken: set[str] = set()  # a set: the first unlock of ten years must not be quadratic
    for id_, session_id, prompt_id in conn.execute(
        "SELECT id, session_id, prompt_id FROM answer ORDER BY id"
    ):
        uid = uids.answer_uid(sessions[session_id], prompt_id)
        if uid in taken:  # an import may answer one prompt twice
            uid = uids.derived_uid(uid, id_)
        answers[id_] = uid
        taken.add(uid)
    conn.executemany("UPDATE answer SET uid = ? WHERE id = ?", [(u, i) for i, u in answers.items()])
    actions: dict[int, str] = {}
    taken = set()
    for id_, answer_id, created in conn.execute(
        "SELECT id, answer_id, created FROM action_item ORDER BY id"
    ):
        uid = uids.action_uid(answers[answer_id]) if answer_id in answers else ""
        if not uid or uid in taken:
            uid = uids.derived_uid("action", id_, created)
        actions[id_] = uid
        taken.add(uid)
    conn.executemany(
        "UPDATE action_item SET uid = ? WHERE id = ?", [(u, i) for i, u in actions.items()]
    )
    for table in ("watch_word", "fine_word"):
        words = conn.execute(f"SELECT id, word FROM {table}").fetchall()  # noqa: S608
        conn.executemany(
            f"UPDATE {table} SET uid = ? WHERE id = ?",  # noqa: S608
            [(uids.word_uid(table, word), id_) for id_, word in words],
        )
    for table in VERSIONED:
        _content_versions(conn, table)
        conn.execute(f"CREATE UNIQUE INDEX ix_{table}_uid ON {table} (uid)")
    conn.execute(
        "CREATE TABLE deletion (uid VARCHAR NOT NULL PRIMARY KEY, kind VARCHAR NOT NULL,"
        " rev VARCHAR NOT NULL, deleted VARCHAR NOT NULL)"
    )
    conn.execute(
        "CREATE TABLE merged_copy (digest VARCHAR NOT NULL PRIMARY KEY, name VARCHAR NOT NULL,"
        " merged VARCHAR NOT NULL)"
    )


def _v4_supervision_meetings(conn: sqlite3.Connection) -> None:
    """Schema 4 (the supervision record): a table of meetings, versioned like every
    other table, and the meeting an action was agreed in. Nothing else changes."""
    conn.execute(
        "CREATE TABLE supervision_meeting (uid VARCHAR NOT NULL, rev VARCHAR NOT NULL,"
        " modified VARCHAR NOT NULL, id INTEGER NOT NULL, day DATE NOT NULL,"
        " minutes INTEGER NOT NULL, format VARCHAR NOT NULL, counted_minutes INTEGER NOT NULL,"
        " who VARCHAR NOT NULL, brought VARCHAR NOT NULL, took_away VARCHAR NOT NULL,"
        " summary VARCHAR NOT NULL, normative BOOLEAN NOT NULL, formative BOOLEAN NOT NULL,"
        " restorative BOOLEAN NOT NULL, created VARCHAR NOT NULL, PRIMARY KEY (id))"
    )
    conn.execute("CREATE UNIQUE INDEX ix_supervision_meeting_uid ON supervision_meeting (uid)")
    conn.execute("CREATE INDEX ix_supervision_meeting_day ON supervision_meeting (day)")
    conn.execute(
        "ALTER TABLE action_item ADD COLUMN meeting_id INTEGER"
        " REFERENCES supervision_meeting (id) ON DELETE SET NULL"
    )
    conn.execute("CREATE INDEX ix_action_item_meeting_id ON action_item (meeting_id)")


def _v5_answers_discussed(conn: sqlite3.Connection) -> None:
    """Schema 5: the supervision meeting an answer was discussed in, by the meeting's
    identity (``''`` when it has not been), so a merge needs no translation of row ids
    and a meeting deleted on one device leaves nothing pointing at a missing row."""
    conn.execute("ALTER TABLE answer ADD COLUMN discussed VARCHAR NOT NULL DEFAULT ''")


def _v6_identity_map(conn: sqlite3.Connection) -> None:
    """Schema 6, the identity map: each saved version of it, and one row per domain in each,
    versioned like every other table so two devices' maps merge. Nothing else changes."""
    conn.execute(
        "CREATE TABLE identity_map_version (uid VARCHAR NOT NULL, rev VARCHAR NOT NULL,"
        " modified VARCHAR NOT NULL, id INTEGER NOT NULL, saved VARCHAR NOT NULL,"
        " utc_offset INTEGER NOT NULL, note VARCHAR NOT NULL, PRIMARY KEY (id))"
    )
    conn.execute("CREATE UNIQUE INDEX ix_identity_map_version_uid ON identity_map_version (uid)")
    conn.execute("CREATE INDEX ix_identity_map_version_saved ON identity_map_version (saved)")
    conn.execute(
        "CREATE TABLE identity_map_entry (uid VARCHAR NOT NULL, rev VARCHAR NOT NULL,"
        " modified VARCHAR NOT NULL, id INTEGER NOT NULL, version_id INTEGER NOT NULL,"
        " domain VARCHAR NOT NULL, description VARCHAR NOT NULL, stance VARCHAR NOT NULL,"
        " visible VARCHAR NOT NULL, salient BOOLEAN NOT NULL, PRIMARY KEY (id),"
        " FOREIGN KEY(version_id) REFERENCES identity_map_version (id) ON DELETE CASCADE)"
    )
    conn.execute("CREATE UNIQUE INDEX ix_identity_map_entry_uid ON identity_map_entry (uid)")
    conn.execute("CREATE INDEX ix_identity_map_entry_version_id ON identity_map_entry (version_id)")


#: The identifier check's findings cache (schema 7; see reflect_tui/journal/findings_cache.py):
#: per text digest, the detector that scanned it and the spans it found. Derived data:
#: never merged, never exported, and no text in it.
FINDINGS_CACHE_DDL = (
    "CREATE TABLE identifier_scan (digest BLOB NOT NULL PRIMARY KEY,"
    " detector BLOB NOT NULL, spans VARCHAR NOT NULL)"
)


def _v7_findings_cache(conn: sqlite3.Connection) -> None:
    """Schema 7: the findings cache, empty (an export fills nothing: the journal fills it
    as answers are saved, and a miss costs only the scan it saved)."""
    conn.execute(FINDINGS_CACHE_DDL)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    2: _v2_zones_edits_and_fine_words,
    3: _v3_identities_versions_deletions,
    4: _v4_supervision_meetings,
    5: _v5_answers_discussed,
    6: _v6_identity_map,
    7: _v7_findings_cache,
}


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    _configure(conn)
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA foreign_keys = ON")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def load_image(image: bytes) -> tuple[sqlite3.Connection, int]:
    """Open a decrypted image in memory and bring its schema up to date; also returns
    how many migration steps ran (a writer saves the migrated image at once)."""
    conn = connect()
    conn.deserialize(image)  # connect()'s settings hold for the image too (tested)
    return conn, migrate(conn)


def migrate(conn: sqlite3.Connection) -> int:
    """Run every migration step above the image's ``user_version``; returns steps run."""
    found = user_version(conn)
    if found > SCHEMA_VERSION:
        raise SchemaTooNew(found)
    steps = 0
    for target in range(found + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN")
        try:
            MIGRATIONS[target](conn)
            conn.execute(f"PRAGMA user_version = {target}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        steps += 1
    return steps


def dump_image(conn: sqlite3.Connection) -> bytes:
    return conn.serialize()


def purge_deleted_text(conn: sqlite3.Connection) -> None:
    """Merge the FTS index and vacuum so deleted text leaves no trace in the image."""
    conn.execute("INSERT INTO answer_fts(answer_fts) VALUES ('optimize')")
    conn.execute("VACUUM")
