"""The identity map's versions as plain records, in plain SQL over sqlite3 (schema 6),
and the domains chosen in reflections, counted.

Like :mod:`reflect_tui.journal.supervision_records`: the journal service and the
read-only :class:`reflect_tui.journal.reader.JournalReader` both call these, so
``reflect identity show`` and an export never import SQLAlchemy.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Collection
from datetime import date, datetime, timedelta

from reflect_tui.core.identity import DomainEntry, IdentityMap, domains_of_option
from reflect_tui.vault.database import SESSION_DAY_SQL


def identity_maps(conn: sqlite3.Connection) -> list[IdentityMap]:
    """Every saved version of the map, oldest first, numbered from 1."""
    versions = conn.execute(
        "SELECT id, saved, utc_offset, note FROM identity_map_version ORDER BY saved, uid"
    ).fetchall()
    entries: dict[int, list[DomainEntry]] = defaultdict(list)
    for version_id, domain, description, stance, visible, salient in conn.execute(
        "SELECT version_id, domain, description, stance, visible, salient"
        " FROM identity_map_entry ORDER BY id"
    ):
        entries[version_id].append(DomainEntry(domain, description, stance, visible, bool(salient)))
    return [
        IdentityMap(
            number=number,
            saved=datetime.fromisoformat(saved),
            utc_offset=offset,
            note=note,
            entries=tuple(entries[id_]),
            id=id_,
        )
        for number, (id_, saved, offset, note) in enumerate(versions, start=1)
    ]


def latest_identity_map(conn: sqlite3.Connection) -> IdentityMap | None:
    maps = identity_maps(conn)
    return maps[-1] if maps else None


def domain_counts(
    conn: sqlite3.Connection,
    start: date,
    end: date,
    prompts: Collection[tuple[str, str]] | None = None,
) -> Counter[str]:
    """How many reflections begun from ``start`` to ``end`` (local days, inclusive)
    chose each domain in a choice prompt (an option named like a domain of the map);
    with ``prompts``, only in those (set id, prompt id): the ones that draw on the map,
    not a set's own question about the client's identities worded the same way."""
    day = SESSION_DAY_SQL.format(t="s")
    counts: Counter[str] = Counter()
    # The index on started narrows it first (a day of slack each side for the zones);
    # the local day then decides exactly.
    rows = conn.execute(
        "SELECT a.session_id, s.set_id, a.prompt_id, a.value FROM reflection_session s"  # noqa: S608 (fixed fragments; values bound)
        " JOIN answer a ON a.session_id = s.id WHERE s.started >= :low AND s.started < :high"
        f" AND {day} BETWEEN :start AND :end AND a.kind = 'choice' AND a.skipped = 0"
        " AND a.value IS NOT NULL",
        {
            "low": (start - timedelta(days=1)).isoformat(),
            "high": (end + timedelta(days=2)).isoformat(),
            "start": start.isoformat(),
            "end": end.isoformat(),
        },
    )
    chosen: dict[int, set[str]] = defaultdict(set)
    for session_id, set_id, prompt_id, raw in rows:
        if prompts is not None and (set_id, prompt_id) not in prompts:
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        for option in value if isinstance(value, list) else [value]:
            chosen[session_id].update(domains_of_option(str(option)))
    for domains in chosen.values():
        counts.update(domains)
    return counts
