"""``reflect write``: a reflection as plain lines of text, for screen readers."""

from __future__ import annotations

import argparse
import sys

from reflect_tui.cli.common import open_journal, settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    write = sub.add_parser(
        "write",
        help="write a reflection as plain lines of text (for screen readers and braille)",
        description=(
            "A guided reflection as a conversation in the terminal: each prompt on a line, "
            "your answer read line by line, nothing redrawn. A blank line ends an answer."
        ),
    )
    write.add_argument("set_id", nargs="?", metavar="SET", help="the prompt set (default: yours)")
    write.add_argument(
        "--resume", action="store_true", help="carry on with the last unfinished reflection"
    )
    write.set_defaults(handler=write_command)


def write_command(args: argparse.Namespace) -> int:
    from reflect_tui.plain import Lines, interruptible, write_reflection
    from reflect_tui.prompts import load_library

    config = settings()
    library = load_library()
    if sentence := library.problems_sentence():
        print(f"reflect: {sentence}", file=sys.stderr)
    # Stops are caught from the passphrase on, and ignored after the first until the
    # journal is closed (saved), however the conversation ends.
    with interruptible(), open_journal(args, write=True) as journal:
        return write_reflection(
            journal,
            library,
            Lines(sys.stdin, sys.stdout),
            set_id=args.set_id,
            preferred=config.default_set,
            resume=args.resume,
        )
