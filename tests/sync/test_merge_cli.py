"""``reflect merge OTHER``: one passphrase for a copy of this vault, a second only when
the other vault needs its own; a summary of what came from where."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE
from tests.sync.devices import content, two_devices


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str, stdin: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_merge_a_conflict_copy_and_say_what_came_from_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(desktop, PASSPHRASE) as journal:
        session = journal.start_session("end-of-day", 1, "End of day")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="P?", text="Desktop.")
        journal.edit_answer(journal.session_answers(1)[0].id or 0, "Desktop's edit.")
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.edit_answer(journal.session_answers(1)[0].id or 0, "Laptop's edit.")
    args = ("--vault", str(laptop), "merge", str(desktop))
    code, out, err = run(monkeypatch, capsys, *args, stdin=PASSPHRASE + "\n")
    assert (code, err) == (0, "")
    assert "From the other copy: 1 reflection, 1 answer added; 1 answer brought up to date." in out
    assert "Both versions kept" in out and "2026-03-05  Who was I?" in out
    assert "left as it was" in out
    code, out, _ = run(monkeypatch, capsys, *args, stdin=PASSPHRASE + "\n")
    assert code == 0 and "Nothing new" in out


def test_another_vaults_passphrase_is_asked_only_when_it_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    laptop, _ = two_devices(tmp_path)
    other = tmp_path / "old-laptop.reflect"
    with Journal.create(other, "the old laptop's passphrase", kdf=crypto.TEST_KDF) as journal:
        journal.add_watch_word("Birch")
    args = ("--vault", str(laptop), "merge", str(other))
    code, _, err = run(monkeypatch, capsys, *args, stdin=f"{PASSPHRASE}\nnot it\n")
    assert code == 5 and "does not open old-laptop.reflect" in err and err.count("\n") == 1
    before = content(laptop)
    code, out, _ = run(
        monkeypatch, capsys, *args, stdin=f"{PASSPHRASE}\nthe old laptop's passphrase\n"
    )
    assert code == 0 and "1 watch-list word added" in out
    assert content(laptop) != before


@pytest.mark.parametrize(
    ("which", "code", "words"),
    [("missing", 3, "There is no file at"), ("itself", 2, "is this journal itself")],
)
def test_merge_refuses_clearly(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    which: str,
    code: int,
    words: str,
) -> None:
    laptop, _ = two_devices(tmp_path)
    other = tmp_path / "nowhere.reflect" if which == "missing" else laptop
    before = laptop.read_bytes()
    args = ("--vault", str(laptop), "merge", str(other))
    found, _, err = run(monkeypatch, capsys, *args, stdin=PASSPHRASE + "\n")
    assert found == code and words in err and err.count("\n") == 1
    assert laptop.read_bytes() == before
