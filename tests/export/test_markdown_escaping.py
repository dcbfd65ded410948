"""Markdown escaping's quick paths give what the line-by-line rules give, for any text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect_tui.export.markdown import _escape_lines, block, inline

_SPECIAL = re.compile(r"[\\`*_<]|\](?=[(\[:])|^[#>+=-]")
_NUMBER = re.compile(r"^(\d{1,9})([.)])")

texts = (
    st.text(alphabet=st.sampled_from("ab 1.)#=-<\\`*_[]():\n\t\u00a0é"), max_size=40) | st.text()
)


def _inline_as_before(text: str) -> str:
    """inline() as it was written before its quick path (release 0.3.0)."""
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(0), " ".join(text.split()))
    return _NUMBER.sub(r"\1\\\2", escaped) if escaped[:1].isdigit() else escaped


@settings(max_examples=500, deadline=None)
@given(texts)
def test_a_plain_answer_is_kept_only_when_the_rules_would_keep_it(text: str) -> None:
    assert block(text) == _escape_lines(text)


@settings(max_examples=500, deadline=None)
@given(texts)
def test_inline_escapes_as_it_always_did(text: str) -> None:
    assert inline(text) == _inline_as_before(text)


def test_the_quick_path_is_taken_and_escaping_still_happens() -> None:
    assert block("A plain paragraph.") == "A plain paragraph."
    assert block("  # not a heading") == "  \\# not a heading"
    assert block("a <tag> and a \\ sign") == "a \\<tag> and a \\\\ sign"
    assert inline("12. Not a list") == "12\\. Not a list"
