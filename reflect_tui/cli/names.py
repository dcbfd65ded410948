"""``reflect names``: words the identifier check should not ask about again.

Before an export, reflect asks about each possible name it finds. A word that is not a
name (a theorist, a service, an ordinary word with a capital) can be marked fine once;
the list is kept in the encrypted vault, beside the watch list.
"""

from __future__ import annotations

import argparse
from typing import Any

from reflect_tui.cli.common import error, open_journal, open_reader
from reflect_tui.cli.export import words_from


def register(sub: argparse._SubParsersAction[Any]) -> None:
    names = sub.add_parser(
        "names",
        help="words the export check should not ask about as possible names",
        description=(
            "The identifier check asks about each possible name before an export. "
            "Mark words that are not names as fine, and it asks no more."
        ),
    )
    actions = names.add_subparsers(title="actions", metavar="ACTION", dest="names_action")
    fine = actions.add_parser("fine", help="these words are not names: stop asking")
    fine.add_argument("words", nargs="*", metavar="WORD")
    fine.set_defaults(handler=names_fine)
    ask = actions.add_parser("ask", help="ask about these words again")
    ask.add_argument("words", nargs="*", metavar="WORD")
    ask.set_defaults(handler=names_ask)
    listing = actions.add_parser("list", help="show the words marked fine")
    listing.set_defaults(handler=names_list)
    names.set_defaults(handler=names_list)


def names_fine(args: argparse.Namespace) -> int:
    with open_journal(args, write=True) as journal:
        for word in words_from(args):
            if journal.add_fine_word(word):
                print(f"“{word}” will not be asked about as a name again.")
            else:
                print(f"“{word}” was already marked fine.")
    return 0


def names_ask(args: argparse.Namespace) -> int:
    missing = 0
    with open_journal(args, write=True) as journal:
        for word in words_from(args):
            if journal.remove_fine_word(word):
                print(f"“{word}” will be asked about again.")
            else:
                missing += 1
                error(f"“{word}” was not marked fine.")
    return 1 if missing else 0


def names_list(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        words = journal.fine_words()
    print("\n".join(words) if words else "No words are marked fine yet.")
    return 0
