"""Outside bytes, everywhere they come in: each ends in a documented exit code and one
line naming what is wrong, never a traceback, and a failed command leaves the vault's
bytes as they were.

Strategies start from valid input (a real export, the jrnl fixture, a built-in prompt
set, a real vault) and break it: truncated, wrong types, huge strings, deep nesting,
bytes that are not UTF-8. ``REFLECT_FUZZ_EXAMPLES`` sets how many examples each test
tries (CI: the default; the ``slow`` run: more).
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect_tui import cli
from reflect_tui.core.config import load_config
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE
from tests.export.test_export_sample import sample_sessions
from tests.export.test_import_reflect import export_json

#: README's table ("Exit codes"): what a script may rely on. 70 is a bug, never listed.
DOCUMENTED = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18}
EXAMPLES = int(os.environ.get("REFLECT_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ROOT = Path(__file__).resolve().parents[2]
JRNL = ROOT / "tests" / "golden" / "import" / "jrnl-4.2.1.json"
BUILTIN_SET = ROOT / "prompts" / "end-of-day.toml"


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "vault" / "journal.reflect"
    with Journal.create(path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("identity", 1, "Identity")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text="family")
    yield path


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    stdin: bytes = PASSPHRASE.encode() + b"\n",
    errors: str = "surrogateescape",
    tty: bool = False,
) -> tuple[int, str, str]:
    """Run a command in-process with ``stdin`` as the pipe (or a terminal) gives it."""
    kind = _Terminal if tty else io.TextIOWrapper
    stream = kind(io.BytesIO(stdin), encoding="utf-8", errors=errors)
    monkeypatch.setattr(sys, "stdin", stream)
    try:
        code = cli.main(list(argv))
    except SystemExit as exc:  # argparse's own usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear(code: int, err: str) -> None:
    assert code in DOCUMENTED, f"exit {code}: {err}"
    assert "Traceback" not in err and "something unexpected" not in err, err
    if code not in (0, 1):
        assert err.strip(), "a failure says why"


# --- breaking valid documents ---------------------------------------------------------


def _mutate_json(data: Any, draw: st.DrawFn, depth: int = 0) -> Any:
    """``data`` with one value somewhere replaced by something of another kind."""
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data)))
        return {**data, key: _mutate_json(data[key], draw, depth + 1)}
    if isinstance(data, list) and data and draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        return [*data[:index], _mutate_json(data[index], draw, depth + 1), *data[index + 1 :]]
    return draw(
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.floats(allow_nan=True),
            st.text(max_size=20),
            # Half characters: JSON can carry "\ud800", no text can store it.
            st.text(st.characters(exclude_categories=()), max_size=8),
            st.just("x" * 100_000),
            st.just("2024-02-30T25:61:00+00:00"),
            st.just([[[[[]]]]]),
            st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
        )
    )


@st.composite
def broken_documents(draw: st.DrawFn, valid: bytes) -> bytes:
    how = draw(st.sampled_from(["truncate", "mutate", "nest", "bytes", "huge"]))
    if how == "truncate":
        return valid[: draw(st.integers(0, len(valid)))]
    if how == "mutate":
        return json.dumps(_mutate_json(json.loads(valid), draw)).encode()
    if how == "nest":
        depth = draw(st.integers(1_000, 200_000))
        return b"[" * depth + b"]" * depth
    if how == "bytes":
        at = draw(st.integers(0, len(valid)))
        return valid[:at] + draw(st.binary(min_size=1, max_size=8)) + valid[at:]
    return b'{"format": "reflect-export", "version": 2, "sessions": ["' + b"a" * 5_000_000 + b'"]}'


REFLECT_EXPORT = export_json(sample_sessions()).encode()


@pytest.mark.parametrize("valid", [REFLECT_EXPORT, JRNL.read_bytes()], ids=["reflect", "jrnl"])
def test_import_of_a_broken_file(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    valid: bytes,
) -> None:
    @FUZZ
    @given(broken_documents(valid))
    def attempt(document: bytes) -> None:
        file = vault.parent / "import.json"
        file.write_bytes(document)
        before = vault.read_bytes()
        code, _, err = run(monkeypatch, capsys, "--vault", str(vault), "import", str(file))
        assert_clear(code, err)
        if code != 0:
            assert code == 15 and len(err.strip().splitlines()) == 1, err
            assert vault.read_bytes() == before

    attempt()


# --- the passphrase, words and options --------------------------------------------------


@FUZZ
@given(stdin=st.binary(max_size=64), errors=st.sampled_from(["strict", "surrogateescape"]))
def test_a_piped_passphrase_of_any_bytes(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    stdin: bytes,
    errors: str,
) -> None:
    before = vault.read_bytes()
    code, _, err = run(
        monkeypatch, capsys, "--vault", str(vault), "history", stdin=stdin, errors=errors
    )
    assert_clear(code, err)
    assert code in (0, 2, 5)
    assert vault.read_bytes() == before


@FUZZ
@given(typed=st.text(max_size=40))
def test_a_typed_passphrase_of_any_text(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    """At a terminal: whatever getpass returns (it may hold undecodable bytes too)."""
    import getpass

    monkeypatch.setattr(getpass, "getpass", lambda prompt="": typed)
    before = vault.read_bytes()
    code, _, err = run(monkeypatch, capsys, "--vault", str(vault), "history", tty=True)
    assert_clear(code, err)
    assert vault.read_bytes() == before


SEARCH_SYNTAX = st.lists(
    st.one_of(
        st.sampled_from(['"', "*", "(", ")", "NEAR", "NEAR(", "OR", "AND", "NOT", "^", ":", "-"]),
        st.sampled_from(["family", "faith", "counter*", '"working alliance"', "text:family"]),
        st.text(max_size=8),
    ),
    max_size=8,
).map(" ".join)


@FUZZ
@given(query=SEARCH_SYNTAX, tag=st.one_of(st.none(), st.text(max_size=10)))
def test_any_search_syntax(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    query: str,
    tag: str | None,
) -> None:
    argv = ["--vault", str(vault), "search", "--", query or "x"]
    if tag is not None:
        argv[3:3] = ["--tag", tag]
    code, _, err = run(monkeypatch, capsys, *argv)
    assert_clear(code, err)
    assert code in (0, 1, 2, 13)


@FUZZ
@given(option=st.sampled_from(["--from", "--to"]), value=st.text(max_size=20))
def test_any_date_option(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
) -> None:
    for command in ("history", "export"):
        code, _, err = run(monkeypatch, capsys, "--vault", str(vault), command, option, value)
        assert_clear(code, err)


@FUZZ
@given(words=st.lists(st.binary(max_size=30), max_size=4))
def test_any_watch_list_words(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    words: list[bytes],
) -> None:
    stdin = PASSPHRASE.encode() + b"\n" + b"\n".join(words)
    for action in ("add", "remove"):
        before = vault.read_bytes()
        code, _, err = run(
            monkeypatch, capsys, "--vault", str(vault), "watchlist", action, stdin=stdin
        )
        assert_clear(code, err)
        if code not in (0, 1):
            assert vault.read_bytes() == before


@FUZZ
@given(
    name=st.one_of(
        st.text(max_size=30),
        st.sampled_from(["", ".", "..", "/", "/proc/nope/x.md", "a\x00b", "~", "~\x00", "-"]),
    )
)
def test_any_export_path(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    monkeypatch.chdir(vault.parent)
    before = vault.read_bytes()
    code, _, err = run(monkeypatch, capsys, "--vault", str(vault), "export", "-o", name)
    assert_clear(code, err)
    assert vault.read_bytes() == before


# --- files reflect reads --------------------------------------------------------------------

BUILTIN_TOML = BUILTIN_SET.read_bytes()


@st.composite
def broken_toml(draw: st.DrawFn) -> bytes:
    how = draw(st.sampled_from(["truncate", "bytes", "nest", "line"]))
    if how == "truncate":
        return BUILTIN_TOML[: draw(st.integers(0, len(BUILTIN_TOML)))]
    if how == "bytes":
        at = draw(st.integers(0, len(BUILTIN_TOML)))
        return BUILTIN_TOML[:at] + draw(st.binary(min_size=1, max_size=6)) + BUILTIN_TOML[at:]
    if how == "nest":
        depth = draw(st.integers(500, 100_000))
        return b"x = " + b"[" * depth + b"]" * depth
    line = draw(st.text(max_size=40)).encode("utf-8", "surrogatepass")
    return BUILTIN_TOML + b"\n" + line


@FUZZ
@given(document=broken_toml())
def test_any_prompt_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    document: bytes,
) -> None:
    file = tmp_path / "set.toml"
    file.write_bytes(document)
    code, out, err = run(monkeypatch, capsys, "prompts", "check", str(file))
    assert_clear(code, err)
    assert code in (0, 1)
    if code == 1:
        assert str(file) in out + err


@FUZZ
@given(document=broken_toml())
def test_any_config_file(tmp_path: Path, document: bytes) -> None:
    file = tmp_path / "config.toml"
    file.write_bytes(document.replace(b"id = ", b"theme = ", 1))
    config, problem = load_config(file)
    assert config is not None
    assert problem is None or (str(file) in problem and "\n" not in problem)


@FUZZ
@given(data=st.data())
def test_a_damaged_vault_or_backup(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: st.DataObject,
) -> None:
    good = vault.read_bytes()
    backups = sorted(vault.parent.glob("*.backups/*"))
    target = data.draw(st.sampled_from([vault, *backups]))
    original = target.read_bytes()
    how = data.draw(st.sampled_from(["flip", "truncate", "append", "garbage"]))
    if how == "flip":
        at = data.draw(st.integers(0, len(original) - 1))
        damaged = (
            original[:at]
            + bytes([original[at] ^ (1 << data.draw(st.integers(0, 7)))])
            + original[at + 1 :]
        )
    elif how == "truncate":
        damaged = original[: data.draw(st.integers(0, len(original) - 1))]
    elif how == "append":
        damaged = original + data.draw(st.binary(min_size=1, max_size=64))
    else:
        damaged = data.draw(st.binary(max_size=200))
    target.write_bytes(damaged)
    try:
        for command in ("history", "info"):
            code, _, err = run(monkeypatch, capsys, "--vault", str(vault), command)
            assert_clear(code, err)
            assert code in (0, 6, 7, 8)
        assert target.read_bytes() == damaged, "reading never rewrites a damaged file"
    finally:
        target.write_bytes(original)
        assert vault.read_bytes() == good or target != vault
