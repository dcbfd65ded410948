"""What every terminal command shares: the vault path, the passphrase, opening a journal.

The passphrase is read with a hidden prompt when stdin is a terminal, and otherwise
from stdin one line at a time (for scripts, tests and benchmarks). It is never taken
from the command line or the environment, where other users and shell history see it.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core import paths
from reflect_tui.core.records import is_text
from reflect_tui.vault.errors import VaultError, VaultMissing

if TYPE_CHECKING:
    from reflect_tui.core.config import Config
    from reflect_tui.journal import Journal
    from reflect_tui.journal.reader import JournalReader

EXIT_USAGE = 2
EXIT_CANCELLED = 130


class PassphraseUnavailable(VaultError):
    exit_code = EXIT_USAGE

    def __init__(self) -> None:
        super().__init__(
            "No passphrase was given; type it at the prompt, or pipe it on standard input."
        )


class PassphraseMismatch(VaultError):
    exit_code = EXIT_USAGE

    def __init__(self) -> None:
        super().__init__("The two passphrases differ; nothing was changed. Please try again.")


class NotText(VaultError):
    exit_code = EXIT_USAGE

    def __init__(self, what: str) -> None:
        super().__init__(
            f"The {what} is not UTF-8 text (it holds bytes no keyboard types); "
            "nothing was changed. Type it again, or check what was piped in."
        )


def as_text(value: str, what: str) -> str:
    """``value`` if it is real text; on a UTF-8 system Python hands undecodable bytes on
    as lone surrogates, which no passphrase, word or search may hold."""
    if not is_text(value):
        raise NotText(what)
    return value


def read_line(what: str) -> str:
    """The next line of standard input, ``what`` naming it if it is not text."""
    try:
        return as_text(sys.stdin.readline(), what)
    except UnicodeDecodeError:
        raise NotText(what) from None


def read_lines(what: str) -> list[str]:
    """The rest of standard input, line by line."""
    lines = []
    while line := read_line(what):
        lines.append(line)
    return lines


def vault_path(args: argparse.Namespace) -> Path:
    chosen = getattr(args, "vault", None)
    return paths.user_path(chosen) if chosen else paths.default_vault()


def read_passphrase(prompt: str = "Passphrase: ") -> str:
    """One passphrase: hidden prompt on a terminal, else the next line of stdin."""
    if sys.stdin.isatty():
        value = as_text(getpass.getpass(prompt), "passphrase")
    else:
        line = read_line("passphrase")
        if not line:
            raise PassphraseUnavailable()
        value = line.rstrip("\r\n")
    if not value:
        raise PassphraseUnavailable()
    return value


def read_new_passphrase(label: str = "New passphrase") -> str:
    """A new passphrase, asked twice on a terminal (once from a pipe)."""
    first = read_passphrase(f"{label}: ")
    if sys.stdin.isatty() and read_passphrase(f"{label}, again: ") != first:
        raise PassphraseMismatch()
    return first


def open_journal(args: argparse.Namespace, *, write: bool) -> Journal:
    """Unlock the chosen vault; readers (``write=False``) work while the app is open."""
    from reflect_tui.journal import Journal  # heavy (SQLAlchemy): only when a vault is used

    path = vault_path(args)
    Journal.check_exists(path)
    return Journal.open(path, read_passphrase(), write=write)


def open_reader(args: argparse.Namespace) -> JournalReader:
    """Unlock the chosen vault for a read command: no lock, no SQLAlchemy."""
    from reflect_tui.core import memory
    from reflect_tui.journal.reader import JournalReader

    # Large blocks from the heap, freed ones reused: the file, its decrypted image and
    # SQLite's copy of it then take their pages once (15 ms of an export of 10,000
    # answers). A command has no threads yet, as the setting asks.
    memory.keep_large_buffers()
    path = vault_path(args)
    if not path.exists():  # before asking for a passphrase that has no use
        raise VaultMissing(path)
    return JournalReader(path, read_passphrase())


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """For a command that reads a whole journal and ends: it makes no reference cycles
    worth finding, and the cycle collector's passes over every record read cost an
    export of 10,000 answers 40 ms (reference counting still frees everything)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def settings() -> Config:
    """config.toml's settings; a file that cannot be read is said once, and the
    defaults serve (a command never stops for a preference)."""
    from reflect_tui.core.config import load_config  # only for the commands that use it

    config, problem = load_config()
    if problem:
        error(problem)
    return config


def error(message: str) -> None:
    print(f"reflect: {message}", file=sys.stderr)


def report_error(exc: VaultError) -> int:
    """Print the one-sentence explanation and return its exit code."""
    error(str(exc))
    return exc.exit_code
