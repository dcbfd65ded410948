"""A rough, honest estimate of how hard a passphrase is to guess (no Textual, no dependency).

The estimate walks the passphrase left to right and charges each piece what a careful
guesser would pay for it: a common password or word costs about ten bits, a run such
as ``abcd``, ``4321``, ``qwerty`` or ``aaaa`` costs little more than its first character,
a run of letters that looks like a word costs about as much as a word from a large
dictionary, and anything else costs the size of the character classes in use. It is a
guide for the create screen, not a guarantee.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Final

#: Below this score a new vault's passphrase is refused (0 very weak ... 4 very strong).
MINIMUM_SCORE: Final = 2
MINIMUM_LENGTH: Final = 8

LABELS: Final = ("Very weak", "Weak", "Fair", "Strong", "Very strong")
#: Bits of guessing work at which each score starts (index = score).
THRESHOLDS: Final = (0.0, 28.0, 40.0, 56.0, 72.0)

_COMMON: Final = frozenset(
    """
    password passw0rd passphrase letmein welcome admin administrator login master secret
    qwerty qwertz azerty iloveyou trustno1 monkey dragon football baseball soccer hockey
    sunshine princess shadow superman batman michael jennifer jordan hunter killer charlie
    freedom whatever starwars computer internet summer winter spring autumn flower
    love lovely baby angel family friend friends hello hello123 cookie chocolate coffee
    orange banana apple cheese pepper ginger tigger buster daisy bailey maggie
    therapy therapist counselor counsellor counselling counseling clinic clinician client
    patient session journal reflect reflection diary private notes mental health doctor
    nurse psych psychology social worker supervisor supervision humility culture
    god jesus faith heaven change changeme default test guest user root
    """.split()
)
_ROWS: Final = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "qwertzuiop", "azertyuiop")
_LEET: Final = str.maketrans("0134$@57!", "oieasatsi")
_SEPARATORS: Final = " -_."
_WORD_BITS: Final = 11.0  # a word from a large dictionary (about 2,000 common words)
_COMMON_BITS: Final = 6.0  # a word from the short list of passwords people actually pick


@dataclass(frozen=True)
class Strength:
    """How strong a passphrase is: ``score`` 0..4, its label, and one line of advice."""

    score: int
    label: str
    bits: float
    advice: str

    @property
    def acceptable(self) -> bool:
        return self.score >= MINIMUM_SCORE


def _pool_size(passphrase: str) -> int:
    pool = 0
    if re.search(r"[a-z]", passphrase):
        pool += 26
    if re.search(r"[A-Z]", passphrase):
        pool += 26
    if re.search(r"[0-9]", passphrase):
        pool += 10
    if re.search(r"[ ]", passphrase):
        pool += 1
    if re.search(r"[^a-zA-Z0-9 ]", passphrase):
        pool += 33
    if any(ord(ch) > 127 for ch in passphrase):
        pool += 60
    return max(pool, 1)


def _run_length(text: str, start: int) -> int:
    """Length of a repeated, ascending, descending or keyboard-row run starting here."""
    best = 1
    for step in (0, 1, -1):
        end = start + 1
        while end < len(text) and ord(text[end]) - ord(text[end - 1]) == step:
            end += 1
        best = max(best, end - start)
    lowered = text.lower()
    for row in _ROWS:
        for source in (row, row[::-1]):
            length = 0
            while (
                start + length < len(lowered)
                and (position := source.find(lowered[start])) >= 0
                and position + length < len(source)
                and source[position + length] == lowered[start + length]
            ):
                length += 1
            best = max(best, length)
    return best


def _common_word_at(normalised: str, start: int) -> int:
    """Length of the longest common password or word starting here (0 if none)."""
    for length in range(min(14, len(normalised) - start), 2, -1):
        if normalised[start : start + length] in _COMMON:
            return length
    return 0


def _letter_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return end - start


def guess_bits(passphrase: str) -> float:
    """Estimated bits of guessing work (log2 of the guesses a careful attacker needs).

    A word said again ("correct correct correct") costs one bit, not a word's worth.
    """
    if not passphrase:
        return 0.0
    bits = _walk_bits(passphrase)
    seen: set[str] = set()
    for word in re.split(r"[ _.\-]+", passphrase.lower()):
        if word in seen:
            bits -= max(_walk_bits(word) - 1.0, 0.0)
        elif word:
            seen.add(word)
    return max(bits, 0.0)


def _walk_bits(passphrase: str) -> float:
    char_bits = math.log2(_pool_size(passphrase))
    normalised = passphrase.lower().translate(_LEET)
    bits, i = 0.0, 0
    while i < len(passphrase):
        common = _common_word_at(normalised, i)
        run = _run_length(passphrase, i)
        letters = _letter_run(normalised, i)
        if common:
            capital = 1.0 if passphrase[i].isupper() else 0.0
            bits += _COMMON_BITS + capital
            i += common
        elif run >= 3:
            bits += char_bits + math.log2(run)
            i += run
        elif letters >= 4:
            # Looks like a word: a dictionary guesser pays per word, not per letter.
            capital = 1.0 if passphrase[i].isupper() else 0.0
            bits += min(letters * math.log2(26), _WORD_BITS + (letters - 4) * 1.0) + capital
            i += letters
        elif passphrase[i] in _SEPARATORS:
            bits += 1.0  # the space or hyphen between words is the first thing tried
            i += 1
        else:
            bits += char_bits
            i += 1
    if re.fullmatch(r".*(19|20)\d\d", passphrase):
        bits -= 4.0  # a year at the end is one of the first things tried
    return bits


def _advice(passphrase: str, score: int) -> str:
    if not passphrase:
        return "Choose a passphrase: four or more ordinary words make a strong one."
    if len(passphrase) < MINIMUM_LENGTH:
        return f"Use at least {MINIMUM_LENGTH} characters; a few ordinary words are easy to type."
    if score < MINIMUM_SCORE:
        return "Easy to guess. Add a few unrelated words, like a short odd sentence."
    if score == MINIMUM_SCORE:
        return "Acceptable. Another unrelated word or two would make it much stronger."
    return "Good. Keep it somewhere safe: it cannot be recovered if lost."


def estimate(passphrase: str) -> Strength:
    """Score a passphrase from 0 (very weak) to 4 (very strong), with advice."""
    bits = guess_bits(passphrase)
    score = max(n for n, floor in enumerate(THRESHOLDS) if bits >= floor)
    if len(passphrase) < MINIMUM_LENGTH:
        score = min(score, MINIMUM_SCORE - 1)
    return Strength(score=score, label=LABELS[score], bits=bits, advice=_advice(passphrase, score))
