"""The ``reflect`` command: no subcommand opens the app; the rest are plain commands.

Every failure a user can cause ends in one sentence on stderr and a distinct exit
code (see :mod:`reflect_tui.vault.errors`), never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Iterator, Sequence

from reflect_tui import __version__
from reflect_tui.cli import common
from reflect_tui.vault.errors import SaveFailed, VaultError

EXIT_UNEXPECTED = 70
#: Modules in reflect_tui.cli, each with ``register(subparsers)``, in help order.
COMMAND_MODULES = (
    "write",
    "vault",
    "browse",
    "export",
    "share",
    "supervision",
    "identity",
    "merge",
    "word_lists",
    "prompts",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description=(
            "A private, guided reflection journal for clinicians. With no command, "
            "opens the app on your vault."
        ),
        epilog="Your reflections stay in one encrypted file on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    _add_global_options(parser, default=None)
    parser.add_argument(
        "--plain",
        action="store_true",
        help="write a reflection as plain lines of text instead of the full-screen app "
        "(for screen readers; the same as reflect write)",
    )
    parser.set_defaults(handler=open_app)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    demo = sub.add_parser("demo", help="open the app on a throwaway vault of example reflections")
    demo.set_defaults(handler=open_demo)
    for name in COMMAND_MODULES:
        importlib.import_module(f"reflect_tui.cli.{name}").register(sub)
    for command in _commands(parser):
        _add_global_options(command, default=argparse.SUPPRESS)
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, default: object) -> None:
    """Options that work before or after the command (``reflect export --vault X``).

    On a command they default to SUPPRESS, so one given before the command is kept."""
    parser.add_argument(
        "--vault",
        metavar="PATH",
        default=default,
        help="the vault file to use (default: $REFLECT_VAULT, else your user data folder)",
    )


def _commands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """Every command and subcommand parser below ``parser``."""
    for action in parser._actions:  # argparse keeps no public list of subparsers
        if isinstance(action, argparse._SubParsersAction):
            for name, command in action.choices.items():
                if name != "demo":  # the demo makes its own throwaway vault
                    yield command
                yield from _commands(command)


def open_app(args: argparse.Namespace) -> int:
    """The app, or with ``--plain`` (or ``ui = "plain"`` in config.toml) ``reflect write``."""
    from reflect_tui.core.config import load_config

    if args.plain or load_config()[0].ui == "plain":
        from reflect_tui.cli.write import write_command

        return write_command(argparse.Namespace(**vars(args), set_id=None, resume=False))
    from reflect_tui.ui.run import run_app

    return run_app(common.vault_path(args))


def open_demo(args: argparse.Namespace) -> int:
    from reflect_tui.ui.run import run_app

    return run_app(common.vault_path(args), demo=True)


#: What a text argument is called in a message, by its name in the parsed arguments.
TEXT_ARGUMENTS = {
    "query": "search",
    "tag": "tag",
    "topic": "topic",
    "set_id": "prompt set id",
    "words": "watch-list word",
}


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Words given on the command line must be text (paths may be any bytes)."""
    for name, what in TEXT_ARGUMENTS.items():
        value = getattr(args, name, None)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                common.as_text(item, what)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from reflect_tui.core import memory

    memory.forbid_core_dumps()  # every command may hold the journal decrypted in memory
    # A path with bytes that are not UTF-8 is printed escaped, never as a crash.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        _check_text_arguments(args)
        return int(args.handler(args))
    except SaveFailed as exc:
        # The app keeps unsaved text and retries; a command ends here, so say so plainly.
        common.error(f"Could not save the vault ({exc.reason}); nothing was changed.")
        return exc.exit_code
    except VaultError as exc:
        return common.report_error(exc)
    except BrokenPipeError:
        # The reader went away (``reflect history | head``): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        if os.environ.get("REFLECT_DEBUG"):
            import traceback  # only then: it costs a few milliseconds of every start

            traceback.print_exc()
        common.error("cancelled; nothing was changed.")
        return common.EXIT_CANCELLED
    except Exception:
        if os.environ.get("REFLECT_DEBUG"):
            import traceback  # only then: it costs a few milliseconds of every start

            traceback.print_exc()
        common.error(
            "something unexpected went wrong; your vault was not changed. "
            "Run again with REFLECT_DEBUG=1 to see the details for a bug report."
        )
        return EXIT_UNEXPECTED


if __name__ == "__main__":
    sys.exit(main())
