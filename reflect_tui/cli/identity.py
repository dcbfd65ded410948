"""``reflect identity show`` and ``edit``: the clinician's identity map in a terminal.

``show`` prints the latest version (or ``--version N``, or what changed between two
with ``--compare A B``) from the last saved state, without a lock or SQLAlchemy.

``edit`` saves a new version. On a terminal it asks one line a domain, showing last
time's words (Enter keeps them, ``-`` empties the domain), then what has changed. From
a pipe it reads the passphrase line and then the whole map, one line a domain (see
:func:`reflect_tui.core.identity.parse_lines`)::

    gender: a woman, and a mother now | both | visible | salient
    social_class: first in my family at university | privilege | hidden
    note: Becoming a parent changed how clients see me

After the description each part is optional and in any order: privilege,
marginalisation, both, neither or unsure; visible, sometimes or hidden; salient (often
present in my work). Domains left out are empty in the new version.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reflect_tui.cli.common import (
    open_journal,
    open_reader,
    read_lines,
    read_passphrase,
    vault_path,
)
from reflect_tui.cli.export import UsageProblem
from reflect_tui.core.identity import (
    DOMAIN_KEYS,
    DOMAINS,
    DomainEntry,
    IdentityMap,
    IdentityProblem,
    compare_lines,
    map_lines,
    parse_entry_line,
    parse_lines,
)

if TYPE_CHECKING:
    from reflect_tui.journal import Journal

NONE_YET = (
    "No identity map is saved yet: write one with 'reflect identity edit', "
    "or in the app (My identity map, key m on Home)."
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    identity = sub.add_parser(
        "identity",
        help="your identity map: who you are across Hays' ADDRESSING domains, kept over time",
        description=(
            "Your identity map, for you alone: in your own words, each ADDRESSING domain, "
            "whether it tends to bring privilege or marginalisation in your work, whether "
            "clients can see or hear it, and which are often present. Each save is a new "
            "version; earlier ones are kept. It is never exported unless you ask."
        ),
    )
    commands = identity.add_subparsers(title="commands", metavar="COMMAND", required=True)
    show = commands.add_parser("show", help="print the latest map, a chosen version, or a compare")
    show.add_argument("--version", type=int, metavar="N", help="the Nth saved version")
    show.add_argument(
        "--compare", type=int, nargs=2, metavar=("A", "B"), help="what changed from A to B"
    )
    show.set_defaults(handler=show_map)
    edit = commands.add_parser(
        "edit",
        help="save a new version (asks on a terminal; from a pipe reads one line a domain)",
        description=(
            "Save a new version of your map. On a terminal each domain is asked in one "
            "line, with last time's words. From a pipe: the passphrase line, then "
            "'domain: description | marks' lines, where the domain is one of "
            f"{', '.join(DOMAIN_KEYS)} and the marks (optional, any order) are "
            "privilege, marginalisation, both, neither or unsure; visible, sometimes or "
            "hidden; and salient. A 'note:' line says what has changed. Domains left out "
            "are empty."
        ),
    )
    edit.set_defaults(handler=edit_map)


def _chosen(maps: list[IdentityMap], number: int) -> IdentityMap:
    if not 1 <= number <= len(maps):
        raise UsageProblem(
            f"There is no version {number}: versions 1 to {len(maps)} are saved "
            "(reflect identity show lists them)."
        )
    return maps[number - 1]


def show_map(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        maps = journal.identity_maps()
    if not maps:
        print(NONE_YET)
        return 0
    if args.compare:
        older, newer = (_chosen(maps, n) for n in args.compare)
        print("\n".join(compare_lines(older, newer)))
        return 0
    shown = _chosen(maps, args.version) if args.version is not None else maps[-1]
    print("\n".join(map_lines(shown)))
    if len(maps) > 1:
        print()
        print("Saved versions: " + ", ".join(f"{m.number} ({m.day.isoformat()})" for m in maps))
    return 0


def _line_of(entry: DomainEntry) -> str:
    marks = [entry.stance, {"yes": "visible", "no": "hidden"}.get(entry.visible, entry.visible)]
    marks.append("salient" if entry.salient else "")
    return " | ".join([entry.description, *(m for m in marks if m)])


def _asked(last: IdentityMap | None) -> tuple[list[DomainEntry], str]:
    print(
        "My identity map: for you alone, never exported unless you ask. One line a domain: "
        "your words, then if you like | privilege, marginalisation, both, neither or "
        "unsure | visible, sometimes or hidden | salient (often present in your work)."
    )
    print("Enter keeps last time's line; '-' leaves the domain empty.")
    entries: list[DomainEntry] = []
    try:
        return _ask_all(last, entries)
    except (KeyboardInterrupt, EOFError):
        _show_typed(entries)
        raise KeyboardInterrupt from None


def _show_typed(entries: list[DomainEntry]) -> None:
    """Ctrl+C or the end of input part-way: the lines so far, in the pipe format, so
    what was typed is never just dropped."""
    lines = [f"{e.domain}: {_line_of(e)}" for e in entries if not e.empty]
    if lines:
        print("\n\nStopped: nothing was saved. What you had so far, to pipe back into")
        print("'reflect identity edit' after the passphrase line:\n")
        print("\n".join(lines))


def _ask_all(last: IdentityMap | None, entries: list[DomainEntry]) -> tuple[list[DomainEntry], str]:
    for domain in DOMAINS:
        before = _line_of(last.entry(domain.key)) if last else ""
        print(f"\n{domain.name}: {domain.question}")
        if before:
            print(f"  last time: {before}")
        while True:
            answer = input("  now: ").strip()
            line = before if not answer else "" if answer == "-" else answer
            try:
                entries.append(parse_entry_line(domain.key, line))
            except IdentityProblem as exc:
                print("  " + str(exc).replace("; nothing was saved.", "; please try again."))
                continue
            break
    ask = "What has changed in how you see it? " if last else "Anything to note (Enter for none)? "
    return entries, input(f"\n{ask}")


def _store(journal: Journal, entries: list[DomainEntry], note: str) -> int:
    try:
        journal.save_identity_map(entries, note)
    except IdentityProblem as exc:
        raise UsageProblem(str(exc)) from None
    number = len(journal.identity_maps())
    print(f"Saved version {number} of your identity map. Earlier versions are kept.")
    return 0


def edit_map(args: argparse.Namespace) -> int:
    if sys.stdin.isatty():
        with open_journal(args, write=True) as journal:
            entries, note = _asked(journal.latest_identity_map())
            return _store(journal, entries, note)
    from reflect_tui.journal import Journal

    path = vault_path(args)
    Journal.check_exists(path)
    passphrase = read_passphrase()
    try:  # checked before the vault is opened: a refused map changes nothing
        parsed, note = parse_lines("".join(read_lines("identity map")))
    except IdentityProblem as exc:
        raise UsageProblem(str(exc)) from None
    with Journal.open(path, passphrase) as journal:
        return _store(journal, list(parsed), note)
