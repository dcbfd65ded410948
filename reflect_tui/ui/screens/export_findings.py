"""What the identifier check found in an export, and the choice: replace them with
labels, keep them as written, or go back without writing."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from reflect_tui.export import IdentifierChoice, Kind, RecordFinding
from reflect_tui.ui.widgets.entry_text import one_line, plural


def excerpt_text(finding: RecordFinding) -> Text:
    """The text around a finding, the finding itself (already masked) in bold."""
    start, end = finding.focus
    excerpt = finding.excerpt
    text = Text(one_line(excerpt[:start]) + " " if start else "", no_wrap=True)
    text.append(excerpt[start:end], style="bold reverse")
    text.append(" " + one_line(excerpt[end:]) if end < len(excerpt) else "")
    return text


#: What the screen dismisses with when the clinician says the possible names are not.
NOT_NAMES = "not-names"


class ExportFindingsScreen(ModalScreen[IdentifierChoice | str | None]):
    """Dismisses with REDACT or ALLOW, NOT_NAMES (mark the possible names shown as fine,
    then check again), or None to go back without writing anything."""

    CSS_PATH = "export_findings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('redact')", "Replace with labels"),
        Binding("k", "choose('allow')", "Keep as written"),
        Binding("n", "choose('not-names')", "Not names"),
        Binding("escape", "choose('')", "Go back"),
    ]

    def __init__(self, findings: Sequence[RecordFinding]) -> None:
        super().__init__()
        self.findings = list(findings)
        self.names = sorted({f.word for f in self.findings if f.kind is Kind.NAME and f.word})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == (NOT_NAMES,):
            return bool(self.names)
        return True

    def compose(self) -> ComposeResult:
        count = len(self.findings)
        with Vertical(id="dialog"):
            yield Static(
                f"{plural(count, 'possible identifier')} in this export", id="title", markup=False
            )
            yield Static(
                "Names, street addresses, phone numbers, e-mail and web addresses, exact "
                "dates, long numbers, postal codes and words on your watch list could "
                "point to a client. Possible names are shown as written, so you can judge "
                "them. Nothing has been written yet.",
                id="explain",
                markup=False,
            )
            table: DataTable[object] = DataTable(id="findings", cursor_type="row")
            yield table
            with Horizontal(id="buttons"):
                yield Button("Go back", id="back", compact=True)
                yield Button("Keep as written (k)", id="allow", compact=True)
                if self.names:
                    yield Button("Not names (n)", id=NOT_NAMES, compact=True)
                yield Button(
                    "Replace with labels (r)", id="redact", variant="primary", compact=True
                )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Where", "What", "Text around it")
        for finding in self.findings:
            day = finding.day.isoformat() if finding.day else ""
            table.add_row(day, finding.where, finding.kind.value, excerpt_text(finding))
        self.query_one("#redact", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose("" if event.button.id == "back" else str(event.button.id))

    def action_choose(self, choice: str) -> None:
        if choice == NOT_NAMES:
            self.dismiss(NOT_NAMES)
            return
        self.dismiss(IdentifierChoice(choice) if choice else None)
