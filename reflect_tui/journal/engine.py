"""The journal's tables over the vault's database: a fresh schema, and a SQLAlchemy
engine over its one connection.

Kept out of :mod:`reflect_tui.vault` (which knows bytes and SQLite, not the journal's
tables), and away from reading a vault, so an export never imports SQLAlchemy.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel

from reflect_tui.journal import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from reflect_tui.vault import database


def new_database() -> sqlite3.Connection:
    """A fresh, empty database with the current schema."""
    conn = database.connect()
    engine = make_engine(conn)
    SQLModel.metadata.create_all(engine)
    for statement in (*database.FTS_DDL, database.FINDINGS_CACHE_DDL):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION}")
    return conn


def make_engine(conn: sqlite3.Connection) -> Engine:
    """A SQLAlchemy engine over this one connection (the database exists nowhere else)."""
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)

    # Let SQLAlchemy own transactions on a connection opened in autocommit mode.
    @event.listens_for(engine, "begin")
    def _begin(connection: object) -> None:
        conn.execute("BEGIN")

    return engine


def sqlite_of(db: Session) -> sqlite3.Connection:
    """The sqlite3 connection under an ORM session (for the plain-SQL record reads)."""
    conn = db.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    return conn
