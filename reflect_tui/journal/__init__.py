"""The journal: the one service the app and the commands call, and the read-only path.

Two ways in, by what the caller needs:

- :class:`Journal` (``service``, with ``data`` and ``queries``): unlock, write, search
  and save, over SQLModel tables (``models``, ``engine``). The app and every command
  that changes something use it.
- :class:`JournalReader` (``reader``, with ``records`` and ``listing``): every read
  command (``reflect search``, ``history``, ``info``, ``export``, the word lists) in
  plain ``sqlite3``; it never imports SQLAlchemy (a third of a second of start-up),
  which the import contracts check. The journal service reads lists, search and
  counts through the same ``listing`` functions, so the app and the commands agree.

``insight`` (with ``insight_queries``) computes what Insight and Home's strip draw;
``demo`` makes the example journal. ``supervision`` records supervision meetings (their
plain-SQL reads in ``supervision_records``, Insight's panel in ``supervision_insight``).
``identity_map`` keeps the clinician's identity map (plain-SQL reads and the domains
counted in reflections in ``identity_records``).
This package may import :mod:`reflect_tui.vault`, :mod:`reflect_tui.prompts`,
:mod:`reflect_tui.core` and :mod:`reflect_tui.export` (the identifier check on who a
meeting was with), never the ui or the cli.

The names below load their module on first use, so importing this package (or
``reflect_tui.journal.reader``) costs nothing until the service is asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect_tui.journal.listing import (
        MATCH_END,
        MATCH_START,
        Counts,
        SearchHit,
        SearchQueryError,
        SessionSummary,
    )
    from reflect_tui.journal.reader import JournalReader, VaultInfo, inspect
    from reflect_tui.journal.service import (
        BackupsKeepOldPassphrase,
        ImportRefused,
        Journal,
        JournalLocked,
        MergeRefused,
        MergeSummary,
        NewerFormat,
        NotAVault,
        NotFound,
        PassphraseUnchanged,
        ReadOnlyJournal,
        SavedAsConflictCopy,
        SaveFailed,
        VaultDamaged,
        VaultError,
        VaultExists,
        VaultInUse,
        VaultMissing,
        WrongPassphrase,
    )

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "BackupsKeepOldPassphrase",
    "Counts",
    "ImportRefused",
    "Journal",
    "JournalLocked",
    "JournalReader",
    "MergeRefused",
    "MergeSummary",
    "NewerFormat",
    "NotAVault",
    "NotFound",
    "PassphraseUnchanged",
    "ReadOnlyJournal",
    "SaveFailed",
    "SavedAsConflictCopy",
    "SearchHit",
    "SearchQueryError",
    "SessionSummary",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultInUse",
    "VaultInfo",
    "VaultMissing",
    "WrongPassphrase",
    "inspect",
]


#: Names whose module never imports SQLAlchemy (the read commands use only these).
_LIGHT = {
    "JournalReader": "reader",
    "VaultInfo": "reader",
    "inspect": "reader",
    "MATCH_END": "listing",
    "MATCH_START": "listing",
    "Counts": "listing",
    "SearchHit": "listing",
    "SearchQueryError": "listing",
    "SessionSummary": "listing",
}


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _LIGHT.get(name, "service")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
