"""The identifier check: find what must not leave the vault in a plaintext export.

:func:`find_identifiers` scans one text for e-mail addresses, phone numbers, web
addresses, IP addresses, dates more precise than a year, long digit runs (record,
insurance or policy numbers), postal codes, and the clinician's own watch words.
:func:`redact` replaces each finding with a label such as ``[email]``.

The rules are deliberately shaped so that ordinary clinical prose passes untouched:
scores ("PHQ-9 score of 14"), session counts ("session 3 of 12"), durations, times
("2 p.m."), years ("in 2019"), year ranges ("2019-2020"), ratios and fractions
("50/50", "24/7", "1:1"), age ranges ("ages 5-7"), heights, money amounts and
diagnostic codes ("F43.1", "DSM-5") are not identifiers. ``tests/export/test_identifiers.py``
keeps the corpus of such traps next to the true finds. Names cannot be recognised by a
pattern; that is what the watch list is for.
"""

from reflect_tui.export.identifiers.kinds import (
    KIND_NAMES,
    REPLACEMENTS,
    Finding,
    Kind,
    describe_kind,
)
from reflect_tui.export.identifiers.scanner import Scanner, find_identifiers, redact
from reflect_tui.export.identifiers.watch_words import compile_watch_words

__all__ = [
    "KIND_NAMES",
    "REPLACEMENTS",
    "Finding",
    "Kind",
    "Scanner",
    "compile_watch_words",
    "describe_kind",
    "find_identifiers",
    "redact",
]
