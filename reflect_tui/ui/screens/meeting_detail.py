"""One supervision meeting's page, opened from History: what was brought, taken away and
agreed (with each action's state), what it took up of what was prepared; e changes it,
d deletes it after asking, as a reflection is deleted."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from reflect_tui.core.supervision import MeetingRecord, PreparedItem
from reflect_tui.ui.host import host
from reflect_tui.ui.screens.session_detail import CHANGED, DELETED
from reflect_tui.ui.widgets.entry_text import short_date

if TYPE_CHECKING:
    from reflect_tui.journal import Journal

#: What a meeting's deletion loses (said before it is done).
WHAT_IS_LOST = (
    "Its notes and the actions agreed in it will be gone from the vault and from every "
    "later save; what it took up is marked as waiting again. Backups saved before now "
    "still hold it until they age out. This cannot be undone."
)
_STATES = {"open": "open", "done": "done", "dropped": "dropped"}


def meeting_text(meeting: MeetingRecord, discussed: list[PreparedItem]) -> Content:
    """The page's body: every part the clinician wrote, under its heading."""
    facts = [f"{meeting.minutes} minutes, {meeting.format}"]
    if meeting.counted_minutes != meeting.minutes:
        facts.append(f"{meeting.counted_minutes} counted")
    if meeting.who:
        facts.append(f"with {meeting.who}")
    if meeting.functions:
        facts.append(", ".join(meeting.functions))
    parts: list[Content] = [Content(" · ".join(facts))]
    for heading, text in (
        ("Summary", meeting.summary),
        ("What I brought", meeting.brought),
        ("What I took away", meeting.took_away),
    ):
        if text.strip():
            parts += [Content(""), Content.styled(heading, "bold $text-primary"), Content(text)]
    if meeting.actions:
        parts += [Content(""), Content.styled("What I will do", "bold $text-primary")]
        for action in meeting.actions:
            line = f"• {action.text} ({_STATES.get(action.status, action.status)})"
            if action.follow_up.strip():
                line += f": {' '.join(action.follow_up.split())}"
            parts.append(Content(line))
    parts += [Content(""), Content.styled("What it took up", "bold $text-primary")]
    if discussed:
        parts += [
            Content(f"• {short_date(item.day)}, {item.prompt}: {item.opening}")
            for item in discussed
        ]
    else:
        parts.append(Content.styled("Nothing prepared was marked as discussed.", "italic"))
    return Content("\n").join(parts)


class MeetingDetailScreen(Screen[str | None]):
    """Dismisses with DELETED, CHANGED or None, like a reflection's page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Change"),
        Binding("d", "delete", "Delete"),
    ]
    DEFAULT_CSS = """
    MeetingDetailScreen #heading {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-style: bold;
        color: $text-primary;
    }
    MeetingDetailScreen #body-scroll {
        height: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, journal: Journal, meeting_id: int) -> None:
        super().__init__()
        self.journal = journal
        self.meeting_id = meeting_id
        self.meeting: MeetingRecord | None = None
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Static(id="heading", markup=False)
        with VerticalScroll(id="body-scroll"):
            yield Static(id="body", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.show()
        self.query_one("#body-scroll").focus()

    def show(self) -> None:
        from reflect_tui.journal import NotFound, VaultError

        try:
            meeting = self.journal.meeting(self.meeting_id)
            discussed = self.journal.discussed_in(self.meeting_id)
        except VaultError as error:
            self.notify(str(error), severity="error")
            self.dismiss(DELETED if isinstance(error, NotFound) else None)
            return
        self.meeting = meeting
        heading = f"Supervision meeting, {short_date(meeting.day)}"
        self.query_one("#heading", Static).update(heading)
        self.query_one("#body", Static).update(meeting_text(meeting, discussed))

    def action_back(self) -> None:
        self.dismiss(CHANGED if self.changed else None)

    def action_edit(self) -> None:
        if self.meeting is None:
            return
        from reflect_tui.ui.screens.after_supervision import AfterSupervisionScreen

        def edited(_: None) -> None:
            self.changed = True
            self.show()

        self.app.push_screen(
            AfterSupervisionScreen(self.journal, host(self.app).config, self.meeting), edited
        )

    def action_delete(self) -> None:
        if self.meeting is None:
            return
        from reflect_tui.ui.screens.confirm_delete import ask_then_delete

        what = f"the supervision meeting of {short_date(self.meeting.day)}"

        def delete() -> None:
            self.journal.delete_meeting(self.meeting_id)

        ask_then_delete(self, what, delete, self._deleted, WHAT_IS_LOST)

    def _deleted(self) -> None:
        self.app.notify("Meeting deleted.", timeout=4)
        self.dismiss(DELETED)
