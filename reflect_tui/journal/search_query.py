"""Turn what a person types into a safe FTS5 query.

Supported: plain words (all must match), "quoted phrases", prefixes (``counter*``) and
the operators OR and NOT written in capitals. Every word is quoted for FTS5, so
apostrophes, hyphens and other punctuation never cause a syntax error; an unbalanced
quote is closed for the user.
"""

from __future__ import annotations

import re

from reflect_tui.core.records import storable

_TOKEN = re.compile(r'"([^"]*)"?(\*?)|(\S+)')
_OPERATORS = {"OR", "NOT", "AND"}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for ``query`` ('' when there is nothing to search)."""
    parts: list[str] = []
    for match in _TOKEN.finditer(storable(query)):
        phrase, star, word = match.group(1), match.group(2), match.group(3)
        if word is not None:
            if word in _OPERATORS:
                parts.append(word)
                continue
            star = "*" if word.endswith("*") else ""
            word = word.rstrip("*")
            # Keep letters and digits; FTS5's tokenizer would drop the rest anyway.
            cleaned = " ".join(re.findall(r"\w+", word))
            if cleaned:
                parts.append(_quote(cleaned) + star)
        elif phrase is not None and (words := re.findall(r"\w+", phrase)):
            # Letters and digits only, as for a word: a NUL or a control character
            # inside quotes would end FTS5's string early ("unterminated string").
            parts.append(_quote(" ".join(words)) + star)
    return " ".join(_tidy_operators(parts))


def _tidy_operators(parts: list[str]) -> list[str]:
    """Drop dangling operators and merge runs ("a AND NOT b" means "a NOT b").

    A leading NOT is kept: it cannot mean anything, and FTS5's refusal becomes a hint,
    rather than silently searching for the very word the person wanted to exclude.
    """
    tidy: list[str] = []
    for part in parts:
        if part in _OPERATORS and tidy and tidy[-1] in _OPERATORS:
            if part == "NOT":
                tidy[-1] = "NOT"
            continue
        if part in _OPERATORS and not tidy and part != "NOT":
            continue
        tidy.append(part)
    while tidy and tidy[-1] in _OPERATORS:
        tidy.pop()
    return tidy
