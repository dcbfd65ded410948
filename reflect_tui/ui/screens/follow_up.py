"""Before the prompts: "last time you planned to… how did it go?", once per open action."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, RadioButton, RadioSet, Static, TextArea

from reflect_tui.core.wording import day_label
from reflect_tui.ui.host import host
from reflect_tui.ui.widgets.entry_area import EntryArea
from reflect_tui.ui.widgets.session_bar import SessionBar

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.journal.models import ActionItem
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.host import ReflectHost

#: (status value, label) in the order the radio buttons show them.
STATUSES = (("open", "Still working on it"), ("done", "Done"), ("dropped", "Dropped"))


class FollowUpScreen(Screen[None]):
    """Action ``index`` of ``actions``: a note on how it went, and whether it is closed."""

    #: The prompt screen above the last follow-up offers Back to it.
    is_follow_up: ClassVar[bool] = True
    CSS_PATH = "follow_up.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+b", "back", "Back"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, flow: SessionFlow, actions: list[ActionItem], index: int) -> None:
        super().__init__()
        self.flow, self.actions, self.index = flow, actions, index
        self.item = actions[index]
        self.status = self.item.status.value
        self.note = self.item.follow_up

    @property
    def reflect(self) -> ReflectHost:
        return host(self.app)

    def compose(self) -> ComposeResult:
        where = f"Before you begin · {self.index + 1} of {len(self.actions)}"
        yield SessionBar(self.flow.prompt_set.title, where)
        with Vertical(classes="page-wrap"), Vertical(classes="page"):
            planned = day_label(self.item.created, self.reflect.today())
            yield Static(f"Last time ({planned}) you planned to:", id="planned-when", markup=False)
            yield Static(self.item.text, id="planned", markup=False)
            yield Static("How did it go?", id="question", markup=False)
            yield EntryArea(
                self.note,
                soft_wrap=True,
                tab_behavior="focus",
                placeholder="A line or two is plenty. It is saved as you type.",
                id="how-it-went",
            )
            with Horizontal(id="status-row"):
                yield Static("This action is:", id="status-label", markup=False)
                with RadioSet(id="status"):
                    for value, label in STATUSES:
                        yield RadioButton(label, value=value == self.status)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.index > 0
        return True

    # -- saving ------------------------------------------------------------------------

    def _queue(self, *, debounce: bool) -> None:
        from reflect_tui.journal.models import ActionStatus

        action_id = self.item.id
        assert action_id is not None
        status, note = ActionStatus(self.status), self.note

        def save(journal: Journal) -> object:
            return journal.update_action(action_id, status=status, follow_up=note)

        self.reflect.saves.put(("action", action_id, "follow-up"), save, debounce=debounce)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.note:
            self.note = event.text_area.text
            self._queue(debounce=True)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        status = STATUSES[event.index][0]
        if status != self.status:
            self.status = status
            self._queue(debounce=False)

    # -- moving ------------------------------------------------------------------------

    def action_next(self) -> None:
        self.reflect.saves.flush()
        if self.index + 1 < len(self.actions):
            self.app.push_screen(FollowUpScreen(self.flow, self.actions, self.index + 1))
        else:
            self.reflect.show_prompt(self.flow, 0)

    def action_back(self) -> None:
        if self.index > 0:
            self.reflect.saves.flush()
            self.app.pop_screen()

    def action_leave(self) -> None:
        self.reflect.saves.flush()
        self.reflect.return_home()
