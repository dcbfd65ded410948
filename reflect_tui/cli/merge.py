"""``reflect merge OTHER``: bring another copy of the journal (a sync tool's conflict
copy, reflect's own, or a copy kept on another computer) into this one.

Nothing either copy holds is lost (see :mod:`reflect_tui.journal.merge`); the other
file is left as it was. A copy of this vault opens with this vault's key; another
vault's passphrase is asked only if this one's does not open it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reflect_tui.cli.common import read_passphrase, vault_path
from reflect_tui.core import paths
from reflect_tui.vault.errors import VaultError


class OtherMissing(VaultError):
    exit_code = 3

    def __init__(self, path: Path) -> None:
        super().__init__(f"There is no file at {path}; check the path of the copy to merge.")


class OtherPassphraseWrong(VaultError):
    exit_code = 5

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"That passphrase does not open {path.name}; nothing was merged. "
            "Check it and try again."
        )


def register(sub: argparse._SubParsersAction[Any]) -> None:
    merge = sub.add_parser(
        "merge",
        help="merge another copy of the journal (a sync tool's conflict copy) into this one",
        description=(
            "Brings everything in OTHER into your vault: reflections, answers, actions, "
            "tags, flags and word lists, matched by identity. When both copies changed "
            "the same answer, both versions are kept. OTHER is left as it was."
        ),
    )
    merge.add_argument("other", metavar="OTHER", help="the other copy (a .reflect file)")
    merge.set_defaults(handler=merge_command)


def merge_command(args: argparse.Namespace) -> int:
    from reflect_tui.journal import Journal, WrongPassphrase

    path = vault_path(args)
    other = paths.user_path(args.other)
    Journal.check_exists(path)
    if not other.is_file():
        raise OtherMissing(other)
    passphrase = read_passphrase()
    with Journal.open(path, passphrase) as journal:
        try:
            summary = journal.merge_from(other, [passphrase])
        except WrongPassphrase:
            try:
                summary = journal.merge_from(
                    other, [read_passphrase(f"Passphrase of {other.name}: ")]
                )
            except WrongPassphrase:
                raise OtherPassphraseWrong(other) from None
        print(f"Merged {other} into {journal.path}.")
        for line in summary.lines():
            print(line)
        print(f"{other.name} is left as it was; delete it once you no longer need it.")
    return 0
