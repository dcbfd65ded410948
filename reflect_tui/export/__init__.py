"""Export for supervision, and import: records in, documents and records out.

Depends only on :mod:`reflect_tui.core.records` (and the standard library and pydantic), so
the CLI and the Export screen can share it and it can be tested without a vault::

    plan = plan_export(journal.records(), journal.action_records(), Selection(...),
                       watch_words=journal.watch_words())
    plan.findings                      # show them; ask: redact or allow?
    document = build_export(plan, IdentifierChoice.REDACT, DocumentOptions(...))
    text = render(document, "markdown")

The names below load their module on first use, so a command that needs a constant
(``reflect export``'s formats and topics) does not pay for the identifier check.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect_tui.export.document import (
        ActionLine,
        AgendaItem,
        DateMode,
        DocumentOptions,
        Reflection,
        SupervisionDocument,
        ThemeSection,
        actions_to_show,
        build_document,
    )
    from reflect_tui.export.errors import ExportError, ImportRefused
    from reflect_tui.export.formats import EXTENSIONS, FORMATS, Format
    from reflect_tui.export.identifiers import Finding, Kind, Scanner, find_identifiers, redact
    from reflect_tui.export.importing import (
        ImportedFile,
        read_import,
        read_import_file,
        split_duplicates,
    )
    from reflect_tui.export.jrnl import records_from_jrnl
    from reflect_tui.export.json_format import records_from_json
    from reflect_tui.export.output import OutputExists, OutputFailed, write_export
    from reflect_tui.export.plan import (
        ExportPlan,
        IdentifierChoice,
        IdentifiersFound,
        build_export,
        plan_export,
    )
    from reflect_tui.export.rendering import render
    from reflect_tui.export.scan import (
        CheckStatus,
        IdentifierCheck,
        KnownSpans,
        RecordFinding,
        redact_records,
        scan_records,
    )
    from reflect_tui.export.selection import Selection, select
    from reflect_tui.export.themes import THEMES, Theme

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "THEMES",
    "ActionLine",
    "AgendaItem",
    "CheckStatus",
    "DateMode",
    "DocumentOptions",
    "ExportError",
    "ExportPlan",
    "Finding",
    "Format",
    "IdentifierCheck",
    "IdentifierChoice",
    "IdentifiersFound",
    "ImportRefused",
    "ImportedFile",
    "Kind",
    "KnownSpans",
    "OutputExists",
    "OutputFailed",
    "RecordFinding",
    "Reflection",
    "Scanner",
    "Selection",
    "SupervisionDocument",
    "Theme",
    "ThemeSection",
    "actions_to_show",
    "build_document",
    "build_export",
    "find_identifiers",
    "plan_export",
    "read_import",
    "read_import_file",
    "records_from_jrnl",
    "records_from_json",
    "redact",
    "redact_records",
    "render",
    "scan_records",
    "select",
    "split_duplicates",
    "write_export",
]

#: The names above, by the module of this package each comes from.
_NAMES = {
    "document": "ActionLine AgendaItem DateMode DocumentOptions Reflection SupervisionDocument"
    " ThemeSection actions_to_show build_document",
    "errors": "ExportError ImportRefused",
    "formats": "EXTENSIONS FORMATS Format",
    "identifiers": "Finding Kind Scanner find_identifiers redact",
    "importing": "ImportedFile read_import read_import_file split_duplicates",
    "jrnl": "records_from_jrnl",
    "json_format": "records_from_json",
    "output": "OutputExists OutputFailed write_export",
    "plan": "ExportPlan IdentifierChoice IdentifiersFound build_export plan_export",
    "rendering": "render",
    "scan": "CheckStatus IdentifierCheck KnownSpans RecordFinding redact_records scan_records",
    "selection": "Selection select",
    "themes": "THEMES Theme",
}
_MODULE_OF = {name: module for module, names in _NAMES.items() for name in names.split()}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
