"""Share passphrases: six words, chosen by the operating system's random source.

The list is the EFF's large word list (7,776 = 6^5 words, CC BY 3.0 US; see
share_words.LICENSE), chosen by the EFF to be easy to say, hear and type. Six words
give log2(7776) * 6 = 77.5 bits. Against an offline guesser, each guess costs
PBKDF2's 600,000 HMAC-SHA-256 rounds: a current high-end GPU manages about 15,000
such guesses a second, so even ten thousand of them would need on average
2^76.5 / 1.5e8 s, about 20 million years. The passphrase, not the browser's KDF, is what
keeps a share sealed, which is why a script's own passphrase must pass the vault's rule.
"""

from __future__ import annotations

import secrets
from functools import cache
from importlib import resources

WORDS_IN_PASSPHRASE = 6


@cache
def share_words() -> tuple[str, ...]:
    text = resources.files(__package__).joinpath("share_words.txt").read_text("utf-8")
    return tuple(text.split())


def new_share_passphrase(count: int = WORDS_IN_PASSPHRASE) -> str:
    """A fresh passphrase of ``count`` words separated by spaces."""
    words = share_words()
    return " ".join(secrets.choice(words) for _ in range(count))
