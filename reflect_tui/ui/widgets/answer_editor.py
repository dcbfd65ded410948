"""The input for one prompt, by its kind: a large text area, a scale, or choices."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TextArea

from reflect_tui.journal.session_flow import Draft, draft_for
from reflect_tui.prompts import Prompt, PromptKind
from reflect_tui.ui.widgets.choices import ChoiceInput
from reflect_tui.ui.widgets.entry_area import EntryArea
from reflect_tui.ui.widgets.scale import ScaleInput

PLACEHOLDERS = {
    PromptKind.TEXT: "Write as much or as little as you like. It is saved as you type.",
    PromptKind.ACTION: "One small, concrete step you could take in your next session.",
}
ACTION_NOTE = (
    "This becomes an open action: it waits on your Home screen, and at the start of "
    "your next reflection, until you mark it done or dropped."
)


class AnswerEditor(Widget):
    """Shows a :class:`Draft` and tells its screen when the clinician changes it."""

    DEFAULT_CSS = """
    AnswerEditor {
        height: 1fr;
    }
    AnswerEditor > TextArea {
        height: 1fr;
        min-height: 4;
    }
    AnswerEditor > .action-note {
        color: $text-muted;
        margin-top: 1;
    }
    """

    class Edited(Message):
        """The clinician changed the answer; ``draft`` is what it is now."""

        def __init__(self, editor: AnswerEditor, draft: Draft) -> None:
            super().__init__()
            self.editor = editor
            self.draft = draft

        @property
        def control(self) -> AnswerEditor:
            return self.editor

    def __init__(
        self,
        prompt: Prompt,
        draft: Draft,
        *,
        autofocus: bool = False,
        options: tuple[str, ...] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        #: A choice prompt's options in the order shown (the set's order unless given).
        self.options = prompt.options if options is None else options
        self._shown = draft
        self._autofocus = autofocus

    def on_mount(self) -> None:
        if self._autofocus:
            # The input is composed by this widget, so it is certainly there after a refresh.
            self.call_after_refresh(self.focus_input)

    def compose(self) -> ComposeResult:
        prompt, draft = self.prompt, self._shown
        if prompt.kind == PromptKind.SCALE:
            value = draft.value if isinstance(draft.value, int) else None
            yield ScaleInput(prompt.scale_min, prompt.scale_max, prompt.scale_labels, value)
        elif prompt.kind == PromptKind.CHOICE:
            chosen = draft.value if isinstance(draft.value, list) else []
            yield ChoiceInput(self.options, multiple=prompt.multiple, value=chosen)
        else:
            yield EntryArea(
                draft.text,
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=PLACEHOLDERS.get(prompt.kind, ""),
            )
            if prompt.kind == PromptKind.ACTION:
                yield Static(ACTION_NOTE, classes="action-note", markup=False)

    # -- reading and showing ---------------------------------------------------------

    def draft(self) -> Draft:
        """What the input holds now (never marked skipped: writing un-skips)."""
        if not self.children:
            return self._shown.unskipped()  # not composed yet: it will show _shown
        if self.prompt.kind == PromptKind.SCALE:
            return draft_for(self.prompt, self.query_one(ScaleInput).value)
        if self.prompt.kind == PromptKind.CHOICE:
            chosen = set(self.query_one(ChoiceInput).value)
            # Stored in the set's order, whatever order they were shown in.
            return draft_for(self.prompt, [o for o in self.prompt.options if o in chosen])
        return Draft(text=self.query_one(TextArea).text)

    def show(self, draft: Draft) -> None:
        """Put ``draft`` in the input, unless it is already there (keeps the cursor)."""
        if not self.children:
            self._shown = draft
            return
        if draft.unskipped() == self.draft():
            self._shown = draft
            return
        self._shown = draft
        if self.prompt.kind == PromptKind.SCALE:
            self.query_one(ScaleInput).value = draft.value if isinstance(draft.value, int) else None
        elif self.prompt.kind == PromptKind.CHOICE:
            value = draft.value if isinstance(draft.value, list) else []
            self.query_one(ChoiceInput).show(value)
        else:
            self.query_one(TextArea).load_text(draft.text)

    def focus_input(self) -> None:
        if not self.is_mounted or not self.children:
            self.call_after_refresh(self.focus_input)
            return
        if self.prompt.kind == PromptKind.CHOICE:
            self.query_one(ChoiceInput).focus_input()
        elif self.prompt.kind == PromptKind.SCALE:
            self.query_one(ScaleInput).focus()
        else:
            area = self.query_one(TextArea)
            area.focus()
            area.move_cursor(area.document.end)

    # -- changes -----------------------------------------------------------------------

    def _changed(self) -> None:
        draft = self.draft()
        if draft == self._shown.unskipped():
            return  # the change came from show(), or changed nothing
        self._shown = draft
        self.post_message(self.Edited(self, draft))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed()

    def on_scale_input_changed(self, event: ScaleInput.Changed) -> None:
        event.stop()
        self._changed()

    def on_choice_input_changed(self, event: ChoiceInput.Changed) -> None:
        event.stop()
        self._changed()
