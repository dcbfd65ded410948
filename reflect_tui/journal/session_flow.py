"""One reflection in progress: its prompt set, its session in the journal, and the drafts.

The drafts are the truth while a session is open: every change lands here first, then
reaches the disk through a save job (in the app, through its save queue, in a worker;
in ``reflect write``, at once). Shared by the app and the plain mode, so no Textual.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reflect_tui.prompts import Prompt, PromptKind, PromptSet

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.journal.models import Answer

Value = int | list[str] | None


@dataclass(frozen=True)
class Draft:
    """What is written for one prompt: free text, a scale number or chosen options."""

    text: str = ""
    value: Value = None
    skipped: bool = False

    @property
    def empty(self) -> bool:
        return not self.text.strip() and self.value in (None, [])

    def unskipped(self) -> Draft:
        return replace(self, skipped=False)


def draft_for(prompt: Prompt, value: Value) -> Draft:
    """The draft of a scale or choice prompt once ``value`` is chosen."""
    if prompt.kind == PromptKind.SCALE and isinstance(value, int):
        return Draft(text=prompt.scale_text(value), value=value)
    if prompt.kind == PromptKind.CHOICE and isinstance(value, list):
        return Draft(text="; ".join(value), value=list(value))
    return Draft()


def _decode(raw: str | None) -> Value:
    if raw is None:
        return None
    try:
        value: Any = json.loads(raw)
    except ValueError:
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, str):
        return [value]
    return None


def draft_from_answer(answer: Answer) -> Draft:
    return Draft(text=answer.text, value=_decode(answer.value), skipped=answer.skipped)


class SessionFlow:
    """The walk through one prompt set: where the clinician is and what they wrote."""

    def __init__(
        self,
        prompt_set: PromptSet,
        session_id: int,
        drafts: dict[str, Draft] | None = None,
        position: int = 0,
    ) -> None:
        self.prompt_set = prompt_set
        self.session_id = session_id
        self.drafts: dict[str, Draft] = dict(drafts or {})
        self.position = max(0, min(position, len(prompt_set.prompts)))

    @classmethod
    def resumed(
        cls, prompt_set: PromptSet, session_id: int, answers: list[Answer], position: int
    ) -> SessionFlow:
        drafts = {a.prompt_id: draft_from_answer(a) for a in answers}
        return cls(prompt_set, session_id, drafts, position)

    @property
    def count(self) -> int:
        return len(self.prompt_set.prompts)

    def prompt(self, index: int) -> Prompt:
        return self.prompt_set.prompts[index]

    def draft(self, index: int) -> Draft:
        return self.drafts.get(self.prompt(index).id, Draft())

    def update(self, index: int, draft: Draft) -> bool:
        """Record a change; False if nothing actually changed."""
        prompt_id = self.prompt(index).id
        if self.drafts.get(prompt_id, Draft()) == draft:
            return False
        self.drafts[prompt_id] = draft
        return True

    def save_key(self, index: int) -> Hashable:
        return ("answer", self.session_id, self.prompt(index).id)

    def save_job(self, index: int) -> Callable[[Journal], object]:
        """A job writing prompt ``index``'s draft as it is now, and where to resume."""
        prompt, draft = self.prompt(index), self.draft(index)
        session_id, resume_at = self.session_id, self.position

        def save(journal: Journal) -> object:
            return journal.save_answer(
                session_id,
                prompt_id=prompt.id,
                prompt_text=prompt.text,
                text=draft.text,
                topic=prompt.topic,
                kind=prompt.kind.value,
                position=index,
                value=draft.value,
                skipped=draft.skipped,
                resume_at=resume_at,
            )

        return save

    def missing_required(self) -> list[int]:
        """Indexes of required prompts with no answer yet."""
        return [
            index
            for index, prompt in enumerate(self.prompt_set.prompts)
            if not prompt.optional and self.draft(index).empty
        ]
