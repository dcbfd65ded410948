"""One prompt of a session: its words, its guidance on request, and the answer as it is written."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from reflect_tui.core import memory
from reflect_tui.core.identity import ordered_options
from reflect_tui.journal.session_flow import Draft
from reflect_tui.ui.host import host
from reflect_tui.ui.widgets.answer_editor import AnswerEditor
from reflect_tui.ui.widgets.identity_panel import IdentityMapPanel
from reflect_tui.ui.widgets.session_bar import SessionBar, progress_dots

if TYPE_CHECKING:
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.host import ReflectHost

NEEDS_ANSWER = "This one asks for an answer. A few words are enough."


class PromptScreen(Screen[None]):
    """Prompt ``index`` of ``flow``; Next pushes the next prompt, Back pops this one."""

    CSS_PATH = "prompt.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+n", "review", "Review"),
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+o", "skip", "Skip"),
        Binding("ctrl+g", "guidance", "Guidance"),
        Binding("ctrl+t", "identity_map", "My map"),
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, flow: SessionFlow, index: int) -> None:
        super().__init__()
        self.flow = flow
        self.index = index
        self.prompt = flow.prompt(index)

    @property
    def reflect(self) -> ReflectHost:
        return host(self.app)

    def compose(self) -> ComposeResult:
        flow, prompt = self.flow, self.prompt
        where = f"{self.index + 1} of {flow.count}  {progress_dots(self.index + 1, flow.count)}"
        yield SessionBar(flow.prompt_set.title, where)
        with Vertical(classes="page-wrap"), Vertical(classes="page"):
            text = Content.from_markup("[b]$text[/]", text=prompt.text)
            if prompt.optional:
                text = text + Content("  (optional)").stylize("dim italic")
            yield Static(text, id="prompt-text", markup=False)
            yield Static(
                prompt.guidance or "No guidance for this prompt.", id="guidance", markup=False
            )
            salient: tuple[str, ...] = ()
            if prompt.uses_identity_map:
                identity_map = self.reflect.journal.latest_identity_map()
                salient = identity_map.salient if identity_map else ()
                yield IdentityMapPanel(identity_map, id="identity-map")
            yield Static("", id="note", markup=False)
            yield AnswerEditor(
                prompt,
                flow.draft(self.index),
                autofocus=True,
                options=ordered_options(prompt.options, salient),
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_guidance()
        self._show_note()
        self.call_after_refresh(memory.keep_long_lived)

    def on_screen_resume(self) -> None:
        """Back here from a later prompt or the review: show the draft as it is now."""
        self.flow.position = self.index
        self.query_one(AnswerEditor).show(self.flow.draft(self.index))
        self._show_guidance()
        self._show_note()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        last = self.index == self.flow.count - 1
        if action == "next":
            return not last
        if action == "review":
            return last
        if action == "skip":
            return self.prompt.optional
        if action == "back":
            return self.index > 0 or self._follow_up_below()
        if action == "identity_map":
            return self.prompt.uses_identity_map
        return True

    def _follow_up_below(self) -> bool:
        stack = self.app.screen_stack
        return (
            self in stack
            and stack.index(self) > 0
            and getattr(stack[stack.index(self) - 1], "is_follow_up", False)
        )

    # -- writing -----------------------------------------------------------------------

    def on_answer_editor_edited(self, event: AnswerEditor.Edited) -> None:
        event.stop()
        if self.flow.update(self.index, event.draft):
            self.reflect.saves.put(
                self.flow.save_key(self.index), self.flow.save_job(self.index), debounce=True
            )
        self._show_note()

    def _save_now(self) -> None:
        self.reflect.saves.put(self.flow.save_key(self.index), self.flow.save_job(self.index))

    # -- moving ------------------------------------------------------------------------

    def action_next(self) -> None:
        draft = self.flow.draft(self.index)
        if draft.empty and not draft.skipped:
            if not self.prompt.optional:
                self._show_note(NEEDS_ANSWER)
                return
            self.flow.update(self.index, Draft(skipped=True))
        self.flow.position = self.index + 1
        self._save_now()
        if self.index + 1 < self.flow.count:
            self.app.push_screen(PromptScreen(self.flow, self.index + 1))
        else:
            self.reflect.show_review(self.flow)

    def action_review(self) -> None:
        self.action_next()

    def action_back(self) -> None:
        if not self.check_action("back", ()):
            return
        self.flow.position = max(self.index - 1, 0)
        self._save_now()
        self.app.pop_screen()

    def action_skip(self) -> None:
        if not self.prompt.optional:
            return
        draft = self.flow.draft(self.index)
        self.flow.update(self.index, Draft(draft.text, draft.value, skipped=True))
        self.action_next()

    def action_leave(self) -> None:
        self.flow.position = self.index
        self._save_now()
        self.reflect.return_home()
        self.app.notify("Saved. You can resume this reflection from Home.", timeout=4)

    def action_save(self) -> None:
        self.reflect.saves.flush()

    def action_identity_map(self) -> None:
        if self.prompt.uses_identity_map:
            panel = self.query_one(IdentityMapPanel)
            had_focus = panel.has_focus
            panel.toggle()
            if had_focus:  # reading it through: back to the answer
                self.query_one(AnswerEditor).focus_input()

    def action_guidance(self) -> None:
        self.reflect.show_guidance = not self.reflect.show_guidance
        self._show_guidance()
        self._show_note()

    # -- showing -----------------------------------------------------------------------

    def _show_guidance(self) -> None:
        self.query_one("#guidance").display = self.reflect.show_guidance

    def _show_note(self, note: str = "") -> None:
        draft = self.flow.draft(self.index)
        if not note and draft.skipped:
            note = "Skipped. Write something here to answer it after all."
        if not note and not self.reflect.show_guidance and self.prompt.guidance:
            note = "Ctrl+G shows some guidance for this prompt."
        widget = self.query_one("#note", Static)
        widget.update(note)
        widget.set_class(note == NEEDS_ANSWER, "-attention")
