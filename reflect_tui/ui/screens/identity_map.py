"""My identity map: the clinician's own identities across Hays' ADDRESSING domains, in
their own words, kept over time (opened from Home, key m, and the palette).

Each save is a new version; earlier ones are kept. When there is one, what was written
last time is shown beside each box, and the clinician is asked what has changed in how
they see it. Nothing is saved until Ctrl+S, so Ctrl+Q and Esc ask first once anything
was changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Footer, Input, Select, Static, TextArea

from reflect_tui.core.identity import (
    DOMAINS,
    DomainEntry,
    IdentityMap,
    IdentityProblem,
    compare_lines,
    entry_words,
)

if TYPE_CHECKING:
    from reflect_tui.journal import Journal

EXPLAIN = (
    "For you alone: never exported unless you tick the box on Export. Cultural humility "
    "starts with looking at yourself, again and again: who you are shapes what you "
    "notice and how clients see you. For each of Hays' ADDRESSING domains, describe "
    "yourself in your own words, say whether it tends to bring you privilege or "
    "marginalisation at work, and whether clients can see or hear it. Any domain can "
    "stay empty."
)
STANCE_CHOICES = (
    ("Brings: —", ""),
    ("Brings: privilege", "privilege"),
    ("Brings: marginalisation", "marginalisation"),
    ("Brings: both", "both"),
    ("Brings: neither", "neither"),
    ("Brings: not sure", "unsure"),
)
VISIBLE_CHOICES = (
    ("Visible: —", ""),
    ("Visible: usually", "yes"),
    ("Visible: sometimes", "sometimes"),
    ("Visible: usually not", "no"),
)
SALIENT_LABEL = "Often in my work"


class IdentityMapScreen(Screen[None]):
    """The map's form; Ctrl+S saves a new version, Esc leaves (asking if changed)."""

    CSS_PATH = "identity_map.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save a new version", priority=True),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.maps: list[IdentityMap] = journal.identity_maps()
        self.last = self.maps[-1] if self.maps else None
        self._saving = False
        self._shown: list[DomainEntry] = []

    def compose(self) -> ComposeResult:
        last = self.last
        title = "My identity map"
        if last is not None:
            title += f" · reviewing version {last.number} of {last.day.isoformat()}"
        yield Static(title, id="title", markup=False)
        with VerticalScroll(id="form"):
            yield Static(EXPLAIN, id="explain", markup=False)
            for domain in DOMAINS:
                entry = last.entry(domain.key) if last else DomainEntry(domain.key)
                heading = Content.from_markup(
                    "[b]$name[/]  [dim]$question[/]", name=domain.name, question=domain.question
                )
                yield Static(heading, classes="domain", markup=False)
                with Horizontal(classes="words"):
                    yield Input(
                        entry.description,
                        placeholder="In your own words (optional)",
                        id=f"{domain.key}-words",
                        compact=True,
                    )
                    if last is not None:
                        then = entry_words(entry) if not entry.empty else "(empty)"
                        yield Static(f"Last time: {then}", classes="then", markup=False)
                with Horizontal(classes="marks"):
                    yield Select(
                        STANCE_CHOICES,
                        value=entry.stance,
                        allow_blank=False,
                        id=f"{domain.key}-stance",
                        compact=True,
                    )
                    yield Select(
                        VISIBLE_CHOICES,
                        value=entry.visible,
                        allow_blank=False,
                        id=f"{domain.key}-visible",
                        classes="visible",
                        compact=True,
                    )
                    yield Checkbox(
                        SALIENT_LABEL,
                        entry.salient,
                        id=f"{domain.key}-salient",
                        compact=True,
                    )
            ask = "What has changed in how you see it?" if last else "Anything to note (optional)"
            yield Static(ask, classes="heading", markup=False)
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
            if len(self.maps) > 1:
                with Horizontal(id="compare-row"):
                    yield Static("Compare the latest with", classes="label", markup=False)
                    yield Select(
                        [
                            (f"version {m.number} ({m.day.isoformat()})", m.number)
                            for m in reversed(self.maps[:-1])
                        ],
                        value=self.maps[-2].number,
                        allow_blank=False,
                        id="compare-with",
                        compact=True,
                    )
                yield Static(self._compared(self.maps[-2].number), id="compare", markup=False)
            yield Static(self._versions_line(), id="versions", markup=False)
            yield Static("", id="problem", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Back (Esc)", id="back")
                yield Button("Save a new version (Ctrl+S)", id="save", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._shown = self._entries()
        self.query_one(f"#{DOMAINS[0].key}-words", Input).focus()

    def _compared(self, number: int) -> str:
        return "\n".join(compare_lines(self.maps[number - 1], self.maps[-1]))

    @on(Select.Changed, "#compare-with")
    def _compare(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self.query_one("#compare", Static).update(self._compared(event.value))

    def _versions_line(self) -> str:
        if not self.maps:
            return "Not saved yet. Each save keeps a version; earlier ones are never changed."
        saved = ", ".join(f"{m.number} ({m.day.isoformat()})" for m in self.maps)
        said = f"Saved versions: {saved}."
        if len(self.maps) > 1:
            said += " Any two at a terminal: reflect identity show --compare A B."
        return said

    # -- what was typed -------------------------------------------------------------

    def _entries(self) -> list[DomainEntry]:
        return [
            DomainEntry(
                domain.key,
                self.query_one(f"#{domain.key}-words", Input).value.strip(),
                str(self.query_one(f"#{domain.key}-stance", Select).value),
                str(self.query_one(f"#{domain.key}-visible", Select).value),
                self.query_one(f"#{domain.key}-salient", Checkbox).value,
            )
            for domain in DOMAINS
        ]

    def _changed(self) -> bool:
        note = self.query_one("#note", TextArea).text.strip()
        return bool(note) or self._entries() != self._shown

    def holds_unsaved_text(self) -> bool:
        """Asked by the app before it quits: the map is saved only with Ctrl+S."""
        return self._changed() and not self._saving

    # -- acting -----------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        self._saving = True
        self.query_one("#problem", Static).update("Saving…")
        self._store(self._entries(), self.query_one("#note", TextArea).text.strip())

    @work(thread=True, group="identity-map", exclusive=True)
    def _store(self, entries: list[DomainEntry], note: str) -> None:
        from reflect_tui.journal import SavedAsConflictCopy, SaveFailed, VaultError

        kept = ""
        try:
            self.journal.save_identity_map(entries, note)
        except (SaveFailed, SavedAsConflictCopy) as problem:
            kept = str(problem)  # the version is kept in memory (or beside): not twice
        except (VaultError, IdentityProblem) as problem:
            self.app.call_from_thread(self._not_stored, str(problem))
            return
        try:
            number = len(self.journal.identity_maps())
        except VaultError:
            number = 0
        self.app.call_from_thread(self._stored, number, kept)

    def _not_stored(self, sentence: str) -> None:
        self._saving = False
        self.query_one("#problem", Static).update(sentence + " What you typed is still here.")

    def _stored(self, number: int, problem: str = "") -> None:
        if problem:
            self.app.notify(problem, severity="warning", timeout=15)
        else:
            self.app.notify(
                f"Saved version {number} of your identity map. Earlier versions are kept.",
                timeout=5,
            )
        self.dismiss()

    @on(Button.Pressed, "#back")
    def action_leave(self) -> None:
        if self._saving:
            return
        if not self._changed():
            self.dismiss()
            return
        from reflect_tui.ui.screens.confirm import leave_asking

        leave_asking(self, "Leave without saving your map? The changes you made here are not kept.")
