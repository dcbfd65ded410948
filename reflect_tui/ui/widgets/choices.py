"""Choosing one option (radio buttons) or several (a selection list)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import RadioButton, RadioSet, SelectionList


class ChoiceInput(Widget):
    """The options of a choice prompt; ``value`` is the chosen options, in their order."""

    DEFAULT_CSS = """
    ChoiceInput {
        height: auto;
    }
    ChoiceInput > SelectionList {
        height: auto;
        max-height: 14;
    }
    ChoiceInput > RadioSet {
        width: 100%;
    }
    """

    class Changed(Message):
        def __init__(self, choices: ChoiceInput, value: list[str]) -> None:
            super().__init__()
            self.choices = choices
            self.value = value

        @property
        def control(self) -> ChoiceInput:
            return self.choices

    def __init__(
        self,
        options: tuple[str, ...],
        *,
        multiple: bool,
        value: list[str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = options
        self.multiple = multiple
        self._initial = list(value or [])

    def compose(self) -> ComposeResult:
        if self.multiple:
            yield SelectionList[str](
                *[(option, option, option in self._initial) for option in self.options]
            )
        else:
            with RadioSet():
                for option in self.options:
                    yield RadioButton(option, value=option in self._initial)

    @property
    def value(self) -> list[str]:
        if self.multiple:
            chosen = set(self.query_one(SelectionList).selected)
            return [option for option in self.options if option in chosen]
        pressed = self.query_one(RadioSet).pressed_index
        return [] if pressed < 0 else [self.options[pressed]]

    def show(self, value: list[str]) -> None:
        """Show ``value`` as chosen (without treating it as the clinician's change)."""
        if value == self.value:
            return
        if self.multiple:
            selection = self.query_one(SelectionList)
            selection.deselect_all()
            for option in value:
                selection.select(option)
        else:
            for button, option in zip(self.query(RadioButton), self.options, strict=False):
                button.value = option in value

    def focus_input(self) -> None:
        target = self.query_one(SelectionList if self.multiple else RadioSet)
        target.focus()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.value))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, self.value))
