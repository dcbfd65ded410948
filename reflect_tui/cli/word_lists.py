"""``reflect watchlist`` and ``reflect names``: the clinician's two word lists.

The watch list holds words that must never leave in an export (names, places); the
fine words are words the identifier check need not ask about as possible names. Both
live inside the encrypted vault. Words are typed at a prompt (or piped after the
passphrase), so names stay out of the shell's history; giving them as arguments works
too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from reflect_tui.cli.common import as_text, error, open_journal, open_reader, read_lines
from reflect_tui.core.records import normalise_watch_word

PRIVATE = (
    "leave out WORD to type the words at a prompt instead (or, from a script, one per "
    "line after the passphrase), so names stay out of your shell history"
)


def register(sub: argparse._SubParsersAction[Any]) -> None:
    watch = sub.add_parser(
        "watchlist",
        help="words that must never leave in an export (names, places)",
        description=(
            "Your watch list is kept inside the encrypted vault. Exports stop when a "
            "word on it appears, whatever the case or accents."
        ),
    )
    actions = watch.add_subparsers(title="actions", metavar="ACTION", dest="watch_action")
    _words_command(actions, "add", "add words or phrases", watch_add)
    _words_command(actions, "remove", "remove words or phrases", watch_remove)
    actions.add_parser("list", help="show the watch list").set_defaults(handler=watch_list)
    watch.set_defaults(handler=watch_list)

    names = sub.add_parser(
        "names",
        help="words the export check should not ask about as possible names",
        description=(
            "The identifier check asks about each possible name before an export. "
            "Mark words that are not names as fine, and it asks no more."
        ),
    )
    actions = names.add_subparsers(title="actions", metavar="ACTION", dest="names_action")
    _words_command(actions, "fine", "these words are not names: stop asking", names_fine)
    _words_command(actions, "ask", "ask about these words again", names_ask)
    actions.add_parser("list", help="show the words marked fine").set_defaults(handler=names_list)
    names.set_defaults(handler=names_list)


def _words_command(
    actions: argparse._SubParsersAction[Any],
    name: str,
    help_text: str,
    handler: Callable[[argparse.Namespace], int],
) -> None:
    command = actions.add_parser(name, help=help_text, description=PRIVATE)
    command.add_argument("words", nargs="*", metavar="WORD")
    command.set_defaults(handler=handler)


def words_from(args: argparse.Namespace) -> list[str]:
    """The words given, or else read after the passphrase: a prompt on a terminal, else
    the remaining lines of standard input (never the command line, never history); each
    in its stored form, blank ones left out."""
    if args.words:
        words = list(args.words)
    elif not sys.stdin.isatty():
        words = read_lines("watch-list word")
    else:
        words = []
        print("Type one word or phrase a line; an empty line finishes.", file=sys.stderr)
        while word := as_text(input("Word or phrase: "), "watch-list word").strip():
            words.append(word)
    return [clean for word in words if (clean := normalise_watch_word(word))]


def _change(
    args: argparse.Namespace,
    change: Callable[[Any, str], bool],
    done: str,
    not_done: str,
    *,
    not_done_is_error: bool,
) -> int:
    """Apply ``change`` to each word; ``done`` / ``not_done`` say what happened to it."""
    missing = 0
    with open_journal(args, write=True) as journal:
        for word in words_from(args):
            if change(journal, word):
                print(done.format(word=word))
            elif not_done_is_error:
                missing += 1
                error(not_done.format(word=word))
            else:
                print(not_done.format(word=word))
    return 1 if missing else 0


def watch_add(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda journal, word: journal.add_watch_word(word),
        "Added “{word}” to the watch list.",
        "“{word}” is already on the watch list.",
        not_done_is_error=False,
    )


def watch_remove(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda journal, word: journal.remove_watch_word(word),
        "Removed “{word}” from the watch list.",
        "“{word}” is not on the watch list.",
        not_done_is_error=True,
    )


def watch_list(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        words = journal.watch_words()
    if not words:
        print(
            "Your watch list is empty. Add the names and places that must never leave "
            "in an export: reflect watchlist add"
        )
        return 0
    print("\n".join(words))
    return 0


def names_fine(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda journal, word: journal.add_fine_word(word),
        "“{word}” will not be asked about as a name again.",
        "“{word}” was already marked fine.",
        not_done_is_error=False,
    )


def names_ask(args: argparse.Namespace) -> int:
    return _change(
        args,
        lambda journal, word: journal.remove_fine_word(word),
        "“{word}” will be asked about again.",
        "“{word}” was not marked fine.",
        not_done_is_error=True,
    )


def names_list(args: argparse.Namespace) -> int:
    with open_reader(args) as journal:
        words = journal.fine_words()
    print("\n".join(words) if words else "No words are marked fine yet.")
    return 0
