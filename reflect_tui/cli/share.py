"""``reflect open-share``: read a sealed share in the terminal, as the supervisor would see it.

A share needs no vault: it holds its own salt and is opened by its own passphrase.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reflect_tui.cli.common import PassphraseUnavailable, read_passphrase
from reflect_tui.cli.export import write_output
from reflect_tui.core import paths
from reflect_tui.vault.errors import VaultError


class ShareProblem(VaultError):
    """A share that cannot be opened, told like a vault problem (one sentence, exit code)."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def register(sub: argparse._SubParsersAction[Any]) -> None:
    share = sub.add_parser(
        "open-share",
        help="open a sealed share (reflect export --format sealed) in the terminal",
        description=(
            "Open a sealed share and print what it holds, as plain text (or the web page "
            "itself with --format html), to check what you sent. No vault is needed: "
            "the share's own passphrase opens it."
        ),
    )
    share.add_argument("file", metavar="FILE", help="the sealed share (.html)")
    share.add_argument("--format", choices=("text", "html"), default="text", help="default: text")
    share.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="write it here ('-': stdout)"
    )
    share.add_argument("--force", action="store_true", help="replace FILE if it exists")
    share.set_defaults(handler=open_share_command)


def open_share_command(args: argparse.Namespace) -> int:
    from reflect_tui.export import sealed

    try:
        page = sealed.read_share_file(paths.user_path(args.file))
        sealed.check_share(page)  # damage is told before a passphrase is asked for
        passphrase = read_passphrase("Share passphrase: ")
        if not sealed.spoken(passphrase):  # only spaces: nothing to try
            raise PassphraseUnavailable()
        opened = sealed.open_share(page, passphrase)
    except sealed.ShareError as problem:
        raise ShareProblem(str(problem), problem.exit_code) from None
    text = opened.html if args.format == "html" else opened.text
    path = None if args.output == "-" else paths.user_path(args.output)
    where = write_output(path, text, force=args.force)
    if path is not None:
        print(
            f"Wrote {where}. It is plaintext: keep it as carefully as clinical notes.",
            file=sys.stderr,
        )
    return 0
