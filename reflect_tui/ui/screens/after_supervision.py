"""After supervision: record a meeting while it is fresh (opened from Home and the
palette), or change one recorded before (from its page in History).

What the clinician brought, took away and will do, in their own words; each "will do"
line becomes an open action on Home. What they prepared and have not discussed yet is
listed to tick: what was ticked is marked "taken to supervision" and is no longer
brought to the next preparation. Whatever cannot be taken (minutes that are not a
number, a date in the future, a name in "with", an empty meeting) is said in one
sentence under the form, and every field keeps what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Select,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.selection_list import Selection

from reflect_tui.core.supervision import (
    FORMATS,
    FUNCTIONS,
    MeetingInput,
    MeetingProblem,
    MeetingRecord,
    checked_input,
    parse_day,
)
from reflect_tui.journal.supervision_records import MOST_PREPARED
from reflect_tui.ui.host import host

if TYPE_CHECKING:
    from reflect_tui.core.config import Config
    from reflect_tui.journal import Journal

#: The widget of each part of a meeting, by its key (see reflect_tui.core.supervision.KEYS).
WIDGETS = {
    "date": "#date",
    "minutes": "#minutes",
    "format": "#format",
    "with": "#with",
    "brought": "#brought",
    "functions": "#normative",
}
#: The text areas: (id, label, hint shown while empty).
TEXTS = (
    ("brought", "What I brought", "The case, the question, the feeling you took in"),
    ("took-away", "What I took away", "What shifted, what you understood"),
    ("will-do", "What I will do (one action a line)", "Each line waits on Home as an action"),
)


class AfterSupervisionScreen(Screen[None]):
    """The form; Ctrl+S saves, Esc leaves (asking first when something was typed)."""

    CSS_PATH = "after_supervision.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save meeting", priority=True),
        Binding("escape", "leave", "Back"),
    ]

    def __init__(
        self, journal: Journal, config: Config, meeting: MeetingRecord | None = None
    ) -> None:
        super().__init__()
        self.journal = journal
        self.config = config
        #: The meeting being changed (None: a new one).
        self.meeting = meeting
        self._saving = False
        self._prepared_for: object = None
        #: What the clinician ticked, listed now or hidden by the date (answer ids).
        self._ticked: set[int] = set()
        self._as_first_shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        today = host(self.app).today().isoformat()
        title = "After supervision"
        if meeting is not None:
            title = f"Supervision meeting of {meeting.day.isoformat()}: change it"
        yield Static(title, id="title", markup=False)
        with VerticalScroll(id="form"):
            yield Static(
                "A few lines while it is fresh. Only the minutes and one of the texts "
                "are needed; who it was with is a role or initials, never a name.",
                id="explain",
                markup=False,
            )
            with Horizontal(id="when"):
                yield Static("Date", classes="label", markup=False)
                yield Input(today, placeholder="YYYY-MM-DD", id="date")
                yield Static("Minutes", classes="label", markup=False)
                yield Input(placeholder="e.g. 60", id="minutes")
                yield Select(
                    [(f.capitalize(), f) for f in FORMATS],
                    value="individual",
                    allow_blank=False,
                    id="format",
                )
            with Horizontal(classes="row"):
                yield Static("With", classes="label", markup=False)
                yield Input(placeholder="clinical lead, JM, peer group", id="with")
            for id_, label, hint in TEXTS:
                yield Static(label, classes="heading", markup=False)
                yield TextArea(id=id_, placeholder=hint, soft_wrap=True, show_line_numbers=False)
            yield Static(
                "What you prepared that it took up (Space ticks)", classes="heading", markup=False
            )
            yield SelectionList[int](id="discussed")
            yield Static("", id="prepared-none", markup=False)
            yield Static("Functions it served (optional)", classes="heading", markup=False)
            with Horizontal(id="functions"):
                for function in FUNCTIONS:
                    yield Checkbox(function.capitalize(), id=function)
            with Horizontal(classes="row"):
                yield Static("Summary", classes="label", markup=False)
                yield Input(placeholder="one line for the log", id="summary")
            yield Static("", id="problem", markup=False)
            with Horizontal(id="buttons"):
                yield Button("Back (Esc)", id="back")
                yield Button("Save meeting (Ctrl+S)", id="save", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.meeting is not None:
            self._fill(self.meeting)
        self._show_prepared()
        self._as_first_shown = self._values()
        self.query_one("#minutes", Input).focus()

    def _fill(self, meeting: MeetingRecord) -> None:
        for id_, value in (
            ("date", meeting.day.isoformat()),
            ("minutes", str(meeting.minutes)),
            ("with", meeting.who),
            ("summary", meeting.summary),
        ):
            self.query_one(f"#{id_}", Input).value = value
        self.query_one("#format", Select).value = meeting.format
        for id_, text in (
            ("brought", meeting.brought),
            ("took-away", meeting.took_away),
            ("will-do", "\n".join(action.text for action in meeting.actions)),
        ):
            self.query_one(f"#{id_}", TextArea).text = text
        for function in FUNCTIONS:
            self.query_one(f"#{function}", Checkbox).value = function in meeting.functions

    # -- what was prepared ----------------------------------------------------------

    @on(Input.Changed, "#date")
    def _date_changed(self) -> None:
        self._show_prepared()

    def _show_prepared(self) -> None:
        """List what was prepared up to the meeting's date and is still waiting; an
        unreadable date keeps the list as it is. Ticks are remembered across a change
        of date, for items a date typed part-way hides too (only what is listed when
        the meeting is saved is marked)."""
        try:
            day = parse_day(self.query_one("#date", Input).value, host(self.app).today())
        except MeetingProblem:
            return
        if day == self._prepared_for:
            return
        first = self._prepared_for is None
        self._prepared_for = day
        listing = self.query_one("#discussed", SelectionList)
        shown = {listing.get_option_at_index(n).value for n in range(listing.option_count)}
        self._ticked = (self._ticked - shown) | set(listing.selected)
        meeting_id = self.meeting.id if self.meeting is not None else None
        items = self.journal.prepared_items(day, meeting_id)
        if first:  # a meeting being changed: what it took up, ticked
            self._ticked = {item.answer_id for item in items if item.discussed}
        listing.clear_options()
        listing.add_options(
            Selection(
                Content(f"{item.day:%d %b}  {item.opening}  · {item.prompt}"),  # never markup
                item.answer_id,
                item.answer_id in self._ticked,
            )
            for item in items
        )
        listing.display = bool(items)
        if items:
            listing.highlighted = 0  # so Space ticks the first at once, without an arrow first
        listed = sum(1 for item in items if not item.discussed)
        waiting = self.journal.waiting_count(day) if listed >= MOST_PREPARED else listed
        note = ""
        if not items:
            note = (
                "Nothing flagged for supervision is waiting: flag answers in History or "
                "while you write, and they are listed here."
            )
        elif waiting > listed:
            note = f"Listed: the newest {listed} of the {waiting} waiting."
        self.query_one("#prepared-none", Static).update(note)

    # -- what was typed -------------------------------------------------------------

    def _values(self) -> dict[str, str]:
        values = {
            key: self.query_one(f"#{id_}", Input).value
            for key, id_ in (("date", "date"), ("minutes", "minutes"), ("with", "with"))
        }
        values["summary"] = self.query_one("#summary", Input).value
        values["format"] = str(self.query_one("#format", Select).value)
        for (id_, _, _), key in zip(TEXTS, ("brought", "took away", "will do"), strict=True):
            values[key] = self.query_one(f"#{id_}", TextArea).text
        values["functions"] = " ".join(
            f for f in FUNCTIONS if self.query_one(f"#{f}", Checkbox).value
        )
        values["discussed"] = " ".join(str(i) for i in sorted(self._discussed()))
        return values

    def holds_unsaved_text(self) -> bool:
        """Asked by the app before it quits: a meeting is saved only with Ctrl+S."""
        return self._typed() and not self._saving

    def _typed(self) -> bool:
        """Whether leaving loses something: anything typed in a new meeting, any change
        to one recorded before."""
        if self.meeting is not None:
            return self._values() != self._as_first_shown
        values = self._values()
        values.pop("date"), values.pop("format")
        return any(v.strip() for v in values.values())

    def _discussed(self) -> list[int]:
        return list(self.query_one("#discussed", SelectionList).selected)

    def _say(self, sentence: str, field: str = "") -> None:
        """The sentence under the form and, when it is about one part, that part focused
        and the sentence shown above everything (the form may be scrolled away from it)."""
        self.query_one("#problem", Static).update(sentence)
        if field in WIDGETS:
            self.query_one(WIDGETS[field]).focus()
            self.notify(sentence, severity="warning", timeout=8)

    # -- acting -----------------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._saving:
            return
        try:
            meeting = checked_input(self._values(), host(self.app).today())
            self.journal.check_who(meeting.who)
        except MeetingProblem as problem:
            sentence = str(problem).replace("nothing was saved", "nothing is lost: change it")
            self._say(sentence, problem.field)
            return
        self._saving = True
        self._say("Saving…")
        self._store(meeting, self._discussed())

    @work(thread=True, group="supervision", exclusive=True)
    def _store(self, meeting: MeetingInput, discussed: list[int]) -> None:
        from reflect_tui.journal import SavedAsConflictCopy, SaveFailed, VaultError

        share = self.config.group_supervision_share
        kept = ""
        try:
            if self.meeting is not None and self.meeting.id is not None:
                self.journal.edit_meeting(
                    self.meeting.id, meeting, group_share=share, discussed=discussed
                )
            else:
                self.journal.add_meeting(meeting, group_share=share, discussed=discussed)
        except (SaveFailed, SavedAsConflictCopy) as problem:
            # The meeting is in the journal (in memory, or saved beside): the next save
            # writes it. Offering Ctrl+S again would record it twice.
            kept = str(problem)
        except (VaultError, MeetingProblem) as problem:
            self.app.call_from_thread(self._not_stored, str(problem))
            return
        self.app.call_from_thread(self._stored, meeting, kept)

    def _not_stored(self, sentence: str) -> None:
        self._saving = False
        self._say(sentence)

    def _stored(self, meeting: MeetingInput, problem: str = "") -> None:
        if problem:
            self.app.notify(problem, severity="warning", timeout=15)
            self.dismiss()
            return
        actions = len(meeting.will_do)
        said = f"Recorded the meeting of {meeting.day.isoformat()}"
        if self.meeting is not None:
            said = f"Saved the changes to the meeting of {meeting.day.isoformat()}"
        elif actions:
            said += f"; {actions} action{'s wait' if actions != 1 else ' waits'} on Home"
        self.app.notify(said + ".", timeout=5)
        self.dismiss()

    @on(Button.Pressed, "#back")
    def action_leave(self) -> None:
        if self._saving:
            return
        if not self._typed():
            self.dismiss()
            return
        from reflect_tui.ui.screens.confirm import leave_asking

        leave_asking(self, "Leave without saving this meeting? What you typed here is not kept.")
