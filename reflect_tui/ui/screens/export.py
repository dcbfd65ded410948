"""Export for supervision: choose what to bring, see it, check it for identifiers, and
write it to a file (mode 0600, never over a file without asking): plaintext, or a sealed
web page whose passphrase is shown once.

The same choices as ``reflect export``, through the same engine (:mod:`reflect_tui.
export`). Reading and checking run in a worker thread, so typing never waits for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from reflect_tui.core import clock, paths
from reflect_tui.core.config import Config
from reflect_tui.export import (
    EXTENSIONS,
    DocumentOptions,
    ExportError,
    Format,
    IdentifierChoice,
    Selection,
    build_export,
    render,
    write_export,
)
from reflect_tui.journal import Journal, VaultError
from reflect_tui.prompts import TOPIC_TITLES, TOPICS, load_library
from reflect_tui.ui.screens.confirm import ConfirmScreen
from reflect_tui.ui.screens.confirm_overwrite import ConfirmOverwriteScreen
from reflect_tui.ui.screens.export_findings import NOT_NAMES, ExportFindingsScreen
from reflect_tui.ui.screens.export_preparing import (
    PREVIEW_LINES,
    Prepared,
    describe,
    prepare_export,
)
from reflect_tui.ui.screens.share_passphrase import SharePassphraseScreen
from reflect_tui.ui.screens.watch_list import WatchListScreen
from reflect_tui.ui.widgets.entry_text import plural
from reflect_tui.ui.widgets.history_filters import DATE_HINT, parse_day

FORMAT_NAMES: dict[Format, str] = {
    "markdown": "Markdown",
    "html": "Web page (HTML)",
    "sealed": "Sealed web page",
    "text": "Plain text",
    "json": "JSON (complete)",
}
#: Wait this long after the last change before reading the journal again.
CHANGE_DELAY = 0.3
#: The From date filled in at first: supervision usually looks back a few weeks.
DEFAULT_WEEKS = 4
PLAINTEXT = "The file is plaintext: keep it as carefully as clinical notes."
SEALED = "A sealed web page opens only with a passphrase, shown once when it is written."


class ExportScreen(Screen[None]):
    """``config`` gives the clinician's name and the default dates; ``folder`` is where
    the file is suggested (default: the home folder)."""

    CSS_PATH = "export.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "write", "Write file", priority=True),
    ]

    def __init__(
        self,
        journal: Journal,
        config: Config | None = None,
        *,
        set_titles: Mapping[str, str] | None = None,
        today: date | None = None,
        folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.journal = journal
        self.config = config or Config()
        self.set_titles = set_titles
        self.today = today or clock.today()
        self.folder = folder or Path.home()
        self.prepared: Prepared | None = None
        #: The clinician's answer to the identifier check (None: not asked yet).
        self.choice: IdentifierChoice | None = None
        self._generation = 0
        self._timer: Timer | None = None
        self._suggested = ""
        self._shown = 0

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.set_titles is None:
            library = load_library()
            self.set_titles = {sid: ls.prompt_set.title for sid, ls in library.sets.items()}
        start = self.journal.preparation_start(self.today, DEFAULT_WEEKS).isoformat()
        sets = [(Text("Any set"), ""), *((Text(t), sid) for sid, t in self.set_titles.items())]
        topics = [("Any topic", ""), *((TOPIC_TITLES[t], t) for t in TOPICS)]
        formats = [(name, fmt) for fmt, name in FORMAT_NAMES.items()]
        dates = [("Each day", "day"), ("Week only", "week")]
        self._suggested = str(self.folder / f"supervision-{self.today.isoformat()}.md")
        yield Static("Export for supervision", id="title", markup=False)
        yield Static(PLAINTEXT, id="plaintext", markup=False)
        with Vertical(id="choices"):
            with Horizontal(classes="row"):
                yield Label("From", classes="label")
                yield self._date_box("from", start)
                yield Label("To", classes="label")
                yield self._date_box("to", "")
                yield Checkbox("Flagged and questions only", id="flagged", compact=True)
            with Horizontal(classes="row"):
                yield Label("Set", classes="label")
                yield Select(sets, id="set", allow_blank=False, value="", compact=True)
                yield Label("Topic", classes="label")
                yield Select(topics, id="topic", allow_blank=False, value="", compact=True)
                yield Label("Tag", classes="label")
                yield Input(placeholder="any tag", id="tag", compact=True)
            with Horizontal(classes="row"):
                yield Label("Format", classes="label")
                yield Select(formats, id="format", allow_blank=False, compact=True)
                yield Label("Dates", classes="label")
                yield Select(
                    dates,
                    id="dates",
                    allow_blank=False,
                    value=self.config.export_dates,
                    compact=True,
                )
            with Horizontal(classes="row"):
                yield Checkbox(
                    "Include what supervision already discussed",
                    id="discussed",
                    compact=True,
                    disabled=True,
                )
                yield Checkbox("Include my identity map", id="with-map", compact=True)
            with Horizontal(classes="row"):
                yield Label("File", classes="label")
                yield Input(self._suggested, id="file", compact=True)
                yield Button("Watch list…", id="watch", compact=True)
                yield Button("Write file", id="write", variant="primary", compact=True)
        yield Static("Reading your journal…", id="summary", markup=False)
        with VerticalScroll(id="preview"):
            yield Static(id="preview-text", markup=False)
        yield Footer(compact=True)

    @staticmethod
    def _date_box(name: str, value: str) -> Input:
        return Input(
            value,
            placeholder="YYYY-MM-DD",
            id=name,
            max_length=10,
            restrict=r"[0-9-]*",
            compact=True,
            classes="date",
        )

    def on_mount(self) -> None:
        self.query_one("#from", Input).focus()
        self.prepare()

    @property
    def ready(self) -> bool:
        """Whether the preview and the check are up to date with the choices."""
        return self.prepared is not None and self._shown == self._generation

    # -- choices -----------------------------------------------------------------

    def selection(self) -> Selection:
        """The selection as chosen; ValueError (one sentence) if it cannot be read."""
        try:
            start = parse_day(self.query_one("#from", Input).value)
            end = parse_day(self.query_one("#to", Input).value)
        except ValueError:
            raise ValueError(DATE_HINT) from None
        set_id = self.query_one("#set", Select).value
        topic = self.query_one("#topic", Select).value
        try:
            return Selection(
                start=start,
                end=end,
                flagged_only=self.query_one("#flagged", Checkbox).value,
                include_discussed=self.query_one("#discussed", Checkbox).value,
                set_id=set_id if isinstance(set_id, str) and set_id else None,
                tag=self.query_one("#tag", Input).value.strip() or None,
                topic=topic if isinstance(topic, str) and topic else None,
            )
        except ValueError:
            raise ValueError("The From date is after the To date.") from None

    @property
    def format(self) -> Format:
        value = self.query_one("#format", Select).value
        return next((fmt for fmt in FORMAT_NAMES if fmt == value), "markdown")

    def options(self) -> DocumentOptions:
        dates = self.query_one("#dates", Select).value
        week = dates == "week" and self.format != "json"  # JSON keeps exact times
        return DocumentOptions(
            clinician_name=self.config.clinician_name, dates="week" if week else "day"
        )

    @on(Input.Changed, "#from, #to, #tag")
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        if isinstance(event, Select.Changed) and event.select.id == "format":
            self._suggest_extension()
            self.query_one("#dates", Select).disabled = self.format == "json"
            note = SEALED if self.format == "sealed" else PLAINTEXT
            self.query_one("#plaintext", Static).update(note)
        if isinstance(event, Checkbox.Changed) and event.checkbox.id == "flagged":
            # Only "flagged" leaves out what a meeting took up: the box means nothing else.
            self.query_one("#discussed", Checkbox).disabled = not event.value
        self.choice = None  # other reflections may hold other identifiers: ask again
        self._generation += 1  # what was prepared no longer matches the choices
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHANGE_DELAY, self.prepare)

    def _suggest_extension(self) -> None:
        """Follow the format with the file name, unless the clinician chose a name."""
        box = self.query_one("#file", Input)
        if box.value != self._suggested:
            return
        self._suggested = str(Path(self._suggested).with_suffix("." + EXTENSIONS[self.format]))
        box.value = self._suggested

    # -- reading, checking and the preview ----------------------------------------

    def prepare(self) -> None:
        summary = self.query_one("#summary", Static)
        try:
            selection = self.selection()
        except ValueError as problem:
            summary.update(str(problem))
            return
        self._generation += 1
        summary.update("Reading your journal…")
        with_map = self.query_one("#with-map", Checkbox).value  # the map's only way out
        self._prepare(
            self._generation, selection, self.format, self.options(), self.choice, with_map
        )

    @work(thread=True, exclusive=True, group="export")
    def _prepare(
        self,
        generation: int,
        selection: Selection,
        fmt: Format,
        options: DocumentOptions,
        choice: IdentifierChoice | None,
        with_map: bool,
    ) -> None:
        try:
            prepared = prepare_export(
                self.journal, selection, fmt, options, choice, with_map=with_map
            )
        except (VaultError, ExportError) as problem:
            self.app.call_from_thread(self._not_prepared, generation, str(problem))
            return
        self.app.call_from_thread(self._prepared, generation, prepared)

    def _not_prepared(self, generation: int, problem: str) -> None:
        if generation == self._generation:
            self.query_one("#summary", Static).update(problem)

    def _prepared(self, generation: int, prepared: Prepared) -> None:
        if generation != self._generation:
            return  # the choices changed meanwhile; a newer preview is on its way
        self.prepared, self._shown = prepared, generation
        plan = prepared.plan
        self.query_one("#summary", Static).update(describe(plan, self.choice))
        text = prepared.preview
        if prepared.lines > PREVIEW_LINES:
            more = prepared.lines - PREVIEW_LINES
            text += f"\n\n… and {plural(more, 'more line')} in the file."
        if not plan.session_count:
            text = "No reflections match these choices. Try a wider date range."
        self.query_one("#preview-text", Static).update(text)

    # -- writing -----------------------------------------------------------------

    def action_write(self) -> None:
        prepared = self.prepared
        if prepared is None or not self.ready:
            self.notify("Still reading your journal; try again in a moment.")
            return
        if not prepared.plan.session_count:
            self.notify("Nothing matches these choices, so there is nothing to write.")
            return
        name = self.query_one("#file", Input).value.strip()
        if not name:
            self.notify("Type the name of the file to write.")
            return
        path = paths.user_path(name)
        if path.is_dir():
            self.notify(f"{path} is a folder; add a file name to it.", severity="warning")
            return
        if prepared.plan.findings and self.choice is None:
            findings = ExportFindingsScreen(prepared.plan.findings)

            def chosen(choice: IdentifierChoice | str | None) -> None:
                if choice == NOT_NAMES:
                    self._confirm_not_names(findings.names)
                elif isinstance(choice, IdentifierChoice):
                    self.choice = choice
                    self.prepare()  # the preview now shows what is written
                    self._confirm_and_write(path)

            self.app.push_screen(findings, chosen)
            return
        self._confirm_and_write(path)

    def _confirm_not_names(self, words: list[str]) -> None:
        """One key must not wave a client's name through: list the words and ask."""

        def decided(yes: bool | None) -> None:
            if yes:
                self._mark_fine(words)

        question = (
            f"Never ask about these again: {', '.join(words)}? Say yes only if none of "
            "them is a person's name (a theorist, a place, an ordinary word)."
        )
        self.app.push_screen(ConfirmScreen(question, yes="Not names", no="Go back"), decided)

    @work(thread=True, group="fine-words")
    def _mark_fine(self, words: list[str]) -> None:
        """The possible names shown are not names: keep them so, and check again."""
        try:
            for word in words:
                self.journal.add_fine_word(word)
        except VaultError as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="error")
            return
        shown = ", ".join(words)
        self.app.call_from_thread(
            self.notify, f"Not asked about again: {shown}. Press Ctrl+S to write.", timeout=8
        )
        self.app.call_from_thread(self.prepare)

    def _confirm_and_write(self, path: Path) -> None:
        if not path.exists():
            self._write(path, self.format, self.options(), force=False)
            return

        def confirmed(replace: bool | None) -> None:
            if replace:
                self._write(path, self.format, self.options(), force=True)

        self.app.push_screen(ConfirmOverwriteScreen(path), confirmed)

    @work(thread=True, group="export-write")
    def _write(self, path: Path, fmt: Format, options: DocumentOptions, *, force: bool) -> None:
        """Build and write the file (in a worker; the choices were read on the UI thread)."""
        prepared = self.prepared
        assert prepared is not None
        plan = prepared.plan
        passphrase = None
        if fmt == "sealed":
            from reflect_tui.export.sealed import new_share_passphrase  # cryptography

            passphrase = new_share_passphrase()
        try:
            document = build_export(plan, self.choice or IdentifierChoice.STOP, options)
            write_export(path, render(document, fmt, passphrase=passphrase), force=force)
        except ExportError as problem:
            self.app.call_from_thread(self.notify, str(problem), severity="error", timeout=10)
            return
        wrote = f"Wrote {plural(plan.answer_count, 'reflection')} to {path}"
        if passphrase is not None:
            self.app.call_from_thread(
                self.app.push_screen, SharePassphraseScreen(passphrase, f"{wrote}, sealed.")
            )
            return
        said = f"{wrote} (only you can read it). {PLAINTEXT}"
        self.app.call_from_thread(self.notify, said, timeout=10)

    # -- the rest ----------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "write":
            self.action_write()
        elif event.button.id == "watch":
            self.action_watch_list()

    def action_watch_list(self) -> None:
        def closed(changed: bool | None) -> None:
            if changed:
                self.prepare()

        self.app.push_screen(WatchListScreen(self.journal), closed)

    def action_back(self) -> None:
        self.dismiss(None)
