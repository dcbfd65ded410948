"""``reflect export``, ``reflect import`` and ``reflect watchlist``.

An export is plaintext by nature, so it is checked for identifiers before anything is
written, written with mode 0600, and never over an existing file without ``--force``.
An import is read and validated completely before the vault is opened, and stored in
one transaction: all of it, or nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect_tui.cli.common import (
    PassphraseUnavailable,
    error,
    open_journal,
    open_reader,
    read_new_passphrase,
    settings,
    without_cycle_collector,
)
from reflect_tui.core import paths
from reflect_tui.export import FORMATS, THEMES  # light: the rest is loaded when used
from reflect_tui.vault.errors import VaultError

if TYPE_CHECKING:
    from reflect_tui.export import ExportError, RecordFinding, Selection

#: Exit code when the identifier check stopped an export (the findings are listed).
EXIT_IDENTIFIERS = 16
#: Findings listed in full before "and N more".
MAX_LISTED = 60
TOPICS = (*(theme.slug for theme in THEMES), "question")


class OutputProblem(VaultError):
    """The export file exists already, or could not be written."""

    def __init__(self, problem: ExportError, exit_code: int) -> None:
        super().__init__(str(problem))
        self.exit_code = exit_code


#: Exit codes for the two output problems.
EXIT_OUTPUT_EXISTS = 17
EXIT_OUTPUT_FAILED = 18


def write_output(path: Path | None, text: str, *, force: bool) -> str:
    """``text`` to ``path`` (mode 0600, never over a file without ``force``), or to
    standard output for None; where it went, for the sentence that says so."""
    from reflect_tui.export import OutputExists, OutputFailed, write_export

    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return "standard output"
    try:
        write_export(path, text, force=force)
    except OutputExists as exc:
        raise OutputProblem(exc, EXIT_OUTPUT_EXISTS) from None
    except OutputFailed as exc:
        raise OutputProblem(exc, EXIT_OUTPUT_FAILED) from None
    return f"{path} (mode 0600)"


class UsageProblem(VaultError):
    exit_code = 2


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-05") from None


def register(sub: argparse._SubParsersAction[Any]) -> None:
    export = sub.add_parser(
        "export",
        help="export reflections to bring to supervision (a document, plaintext or sealed)",
        description=(
            "Make a supervision-preparation document: your questions for supervision, "
            "your reflections grouped by theme, and your action items. The text is "
            "checked for identifiers first; the file it writes (mode 0600) is plaintext, "
            "except --format sealed: a web page that opens only with a passphrase."
        ),
    )
    export.add_argument(
        "--format",
        choices=FORMATS,
        default="markdown",
        help="default: markdown; sealed: a web page that opens with a passphrase",
    )
    export.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="sealed: read the share's passphrase (after the vault's) instead of making one",
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="the file to write ('-': stdout)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--from", dest="start", type=_date, metavar="YYYY-MM-DD", help="from this day on"
    )
    export.add_argument(
        "--to", dest="end", type=_date, metavar="YYYY-MM-DD", help="up to this day (inclusive)"
    )
    export.add_argument(
        "--flagged", action="store_true", help="only what you flagged (and your questions)"
    )
    export.add_argument(
        "--include-discussed",
        action="store_true",
        help="with --flagged: also what a supervision meeting already discussed",
    )
    export.add_argument("--set", dest="set_id", metavar="ID", help="only this prompt set")
    export.add_argument("--tag", help="only answers with this tag")
    export.add_argument(
        "--topic", choices=TOPICS, metavar="TOPIC", help="only this topic: " + ", ".join(TOPICS)
    )
    export.add_argument(
        "--dates",
        choices=("day", "week"),
        help="show each reflection's day or only its week (default: config export_dates)",
    )
    export.add_argument(
        "--with-identity-map",
        action="store_true",
        help="include your identity map (latest version); without this it never leaves",
    )
    choice = export.add_mutually_exclusive_group()
    choice.add_argument(
        "--redact", action="store_true", help="replace identifiers with labels like [phone]"
    )
    choice.add_argument(
        "--allow-identifiers", action="store_true", help="export identifiers as written"
    )
    export.set_defaults(handler=run_export)

    importer = sub.add_parser(
        "import",
        help="import a reflect JSON export, or a jrnl JSON export",
        description=(
            "Import reflect's own JSON export, or jrnl's (jrnl --format json --file FILE). "
            "The whole file is checked first; it is imported completely or not at all, "
            "and sessions already in the vault are skipped."
        ),
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.set_defaults(handler=run_import)


# --- export -----------------------------------------------------------------------------


def _selection(args: argparse.Namespace) -> Selection:
    from reflect_tui.export import Selection

    try:
        return Selection(
            start=args.start,
            end=args.end,
            flagged_only=args.flagged,
            include_discussed=args.include_discussed,
            set_id=args.set_id,
            tag=args.tag,
            topic=args.topic,
        )
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None


def _print_findings(findings: Sequence[RecordFinding]) -> None:
    from reflect_tui.export import Kind

    count = len(findings)
    error(
        "the export was stopped before anything was written: "
        f"{count} possible identifier{'s were' if count != 1 else ' was'} found."
    )
    lines = [""]
    for finding in findings[:MAX_LISTED]:
        day = finding.day.isoformat() if finding.day else "          "
        lines.append(
            f"  {day}  {finding.where:<9}  {finding.kind.value:<10}  {finding.marked_excerpt()}"
        )
    if count > MAX_LISTED:
        lines.append(f"  ... and {count - MAX_LISTED} more.")
    lines += [
        "",
        "Edit them in the journal, or run the same command again with one of:",
        "  --redact             replace each with a label such as [phone] or [redacted]",
        "  --allow-identifiers  keep them as written",
    ]
    names = sorted({f.word for f in findings if f.kind is Kind.NAME and f.word})
    if names:
        lines += [
            "A possible name that is not one (a theorist, a place, an ordinary word) is",
            "never asked about again once you say so: reflect names fine WORD ...",
        ]
    print("\n".join(lines), file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    with without_cycle_collector():
        return _export(args)


def _export(args: argparse.Namespace) -> int:
    from reflect_tui.export import (
        DocumentOptions,
        IdentifierChoice,
        IdentifiersFound,
        OutputExists,
        build_export,
        plan_export,
        render,
    )

    config = settings()
    dates = args.dates or config.export_dates
    if args.format == "json" and args.dates == "week":
        raise UsageProblem(
            "JSON is the complete, lossless form and keeps exact times; for a week-dated "
            "handout use --format markdown, html, sealed or text."
        )
    if args.passphrase_stdin and args.format != "sealed":
        raise UsageProblem("--passphrase-stdin is for --format sealed only.")
    if args.format == "sealed" and not args.passphrase_stdin and not sys.stderr.isatty():
        # The passphrase is shown once, on stderr: into a file or a pipe it could be lost
        # (the share then opens for nobody) or kept in a log beside the share.
        raise UsageProblem(
            "A sealed share's passphrase is shown only on a terminal, and standard error "
            "is not one; nothing was written. Run it in a terminal, or give your own "
            "passphrase with --passphrase-stdin."
        )
    selection = _selection(args)
    path = None if args.output == "-" else paths.user_path(args.output)
    if path is not None and path.exists() and not args.force:
        raise OutputProblem(OutputExists(path), EXIT_OUTPUT_EXISTS)

    with open_reader(args) as journal:
        last_meeting = journal.last_meeting(selection.end)
        after = last_meeting.day + timedelta(days=1) if last_meeting else None
        if after and args.start is None and (selection.end is None or after <= selection.end):
            # The next preparation starts where the last supervision left off.
            selection = dataclasses.replace(selection, start=after)
            error(
                f"exporting from {after}, the day after your last supervision meeting "
                "(give --from to choose another day)."
            )
        # One day of slack each side: select() then compares local dates exactly.
        start = selection.start - timedelta(days=1) if selection.start else None
        end = selection.end + timedelta(days=1) if selection.end else None
        records = journal.records(start, end)
        actions = journal.action_records()
        watch_words = journal.watch_words()
        fine_words = journal.fine_words()
        known = journal.known_spans()
        maps = journal.identity_maps() if args.with_identity_map else []
    if args.with_identity_map and not maps:
        error("no identity map is saved yet, so the export goes without one.")

    plan = plan_export(
        records,
        actions,
        selection,
        watch_words=watch_words,
        fine_words=fine_words,
        last_meeting=last_meeting,
        identity_map=maps[-1] if maps else None,
        known=known,
    )
    if plan.session_count == 0:
        error("no reflections match that selection; nothing was written.")
        return 1
    choice = (
        IdentifierChoice.REDACT
        if args.redact
        else IdentifierChoice.ALLOW
        if args.allow_identifiers
        else IdentifierChoice.STOP
    )
    options = DocumentOptions(clinician_name=config.clinician_name, dates=dates)
    try:
        document = build_export(plan, choice, options)
    except IdentifiersFound as found:
        _print_findings(found.findings)
        return EXIT_IDENTIFIERS
    share_passphrase = None
    if args.format == "sealed":
        from reflect_tui.export.sealed import new_share_passphrase

        share_passphrase = _share_passphrase() if args.passphrase_stdin else new_share_passphrase()
    text = render(document, args.format, passphrase=share_passphrase)

    where = write_output(path, text, force=args.force)
    reflections = plan.answer_count
    summary = (
        f"Exported {reflections} reflection{'s' if reflections != 1 else ''} from "
        f"{plan.session_count} session{'s' if plan.session_count != 1 else ''} to {where}. "
    )
    if args.format == "sealed":
        summary += "It is sealed: it opens in a web browser, or with reflect open-share."
    else:
        summary += "It is plaintext: keep it as carefully as clinical notes."
    if document.check.total:
        verb = "Redacted" if choice is IdentifierChoice.REDACT else "Kept as written"
        summary += f" {verb}: {document.check.describe_counts()}."
    print(summary, file=sys.stderr)
    if share_passphrase is not None and not args.passphrase_stdin:
        print(_passphrase_notice(share_passphrase), file=sys.stderr)
    return 0


def _share_passphrase() -> str:
    """The share passphrase a script gives: held to the same rule as a vault's."""
    from reflect_tui.core.passphrase_strength import estimate
    from reflect_tui.export.sealed import spoken

    try:
        passphrase = read_new_passphrase("Share passphrase")
    except PassphraseUnavailable:
        raise UsageProblem(
            "No share passphrase was given; with --passphrase-stdin, put it on the line "
            "after the vault's passphrase."
        ) from None
    strength = estimate(spoken(passphrase))  # as the key sees it: no case or spacing
    if not strength.acceptable:
        raise UsageProblem(
            f"That share passphrase is too weak; nothing was written. {strength.advice}"
        )
    return passphrase


def _passphrase_notice(passphrase: str) -> str:
    return "\n".join(
        [
            "",
            "The passphrase that opens it, shown only now:",
            "",
            f"    {passphrase}",
            "",
            "Tell it to your supervisor by voice, or send it by another channel: never in",
            "the same e-mail or message as the file. Spaces and capitals do not matter.",
        ]
    )


# --- import -----------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    from reflect_tui.export import ImportRefused as UnreadableImport
    from reflect_tui.export import read_import_file, split_duplicates

    try:
        imported = read_import_file(paths.user_path(args.file))
    except UnreadableImport as exc:
        from reflect_tui.journal import ImportRefused

        raise ImportRefused(str(exc).rstrip(".")) from None
    with open_journal(args, write=True) as journal:
        fresh, duplicates = split_duplicates(imported.sessions, journal.records())
        count = journal.import_records(fresh) if fresh else 0
    message = f"Imported {count} session{'s' if count != 1 else ''} from {imported.source_name}"
    if duplicates:
        already = len(duplicates)
        message += f"; {already} already in the vault {'were' if already != 1 else 'was'} skipped"
    print(message + ".")
    return 0
