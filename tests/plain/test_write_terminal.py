"""``reflect write`` in a real pseudo-terminal, as a screen reader's user meets it: the
hidden passphrase prompt, a whole reflection, Ctrl+C mid-answer, ``--resume``, and not
one escape sequence in anything printed."""

from __future__ import annotations

import os
import pty
import select
import shutil
import sys
import time
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

HERE = Path(__file__).parent
#: Generous: a slow machine only makes the test wait longer, never fail.
PATIENCE = 60.0
#: The end of the input hint: the answer may be typed from here on.
ENDS_IT = "ends it.\r\n> "


class Terminal:
    """A child process on a pty; ``expect`` waits for text, ``line`` types a line."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.execve(sys.executable, [sys.executable, "-m", "reflect_tui", *args], env)
        self.seen = b""

    def expect(self, text: str) -> None:
        wanted, deadline = text.encode(), time.monotonic() + PATIENCE
        while wanted not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"never saw {text!r}; saw:\n{self.seen.decode(errors='replace')}"
            if select.select([self.fd], [], [], left)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child has gone and the pty closed
                    chunk = b""
                assert chunk, f"ended before {text!r}:\n{self.seen.decode(errors='replace')}"
                self.seen += chunk

    def line(self, text: str) -> None:
        os.write(self.fd, text.encode() + b"\r")

    def interrupt(self) -> None:
        os.write(self.fd, b"\x03")

    def exit_code(self) -> int:
        try:
            while select.select([self.fd], [], [], PATIENCE)[0]:
                self.seen += os.read(self.fd, 65536)
        except OSError:
            pass
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "config" / "prompts").mkdir(parents=True)
    shutil.copy(HERE / "every_kind.toml", tmp_path / "config" / "prompts")
    Journal.create(tmp_path / "data" / "journal.reflect", PASSPHRASE, kdf=crypto.TEST_KDF).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    return {**env, "REFLECT_HOME": str(tmp_path), "TERM": "xterm-256color"}


@pytest.mark.slow
def test_a_reflection_in_a_terminal_stopped_and_resumed(home: dict[str, str]) -> None:
    first = Terminal("write", "every-kind", env=home)
    first.expect("Passphrase:")
    first.line(PASSPHRASE)
    first.expect("Prompt 1 of 6: Who was I in the room today?")
    first.expect(ENDS_IT)  # typed before the prompt, the echo lands in the wrong place
    first.line("Half a thought, typed")
    # Ctrl+C makes the terminal drop input not yet read: wait for the next "> ", which
    # shows the line was read.
    first.expect("typed\r\n> ")
    first.interrupt()
    first.expect("Saved. To carry on later: reflect write --resume")
    assert first.exit_code() == 130

    again = Terminal("write", "--resume", env=home)
    again.expect("Passphrase:")
    again.line(PASSPHRASE)
    again.expect("Your answer so far: Half a thought, typed")
    for typed, then in [
        ("", "Prompt 2 of 6"),
        ("4", "Prompt 3 of 6"),
        ("3", "Prompt 4 of 6"),
        ("2 3", "Prompt 5 of 6"),
        ("Ask about pace first", "> "),
        ("", "Prompt 6 of 6"),
        (":skip", "Flag anything for supervision?"),
        ("all", "Tags?"),
        ("", "Finished and saved."),
    ]:
        again.line(typed)
        again.expect(then)
    assert again.exit_code() == 0
    printed = first.seen + again.seen
    assert b"\x1b" not in printed, "no colour, no cursor movement, nothing redrawn"

    with Journal.open(Path(home["REFLECT_HOME"]) / "data" / "journal.reflect", PASSPHRASE) as j:
        [session] = j.list_sessions()
        assert session.finished is not None and session.flagged
        answers = j.session_answers(session.id)
        assert answers[0].text == "Half a thought, typed"
        assert [a.text for a in j.open_actions()] == ["Ask about pace first"]


@pytest.mark.slow
def test_closing_the_terminal_mid_answer_keeps_the_words(home: dict[str, str]) -> None:
    session = Terminal("write", "every-kind", env=home)
    session.expect("Passphrase:")
    session.line(PASSPHRASE)
    session.expect("Prompt 1 of 6")
    session.expect(ENDS_IT)
    session.line("Words before the window closed")
    session.expect("closed\r\n> ")
    os.close(session.fd)  # the terminal goes away: the child gets SIGHUP
    _, status = os.waitpid(session.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 130
    with Journal.open(Path(home["REFLECT_HOME"]) / "data" / "journal.reflect", PASSPHRASE) as j:
        [waiting] = j.unfinished_sessions()
        assert j.session_answers(waiting.id or 0)[0].text == "Words before the window closed"
