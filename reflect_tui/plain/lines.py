"""Reading and writing whole lines, and nothing else, so a screen reader reads it all."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TextIO


class Interrupted(KeyboardInterrupt):
    """The person stopped: Ctrl+C, Ctrl+D (end of input) or the terminal closed.

    A KeyboardInterrupt, so that outside a conversation it ends a command as Ctrl+C
    does; :func:`interruptible` raises it from the signals themselves, wherever the
    conversation is, so every stop takes the path that saves first."""


#: Lines that are commands, not answers (compared stripped and in lower case).
COMMANDS = {":back": "back", ":skip": "skip", ":guidance": "guidance", "?": "guidance"}
COMMANDS |= {":quit": "quit", ":help": "help", ":q": "quit", ":h": "help"}
HELP = (
    "Commands, each on a line of its own: :back goes to the previous prompt; :skip skips "
    "an optional prompt; :guidance (or ?) reads the prompt's guidance; :quit saves and "
    "stops, to carry on later with reflect write --resume; :help repeats this."
)


def command_of(line: str) -> str | None:
    """The command a line gives, if it is one."""
    return COMMANDS.get(line.strip().lower())


class Lines:
    """Plain line I/O over two text streams: ``say`` prints, ``ask`` reads one line."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self.stdin, self.stdout = stdin, stdout
        self._said: set[str] = set()

    def once(self, line: str) -> None:
        """Say ``line`` the first time only (a hint, not repeated before every prompt)."""
        if line not in self._said:
            self._said.add(line)
            self.say(line)

    def say(self, *lines: str) -> None:
        try:
            for line in lines:
                self.stdout.write(line + "\n")
            self.stdout.flush()
        except OSError:  # the terminal has gone (EIO): stop, saving what was written
            raise _stopping() from None

    def ask(self, prompt: str = "> ") -> str:
        """One line, without its line break; :class:`Interrupted` at the end of input,
        on Ctrl+C, or when the terminal has gone."""
        self._prompt(prompt)
        try:
            line = self.stdin.readline()
        except (KeyboardInterrupt, OSError):
            raise _stopping() from None
        if not line:
            raise _stopping()
        return line.rstrip("\r\n")

    def _prompt(self, prompt: str) -> None:
        try:
            self.stdout.write(prompt)
            self.stdout.flush()
        except OSError:
            raise _stopping() from None


#: Non-empty once the conversation is stopping, however it learnt of it (a signal, or
#: the end of input when the terminal closed): a signal arriving after that must not cut
#: short the save the stop began (the closing terminal's SIGHUP often comes after EOF).
_STOPPING: list[bool] = []


def _stopping() -> Interrupted:
    _STOPPING.append(True)
    return Interrupted()


@contextmanager
def interruptible() -> Iterator[None]:
    """While inside: Ctrl+C, the terminal closing (SIGHUP) and SIGTERM raise
    :class:`Interrupted`, so the conversation saves what was typed and says how to go on.

    Only the first such signal: a closing terminal sends more than one, and the later
    ones must not cut short the save the first one started."""
    _STOPPING.clear()

    def stop(signum: int, frame: FrameType | None) -> None:
        if not _STOPPING:
            raise _stopping()

    stops = (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)
    before = {signum: signal.signal(signum, stop) for signum in stops}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
