"""The prompt library: sets of reflective prompts kept as TOML data, checked by pydantic.

A *prompt set* is one TOML file. Built-in sets live in ``prompts/`` in a source checkout
and ship in the wheel as ``reflect_tui/builtin_prompts/``. A clinician's own sets live in
``<user config dir>/prompts/*.toml`` (:func:`reflect_tui.paths.user_prompts_dir`); a user
set whose ``id`` matches a built-in replaces it, any other is added after the built-ins.

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
action item. In all text, single line breaks are joined into spaces and blank lines keep
paragraphs, so long strings may be wrapped freely in the file.

Topics group answers in exports: the article's four supervision themes first, then the
other themes, then ``question`` (the question a clinician wants to bring to supervision).

Nothing here raises for a bad user file: :func:`load_library` collects each problem as a
:class:`PromptProblem` (path, where, what is expected) and loads every other set.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ClassVar, Final, Literal, Self, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from reflect_tui import paths

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
        return self

    def scale_text(self, number: int) -> str:
        """The readable form of an answer to this scale, stored beside its number."""
        low, high = self.scale_labels
        return f"{number} on a scale from {self.scale_min} ({low}) to {self.scale_max} ({high})"


def _duplicate_ids(ids: list[object]) -> list[dict[str, Any]]:
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
        for error in _duplicate_ids([prompt.id for prompt in prompts]):
            raise PydanticCustomError("duplicate_prompt_id", error["msg"])
        return prompts

    def prompt(self, prompt_id: str) -> Prompt:
        """The prompt with this id; ``KeyError`` if there is none."""
        for candidate in self.prompts:
            if candidate.id == prompt_id:
                return candidate
        raise KeyError(prompt_id)


@dataclass(frozen=True)
class PromptProblem:
    """One thing wrong with one file, as a single readable sentence."""

    path: Path
    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}"


class PromptFileError(Exception):
    """A prompt file could not be loaded; ``problems`` says every reason found."""

    def __init__(self, problems: list[PromptProblem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class LoadedSet:
    prompt_set: PromptSet
    source: Path
    builtin: bool
    #: True for a user set that took the place of a built-in with the same id.
    replaces_builtin: bool = False


@dataclass
class PromptLibrary:
    """Every set that loaded (built-ins first, ``end-of-day`` leading) and every problem."""

    sets: dict[str, LoadedSet] = field(default_factory=dict)
    problems: list[PromptProblem] = field(default_factory=list)

    DEFAULT_SET_ID: ClassVar[str] = DEFAULT_SET_ID

    def get(self, set_id: str) -> PromptSet:
        """The set with this id; ``KeyError`` if none loaded."""
        return self.sets[set_id].prompt_set

    def default(self, preferred: str | None = None) -> PromptSet:
        """``preferred`` if it loaded, else ``end-of-day``, else the first set."""
        for set_id in (preferred, DEFAULT_SET_ID):
            if set_id and set_id in self.sets:
                return self.sets[set_id].prompt_set
        if not self.sets:
            raise KeyError("no prompt sets loaded")
        return next(iter(self.sets.values())).prompt_set


# --- reading files: every problem becomes one sentence with a place and an expectation --

_EXPECTED: Final[dict[str, str]] = {
    "id": "a short slug of lowercase letters, digits and hyphens, e.g. 'end-of-day'",
    "title": "a short title in quotes",
    "description": "a sentence or two in quotes",
    "minutes": "a whole number of minutes, e.g. 5",
    "version": "a whole number, e.g. 1",
    "draws_on": 'a list of sources in quotes, e.g. ["Driscoll\'s what / so what / now what"]',
    "prompts": "one or more [[prompts]] tables",
    "text": "the question itself, in quotes",
    "guidance": "a few sentences in quotes",
    "kind": "one of " + ", ".join(f'"{kind}"' for kind in PromptKind),
    "optional": "true or false",
    "topic": "one of " + ", ".join(f'"{topic}"' for topic in TOPICS),
    "scale_min": "a whole number from 0 to 10",
    "scale_max": "a whole number from 1 to 10, larger than scale_min",
    "scale_labels": 'two labels, low end first, e.g. ["Not at all", "Completely"]',
    "options": 'a list of two or more different options, e.g. ["Yes", "No"]',
    "multiple": "true (pick several) or false (pick one)",
}
_PLAIN: Final[dict[str, str]] = {
    "missing": "is missing",
    "too_long": "has too many items",
    "string_type": "should be text in quotes",
    "int_type": "should be a whole number",
    "bool_type": "should be true or false",
    "tuple_type": "should be a list in square brackets",
    "string_pattern_mismatch": "is not a valid slug",
    "model_type": "should be a table of keys",
}


def _describe(error: Any, path: Path, lines: list[str]) -> PromptProblem:
    """One pydantic error as a plain sentence naming the field and what is expected."""
    loc: tuple[int | str, ...] = tuple(error["loc"])
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "prompt_kind":
        loc = (*loc, ctx["key"])
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    if kind == "extra_forbidden":
        model = Prompt if len(loc) > 1 and loc[0] == "prompts" else PromptSet
        what = f"unknown key '{key}'; expected only these keys: {', '.join(model.model_fields)}"
    elif kind in ("literal_error", "enum"):
        what = f"'{error.get('input')}' is not allowed"
    elif kind == "too_short":
        what = "is empty" if ctx.get("actual_length") == 0 else "has too few items"
    elif kind in ("greater_than_equal", "less_than_equal"):
        what = f"{error.get('input')} is out of range"
    elif kind in ("prompt_kind", "duplicate_prompt_id", "empty_text"):
        what = error["msg"]
    else:
        what = _PLAIN.get(kind, error["msg"][:1].lower() + error["msg"][1:])
    expected = None if "; expected" in what else _EXPECTED.get(key)
    message = f"{what}; expected {expected}" if expected else what
    where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    line = _find_line(loc, lines)
    where = f"{where or 'top level'} (line {line})" if line else where or "top level"
    return PromptProblem(path, where, message, line)


def _find_line(loc: tuple[int | str, ...], lines: list[str]) -> int | None:
    """Best-effort line number of a key: top-level, or inside the n-th [[prompts]] table."""
    fallback: int | None = None
    if len(loc) >= 2 and loc[0] == "prompts" and isinstance(loc[1], int):
        headers = [n for n, text in enumerate(lines) if text.strip().startswith("[[prompts]]")]
        if loc[1] >= len(headers):
            return None
        start, fallback = headers[loc[1]], headers[loc[1]] + 1
        end = headers[loc[1] + 1] if loc[1] + 1 < len(headers) else len(lines)
        key = loc[2] if len(loc) > 2 else None
    else:
        start, key = 0, loc[0] if loc else None
        end = next((n for n, text in enumerate(lines) if text.lstrip().startswith("[")), len(lines))
    pattern = re.compile(rf"^\s*{re.escape(str(key))}\s*=")
    found = (n + 1 for n in range(start, end) if isinstance(key, str) and pattern.match(lines[n]))
    return next(found, fallback)


def _toml_problem(path: Path, exc: tomllib.TOMLDecodeError, lines: list[str]) -> PromptProblem:
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    reason = re.sub(r"\s*\(at [^)]*\)", "", str(exc))
    line = int(found[1]) if found else len(lines) or 1
    where = f"line {line}" if found else f"line {line} (end of file)"
    reason = reason[:1].lower() + reason[1:] + (f" at column {found[2]}" if found else "")
    message = (
        f"not valid TOML ({reason}); expected key = value lines with text in quotes, "
        "lists in [square brackets] and each prompt under a [[prompts]] header"
    )
    return PromptProblem(path, where, message, line)


def _file_problem(path: Path, message: str) -> PromptFileError:
    return PromptFileError([PromptProblem(path, "file", message)])


def load_prompt_file(path: Path) -> PromptSet:
    """Read and validate one prompt file; ``PromptFileError`` lists everything wrong."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise _file_problem(path, "is not UTF-8 text; expected a UTF-8 TOML file") from None
    except OSError as exc:
        reason = exc.strerror or "unknown error"
        raise _file_problem(path, f"cannot be read ({reason}); expected a readable file") from None
    lines = raw.splitlines()
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise PromptFileError([_toml_problem(path, exc, lines)]) from None
    try:
        return PromptSet.model_validate(data)
    except ValidationError as exc:
        errors: list[Any] = exc.errors()
    items = data.get("prompts")
    if isinstance(items, list) and items:
        # Report every repeated id, even when other errors stopped pydantic before its own
        # check, and drop the "no prompts" pydantic adds when every prompt failed.
        errors = [e for e in errors if e["type"] != "duplicate_prompt_id"]
        errors = [e for e in errors if (e["type"], e["loc"]) != ("too_short", ("prompts",))]
        errors += _duplicate_ids([i.get("id") if isinstance(i, dict) else None for i in items])
    problems = [_describe(error, path, lines) for error in errors]
    problems.sort(key=lambda problem: problem.line or len(lines) + 1)
    raise PromptFileError(problems)


def check_files(paths_to_check: list[Path]) -> list[PromptProblem]:
    """Every problem in these files (a folder stands for its ``*.toml`` files)."""
    problems: list[PromptProblem] = []
    for path in paths_to_check:
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        if not files:
            message = "has no .toml files; expected prompt set files ending in .toml"
            problems.append(PromptProblem(path, "folder", message))
        for file in files:
            try:
                load_prompt_file(file)
            except PromptFileError as exc:
                problems.extend(exc.problems)
    return problems


def builtin_prompts_dir() -> Path | None:
    """The built-in sets: inside the installed package, else the checkout's ``prompts/``."""
    package = Path(__file__).resolve().parent
    if (package / "builtin_prompts").is_dir():
        return package / "builtin_prompts"
    checkout = package.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "prompts").is_dir():
        return checkout / "prompts"
    return None


def _load_folder(folder: Path, library: PromptLibrary) -> list[tuple[Path, PromptSet]]:
    """Each valid set in the folder, in file name order; problems go to ``library``."""
    try:
        files = sorted(item for item in folder.glob("*.toml") if item.is_file())
    except OSError as exc:
        reason = exc.strerror or "unknown error"
        library.problems.append(PromptProblem(folder, "folder", f"cannot be read ({reason})"))
        return []
    loaded = []
    for file in files:
        try:
            loaded.append((file, load_prompt_file(file)))
        except PromptFileError as exc:
            library.problems.extend(exc.problems)
    return loaded


def load_library(user_dir: Path | None = None) -> PromptLibrary:
    """Built-in sets, then the user's; never raises for a bad or missing file."""
    library = PromptLibrary()
    builtin_dir = builtin_prompts_dir()
    builtins: dict[str, LoadedSet] = {}
    if builtin_dir is None:
        here = Path(__file__).resolve().parent / "builtin_prompts"
        library.problems.append(PromptProblem(here, "folder", "built-in prompt sets are missing"))
    else:
        for file, prompt_set in _load_folder(builtin_dir, library):
            builtins.setdefault(prompt_set.id, LoadedSet(prompt_set, file, builtin=True))
    rank = {set_id: n for n, set_id in enumerate(BUILTIN_ORDER)}
    for set_id in sorted(builtins, key=lambda sid: (rank.get(sid, len(rank)), sid)):
        library.sets[set_id] = builtins[set_id]

    user_dir = paths.user_prompts_dir() if user_dir is None else user_dir
    if user_dir.exists() and not user_dir.is_dir():
        message = "is not a folder; expected a folder of .toml prompt files"
        library.problems.append(PromptProblem(user_dir, "folder", message))
    taken: dict[str, Path] = {}
    for file, prompt_set in _load_folder(user_dir, library) if user_dir.is_dir() else []:
        if prompt_set.id in taken:
            message = (
                f"'{prompt_set.id}' is already used by {taken[prompt_set.id]}; expected a new id"
            )
            library.problems.append(PromptProblem(file, "id", message))
            continue
        taken[prompt_set.id] = file
        replaces = prompt_set.id in builtins
        library.sets[prompt_set.id] = LoadedSet(prompt_set, file, False, replaces)
    return library
