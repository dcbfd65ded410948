"""One answer as it reads in a reflection: the prompt as it was asked, the answer, and
its tags, flag and edit time. Focusable, so the reader can act on the answer in view."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from reflect_tui.ui.widgets.entry_text import clock, short_date, short_day

if TYPE_CHECKING:
    from reflect_tui.journal.models import Answer

EDITABLE_KINDS = frozenset({"text", "action"})


def answer_body(answer: Answer) -> Content:
    if answer.skipped:
        return Content.styled("Skipped", "italic $text-muted")
    text = answer.text.strip() or (answer.value or "")
    if not text:
        return Content.styled("No answer written", "italic $text-muted")
    if answer.kind == "action":
        return Content.assemble(("Action: ", "bold"), text)
    return Content(text)


def answer_meta(answer: Answer, meeting_days: Mapping[str, date] | None = None) -> Content:
    """Its flag, when it was taken to supervision, its tags and when it was edited;
    ``meeting_days``: each supervision meeting's day by its identity."""
    parts: list[Content] = []
    discussed = (meeting_days or {}).get(answer.discussed) if answer.discussed else None
    if discussed is not None:
        parts.append(
            Content.styled(
                f"✓ Taken to supervision on {short_date(discussed)}", "bold $text-success"
            )
        )
        if answer.flagged:  # so f (flag / unflag) still shows what it did
            parts.append(Content.styled("⚑ still flagged", "$text-warning"))
    elif answer.flagged:
        parts.append(Content.styled("⚑ Flagged for supervision", "bold $text-warning"))
    if answer.tag_list:
        parts.append(Content.styled(" ".join(f"#{t}" for t in answer.tag_list), "$text-accent"))
    if answer.edited is not None:
        parts.append(Content(f"Edited {short_day(answer.edited)}, {clock(answer.edited)}"))
    return Content(" · ").join(parts)


class AnswerCard(Vertical, can_focus=True):
    """Shows one answer; ``show`` refreshes it after a change."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "screen.previous_answer", "Previous", show=False),
        Binding("down", "screen.next_answer", "Next", show=False),
    ]

    DEFAULT_CSS = """
    AnswerCard {
        height: auto;
        padding: 0 1;
        border-left: thick $panel;
        margin-bottom: 1;
    }
    AnswerCard:focus {
        border-left: thick $accent;
        background: $boost;
    }
    AnswerCard > .answer-prompt {
        text-style: bold;
        color: $text-primary;
    }
    AnswerCard > .answer-meta {
        color: $text-muted;
    }
    """

    def __init__(self, answer: Answer, meeting_days: Mapping[str, date] | None = None) -> None:
        super().__init__(id=f"answer-{answer.id}")
        self.answer = answer
        self.meeting_days = meeting_days

    def compose(self) -> ComposeResult:
        yield Static(classes="answer-prompt", markup=False)
        yield Static(classes="answer-body", markup=False)
        yield Static(classes="answer-meta", markup=False)

    def on_mount(self) -> None:
        self.show(self.answer)

    def show(self, answer: Answer) -> None:
        self.answer = answer
        prompt, body, meta = self.query(Static).results(Static)
        prompt.update(Content(answer.prompt_text))
        body.update(answer_body(answer))
        described = answer_meta(answer, self.meeting_days)
        meta.update(described)
        meta.display = bool(described)

    @property
    def editable(self) -> bool:
        return self.answer.kind in EDITABLE_KINDS and not self.answer.skipped
