"""What the Export screen shows for a set of choices: the plan, the preview, the summary.

Plain functions over the journal, run in the screen's worker thread (no Textual here).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import timedelta

from reflect_tui.export import (
    DocumentOptions,
    ExportPlan,
    Format,
    IdentifierChoice,
    Selection,
    build_export,
    plan_export,
    render,
)
from reflect_tui.journal import Journal, VaultError
from reflect_tui.ui.widgets.entry_text import plural

#: Lines of the document shown in the preview; the file holds all of it.
PREVIEW_LINES = 300


@dataclass(frozen=True)
class Prepared:
    """What a worker prepared for one set of choices."""

    plan: ExportPlan
    preview: str
    lines: int


def prepare_export(
    journal: Journal,
    selection: Selection,
    fmt: Format,
    options: DocumentOptions,
    choice: IdentifierChoice | None,
    *,
    with_map: bool = False,
) -> Prepared:
    """Read, check and render for the preview (VaultError or ExportError if it cannot);
    the identity map only ``with_map`` (the screen's box)."""
    # One day of slack each side: the selection then compares local dates exactly.
    start = selection.start - timedelta(days=1) if selection.start else None
    end = selection.end + timedelta(days=1) if selection.end else None
    known = journal.known_spans()
    plan = plan_export(
        journal.records(start, end),
        journal.action_records(),
        selection,
        watch_words=journal.watch_words(),
        fine_words=journal.fine_words(),
        last_meeting=journal.last_meeting(selection.end),
        identity_map=journal.latest_identity_map() if with_map else None,
        known=known,
    )
    # Until the clinician chooses, the preview shows identifiers replaced.
    document = build_export(plan, choice or IdentifierChoice.REDACT, options)
    # What the check had to scan is kept, so the next export (here or `reflect export`)
    # need not scan it again. Only a cache: a save that fails now is retried with the
    # next one, and the export goes on.
    with contextlib.suppress(VaultError):
        journal.keep_findings(known)
    # A sealed page shows nothing until opened: preview what it holds, as text.
    lines = render(document, "text" if fmt == "sealed" else fmt).splitlines()
    return Prepared(plan, "\n".join(lines[:PREVIEW_LINES]), len(lines))


def describe(plan: ExportPlan, choice: IdentifierChoice | None) -> str:
    """The line above the preview: how much, and what the identifier check found."""
    if not plan.session_count:
        return "Nothing matches."
    said = (
        f"{plural(plan.answer_count, 'reflection')} from {plural(plan.session_count, 'session')}."
    )
    found = len(plan.findings)
    if not found:
        return said + " No identifiers found."
    found_text = plural(found, "possible identifier")
    if choice is IdentifierChoice.ALLOW:
        return f"{said} {found_text}: you chose to keep them as written."
    if choice is IdentifierChoice.REDACT:
        return f"{said} {found_text}: you chose to replace them with labels."
    return f"{said} {found_text}, shown replaced here; you choose when you write."
