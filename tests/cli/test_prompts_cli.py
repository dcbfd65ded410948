"""``reflect prompts list | show | check``, driven through a parser built by ``register``."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from reflect_tui.cli import prompts as prompts_command
from reflect_tui.prompts import BUILTIN_ORDER, load_library

VALID = """\
id = "my-set"
title = "My own set"
description = "A short set of my own."
minutes = 3

[[prompts]]
id = "first"
text = "What stayed with me today?"
topic = "wellbeing"
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the user's real config folder out of every test."""
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path / "home"


def user_file(home: Path, name: str, text: str) -> Path:
    folder = home / "config" / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="reflect")
    prompts_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    result: int = args.handler(args)
    return result


def test_list_shows_every_builtin_with_its_details(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("prompts", "list") == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "MIN", "PROMPTS", "SOURCE"]
    rows = lines[1 : 1 + len(BUILTIN_ORDER)]
    assert [row.split()[0] for row in rows] == list(BUILTIN_ORDER)
    library = load_library()
    for row, set_id in zip(rows, BUILTIN_ORDER, strict=True):
        prompt_set = library.get(set_id)
        assert prompt_set.title in row and row.endswith("built-in")
        numbers = row.split(prompt_set.title)[1].split()
        assert numbers[:2] == [str(prompt_set.minutes), str(len(prompt_set.prompts))]
    assert rows[0].startswith("end-of-day *")
    assert "default set" in out


def test_list_marks_the_default_set_from_the_config(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text('default_set = "repair"\n', encoding="utf-8")
    assert run("prompts", "list") == 0
    marked = [line.split()[0] for line in capsys.readouterr().out.splitlines() if " * " in line]
    assert marked == ["repair"]


def test_prompts_alone_lists_the_sets(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("prompts") == 0
    assert "supervision-prep" in capsys.readouterr().out


def test_list_shows_user_paths_and_warns_about_broken_files(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = user_file(home, "mine.toml", VALID)
    override = user_file(home, "day.toml", VALID.replace('"my-set"', '"end-of-day"'))
    broken = user_file(home, "broken.toml", 'id = "x"\ntitle = "oops\n')
    assert run("prompts", "list") == 0
    out, err = capsys.readouterr()
    assert f"{override} (replaces built-in)" in out
    assert "my-set" in out and str(mine) in out
    assert f"{broken}: line 2: not valid TOML" in err
    assert "Traceback" not in out + err


def test_show_prints_the_whole_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("prompts", "show", "supervision-prep") == 0
    out, err = capsys.readouterr()
    assert err == ""
    prompt_set = load_library().get("supervision-prep")
    flat = " ".join(out.split())
    assert prompt_set.title in out and "About 15 minutes" in out
    for source in prompt_set.draws_on:
        assert " ".join(source.split()) in flat
    for number, prompt in enumerate(prompt_set.prompts, start=1):
        assert f"{number}. {prompt.text}" in flat
        assert " ".join(prompt.guidance.split()) in flat
        for option in prompt.options:
            assert f"( ) {option}" in out
    assert "Difficulty understanding a client's cultural context" in flat
    assert "Questions to bring to supervision" in flat


def test_show_describes_scale_and_action_prompts(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("prompts", "show", "end-of-day") == 0
    flat = " ".join(capsys.readouterr().out.split())
    assert 'scale 1 to 5, "Tense, or I steered away" to "Fully at ease"' in flat
    assert "action, kept open until you close it" in flat
    assert "optional" in flat


def test_show_unknown_set_says_which_exist(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("prompts", "show", "nope") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip().splitlines() == [
        "No prompt set has the id 'nope'; the sets are: " + ", ".join(BUILTIN_ORDER) + "."
    ]


def test_show_unknown_set_explains_a_broken_user_file_of_that_name(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = user_file(home, "mine.toml", VALID.replace("minutes = 3", "minutes = -1"))
    assert run("prompts", "show", "mine") == 1
    err = capsys.readouterr().err
    assert f"{broken}: minutes (line 4): -1 is out of range" in err


def test_check_valid_files_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text(VALID, encoding="utf-8")
    builtin = Path(__file__).resolve().parents[2] / "prompts"
    assert run("prompts", "check", str(good), str(builtin)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert f"{good}: ok (set 'my-set', 1 prompt)" in out
    assert len(out.splitlines()) == 1 + len(BUILTIN_ORDER)


def test_check_reports_one_sentence_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.toml"
    good.write_text(VALID, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(
        VALID.replace('topic = "wellbeing"', 'topic = "feelings"\nextra = 1'), encoding="utf-8"
    )
    missing = tmp_path / "missing.toml"
    assert run("prompts", "check", str(good), str(bad), str(missing)) == 1
    out, err = capsys.readouterr()
    assert out.strip() == f"{good}: ok (set 'my-set', 1 prompt)"
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"{bad}: prompts[0].topic (line 9): 'feelings' is not allowed")
    assert lines[1].startswith(f"{bad}: prompts[0].extra (line 10): unknown key 'extra'")
    assert lines[2].startswith(f"{missing}: file: cannot be read")
    assert lines[3] == "3 problems in 2 files."
    assert all("expected" in line for line in lines[:3])


def test_check_needs_at_least_one_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run("prompts", "check")
    assert exited.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_the_command_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, reflect_tui.cli.prompts, reflect_tui.prompts\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')]\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)
