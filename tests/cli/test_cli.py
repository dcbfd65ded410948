"""The plain terminal commands: one sentence and a distinct exit code for every problem."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.journal import Journal, NotAVault, VaultExists, VaultMissing, WrongPassphrase
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE


def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str, stdin: str = ""
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(journal: Journal, vault_path: Path) -> Path:
    session = journal.start_session("identity", 1, "Identity and perspective")
    journal.save_answer(
        session.id or 0,
        prompt_id="p",
        prompt_text="What did my identities shape?",
        text="My accent made the client ask where I trained.",
    )
    journal.flag_session(session.id or 0, True)
    journal.close()
    return vault_path


def test_init_creates_and_refuses_to_overwrite(
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cheap_kdf: crypto.KdfParams,
) -> None:
    code, out, _ = run(monkeypatch, capsys, "--vault", str(vault_path), "init", stdin=PASSPHRASE)
    assert code == 0 and "nobody can recover" in out
    before = vault_path.read_bytes()
    code, _, err = run(monkeypatch, capsys, "--vault", str(vault_path), "init", stdin=PASSPHRASE)
    assert code == VaultExists.exit_code and "already exists" in err
    assert vault_path.read_bytes() == before


def test_init_refuses_a_short_passphrase(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, "--vault", str(vault_path), "init", stdin="short\n")
    assert code == 2 and "at least 8 characters" in err
    assert not vault_path.exists()


def test_default_vault_lives_in_the_user_data_folder(
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cheap_kdf: crypto.KdfParams,
) -> None:
    code, _, _ = run(monkeypatch, capsys, "init", stdin=PASSPHRASE)
    assert code == 0
    assert (isolated_home / "data" / "journal.reflect").exists()
    monkeypatch.setenv("REFLECT_VAULT", str(isolated_home / "elsewhere.reflect"))
    assert run(monkeypatch, capsys, "init", stdin=PASSPHRASE)[0] == 0
    assert (isolated_home / "elsewhere.reflect").exists()


def test_info_without_and_with_passphrase(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, "--vault", str(filled), "info")
    assert code == 0
    assert "Argon2id, 1 MiB, 1 iterations, 1 lanes" in out
    assert "Backups" in out and "To restore" in out and "generation-" in out
    assert "Reflections" not in out
    code, out, _ = run(
        monkeypatch, capsys, "--vault", str(filled), "info", "--unlock", stdin=PASSPHRASE
    )
    assert code == 0 and re.search(r"Reflections\s+1 \(0 finished\)", out)
    assert re.search(r"Answers\s+1 \(9 words\)", out)


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("missing", VaultMissing.exit_code),
        ("foreign", NotAVault.exit_code),
        ("wrong", WrongPassphrase.exit_code),
    ],
)
def test_errors_are_one_sentence_and_distinct_codes(
    filled: Path,
    tmp_path: Path,
    setup: str,
    expected: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = {"missing": tmp_path / "nope.reflect", "foreign": tmp_path / "x.txt", "wrong": filled}[
        setup
    ]
    if setup == "foreign":
        target.write_text("hello")
    stdin = "not it\n" if setup == "wrong" else PASSPHRASE
    code, _, err = run(monkeypatch, capsys, "--vault", str(target), "search", "x", stdin=stdin)
    assert code == expected
    assert err.count("\n") == 1 and err.startswith("reflect: ") and "Traceback" not in err


def test_search_and_history_read_while_the_app_writes(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.open(filled, PASSPHRASE):  # another window holds the writer's lock
        code, out, _ = run(
            monkeypatch, capsys, "--vault", str(filled), "search", "accent", stdin=PASSPHRASE
        )
        assert code == 0 and "[accent]" in out and "Identity and perspective" in out
        code, out, _ = run(
            monkeypatch, capsys, "--vault", str(filled), "history", "--flagged", stdin=PASSPHRASE
        )
        assert code == 0 and "⚑ Identity and perspective (unfinished)" in out


def test_search_without_results(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        monkeypatch, capsys, "--vault", str(filled), "search", "zebra", stdin=PASSPHRASE
    )
    assert code == 1 and "No reflections match" in out


def test_passwd_changes_the_passphrase(
    filled: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cheap_kdf: crypto.KdfParams,
) -> None:
    code, out, _ = run(
        monkeypatch,
        capsys,
        "--vault",
        str(filled),
        "passwd",
        stdin=f"{PASSPHRASE}\nan even better passphrase\n",
    )
    assert code == 0 and "Passphrase changed" in out
    Journal.open(filled, "an even better passphrase", write=False).close()
    with pytest.raises(WrongPassphrase):
        Journal.open(filled, PASSPHRASE, write=False)


def test_empty_stdin_is_a_clear_error(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(monkeypatch, capsys, "--vault", str(filled), "search", "x", stdin="")
    assert code == 2 and "No passphrase was given" in err


def test_python_m_entry_point_runs(filled: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reflect_tui", "--vault", str(filled), "info"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "reflect vault v1" in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("--vault", "{vault}", "history"),
        ("history", "--vault", "{vault}"),
        ("history", "--flagged", "--vault", "{vault}"),
        ("--vault", "/nowhere/else.reflect", "history", "--vault", "{vault}"),
    ],
    ids=["before", "after", "after-options", "after-wins"],
)
def test_vault_works_before_or_after_the_command(
    filled: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: tuple[str, ...],
) -> None:
    code, out, err = run(
        monkeypatch, capsys, *(a.format(vault=filled) for a in argv), stdin=PASSPHRASE
    )
    assert (code, err) == (0, "")
    assert "Identity and perspective" in out


def test_vault_after_a_subcommand_of_a_command(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        monkeypatch, capsys, "watchlist", "list", "--vault", str(filled), stdin=PASSPHRASE
    )
    assert code == 0, err
    code, _, err = run(monkeypatch, capsys, "watchlist", "list", "--vault", str(filled) + ".none")
    assert code == VaultMissing.exit_code and ".none" in err
