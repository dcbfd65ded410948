"""Session 7's identifier rules under an adversarial read (#16): what they must still
find, what ordinary prose they must leave alone, and how long a hostile text takes."""

from __future__ import annotations

import threading

import pytest

from reflect_tui.export import find_identifiers
from reflect_tui.export.identifiers.scanner import _find


def found(text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.kind.value) for f in find_identifiers(text)]


def _finishes(text: str, seconds: float) -> bool:
    """Whether the check of ``text`` ends within ``seconds`` (a generous bound: a
    backtracking pattern takes minutes here, a linear one a few milliseconds)."""
    done = threading.Event()

    def scan() -> None:
        _find(text, None, shortcuts=False)  # every pattern over the whole text
        done.set()

    threading.Thread(target=scan, daemon=True).start()
    return done.wait(seconds)


@pytest.mark.parametrize("fragment", ["CAR ", "REG ", "PLATE ", "VAN A "])
def test_a_shouted_text_does_not_stall_the_check(fragment: str) -> None:
    # A pasted message in capitals, a vehicle's or a plate's word over and over: the
    # plate patterns once looked ahead to the text's end for a digit at every word.
    text = fragment * (40_000 // len(fragment))
    assert _finishes(text, 10.0)
