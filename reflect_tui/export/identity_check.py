"""The identifier check over the identity map, when the clinician chooses to export it
(``--with-identity-map`` or the Export screen's box): its descriptions and note pass
the same :class:`~reflect_tui.export.identifiers.Scanner` as everything else, with the
clinician's watch list and fine words; findings are :class:`RecordFinding` rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from reflect_tui.core.identity import BY_KEY, IdentityMap
from reflect_tui.export.identifiers import Scanner
from reflect_tui.export.scan import RecordFinding


def redact_identity_map(
    identity_map: IdentityMap,
    watch_words: Iterable[str] = (),
    fine_words: Iterable[str] = (),
    *,
    rewrite: bool = False,
) -> tuple[IdentityMap, list[RecordFinding]]:
    """Every identifier in the map's words (with ``rewrite``, the map with each replaced
    by its label)."""
    scanner = Scanner(watch_words, fine_words)
    findings: list[RecordFinding] = []

    def text(value: str, where: str) -> str:
        redacted, found = scanner.redact(value)
        findings.extend(
            RecordFinding(identity_map.day, where, f.kind, f.excerpt, f.focus, f.word)
            for f in found
        )
        return redacted if rewrite else value

    entries = tuple(
        dataclasses.replace(
            entry, description=text(entry.description, f"identity map: {BY_KEY[entry.domain].name}")
        )
        for entry in identity_map.entries
    )
    note = text(identity_map.note, "identity map: what changed")
    return dataclasses.replace(identity_map, entries=entries, note=note), findings
