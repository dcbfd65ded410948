"""The passphrase strength estimate behind the create screen (no Textual needed)."""

from __future__ import annotations

import pytest

from reflect_tui.core.passphrase_strength import MINIMUM_SCORE, estimate


@pytest.mark.parametrize(
    "weak",
    [
        "",
        "password",
        "Password1",
        "123456789",
        "qwertyuiop",
        "aaaaaaaaaaaa",
        "abcdefgh",
        "therapist2024",
        "letmein!",
        "blue kettle",
        "Tr0ub4dor&3",
        # A word said again is no new word.
        "correct correct correct correct",
        "Kettle kettle KETTLE kettle",
        "aa aa aa aa",
    ],
)
def test_easy_guesses_are_refused(weak: str) -> None:
    strength = estimate(weak)
    assert strength.score < MINIMUM_SCORE and not strength.acceptable
    assert strength.advice


@pytest.mark.parametrize(
    "strong",
    [
        "correct horse battery staple",
        "lantern orchard quietly seventeen",
        "x7#Kp9!mQz2@vL4w",
        "my dog likes carrots at noon",
        "Grüne Äpfel schmecken süß",
    ],
)
def test_long_varied_passphrases_are_strong(strong: str) -> None:
    assert estimate(strong).score >= 3


def test_more_words_never_weaken_it() -> None:
    phrase, last = "", -1.0
    for word in ["quiet", "harbour", "lantern", "seventeen", "orchard"]:
        phrase = f"{phrase} {word}".strip()
        bits = estimate(phrase).bits
        assert bits > last
        last = bits


def test_short_passphrases_are_capped_below_the_minimum() -> None:
    strength = estimate("Zq#8v!")
    assert strength.score < MINIMUM_SCORE
    assert "at least 8" in strength.advice
