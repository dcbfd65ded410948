"""Review: every answer of the session; edit any, tag it, flag it for supervision; finish."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reflect_tui.core.records import normalise_tags
from reflect_tui.ui.host import host
from reflect_tui.ui.widgets.session_bar import SessionBar

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.ui.host import ReflectHost

INTRO = "Read it through. Enter (or e) opens an answer to change it."


class ReviewScreen(Screen[None]):
    """The last screen of a session; Finish marks it done and returns Home."""

    CSS_PATH = "review.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit"),
        Binding("t", "tags", "Tags"),
        Binding("f", "flag", "Flag"),
        Binding("s", "flag_session", "Flag session"),
        Binding("ctrl+n", "finish", "Finish"),
        Binding("ctrl+b", "back", "Back"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, flow: SessionFlow) -> None:
        super().__init__()
        self.flow = flow
        self.answer_ids: dict[str, int] = {}
        self.tags: dict[str, str] = {}
        self.flagged: dict[str, bool] = {}
        self.session_flagged = False

    @property
    def reflect(self) -> ReflectHost:
        return host(self.app)

    def compose(self) -> ComposeResult:
        yield SessionBar(self.flow.prompt_set.title, "Review")
        with Vertical(classes="page-wrap"), Vertical(classes="page"):
            yield Static(INTRO, id="intro", markup=False)
            yield OptionList(id="answers")
            yield Static("", id="session-flag", markup=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.flow.position = self.flow.count
        await self.reflect.saves.settle()
        self._load()
        self.query_one("#answers", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.flow.position = self.flow.count
        self._show()

    def _load(self) -> None:
        """Answer ids, tags and flags from the journal (the texts come from the drafts)."""
        journal = self.reflect.journal
        for answer in journal.session_answers(self.flow.session_id):
            if answer.id is not None:
                self.answer_ids[answer.prompt_id] = answer.id
                self.tags[answer.prompt_id] = answer.tags
                self.flagged[answer.prompt_id] = answer.flagged
        self.session_flagged = journal.get_session(self.flow.session_id).flagged
        self._show()

    # -- showing -----------------------------------------------------------------------

    def _entry(self, index: int) -> Content:
        prompt, draft = self.flow.prompt(index), self.flow.draft(index)
        flag = "  ⚑ for supervision" if self.flagged.get(prompt.id) else ""
        head = Content.from_markup(
            "[b]$n. $text[/][$text-warning]$flag[/]", n=index + 1, text=prompt.text, flag=flag
        )
        if draft.skipped:
            body = Content("Skipped").stylize("dim italic")
        elif draft.empty:
            body = Content("Not answered yet").stylize("dim italic")
        else:
            body = Content(draft.text.strip())
        lines = [head, body]
        tags = self.tags.get(prompt.id, "")
        if tags:
            lines.append(
                Content(" ".join(f"#{tag}" for tag in tags.split())).stylize("$text-accent")
            )
        return Content("\n").join(lines) + Content("\n")

    def _show(self) -> None:
        listing = self.query_one("#answers", OptionList)
        highlighted = listing.highlighted
        listing.set_options(
            Option(self._entry(index), id=str(index)) for index in range(self.flow.count)
        )
        listing.highlighted = highlighted if highlighted is not None else 0
        note = "This session is flagged for supervision." if self.session_flagged else ""
        self.query_one("#session-flag", Static).update(note)

    def _current(self) -> int | None:
        return self.query_one("#answers", OptionList).highlighted

    # -- changing ----------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#answers")
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from reflect_tui.ui.screens.edit_answer import EditAnswerScreen

        index = self._current()
        if index is not None:
            self.app.push_screen(EditAnswerScreen(self.flow, index))

    def _answer_id(self, index: int) -> int | None:
        answer_id = self.answer_ids.get(self.flow.prompt(index).id)
        if answer_id is None:
            self.notify("Write an answer to this prompt first.")
        return answer_id

    def action_tags(self) -> None:
        from reflect_tui.ui.screens.ask_text import AskTextScreen

        index = self._current()
        if index is None or (answer_id := self._answer_id(index)) is None:
            return
        prompt_id = self.flow.prompt(index).id

        def chosen(text: str | None) -> None:
            if text is None:
                return
            words = [text]
            self.tags[prompt_id] = normalise_tags(words)  # as the journal will store them
            self.reflect.saves.put(
                ("tags", answer_id), lambda journal: journal.set_answer_tags(answer_id, words)
            )
            self._show()

        self.app.push_screen(
            AskTextScreen(
                "Tags for this answer",
                " ".join(self.tags.get(prompt_id, "").split()),
                hint="Words separated by spaces, such as: supervision language family",
            ),
            chosen,
        )

    def action_flag(self) -> None:
        index = self._current()
        if index is None or (answer_id := self._answer_id(index)) is None:
            return
        prompt_id = self.flow.prompt(index).id
        flagged = not self.flagged.get(prompt_id, False)
        self.flagged[prompt_id] = flagged
        self.reflect.saves.put(
            ("flag", answer_id), lambda journal: journal.flag_answer(answer_id, flagged)
        )
        self._show()

    def action_flag_session(self) -> None:
        session_id, flagged = self.flow.session_id, not self.session_flagged
        self.session_flagged = flagged
        self.reflect.saves.put(
            ("flag-session", session_id), lambda journal: journal.flag_session(session_id, flagged)
        )
        self._show()

    # -- leaving -----------------------------------------------------------------------

    def action_finish(self) -> None:
        missing = self.flow.missing_required()
        if missing:
            listing = self.query_one("#answers", OptionList)
            listing.highlighted = missing[0]
            self.notify(f"Prompt {missing[0] + 1} still needs an answer; Enter opens it.")
            return
        session_id = self.flow.session_id

        def finish(journal: Journal) -> object:
            journal.finish_session(session_id)
            return None

        self.reflect.saves.put(("finish", session_id), finish)
        self.reflect.return_home()
        self.app.notify("Reflection saved. Thank you for taking the time.", timeout=5)

    def action_back(self) -> None:
        self.flow.position = self.flow.count - 1
        self.app.pop_screen()

    def action_leave(self) -> None:
        self.reflect.saves.flush()
        self.reflect.return_home()
        self.app.notify("Saved. You can finish this reflection from Home.", timeout=4)
