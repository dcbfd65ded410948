"""``reflect supervision add``, ``list`` and ``log``: the supervision record.

``add`` asks for each part of a meeting on a terminal (asking again when an answer
cannot be taken, so nothing typed is lost); from a pipe it reads the passphrase line and
then ``key: value`` lines (see :func:`reflect_tui.core.supervision.parse_lines`)::

    date: 2026-03-03
    minutes: 90
    format: group
    with: clinical lead
    brought: The rupture with a client
    took away: Repair is possible
    will do: Name the rupture next session
      Read about repair
    functions: formative, restorative
    took up: all
    summary: Rupture and repair

"took up" marks what the meeting discussed of what was prepared for supervision and is
still waiting (flagged answers and questions up to the meeting's day, newest first, as
``add`` lists them on a terminal): ``all``, ``none`` or their numbers (``1 3``).

``list`` and ``log`` read the last saved state without a lock; ``log`` runs the
identifier check on everything it would write and stops on findings like an export.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from reflect_tui.cli.common import (
    error,
    open_journal,
    open_reader,
    read_lines,
    read_passphrase,
    settings,
    vault_path,
)
from reflect_tui.cli.export import (
    EXIT_IDENTIFIERS,
    UsageProblem,
    _date,
    _print_findings,
    write_output,
)
from reflect_tui.core import clock, paths
from reflect_tui.core.supervision import (
    FORMATS,
    FUNCTIONS,
    MeetingInput,
    MeetingProblem,
    PreparedItem,
    checked_input,
    parse_day,
    parse_format,
    parse_functions,
    parse_lines,
    parse_minutes,
    parse_taken_up,
)
from reflect_tui.journal.supervision_records import MOST_PREPARED

if TYPE_CHECKING:
    from reflect_tui.journal import Journal


def register(sub: argparse._SubParsersAction[Any]) -> None:
    supervision = sub.add_parser(
        "supervision",
        help="record supervision meetings, list them, and make the log for accreditation",
        description=(
            "Your supervision record: what was agreed at each meeting (each 'will do' "
            "line becomes an open action, followed up like any other), the hours, and "
            "a log to hand to an accrediting body or an employer."
        ),
    )
    commands = supervision.add_subparsers(title="commands", metavar="COMMAND", required=True)
    add = commands.add_parser(
        "add",
        help="record a meeting (asks on a terminal; from a pipe reads 'key: value' lines)",
        description=(
            "Record a supervision meeting. On a terminal each part is asked for. From a "
            "pipe: the passphrase line, then lines 'date:', 'minutes:', 'format:' "
            "(individual, group or peer), 'with:' (a role or initials, never a name), "
            "'brought:', 'took away:', 'will do:' (one action a line; a line without a "
            "key carries on the one before), 'functions:' (normative, formative, "
            "restorative), 'took up:' (what it discussed of what you prepared and is "
            "still waiting: all, none, or the numbers a terminal lists, newest first) and "
            "'summary:'. Only minutes and one of the texts are needed."
        ),
    )
    add.set_defaults(handler=add_meeting)
    listing = commands.add_parser("list", help="the meetings recorded, oldest first")
    _period(listing)
    listing.set_defaults(handler=list_meetings)
    log = commands.add_parser(
        "log",
        help="the supervision log: meetings, counted minutes, actions agreed, totals",
        description=(
            "The log to hand to an accrediting body or an employer: date, minutes, "
            "counted minutes, format, functions, your summary line and the actions "
            "agreed with their outcome, with totals per month and for the period. What "
            "you brought and took away only with --with-notes. It is checked for "
            "identifiers first, like an export."
        ),
    )
    log.add_argument("--format", choices=("markdown", "csv"), default="markdown")
    _period(log)
    log.add_argument("--with-notes", action="store_true", help="add what you brought and took away")
    log.add_argument("-o", "--output", metavar="FILE", default="-", help="('-': stdout)")
    log.add_argument("--force", action="store_true", help="replace FILE if it exists")
    choice = log.add_mutually_exclusive_group()
    choice.add_argument("--redact", action="store_true", help="replace identifiers with labels")
    choice.add_argument(
        "--allow-identifiers", action="store_true", help="write identifiers as written"
    )
    log.set_defaults(handler=write_log)


def _period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")


def _group_share() -> float:
    return settings().group_supervision_share


# --- add --------------------------------------------------------------------------------


def add_meeting(args: argparse.Namespace) -> int:
    share = _group_share()
    if sys.stdin.isatty():
        with open_journal(args, write=True) as journal:
            meeting, taken = _asked(journal)
            return _store(journal, meeting, share, taken)
    from reflect_tui.journal import Journal

    path = vault_path(args)
    Journal.check_exists(path)
    passphrase = read_passphrase()
    try:  # checked before the vault is opened: a refused meeting changes nothing
        values = parse_lines("".join(read_lines("meeting")))
        meeting = checked_input(values, clock.today())
    except MeetingProblem as exc:
        raise UsageProblem(str(exc)) from None
    with Journal.open(path, passphrase) as journal:
        took_up = values.get("took up", "")
        # "all" is everything waiting, beyond the newest a terminal lists.
        everything = took_up.strip().lower() == "all"
        waiting = journal.prepared_items(meeting.day, limit=None if everything else MOST_PREPARED)
        try:
            chosen = parse_taken_up(took_up, len(waiting))
        except MeetingProblem as exc:
            raise UsageProblem(str(exc)) from None
        return _store(journal, meeting, share, [waiting[i] for i in chosen])


def _store(journal: Journal, meeting: MeetingInput, share: float, taken: list[PreparedItem]) -> int:
    try:
        journal.add_meeting(meeting, group_share=share, discussed=[i.answer_id for i in taken])
    except MeetingProblem as exc:
        raise UsageProblem(str(exc)) from None
    actions = len(meeting.will_do)
    said = f"Recorded the meeting of {meeting.day.isoformat()} ({meeting.minutes} minutes)"
    if actions:
        said += f" and {actions} action{'s' if actions != 1 else ''} to follow up"
    if taken:
        said += f"; {len(taken)} prepared item{'s' if len(taken) != 1 else ''} marked as discussed"
    print(said + ".")
    return 0


def _ask_taken_up(journal: Journal, values: dict[str, str]) -> list[PreparedItem]:
    """List what was prepared and is waiting up to the meeting's day; ask which of it
    the meeting took up (the answer kept in ``values`` as it is given)."""
    day = parse_day(values["date"], clock.today())
    waiting = journal.prepared_items(day)
    if not waiting:
        return []
    print("What you prepared for supervision that is still waiting, newest first:")
    if len(waiting) == MOST_PREPARED and (count := journal.waiting_count(day)) > len(waiting):
        print(f"  (the newest {len(waiting)} of {count}; 'all' takes up all {count})")
    for number, item in enumerate(waiting, 1):
        print(f"  {number:>2}. {item.day.isoformat()}  {item.opening[:60]}  ({item.prompt[:40]})")
    answer = _ask(
        "Which did it take up? (numbers like 1 3, 'all', or Enter for none): ",
        lambda t: parse_taken_up(t, len(waiting)),
    )
    values["took up"] = answer
    if answer.strip().lower() == "all":
        waiting = journal.prepared_items(day, limit=None)
    return [waiting[i] for i in parse_taken_up(answer, len(waiting))]


def _ask(prompt: str, check: Callable[[str], object]) -> str:
    """One line, asked again until ``check`` takes it (its problem said each time)."""
    while True:
        answer = input(prompt)
        try:
            check(answer)
        except MeetingProblem as exc:
            print(str(exc).replace("; nothing was saved.", "; please try again."))
            continue
        return answer


def _ask_lines(prompt: str, values: dict[str, str], key: str) -> str:
    """Lines until an empty one, each kept in ``values[key]`` as it is typed."""
    print(prompt)
    lines: list[str] = []
    while (line := input("  ")).strip() not in ("", "."):
        lines.append(line)
        values[key] = "\n".join(lines)
    return "\n".join(lines)


def _asked(journal: Journal) -> tuple[MeetingInput, list[PreparedItem]]:
    today = clock.today()
    values: dict[str, str] = {}
    taken: list[PreparedItem] = []
    print("After supervision: a few lines while it is fresh. Enter keeps a default.")
    try:
        _ask_all(journal, values, today, taken)
    except (KeyboardInterrupt, EOFError):
        return _stopped(values, today), taken
    try:
        return checked_input(values, today), taken
    except MeetingProblem as exc:
        _show_typed(values)
        raise UsageProblem(str(exc)) from None


def _ask_all(
    journal: Journal, values: dict[str, str], today: date, taken: list[PreparedItem]
) -> None:
    """Ask each part in turn, filling ``values`` and ``taken`` as it goes (so a stop
    keeps them)."""
    values["date"] = _ask(f"Date [{today.isoformat()}]: ", lambda t: parse_day(t, today))
    values["minutes"] = _ask("Minutes: ", parse_minutes)
    values["format"] = _ask(f"Format ({', '.join(FORMATS)}) [individual]: ", parse_format)
    values["with"] = _ask("With (a role or initials, never a name): ", journal.check_who)
    print("Write each over as many lines as you like; an empty line ends it.")
    for key, prompt in (
        ("brought", "What I brought:"),
        ("took away", "What I took away:"),
        ("will do", "What I will do (one action a line):"),
    ):
        values[key] = ""
        values[key] = _ask_lines(prompt, values, key)
    values["functions"] = _ask(
        f"Functions it served ({', '.join(FUNCTIONS)}; Enter for none): ", parse_functions
    )
    taken += _ask_taken_up(journal, values)
    values["summary"] = input("One line for the log: ")


def _stopped(values: dict[str, str], today: date) -> MeetingInput:
    """Ctrl+C or the end of input part-way: what was typed is never just dropped. A
    meeting that can be taken as it stands is offered to be saved; otherwise (or when
    declined) the typed parts are printed in the line format, to paste back later."""
    if not any(v.strip() for k, v in values.items() if k not in ("date", "format")):
        raise KeyboardInterrupt
    print()
    try:
        meeting = checked_input(values, today)
        answer = input("Stopped. Save the meeting as far as you wrote it? [Y/n] ")
    except (MeetingProblem, KeyboardInterrupt, EOFError):
        answer = "n"
    if answer.strip().lower() in ("", "y", "yes"):
        return meeting
    _show_typed(values)
    raise KeyboardInterrupt


def _show_typed(values: dict[str, str]) -> None:
    """What was typed, as ``key: value`` lines ``reflect supervision add`` reads back."""
    print(
        "Nothing was saved. What you typed, to keep or to pipe back into "
        "'reflect supervision add' after your passphrase line:"
    )
    for key, value in values.items():
        if value.strip():
            first, *rest = value.splitlines() or [""]
            print(f"{key}: {first}")
            for line in rest:
                print(f"  {line}")


# --- list and log -------------------------------------------------------------------------


def list_meetings(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        meetings = journal.meetings(args.start, args.end)
    if not meetings:
        print("No supervision meetings recorded in that range.")
        return 0
    for m in meetings:
        counted = f"{m.minutes} min" + (
            f" ({m.counted_minutes} counted)" if m.counted_minutes != m.minutes else ""
        )
        open_ = sum(1 for a in m.actions if a.status == "open")
        actions = f", {open_} open action{'s' if open_ != 1 else ''}" if open_ else ""
        who = f" with {m.who}" if m.who else ""
        print(f"{m.day.isoformat()}  {counted}, {m.format}{who}{actions}: {m.summary or '-'}")
    return 0


def write_log(args: argparse.Namespace) -> int:
    from reflect_tui.cli.export import EXIT_OUTPUT_EXISTS, OutputProblem
    from reflect_tui.export.output import OutputExists
    from reflect_tui.export.supervision_check import redact_meetings
    from reflect_tui.export.supervision_log import render_log

    config = settings()
    path = None if args.output == "-" else paths.user_path(args.output)
    if path is not None and path.exists() and not args.force:
        raise OutputProblem(OutputExists(path), EXIT_OUTPUT_EXISTS)
    with open_reader(args) as journal:
        meetings = journal.meetings(args.start, args.end)
        watch, fine = journal.watch_words(), journal.fine_words()
    if not meetings:
        error("no supervision meetings are recorded in that range; nothing was written.")
        return 1
    redacted, findings = redact_meetings(
        meetings, watch, fine, with_notes=args.with_notes, rewrite=args.redact
    )
    if findings and not (args.redact or args.allow_identifiers):
        _print_findings(findings)
        return EXIT_IDENTIFIERS
    text = render_log(
        redacted if args.redact else meetings,
        args.format,
        start=args.start,
        end=args.end,
        with_notes=args.with_notes,
        clinician_name=config.clinician_name,
        target=config.supervision_minutes_per_month,
    )
    where = write_output(path, text, force=args.force)
    count = len(meetings)
    print(
        f"Wrote the log of {count} meeting{'s' if count != 1 else ''} to {where}. "
        "It is plaintext: keep it as carefully as clinical notes.",
        file=sys.stderr,
    )
    return 0
