"""Keeping the identity map: save a new version, read the versions (schema 6).

A map is never edited in place: each save is a new version, so the history of how the
clinician has seen themselves is kept, and two devices that each save one keep both
when they merge. Kept apart from :mod:`reflect_tui.journal.data`, which holds the
reflections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from contextlib import AbstractContextManager
from datetime import date

from sqlmodel import Session

from reflect_tui.core.identity import DomainEntry, IdentityMap, checked_entries
from reflect_tui.core.records import storable
from reflect_tui.journal import identity_records
from reflect_tui.journal.engine import sqlite_of
from reflect_tui.journal.models import IdentityMapEntry, IdentityMapVersion


class IdentityMaps:
    """The identity map; ``_writing``/``_reading`` come from the journal."""

    def _writing(self, *, purge: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Session]:
        raise NotImplementedError

    def save_identity_map(self, entries: list[DomainEntry], note: str = "") -> int:
        """Save a new version (empty domains left out); its id. IdentityProblem for an
        unknown domain, before anything is written."""
        kept = checked_entries(entries)
        with self._writing() as db:
            version = IdentityMapVersion(note=storable(note))
            db.add(version)
            db.flush()
            assert version.id is not None
            for entry in kept:
                db.add(
                    IdentityMapEntry(
                        version_id=version.id,
                        domain=entry.domain,
                        description=storable(entry.description),
                        stance=entry.stance,
                        visible=entry.visible,
                        salient=entry.salient,
                    )
                )
            return version.id

    def identity_maps(self) -> list[IdentityMap]:
        """Every saved version, oldest first, numbered from 1."""
        with self._reading() as db:
            return identity_records.identity_maps(sqlite_of(db))

    def latest_identity_map(self) -> IdentityMap | None:
        with self._reading() as db:
            return identity_records.latest_identity_map(sqlite_of(db))

    def domain_counts(
        self, start: date, end: date, prompts: Collection[tuple[str, str]] | None = None
    ) -> Counter[str]:
        """Reflections in the range that chose each domain (see identity_records)."""
        with self._reading() as db:
            return identity_records.domain_counts(sqlite_of(db), start, end, prompts)
