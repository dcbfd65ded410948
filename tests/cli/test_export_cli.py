"""``reflect export``, ``reflect import`` and ``reflect watchlist`` on real vault files."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reflect_tui import cli
from reflect_tui.cli import export as export_command
from reflect_tui.journal import Journal, VaultDamaged, VaultMissing, WrongPassphrase
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE
from tests.export.test_export_sample import sample_sessions

JRNL_FIXTURE = Path(__file__).parent.parent / "golden" / "import" / "jrnl-4.2.1.json"


@pytest.fixture(autouse=True)
def a_fixed_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Show dates in CET, whatever the machine's zone."""
    monkeypatch.setenv("TZ", "CET-1")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    stdin: str = PASSPHRASE + "\n",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(journal: Journal, vault_path: Path) -> Path:
    journal.import_records(sample_sessions())
    journal.close()
    return vault_path


def new_vault(path: Path) -> Path:
    Journal.create(path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_export_to_stdout_is_a_supervision_document(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, "--vault", str(filled), "export")
    assert code == 0
    assert out.startswith("# Supervision preparation\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Agenda", "## Reflections by theme", "## Action items"]
    assert "How might I name the power difference with M." in out
    assert "#### 2024-03-05 · After a cultural misstep or rupture · flagged" in out
    assert "plaintext" in out.split("---")[-1]
    assert "Exported 21 reflections from 6 sessions to standard output" in err


NO_ORM_CHECK = """
import sys
from reflect_tui import cli
code = cli.main()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "sqlmodel"))
print("ORM modules loaded:", loaded, file=sys.stderr)
sys.exit(code)
"""


def test_an_export_never_imports_the_orm(filled: Path) -> None:
    """The read-only path: unlocking, reading and exporting use plain sqlite3 (the ORM
    import alone costs a third of a second of the command's start-up)."""
    done = subprocess.run(
        [sys.executable, "-c", NO_ORM_CHECK, "--vault", str(filled), "export", "-o", "-"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Supervision preparation\n")
    assert "ORM modules loaded: []" in done.stderr


@pytest.mark.parametrize(
    ("damage", "code", "message"),
    [
        ("wrong passphrase", WrongPassphrase.exit_code, "does not open this vault"),
        ("flipped bit", VaultDamaged.exit_code, "is damaged"),
        ("missing", VaultMissing.exit_code, "There is no vault"),
    ],
)
def test_export_explains_a_vault_it_cannot_read(
    filled: Path,
    damage: str,
    code: int,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stdin = PASSPHRASE + "\n"
    if damage == "wrong passphrase":
        stdin = "not the passphrase\n"
    elif damage == "flipped bit":
        data = bytearray(filled.read_bytes())
        data[-100] ^= 0x01
        filled.write_bytes(bytes(data))
    else:
        filled.unlink()
    got, out, err = run(monkeypatch, capsys, "--vault", str(filled), "export", stdin=stdin)
    assert (got, out) == (code, "")
    assert message.lower() in err.lower() and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_export_to_a_file_is_private_and_never_overwritten_without_force(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "supervision.html"
    args = ("--vault", str(filled), "export", "--format", "html", "-o", str(target))
    code, out, err = run(monkeypatch, capsys, *args)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert mode(target) == 0o600
    assert "(mode 0600)" in err

    target.write_text("my own notes")
    target.chmod(0o644)
    code, _, err = run(monkeypatch, capsys, *args)
    assert code == export_command.EXIT_OUTPUT_EXISTS
    assert "already exists" in err and "--force" in err
    assert target.read_text() == "my own notes"

    code, _, _ = run(monkeypatch, capsys, *args, "--force")
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_existing_file_is_refused_before_the_passphrase_is_asked(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "there.md"
    target.write_text("x")
    code, _, err = run(
        monkeypatch, capsys, "--vault", str(filled), "export", "-o", str(target), stdin=""
    )
    assert code == export_command.EXIT_OUTPUT_EXISTS and "No passphrase" not in err


def test_selection_filters_reach_the_document(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = ("--vault", str(filled), "export", "--format", "json")

    def session_days(*extra: str) -> list[str]:
        code, out, _ = run(monkeypatch, capsys, *vault, *extra)
        assert code == 0
        return [s["started"][:10] for s in json.loads(out)["sessions"]]

    assert len(session_days()) == 6
    assert session_days("--from", "2024-03-05", "--to", "2024-03-07") == [
        "2024-03-04",  # 23:30 UTC, which is the 5th in CET
        "2024-03-06",
        "2024-03-07",
    ]
    assert session_days("--set", "supervision-prep") == ["2024-03-07"]
    assert session_days("--tag", "reading") == ["2024-03-09"]
    assert session_days("--topic", "countertransference") == [
        "2024-02-20",
        "2024-03-04",
        "2024-03-07",
    ]
    assert session_days("--flagged", "--from", "2024-03-08") == ["2024-03-10"]


def test_week_dates_hide_the_day(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(monkeypatch, capsys, "--vault", str(filled), "export", "--dates", "week")
    assert code == 0 and "week of 2024-03-04" in out and "2024-03-05" not in out
    code, _, err = run(
        monkeypatch,
        capsys,
        "--vault",
        str(filled),
        "export",
        "--format",
        "json",
        "--dates",
        "week",
    )
    assert code == 2 and "exact times" in err


def test_an_empty_selection_writes_nothing(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "empty.md"
    code, _, err = run(
        monkeypatch, capsys, "--vault", str(filled), "export", "--set", "none", "-o", str(target)
    )
    assert code == 1 and "no reflections match" in err and not target.exists()


def test_bad_dates_are_usage_errors(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(monkeypatch, capsys, "--vault", str(filled), "export", "--from", "March")
    assert exited.value.code == 2
    code, _, err = run(
        monkeypatch,
        capsys,
        "--vault",
        str(filled),
        "export",
        "--from",
        "2024-03-07",
        "--to",
        "2024-03-01",
    )
    assert code == 2 and "after the end date" in err


def test_identifiers_stop_the_export_until_the_clinician_chooses(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault = ("--vault", str(filled))
    code, out, _ = run(monkeypatch, capsys, *vault, "watchlist", "add", "  Enmeshment ")
    assert code == 0 and out == "Added “Enmeshment” to the watch list.\n"
    target = tmp_path / "prep.md"
    code, out, err = run(monkeypatch, capsys, *vault, "export", "-o", str(target))
    assert code == export_command.EXIT_IDENTIFIERS
    assert not target.exists() and out == ""
    assert "stopped before anything was written" in err
    assert "2024-02-20  answer     watch word" in err
    assert "enmeshment" not in err.lower()
    assert "--redact" in err and "--allow-identifiers" in err

    code, _, err = run(monkeypatch, capsys, *vault, "export", "-o", str(target), "--redact")
    assert code == 0 and "Redacted:" in err
    written = target.read_text(encoding="utf-8")
    assert "enmeshment" not in written.lower() and "framing it as '[redacted]'" in written
    assert "1 watch-list word was replaced with a label ([redacted])." in written

    code, out, err = run(monkeypatch, capsys, *vault, "export", "--allow-identifiers")
    assert code == 0 and "'enmeshment'" in out and "Kept as written" in err


def test_watchlist_add_list_remove(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = ("--vault", str(filled), "watchlist")
    code, out, _ = run(monkeypatch, capsys, *vault, "list")
    assert code == 0 and "watch list is empty" in out
    code, out, _ = run(monkeypatch, capsys, *vault, "add", "Oakwood School", "Amara", "amara")
    assert code == 0 and "“amara” is already on the watch list." in out
    code, out, _ = run(monkeypatch, capsys, *vault)
    assert out.splitlines() == ["Amara", "Oakwood School"]
    code, out, err = run(monkeypatch, capsys, *vault, "remove", "AMARA", "nobody")
    assert code == 1 and "Removed “AMARA”" in out and "“nobody” is not on" in err
    code, out, _ = run(monkeypatch, capsys, *vault, "list")
    assert out.splitlines() == ["Oakwood School"]


def _without_made_at(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    data.pop("made_at")
    return data


def test_export_everything_import_into_a_new_vault_export_again_identical(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = tmp_path / "everything.json"
    code, _, _ = run(
        monkeypatch, capsys, "--vault", str(filled), "export", "--format", "json", "-o", str(first)
    )
    assert code == 0
    other = new_vault(tmp_path / "other" / "journal.reflect")
    code, out, _ = run(monkeypatch, capsys, "--vault", str(other), "import", str(first))
    assert code == 0 and out == "Imported 6 sessions from a reflect export.\n"
    code, again, _ = run(monkeypatch, capsys, "--vault", str(other), "export", "--format", "json")
    assert code == 0
    assert _without_made_at(again) == _without_made_at(first.read_text(encoding="utf-8"))

    code, out, _ = run(monkeypatch, capsys, "--vault", str(other), "import", str(first))
    assert (
        out == "Imported 0 sessions from a reflect export; 6 already in the vault were skipped.\n"
    )


def test_import_from_jrnl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = new_vault(tmp_path / "v" / "journal.reflect")
    code, out, _ = run(monkeypatch, capsys, "--vault", str(vault), "import", str(JRNL_FIXTURE))
    assert code == 0 and out == "Imported 4 sessions from a jrnl export.\n"
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        records = journal.records()
    assert [r.set_id for r in records] == ["jrnl"] * 4
    assert [r.answers[0].flagged for r in records] == [False, True, False, False]
    assert sorted(records[0].answers[0].tags) == ["clients", "dana"]
    code, out, _ = run(
        monkeypatch, capsys, "--vault", str(vault), "export", "--flagged", "--allow-identifiers"
    )
    assert code == 0 and "I noticed I interrupted T. twice" in out


def test_bad_import_files_are_refused_whole_before_the_vault_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = new_vault(tmp_path / "v" / "journal.reflect")
    before = vault.read_bytes()
    data = json.loads(JRNL_FIXTURE.read_text(encoding="utf-8"))
    data["entries"][3]["date"] = "2023-11-31"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    code, out, err = run(monkeypatch, capsys, "--vault", str(vault), "import", str(bad), stdin="")
    assert code == 15 and out == ""
    assert err == (
        "reflect: Nothing was imported: jrnl entry 4: the date '2023-11-31' and time "
        "'20:00' are not YYYY-MM-DD and HH:MM.\n"
    )
    assert vault.read_bytes() == before
    code, _, err = run(
        monkeypatch, capsys, "--vault", str(vault), "import", str(tmp_path / "nope.json")
    )
    assert code == 15 and "does not exist" in err


def test_exports_are_written_with_mode_0600_whatever_the_umask(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    old = os.umask(0)
    try:
        target = tmp_path / "open-umask.txt"
        code, _, _ = run(
            monkeypatch,
            capsys,
            "--vault",
            str(filled),
            "export",
            "--format",
            "text",
            "-o",
            str(target),
        )
    finally:
        os.umask(old)
    assert code == 0 and mode(target) == 0o600


def test_watchlist_words_can_come_from_stdin_not_argv(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = ("--vault", str(filled), "watchlist")
    code, out, _ = run(
        monkeypatch, capsys, *vault, "add", stdin=f"{PASSPHRASE}\nMs Q\n\nRiverside\n"
    )
    assert code == 0 and "Added “Ms Q”" in out and "Added “Riverside”" in out
    code, out, _ = run(monkeypatch, capsys, *vault, "remove", stdin=f"{PASSPHRASE}\nriverside\n")
    assert code == 0 and "Removed “riverside”" in out
    code, out, _ = run(monkeypatch, capsys, *vault, "list", stdin=f"{PASSPHRASE}\n")
    assert "Ms Q" in out and "Riverside" not in out
