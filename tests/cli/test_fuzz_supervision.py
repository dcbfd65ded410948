"""``reflect supervision add`` from a pipe, fed any lines: it records the meeting (exit 0)
or says in one line why not (exit 2) and leaves the vault's bytes as they were; never
a traceback. (The helpers are those of ``test_fuzz.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflect_tui.core.supervision import KEYS
from tests.cli.test_fuzz import FUZZ, assert_clear, run, vault  # noqa: F401 (the fixture)
from tests.conftest import PASSPHRASE

VALUES = st.one_of(
    st.sampled_from(["60", "0", "-5", "90 min", "1e3", "٣٠", "2026-03-03", "2026-02-30"]),
    st.sampled_from(["today", "2099-01-01", "group", "peer", "ind", "", "norm, rest", "x"]),
    st.sampled_from(["Jane Smith", "JM", "call 07700 900123", "clinical lead"]),
    st.text(max_size=30),
)
LINE = st.one_of(
    st.tuples(st.sampled_from(KEYS), VALUES).map(lambda kv: f"{kv[0]}: {kv[1]}"),
    st.text(max_size=30),
)


@FUZZ
@given(
    lines=st.lists(LINE, max_size=8),
    raw=st.binary(max_size=16),
    errors=st.sampled_from(["strict", "surrogateescape"]),
)
def test_any_meeting_lines_are_recorded_or_refused_in_one_line(
    vault: Path,  # noqa: F811 (the fixture)
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lines: list[str],
    raw: bytes,
    errors: str,
) -> None:
    before = vault.read_bytes()
    stdin = f"{PASSPHRASE}\n{chr(10).join(lines)}\n".encode("utf-8", "surrogatepass") + raw
    code, out, err = run(
        monkeypatch, capsys, "--vault", str(vault), "supervision", "add", stdin=stdin, errors=errors
    )
    assert_clear(code, err)
    assert code in (0, 2), err
    if code == 2:
        assert vault.read_bytes() == before and err.count("\n") == 1 and out == ""
    else:
        assert out.startswith("Recorded the meeting of ")
