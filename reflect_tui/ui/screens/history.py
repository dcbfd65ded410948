"""History: every reflection and supervision meeting, newest first, filtered by dates,
set, topic, tag or flag (meetings show while only dates are chosen).

The list is read one page at a time as the reader scrolls, so it opens at once however
long the journal is. Enter opens a reflection to read, edit, tag, flag or delete, or a
meeting to read, change or delete.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.validation import Function
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from reflect_tui.core.supervision import MeetingRecord
from reflect_tui.journal import Journal, SessionSummary, VaultError
from reflect_tui.prompts import TOPIC_TITLES, TOPICS, load_library
from reflect_tui.ui.screens.session_detail import DELETED, SessionDetailScreen
from reflect_tui.ui.widgets.entry_text import clock, one_line, short_day
from reflect_tui.ui.widgets.history_filters import DATE_HINT, Filters, parse_day, readable_day
from reflect_tui.ui.widgets.history_rows import (
    MEETING_KEY,
    Row,
    meeting_cells,
    row_key,
    timeline,
)
from reflect_tui.ui.widgets.history_table import HistoryTable

PAGE = 100
#: From this many columns on, dates show their time and set titles get more room.
WIDE = 120
#: Wait this long after the last key in the tag box before filtering.
TAG_DELAY = 0.3


class HistoryScreen(Screen[None]):
    """All reflections, newest first. ``set_titles`` maps set ids to titles for the Set
    filter (default: the prompt library's sets)."""

    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("f", "show_filters", "Filter"),
        Binding("c", "clear_filters", "Clear filters"),
    ]

    def __init__(self, journal: Journal, *, set_titles: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.set_titles = None if set_titles is None else dict(set_titles)
        self.filters = Filters()
        self.loaded: list[SessionSummary] = []
        self.meetings: list[MeetingRecord] = []
        #: What the table shows, in order: reflections read so far and their meetings.
        self.rows: list[Row] = []
        self.exhausted = False
        self._tag_timer: Timer | None = None
        self._wide = False
        self._widths: tuple[int, ...] = ()

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("History", id="title", markup=False)
        yield Static(id="summary", markup=False)
        yield Vertical(id="filters")
        yield Static(id="hint", markup=False)
        yield HistoryTable(id="sessions")
        yield Static(id="empty", markup=False)
        yield Footer(compact=True)

    def _filter_rows(self) -> list[Horizontal]:
        """The filter boxes, made the first time they are asked for (so the list opens
        sooner)."""
        if self.set_titles is None:
            library = load_library()
            self.set_titles = {sid: ls.prompt_set.title for sid, ls in library.sets.items()}
        sets = [(Text("Any set"), ""), *((Text(t), sid) for sid, t in self.set_titles.items())]
        topics = [("Any topic", ""), *((TOPIC_TITLES[t], t) for t in TOPICS)]
        return [
            Horizontal(
                Label("From", classes="filter-label"),
                self._date_input("from"),
                Label("To", classes="filter-label"),
                self._date_input("to"),
                Checkbox("Flagged only", id="flagged", compact=True),
                classes="filter-row",
            ),
            Horizontal(
                Label("Set", classes="filter-label"),
                Select(sets, id="set", allow_blank=False, value="", compact=True),
                Label("Topic", classes="filter-label"),
                Select(topics, id="topic", allow_blank=False, value="", compact=True),
                Label("Tag", classes="filter-label"),
                Input(placeholder="any tag", id="tag", compact=True),
                classes="filter-row",
            ),
        ]

    @staticmethod
    def _date_input(name: str) -> Input:
        return Input(
            placeholder="YYYY-MM-DD",
            id=name,
            max_length=10,
            restrict=r"[0-9-]*",
            validators=[Function(readable_day, DATE_HINT)],
            valid_empty=True,
            compact=True,
            classes="date",
        )

    @property
    def table(self) -> HistoryTable:
        return self.query_one(HistoryTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()

    def on_resize(self) -> None:
        if self._column_widths() != self._widths:
            self._build_columns()

    # -- rows --------------------------------------------------------------------

    def _column_widths(self) -> tuple[int, ...]:
        """Date, set, flag, answers, first words: the first words take what is left."""
        width = self.size.width
        wide = width >= WIDE
        day_width = 22 if wide else 15
        set_width = 24 if wide else 14
        fixed = day_width + set_width + 4 + 7 + 2 * 5 + 2  # columns, their padding, scrollbar
        return (day_width, set_width, 4, 7, max(12, width - fixed))

    def _build_columns(self) -> None:
        """Lay the table out for the screen's width and add the rows read so far."""
        table = self.table
        self._widths = self._column_widths()
        self._wide = self.size.width >= WIDE
        table.clear(columns=True)
        labels = ("Date", "Set", "Flag", "Answers", "First words")
        for label, width in zip(labels, self._widths, strict=True):
            table.add_column(label, width=width)
        for row in self.rows:
            self._add_row(row)

    def _cells(self, s: SessionSummary) -> list[object]:
        day = short_day(s.started, s.utc_offset)
        day += f", {clock(s.started, s.utc_offset)}" if self._wide else ""
        set_title = Text(s.set_title, no_wrap=True, overflow="ellipsis")
        flagged = Text("⚑", style="bold yellow") if s.flagged or s.flagged_answers else ""
        words = Text(no_wrap=True, overflow="ellipsis")
        if not s.finished:
            words.append("Unfinished: ", style="italic")
        words.append(one_line(s.first_words))
        return [day, set_title, flagged, Text(str(s.answer_count), justify="right"), words]

    def _add_row(self, row: Row) -> None:
        cells = meeting_cells(row) if isinstance(row, MeetingRecord) else self._cells(row)
        self.table.add_row(*cells, key=row_key(row))

    def _extend_rows(self) -> None:
        """Add to the table what the reflections read so far bring in (rows only grow at
        the end, see :func:`timeline`)."""
        rows = timeline(self.loaded, self.meetings, self.exhausted)
        for row in rows[len(self.rows) :]:
            self._add_row(row)
        self.rows = rows

    def reload(self, *, keep_cursor: bool = False) -> None:
        """Read the list again from the top (as many rows as were shown, at least a page)."""
        row = self.table.cursor_row if keep_cursor else 0
        wanted = max(PAGE, len(self.loaded)) if keep_cursor else PAGE
        f = self.filters
        try:
            rows = self.journal.list_sessions(**f.query(), limit=wanted)
            self.meetings = self.journal.meetings(f.start, f.end) if f.shows_meetings else []
        except VaultError as error:
            self.notify(str(error), severity="error")
            return
        self.loaded = rows
        self.exhausted = len(rows) < wanted
        self.rows = timeline(self.loaded, self.meetings, self.exhausted)
        self._build_columns()
        if self.rows:
            self.table.move_cursor(row=min(row, len(self.rows) - 1), animate=False)
        self._show_empty()
        self._show_summary()

    def load_more(self) -> None:
        if self.exhausted:
            return
        try:
            rows = self.journal.list_sessions(
                **self.filters.query(), limit=PAGE, offset=len(self.loaded)
            )
        except VaultError as error:
            self.notify(str(error), severity="error")
            return
        self.exhausted = len(rows) < PAGE
        self.loaded.extend(rows)
        self._extend_rows()

    def _show_summary(self) -> None:
        f = self.filters
        if not f.active:
            text = (
                "Newest first, with supervision meetings. "
                "Press f to filter by dates, set, topic, tag or flag."
            )
        else:
            parts = []
            if f.start:
                parts.append(f"from {f.start.isoformat()}")
            if f.end:
                parts.append(f"to {f.end.isoformat()}")
            if f.set_id:
                parts.append((self.set_titles or {}).get(f.set_id, f.set_id))
            if f.topic:
                parts.append(TOPIC_TITLES.get(f.topic, f.topic))
            if f.tag:
                parts.append(f"tag #{f.tag.lstrip('#@').lower()}")
            if f.flagged:
                parts.append("flagged for supervision")
            text = "Only " + ", ".join(parts) + ". Press c to show all."
        self.query_one("#summary", Static).update(text)

    def _show_empty(self) -> None:
        empty = self.query_one("#empty", Static)
        if self.rows:
            empty.display = False
            return
        empty.display = True
        empty.update(
            "No reflections match these filters. Press c to clear them."
            if self.filters.active
            else "No reflections yet. Start one from Home; it will be listed here."
        )

    @on(HistoryTable.NearEnd)
    def _near_end(self) -> None:
        if self.table.is_near_end():
            self.load_more()

    @on(HistoryTable.RowSelected)
    def _open(self, event: HistoryTable.RowSelected) -> None:
        key = event.row_key.value
        if key is None:
            return
        if key.startswith(MEETING_KEY):
            self._open_meeting(key)
            return
        session_id = int(key)

        def closed(result: str | None) -> None:
            if result == DELETED:
                self.loaded = [s for s in self.loaded if s.id != session_id]
                self._remove_row(key)
            elif result is not None:
                self.reload(keep_cursor=True)

        self.app.push_screen(SessionDetailScreen(self.journal, session_id), closed)

    def _remove_row(self, key: str) -> None:
        self.rows = [r for r in self.rows if row_key(r) != key]
        if key in {k.value for k in self.table.rows}:
            self.table.remove_row(key)
        self._show_empty()

    def _open_meeting(self, key: str) -> None:
        from reflect_tui.ui.screens.meeting_detail import MeetingDetailScreen

        meeting_id = int(key.removeprefix(MEETING_KEY))

        def closed(result: str | None) -> None:
            if result == DELETED:
                self.meetings = [m for m in self.meetings if m.id != meeting_id]
                self._remove_row(key)
            elif result is not None:
                self.reload(keep_cursor=True)

        self.app.push_screen(MeetingDetailScreen(self.journal, meeting_id), closed)

    # -- filters -----------------------------------------------------------------

    def _read_filters(self) -> Filters | None:
        """The filters as typed, or None (with a hint shown) while a date is unreadable."""
        hint = self.query_one("#hint", Static)
        try:
            start = parse_day(self.query_one("#from", Input).value)
            end = parse_day(self.query_one("#to", Input).value)
        except ValueError:
            hint.update(DATE_HINT)
            return None
        if start and end and start > end:
            hint.update("The From date is after the To date.")
            return None
        hint.update("")
        set_id = self.query_one("#set", Select).value
        topic = self.query_one("#topic", Select).value
        tag = self.query_one("#tag", Input).value.strip()
        return Filters(
            start=start,
            end=end,
            set_id=set_id if isinstance(set_id, str) and set_id else None,
            topic=topic if isinstance(topic, str) and topic else None,
            tag=tag or None,
            flagged=self.query_one("#flagged", Checkbox).value,
        )

    def apply_filters(self) -> None:
        filters = self._read_filters()
        if filters is None or filters == self.filters:
            return
        self.filters = filters
        self.refresh_bindings()
        self.reload()

    @on(Input.Changed, ".date")
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _filter_changed(self) -> None:
        self.apply_filters()

    @on(Input.Changed, "#tag")
    def _tag_changed(self) -> None:
        if self._tag_timer is not None:
            self._tag_timer.stop()
        self._tag_timer = self.set_timer(TAG_DELAY, self.apply_filters)

    @on(Input.Submitted)
    def _filter_submitted(self) -> None:
        self.apply_filters()
        self.table.focus()

    @property
    def filters_shown(self) -> bool:
        return bool(self.query_one("#filters").children)

    async def action_show_filters(self) -> None:
        panel = self.query_one("#filters")
        if not self.filters_shown:
            await panel.mount_all(self._filter_rows())
        panel.display = True
        self.query_one("#from", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_filters":
            return self.filters.active  # offered only while filtering
        return True

    def action_clear_filters(self) -> None:
        if self.filters_shown:
            with self.prevent(Input.Changed, Select.Changed, Checkbox.Changed):
                for name in ("#from", "#to", "#tag"):
                    self.query_one(name, Input).value = ""
                self.query_one("#set", Select).value = ""
                self.query_one("#topic", Select).value = ""
                self.query_one("#flagged", Checkbox).value = False
        self.filters = Filters()
        self.query_one("#hint", Static).update("")
        self.refresh_bindings()
        self.reload()
        self.table.focus()

    def action_back(self) -> None:
        """From the filters back to the list (hiding them); from the list, leave."""
        if self.focused is not None and self.focused is not self.table:
            self.query_one("#filters").display = False
            self.table.focus()
            return
        self.dismiss(None)
