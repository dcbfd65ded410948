"""Every change keeps a row's version; every deletion leaves a record (schema 3).

A version is a small vector clock: for each opening of the journal that changed the
row, how many changes it made (``{"<opening>": n}``, as JSON in the row's ``rev``). One
version *follows* another when it counts at least as many changes for every opening;
two versions neither of which follows the other were made apart (on two devices
between syncs), which is what :mod:`reflect_tui.journal.merge` needs to know.

:func:`track` hooks the ORM session of one change: new and changed rows get their
version bumped and ``modified`` stamped, deleted rows leave a :class:`Deletion` with a
version that follows the row's, and a row made again after its deletion (a word put
back on a list) carries on from the deletion's version, so it follows it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import event, text
from sqlmodel import Session

from reflect_tui.core import clock
from reflect_tui.journal.models import UTCDateTime, Versioned

Version = dict[str, int]


def parse(rev: str | None) -> Version:
    if not rev:
        return {}
    found = json.loads(rev)
    return {str(k): int(v) for k, v in found.items()} if isinstance(found, dict) else {}


def dump(version: Version) -> str:
    return json.dumps(dict(sorted(version.items())), separators=(",", ":"))


def bump(rev: str | None, opening: str) -> str:
    version = parse(rev)
    version[opening] = version.get(opening, 0) + 1
    return dump(version)


def follows(later: Version, earlier: Version) -> bool:
    """True when ``later`` has seen every change ``earlier`` has (or is the same)."""
    return all(later.get(k, 0) >= n for k, n in earlier.items())


def join(a: Version, b: Version) -> Version:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in a.keys() | b.keys()}


_STAMP = UTCDateTime()


def _stamp(moment: Any) -> str:
    return str(_STAMP.process_bind_param(moment, None))  # type: ignore[arg-type]


def track(db: Session, opening: str) -> None:
    """Keep versions and deletion records for every change flushed through ``db``."""
    db.info["opening"] = opening


@event.listens_for(Session, "before_flush")
def _before_flush(db: Session, _context: object, _instances: object) -> None:
    opening = db.info.get("opening")
    if opening is None:
        return
    now = clock.now()
    for row in list(db.new):
        if isinstance(row, Versioned):
            found = db.execute(
                text("SELECT rev FROM deletion WHERE uid = :uid"), {"uid": row.uid}
            ).scalar()
            row.rev = bump(dump(join(parse(row.rev), parse(found))), opening)
            row.modified = now
    for row in list(db.dirty):
        if isinstance(row, Versioned) and db.is_modified(row, include_collections=False):
            row.rev = bump(row.rev, opening)
            row.modified = now
    for row in list(db.deleted):
        if isinstance(row, Versioned):
            db.execute(
                text(
                    "INSERT INTO deletion (uid, kind, rev, deleted)"
                    " VALUES (:uid, :kind, :rev, :at) ON CONFLICT (uid)"
                    " DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted"
                ),
                {
                    "uid": row.uid,
                    "kind": type(row).__tablename__,
                    "rev": bump(row.rev, opening),
                    "at": _stamp(now),
                },
            )
