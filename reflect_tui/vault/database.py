"""The decrypted database: an in-memory SQLite image, its schema, FTS5 index and migrations.

The image only ever exists in this process's memory. ``temp_store=MEMORY`` keeps SQLite
from writing plaintext temp files, and ``secure_delete`` zeroes freed pages so deleted
or edited text does not linger in the next saved image.

Plain :mod:`sqlite3` only: a read-only export opens a vault without importing
SQLAlchemy (see :mod:`reflect_tui.journal.engine` for the tables and the ORM engine).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from reflect_tui.core import clock

#: Bumped whenever a release changes the tables; MIGRATIONS[n] brings n-1 up to n.
SCHEMA_VERSION = 2


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


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _v2_zones_edits_and_fine_words}


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
