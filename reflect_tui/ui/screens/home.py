"""Home: start or resume a reflection, the open actions, recent sessions and twelve weeks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Select, Static
from textual.widgets.option_list import Option

from reflect_tui.core.wording import day_label, shorten, when
from reflect_tui.ui.host import host
from reflect_tui.ui.widgets.week_strip import WeekStrip, strip_start

if TYPE_CHECKING:
    from reflect_tui.journal import Journal, SessionSummary
    from reflect_tui.journal.models import ActionItem
    from reflect_tui.ui.host import ReflectHost

RECENT = 5
RECENT_WIDE = 7  # two lines each: fills the 14 rows Recent has below 40 rows
WIDE = 110
#: From this many rows, the lists grow and Recent shows as many reflections as fit.
TALL = 40
ACTION_KEYS = "d done · x drop · o note"


class ActionList(OptionList):
    """Open actions; the keys act on the highlighted one (shown in the heading: the
    footer has no room for them at 80 columns)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "close_action('done')", "Done", show=False),
        Binding("x", "close_action('dropped')", "Drop", show=False),
        Binding("o", "note", "Note", show=False),
    ]

    def action_close_action(self, status: str) -> None:
        screen = self.screen
        if isinstance(screen, HomeScreen):
            screen.close_action(status)

    def action_note(self) -> None:
        screen = self.screen
        if isinstance(screen, HomeScreen):
            screen.note_action()


class HomeScreen(Screen[None]):
    """Where every visit starts; it reloads its lists whenever it comes back into view."""

    CSS_PATH = "home.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "start", "Start"),
        Binding("r", "resume", "Resume"),
        Binding("s", "view('search')", "Search"),
        Binding("h", "view('history')", "History"),
        Binding("i", "view('insight')", "Insight"),
        Binding("e", "view('export')", "Export"),
        Binding("a", "view('supervision')", "After supervision", show=False),
        Binding("m", "view('identity')", "My identity map", show=False),
        Binding("l", "lock", "Lock"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._actions: list[ActionItem] = []
        self._unfinished: list[int] = []
        self._shape = (0, 0)  # (recent reflections listed, wide column's text width)

    @property
    def reflect(self) -> ReflectHost:
        return host(self.app)

    @property
    def journal(self) -> Journal:
        return self.reflect.journal

    def compose(self) -> ComposeResult:
        app = self.reflect
        library = app.library
        options = [
            (Text(f"{loaded.prompt_set.title} · {loaded.prompt_set.minutes} min"), set_id)
            for set_id, loaded in library.sets.items()
        ]
        default = library.default(app.config.default_set).id if library.sets else None
        with Horizontal(id="top"):
            yield Static("reflect", id="brand", markup=False)
            if app.demo:
                yield Static("Example journal: deleted when you quit", id="demo-note", markup=False)
        with Horizontal(id="columns"):
            with VerticalScroll(id="left"):
                yield Static("Start a reflection", classes="heading", markup=False)
                with Horizontal(id="start-row"):
                    yield Select(
                        options,
                        allow_blank=False,
                        value=default if default is not None else Select.NULL,
                        type_to_search=False,
                        id="set",
                    )
                    yield Button("Start", id="start", variant="primary")
                yield Static("", id="set-description", markup=False)
                with Horizontal(id="more-row"):
                    yield Button("After supervision (a)", id="after-supervision", compact=True)
                    yield Button("Identity map (m)", id="identity-map", compact=True)
                yield Static("", id="identity-review", markup=False)
                yield Static("Unfinished", classes="heading", id="unfinished-heading", markup=False)
                yield OptionList(id="unfinished")
                with Horizontal(classes="heading-row"):
                    yield Static(
                        "Open actions", classes="heading", id="actions-heading", markup=False
                    )
                    yield Static(ACTION_KEYS, id="action-keys", markup=False)
                yield ActionList(id="actions")
            with Vertical(id="right"):
                yield Static("Recent reflections", classes="heading", markup=False)
                yield OptionList(id="recent")
                yield Static("Last 12 weeks", classes="heading", markup=False)
                yield WeekStrip(set(), app.today(), id="weeks")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()
        self._describe_set()
        self.refresh_data()

    def on_screen_resume(self) -> None:
        if self.reflect.unlocked:
            self.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return bool(self._unfinished)
        return True

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.set_class(self.size.height >= TALL, "-tall")
        if self._recent_shape() != self._shape and self.reflect.unlocked:
            self.refresh_data()

    def _recent_shape(self) -> tuple[int, int]:
        """How many recent reflections to list, and the width of a wide column's text."""
        width, height = self.size
        if width < WIDE:
            return (RECENT if height < TALL else max(RECENT, min(28, height - 20))), 0
        column = min(80, width // 2) - 4  # the right column, less padding and scrollbar
        limit = RECENT_WIDE if height < TALL else max(RECENT_WIDE, min(28, height - 20) // 2)
        return limit, column

    # -- showing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Read the lists again (reads are quick and run on the UI thread)."""
        app, journal = self.reflect, self.journal
        today = app.today()
        unfinished = journal.unfinished_sessions()
        self._unfinished = [s.id for s in unfinished if s.id is not None]
        unfinished_list = self.query_one("#unfinished", OptionList)
        unfinished_list.set_options(
            Option(
                Content(f"{s.set_title} · started {when(s.started, today, s.utc_offset)}"),
                id=str(s.id),
            )
            for s in unfinished
        )
        for widget in (unfinished_list, self.query_one("#unfinished-heading")):
            widget.display = bool(unfinished)
        self.refresh_bindings()
        self._show_actions(journal.open_actions())
        recent = self.query_one("#recent", OptionList)
        self._shape = limit, column = self._recent_shape()
        sessions = journal.list_sessions(limit=limit)
        recent.set_options(Option(self._session_line(s, column)) for s in sessions)
        if not sessions:
            recent.set_options(
                [Option("Nothing yet. Your reflections appear here.", disabled=True)]
            )
        days = journal.reflection_days(strip_start(today))
        self.query_one(WeekStrip).show(days, today)
        self._suggest_review(today)

    def _suggest_review(self, today: Any) -> None:
        """A gentle line when the identity map was last saved longer ago than the
        clinician's review interval (identity_review_months)."""
        from reflect_tui.core.identity import review_due

        latest = self.journal.latest_identity_map()
        months = self.reflect.config.identity_review_months
        due = latest is not None and review_due(latest.day, today, months)
        widget = self.query_one("#identity-review", Static)
        widget.display = due
        if latest is not None and due:
            widget.update(
                f"Your identity map was last saved on {latest.day.isoformat()}. When you have "
                "a quiet moment, it may be worth revisiting (m)."
            )

    def _session_line(self, session: SessionSummary, column: int) -> Content:
        """One line in a narrow column; in a wide one (``column`` characters), the first
        words beneath."""
        title, words = session.set_title, session.first_words
        day = day_label(session.started, self.reflect.today(), session.utc_offset)
        mark = " (unfinished)" if session.finished is None and column else ""
        width = column - len(day) - 2 - len(mark) if column else 26 - len(day)
        line = Content.from_markup(
            "[b]$day[/]  $title$mark", day=day, title=shorten(title, width), mark=mark
        )
        if column and words:
            line = line + Content("\n" + shorten(words, column)).stylize("dim")
        return line

    def _show_actions(self, actions: list[ActionItem]) -> None:
        self._actions = actions
        today = self.reflect.today()
        listing = self.query_one(ActionList)
        highlighted = listing.highlighted
        self.query_one("#action-keys").display = bool(actions)
        listing.set_options(
            Option(self._action_line(item, today), id=str(item.id)) for item in actions
        )
        if not actions:
            listing.set_options(
                [
                    Option(
                        "No open actions. Actions you plan in a reflection wait here.",
                        disabled=True,
                    )
                ]
            )
        elif highlighted is not None:
            listing.highlighted = min(highlighted, len(actions) - 1)
        heading = f"Open actions ({len(actions)})" if actions else "Open actions"
        self.query_one("#actions-heading", Static).update(heading)

    @staticmethod
    def _action_line(item: ActionItem, today: Any) -> Content:
        line = Content.from_markup(
            "○ $text [dim]· $day[/]", text=item.text, day=day_label(item.created, today)
        )
        if item.follow_up:
            line = line + Content("\n  " + shorten(item.follow_up, 90)).stylize("dim italic")
        return line

    @on(Select.Changed, "#set")
    def _describe_set(self) -> None:
        value = self.query_one("#set", Select).value
        library = self.reflect.library
        text = library.get(str(value)).description if value in library.sets else ""
        self.query_one("#set-description", Static).update(text)

    # -- acting -------------------------------------------------------------------------

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        value = self.query_one("#set", Select).value
        if isinstance(value, str):
            self.reflect.start_reflection(value)

    def action_resume(self) -> None:
        listing = self.query_one("#unfinished", OptionList)
        if not self._unfinished:
            self.notify("There is no unfinished reflection to resume.")
            return
        index = listing.highlighted if listing.has_focus and listing.highlighted else 0
        self.reflect.resume_reflection(self._unfinished[index])

    @on(OptionList.OptionSelected, "#unfinished")
    def _resume_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.reflect.resume_reflection(int(event.option.id))

    @on(Button.Pressed, "#after-supervision")
    def _after_supervision(self) -> None:
        self.reflect.open_view("supervision")

    @on(Button.Pressed, "#identity-map")
    def _identity_map(self) -> None:
        self.reflect.open_view("identity")

    @on(OptionList.OptionSelected, "#recent")
    def _open_history(self) -> None:
        self.reflect.open_view("history")

    def action_view(self, name: str) -> None:
        self.reflect.open_view(name)

    async def action_lock(self) -> None:
        await self.reflect.action_lock()

    def _highlighted_action(self) -> ActionItem | None:
        listing = self.query_one(ActionList)
        index = listing.highlighted
        if index is None or not self._actions or index >= len(self._actions):
            return None
        return self._actions[index]

    def close_action(self, status: str) -> None:
        from reflect_tui.journal.models import ActionStatus

        item = self._highlighted_action()
        if item is None or item.id is None:
            return
        action_id, new_status = item.id, ActionStatus(status)
        self.reflect.saves.put(
            ("action", action_id, "status"),
            lambda journal: journal.update_action(action_id, status=new_status),
        )
        self._show_actions([a for a in self._actions if a.id != action_id])
        word = "done" if status == "done" else "dropped"
        self.notify(f"Marked {word}: {shorten(item.text, 50)}", timeout=4)

    def note_action(self) -> None:
        from reflect_tui.ui.screens.ask_text import AskTextScreen

        item = self._highlighted_action()
        if item is None or item.id is None:
            return
        action_id = item.id
        saves = self.reflect.saves

        def save_note(text: str) -> None:
            item.follow_up = text
            saves.put(
                ("action", action_id, "note"),
                lambda journal: journal.update_action(action_id, follow_up=text),
                debounce=True,
            )

        def finished(_: str | None) -> None:
            saves.flush()
            self._show_actions(self._actions)

        self.app.push_screen(
            AskTextScreen(
                f"How is it going with: {item.text}",
                item.follow_up,
                hint="Saved as you type. Press Esc when you are done.",
                multiline=True,
                on_change=save_note,
            ),
            finished,
        )
