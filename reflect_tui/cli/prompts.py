"""``reflect prompts list | show ID | check FILE...``: read and check prompt sets.

Results go to stdout, problems to stderr as one sentence each. ``list`` and ``show``
return 0 when they could do their job (problems with user files are warnings);
``check`` returns 0 only when every file is valid, else 1. ``reflect prompts`` alone
lists the sets.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core import paths

if TYPE_CHECKING:  # loaded by the commands that use them (pydantic: a tenth of a second)
    from reflect_tui.prompts import LoadedSet, Prompt, PromptProblem


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``prompts`` and its ``list``, ``show`` and ``check`` subcommands."""
    parser = subparsers.add_parser(
        "prompts",
        help="list, show and check prompt sets",
        description="List, show and check the sets of reflective prompts.",
    )
    parser.set_defaults(handler=list_sets)
    commands = parser.add_subparsers(dest="prompts_command", metavar="COMMAND")

    listing = commands.add_parser("list", help="list every prompt set and where it comes from")
    listing.set_defaults(handler=list_sets)

    show = commands.add_parser("show", help="show one set in full")
    show.add_argument("set_id", metavar="ID", help="the id of the set, e.g. end-of-day")
    show.set_defaults(handler=show_set)

    check = commands.add_parser(
        "check",
        help="check prompt files (exit 0 when all are valid)",
        description="Check prompt set files; a folder stands for its *.toml files.",
    )
    check.add_argument("files", metavar="FILE", nargs="+", type=Path)
    check.set_defaults(handler=check_prompt_files)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _warn(problems: list[PromptProblem]) -> None:
    for problem in problems:
        print(str(problem), file=sys.stderr)


def _source(loaded: LoadedSet) -> str:
    if loaded.builtin:
        return "built-in"
    return f"{loaded.source} (replaces built-in)" if loaded.replaces_builtin else str(loaded.source)


def list_sets(args: argparse.Namespace) -> int:
    """Print one line a set: id, title, minutes, number of prompts, source."""
    from reflect_tui.core.config import load_config
    from reflect_tui.prompts import load_library

    library = load_library()
    default_id = library.default(load_config()[0].default_set).id if library.sets else None
    rows = [("ID", "TITLE", "MIN", "PROMPTS", "SOURCE")]
    for set_id, loaded in library.sets.items():
        marked = f"{set_id} *" if set_id == default_id else set_id
        prompt_set = loaded.prompt_set
        minutes, count = str(prompt_set.minutes), str(len(prompt_set.prompts))
        rows.append((marked, prompt_set.title, minutes, count, _source(loaded)))
    widths = [max(len(row[col]) for row in rows) for col in range(4)]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [row[2].rjust(widths[2]), row[3].rjust(widths[3]), row[4]]
        print("  ".join(cells))
    print(f"\n* the default set. Your own sets go in {paths.user_prompts_dir()}")
    _warn(library.problems)
    if library.problems:
        print("Sets with problems were skipped; the others loaded.", file=sys.stderr)
    return 0


def _describe_kind(prompt: Prompt) -> str:
    from reflect_tui.prompts import PromptKind

    if prompt.kind == PromptKind.SCALE:
        low, high = prompt.scale_labels
        return f'scale {prompt.scale_min} to {prompt.scale_max}, "{low}" to "{high}"'
    if prompt.kind == PromptKind.CHOICE:
        return "choose any" if prompt.multiple else "choose one"
    if prompt.kind == PromptKind.ACTION:
        return "action, kept open until you close it"
    return "text"


def show_set(args: argparse.Namespace) -> int:
    """Print a whole set: its header, what it draws on, and every prompt with guidance."""
    from reflect_tui.prompts import TOPIC_TITLES, load_library

    library = load_library()
    set_id: str = args.set_id
    if set_id not in library.sets:
        known = ", ".join(library.sets) or "none"
        print(f"No prompt set has the id '{set_id}'; the sets are: {known}.", file=sys.stderr)
        _warn([problem for problem in library.problems if problem.path.stem == set_id])
        return 1
    loaded = library.sets[set_id]
    prompt_set = loaded.prompt_set
    width = min(shutil.get_terminal_size((88, 24)).columns, 88) - 1
    body = textwrap.TextWrapper(width=width, initial_indent="   ", subsequent_indent="   ")
    print(f"{prompt_set.title} ({prompt_set.id}, version {prompt_set.version})")
    count = _plural(len(prompt_set.prompts), "prompt")
    print(f"About {prompt_set.minutes} minutes, {count}. Source: {_source(loaded)}")
    print()
    for paragraph in prompt_set.description.split("\n\n"):
        print(textwrap.fill(paragraph, width=width))
    if prompt_set.draws_on:
        print("\nDraws on:")
        for source in prompt_set.draws_on:
            print(textwrap.fill(source, width, initial_indent=" - ", subsequent_indent="   "))
    for number, prompt in enumerate(prompt_set.prompts, start=1):
        print()
        optional = ", optional" if prompt.optional else ""
        print(textwrap.fill(f"{number}. {prompt.text}", width, subsequent_indent="   "))
        topic = TOPIC_TITLES.get(prompt.topic, prompt.topic)
        print(body.fill(f"[{prompt.id}: {_describe_kind(prompt)}{optional}; topic: {topic}]"))
        for option in prompt.options:
            print(f"     ( ) {option}" if not prompt.multiple else f"     [ ] {option}")
        for paragraph in prompt.guidance.split("\n\n") if prompt.guidance else []:
            print(body.fill(paragraph))
    return 0


def check_prompt_files(args: argparse.Namespace) -> int:
    """Check each file (a folder means its ``*.toml``); 0 when all are valid, else 1."""
    from reflect_tui.prompts import PromptFileError, check_files, load_prompt_file

    problems: list[PromptProblem] = []
    for path in args.files:
        found = check_files([path]) if path.is_dir() and not any(path.glob("*.toml")) else []
        for file in sorted(path.glob("*.toml")) if path.is_dir() else [path]:
            try:
                prompt_set = load_prompt_file(file)
            except PromptFileError as exc:
                found += exc.problems
                continue
            count = _plural(len(prompt_set.prompts), "prompt")
            print(f"{file}: ok (set '{prompt_set.id}', {count})")
        _warn(found)
        problems += found
    if problems:
        files = _plural(len({problem.path for problem in problems}), "file")
        print(f"{_plural(len(problems), 'problem')} in {files}.", file=sys.stderr)
        return 1
    return 0
