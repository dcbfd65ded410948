"""Loading prompt sets: the built-ins, then the clinician's own, every problem reported.

Built-in sets live in ``prompts/`` in a source checkout and ship in the wheel as
``reflect_tui/builtin_prompts/``. A clinician's own sets live in
``<user config dir>/prompts/*.toml`` (:func:`reflect_tui.core.paths.user_prompts_dir`); a
user set whose ``id`` matches a built-in replaces it, any other is added after the
built-ins.

Nothing here raises for a bad user file: :func:`load_library` collects each problem as a
:class:`PromptProblem` (path, where, what is expected) and loads every other set.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Final

from pydantic import ValidationError

from reflect_tui.core import paths
from reflect_tui.prompts.schema import (
    BUILTIN_ORDER,
    DEFAULT_SET_ID,
    TOPICS,
    Prompt,
    PromptKind,
    PromptSet,
    duplicate_ids,
)


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

    def map_prompts(self) -> frozenset[tuple[str, str]]:
        """(set id, prompt id) of every prompt that draws on the identity map."""
        return frozenset(
            (set_id, prompt.id)
            for set_id, loaded in self.sets.items()
            for prompt in loaded.prompt_set.prompts
            if prompt.uses_identity_map
        )

    def problems_sentence(self) -> str | None:
        """What to tell the clinician when a prompt file was skipped (None: all loaded)."""
        if not self.problems:
            return None
        first, rest = self.problems[0], len(self.problems) - 1
        more = f" {rest} more: run 'reflect prompts check' to see them all." if rest else ""
        return f"A prompt file was skipped; the other sets are ready. {first}.{more}"

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
    except RecursionError:  # tomllib recurses per level of nested lists or tables
        message = "nests lists or tables thousands of levels deep; expected a prompt set"
        raise _file_problem(path, message) from None
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
        errors += duplicate_ids([i.get("id") if isinstance(i, dict) else None for i in items])
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
    package = Path(__file__).resolve().parent.parent  # reflect_tui/
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
        here = Path(__file__).resolve().parent.parent / "builtin_prompts"
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
