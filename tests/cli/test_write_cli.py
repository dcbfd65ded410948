"""``reflect write``, ``reflect --plain`` and ``ui = "plain"``; NO_COLOR in the commands."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.cli import browse
from reflect_tui.core import paths
from reflect_tui.journal import MATCH_END, MATCH_START, Journal
from tests.conftest import PASSPHRASE

ANSWERS = ["My accent came up with J.", "", "The interpreter set the pace.", "", "4"]
ANSWERS += ["Ask about pace first", "", "", "", ""]


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    typed = "\n".join([PASSPHRASE, *ANSWERS]) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(typed))
    return cli.main(list(argv))


@pytest.mark.parametrize("how", ["write", "--plain", "config"])
def test_plain_mode_writes_a_whole_end_of_day(
    journal: Journal,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    journal.close()
    argv = ["--vault", str(vault_path)]
    if how == "write":
        argv.append("write")
    elif how == "--plain":
        argv.append("--plain")
    else:
        paths.config_file().parent.mkdir(parents=True, exist_ok=True)
        paths.config_file().write_text('ui = "plain"\n')
    assert run(monkeypatch, capsys, *argv) == 0
    out = capsys.readouterr().out
    assert "Starting End of day" in out and "Finished and saved." in out
    assert "\x1b" not in out
    with Journal.open(vault_path, PASSPHRASE) as again:
        [session] = again.list_sessions()
        assert session.finished is not None and session.answer_count == 4


@pytest.mark.parametrize(("no_color", "marked"), [("1", "[pace]"), ("", "\x1b[1mpace\x1b[0m")])
def test_search_marks_follow_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: str, marked: str
) -> None:
    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert browse._highlight(f"the {MATCH_START}pace{MATCH_END}") == f"the {marked}"


def test_names_fine_list_and_ask_again(
    journal: Journal,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session = journal.start_session("s", 1, "S")
    journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text="Kohlberg says so.")
    journal.close()
    v = ("--vault", str(vault_path))

    def names(*argv: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
        code = cli.main([*v, "names", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert cli.main([*v, "export", "-o", "-"]) == 16
    assert "reflect names fine WORD" in capsys.readouterr().err
    assert names("fine", "Kohlberg")[0] == 0
    assert names("list")[1].strip() == "Kohlberg"
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    assert cli.main([*v, "export", "-o", "-"]) == 0
    capsys.readouterr()
    assert names("ask", "kohlberg")[0] == 0
    code, _, err = names("ask", "Nobody")
    assert code == 1 and "was not marked fine" in err
