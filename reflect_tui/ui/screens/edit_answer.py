"""Changing one answer from the review, saved as it is typed like any other."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from reflect_tui.ui.host import host
from reflect_tui.ui.widgets.answer_editor import AnswerEditor

if TYPE_CHECKING:
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.host import ReflectHost


class EditAnswerScreen(ModalScreen[None]):
    """Prompt ``index`` of ``flow`` in a panel over the review; Esc closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("ctrl+s", "close", "Done", show=False),
    ]
    DEFAULT_CSS = """
    EditAnswerScreen {
        align: center middle;
    }
    EditAnswerScreen > Vertical {
        width: 90%;
        max-width: 100;
        height: 80%;
        padding: 1 2;
        border: round $border;
        background: $panel;
    }
    EditAnswerScreen #edit-prompt {
        text-style: bold;
        margin-bottom: 1;
    }
    EditAnswerScreen #edit-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    def __init__(self, flow: SessionFlow, index: int) -> None:
        super().__init__()
        self.flow, self.index = flow, index

    @property
    def reflect(self) -> ReflectHost:
        return host(self.app)

    def compose(self) -> ComposeResult:
        prompt = self.flow.prompt(self.index)
        with Vertical():
            yield Static(prompt.text, id="edit-prompt", markup=False)
            yield AnswerEditor(prompt, self.flow.draft(self.index), autofocus=True)
            yield Static(
                "Saved as you type. Press Esc when you are done.", id="edit-hint", markup=False
            )
        yield Footer(compact=True)

    def on_answer_editor_edited(self, event: AnswerEditor.Edited) -> None:
        event.stop()
        if self.flow.update(self.index, event.draft):
            self.reflect.saves.put(
                self.flow.save_key(self.index), self.flow.save_job(self.index), debounce=True
            )

    def action_close(self) -> None:
        self.reflect.saves.flush()
        self.dismiss(None)
