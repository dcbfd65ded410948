"""The schema of a prompt set: what a TOML file may say, checked by pydantic.

Set keys: ``id`` (slug), ``title``, ``description``, ``minutes`` (whole number, about how
long the set takes), ``version`` (whole number, default 1), ``draws_on`` (list of the
sources and frameworks the set draws on, default empty) and ``prompts`` (one or more
``[[prompts]]`` tables).

Prompt keys: ``id`` (slug, unique in its set), ``text``, ``guidance`` (default ""),
``kind`` (``text``, ``scale``, ``choice`` or ``action``; default ``text``), ``optional``
(default false) and ``topic`` (one of :data:`TOPICS`). ``scale`` prompts may set
``scale_min`` (default 1) and ``scale_max`` (default 5) and must set ``scale_labels``
(the words for the low and the high end). ``choice`` prompts must set ``options`` (two or
more) and may set ``multiple`` (default false: pick one). These keys are errors on
prompts of any other kind. ``action`` prompts ask for a commitment that becomes an open
action item. ``uses_identity_map`` (default false) shows the clinician's identity map
beside the prompt; on a ``choice`` prompt it also puts the options naming the domains
they marked as often present in their work first, so at least one option must name a
domain of the map (as the built-in identity set's options do).
In all text, single line breaks are joined into spaces and blank lines keep
paragraphs, so long strings may be wrapped freely in the file.

Topics group answers in exports: the article's four supervision themes first, then the
other themes, then ``question`` (the question a clinician wants to bring to supervision).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Final, Literal, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from reflect_tui.core.identity import DOMAINS, domains_of_option

DEFAULT_SET_ID: Final = "end-of-day"
#: Built-in sets in the order they are offered; any other built-in file follows.
BUILTIN_ORDER: Final[tuple[str, ...]] = tuple(
    ["end-of-day", "identity", "power", "collaboration", "repair", "supervision-prep", "systems"]
)
SLUG_PATTERN: Final = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Topic = Literal[
    "understanding-context",
    "countertransference",
    "systemic-power",
    "missteps-ruptures",
    "identity",
    "power",
    "collaboration",
    "repair",
    "systems",
    "wellbeing",
    "question",
]
TOPICS: Final[tuple[str, ...]] = get_args(Topic)
TOPIC_TITLES: Final[dict[str, str]] = {
    "understanding-context": "Difficulty understanding a client's cultural context",
    "countertransference": "Reactions (countertransference) tied to cultural difference",
    "systemic-power": "Systemic issues and power",
    "missteps-ruptures": "Cultural missteps and ruptures",
    "identity": "Identity and perspective",
    "power": "Power in the room",
    "collaboration": "The client as expert in their own life",
    "repair": "Repair",
    "systems": "Systems of care",
    "wellbeing": "My own well-being",
    "question": "Questions to bring to supervision",
}
#: The article's four supervision themes, in its order.
SUPERVISION_TOPICS: Final = TOPICS[:4]


class PromptKind(StrEnum):
    TEXT = "text"
    SCALE = "scale"
    CHOICE = "choice"
    ACTION = "action"


#: Keys that belong to one kind of prompt only.
_KIND_KEYS: Final = {
    PromptKind.SCALE: ("scale_min", "scale_max", "scale_labels"),
    PromptKind.CHOICE: ("options", "multiple"),
}


def _tidy(value: str) -> str:
    """Join wrapped lines into spaces, keep blank-line paragraphs, trim the ends."""
    paragraphs = re.split(r"\n\s*\n", value.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _tidy_required(value: str) -> str:
    if tidied := _tidy(value):
        return tidied
    raise PydanticCustomError("empty_text", "is empty")


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=64)]
Words = Annotated[str, AfterValidator(_tidy_required)]
OptionalWords = Annotated[str, AfterValidator(_tidy)]


def _kind_error(key: str, message: str) -> PydanticCustomError:
    return PydanticCustomError("prompt_kind", message, {"key": key})


class Prompt(BaseModel):
    """One question in a set; see the module docstring for every key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    text: Words
    guidance: OptionalWords = ""
    kind: PromptKind = PromptKind.TEXT
    optional: StrictBool = False
    topic: Topic
    scale_min: StrictInt = Field(default=1, ge=0, le=10)
    scale_max: StrictInt = Field(default=5, ge=1, le=10)
    scale_labels: tuple[Words, Words] = ("", "")
    options: tuple[Words, ...] = ()
    multiple: StrictBool = False
    uses_identity_map: StrictBool = False

    @model_validator(mode="after")
    def _keys_fit_kind(self) -> Self:
        given = self.model_fields_set
        for kind, keys in _KIND_KEYS.items():
            stray = [key for key in keys if key in given] if self.kind != kind else []
            if stray:
                message = f'is only used by kind = "{kind}"; expected that kind, or no {stray[0]}'
                raise _kind_error(stray[0], message)
        if self.kind == PromptKind.SCALE:
            if "scale_labels" not in given:
                raise _kind_error("scale_labels", "is missing")
            if self.scale_max <= self.scale_min:
                raise _kind_error("scale_max", "is not larger than scale_min")
        if self.kind == PromptKind.CHOICE:
            if len(self.options) < 2:
                raise _kind_error("options", "has fewer than two options")
            if len(set(self.options)) != len(self.options):
                raise _kind_error("options", "repeats an option")
            if self.uses_identity_map and not any(domains_of_option(o) for o in self.options):
                names = ", ".join(repr(d.option) for d in DOMAINS[:2])
                message = (
                    "is set, but no option names a domain of the identity map; expected "
                    f"options worded like the map's ({names}, ...), or no uses_identity_map"
                )
                raise _kind_error("uses_identity_map", message)
        return self

    def scale_text(self, number: int) -> str:
        """The readable form of an answer to this scale, stored beside its number."""
        low, high = self.scale_labels
        return f"{number} on a scale from {self.scale_min} ({low}) to {self.scale_max} ({high})"


def duplicate_ids(ids: list[object]) -> list[dict[str, Any]]:
    """A pydantic-style error for each prompt id that repeats an earlier one."""
    first: dict[object, int] = {}
    errors = []
    for index, prompt_id in enumerate(ids):
        if isinstance(prompt_id, str) and first.setdefault(prompt_id, index) != index:
            message = (
                f"'{prompt_id}' is already used by prompts[{first[prompt_id]}]; "
                "expected each prompt in a set to have its own id"
            )
            loc = ("prompts", index, "id")
            errors.append({"type": "duplicate_prompt_id", "loc": loc, "msg": message})
    return errors


class PromptSet(BaseModel):
    """A named, ordered set of prompts: the content of one TOML file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Words
    description: Words
    minutes: StrictInt = Field(ge=1, le=240)
    version: StrictInt = Field(default=1, ge=1)
    draws_on: tuple[Words, ...] = ()
    prompts: tuple[Prompt, ...] = Field(min_length=1)

    @field_validator("prompts")
    @classmethod
    def _ids_unique(cls, prompts: tuple[Prompt, ...]) -> tuple[Prompt, ...]:
        for error in duplicate_ids([prompt.id for prompt in prompts]):
            raise PydanticCustomError("duplicate_prompt_id", error["msg"])
        return prompts

    def prompt(self, prompt_id: str) -> Prompt:
        """The prompt with this id; ``KeyError`` if there is none."""
        for candidate in self.prompts:
            if candidate.id == prompt_id:
                return candidate
        raise KeyError(prompt_id)
