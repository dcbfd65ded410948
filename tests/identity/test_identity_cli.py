"""``reflect identity show`` and ``edit``: from a pipe and at a terminal; bad input is
one sentence and exit 2 with nothing stored."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import crypto
from tests.clocks import SetClock
from tests.conftest import PASSPHRASE

MAP = """gender: a woman | marginalisation | visible | salient
social_class: first in my family at university | privilege | hidden
"""


@pytest.fixture
def vault(vault_path: Path) -> Path:
    Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    return vault_path


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    vault: Path,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n{stdin}"))
    code = cli.main(["--vault", str(vault), "identity", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_edit_from_a_pipe_then_show_and_compare(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    set_clock: SetClock,
) -> None:
    code, out, _ = run(monkeypatch, capsys, vault, "show")
    assert code == 0 and "No identity map is saved yet" in out
    code, out, _ = run(monkeypatch, capsys, vault, "edit", stdin=MAP)
    assert code == 0 and "Saved version 1" in out
    set_clock.advance(timedelta(days=190))
    second = MAP.replace("a woman | marginalisation", "a woman, a mother now | both")
    second += "note: Motherhood\n"
    code, out, _ = run(monkeypatch, capsys, vault, "edit", stdin=second)
    assert code == 0 and "Saved version 2" in out
    code, out, _ = run(monkeypatch, capsys, vault, "show")
    assert "Gender: a woman, a mother now; both privilege and marginalisation" in out
    assert "What changed: Motherhood" in out and "Saved versions: 1 (" in out
    code, out, _ = run(monkeypatch, capsys, vault, "show", "--version", "1")
    assert "version 1 of" in out and "Gender: a woman; marginalisation" in out
    code, out, _ = run(monkeypatch, capsys, vault, "show", "--compare", "1", "2")
    assert "  then: a woman; marginalisation" in out and "Social class" not in out
    code, _, err = run(monkeypatch, capsys, vault, "show", "--version", "3")
    assert code == 2 and "There is no version 3: versions 1 to 2 are saved" in err


def test_a_line_that_cannot_be_taken_stores_nothing(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, vault, "edit", stdin="gender: a woman | loud\n")
    assert code == 2
    assert err.count("\n") == 1 and "'loud' is not one of" in err and "Traceback" not in err
    with JournalReader(vault, PASSPHRASE) as reader:
        assert reader.identity_maps() == []


def _answers(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> Iterator[str]:
    queue = iter(lines)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(queue))
    return queue


def test_edit_at_a_terminal_shows_last_time_and_keeps_it_on_enter(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    run(monkeypatch, capsys, vault, "edit", stdin=MAP)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    # age, two disabilities, religion, ethnicity, class (empties), orientation, indigenous,
    # national origin (asked again), gender (kept), then the note.
    lines = ["in my forties | privilege", "", "", "", "", "-", "", ""]
    lines += ["Portuguese | visible as an accent", "Portuguese | sometimes", ""]
    lines += ["I notice my accent more"]
    queue = _answers(monkeypatch, lines)
    code = cli.main(["--vault", str(vault), "identity", "edit"])
    out, _ = capsys.readouterr()
    assert code == 0 and next(queue, None) is None
    assert "last time: a woman | marginalisation | visible | salient" in out
    assert "please try again" in out
    with JournalReader(vault, PASSPHRASE) as reader:
        latest = reader.identity_maps()[-1]
    assert latest.note == "I notice my accent more"
    assert latest.entry("gender").salient and latest.entry("social_class").empty
    assert latest.entry("national_origin").visible == "sometimes"
    assert latest.entry("age").stance == "privilege"


@pytest.mark.parametrize("stop", [EOFError, KeyboardInterrupt])
def test_stopping_part_way_at_a_terminal_prints_what_was_typed_to_pipe_back(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stop: type[BaseException],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    typed = iter(["in my forties | privilege", "dyslexia, found at school | hidden"])

    def answer(prompt: str = "") -> str:
        line = next(typed, None)
        if line is None:
            raise stop  # Ctrl+D or Ctrl+C at the third domain
        return line

    monkeypatch.setattr("builtins.input", answer)
    code = cli.main(["--vault", str(vault), "identity", "edit"])
    out, err = capsys.readouterr()
    assert code == 130 and "unexpected" not in err
    assert "nothing was saved" in out.lower()
    assert "age: in my forties | privilege" in out
    assert "disability_developmental: dyslexia, found at school | hidden" in out
    with JournalReader(vault, PASSPHRASE) as reader:
        assert reader.identity_maps() == []
