"""Turn what a person types into a safe FTS5 query.

Supported: plain words (all must match), "quoted phrases", prefixes (``counter*``) and
the operators OR and NOT written in capitals. Every word is quoted for FTS5, so
apostrophes, hyphens and other punctuation never cause a syntax error; an unbalanced
quote is closed for the user.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"([^"]*)"?(\*?)|(\S+)')
_OPERATORS = {"OR", "NOT", "AND"}


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for ``query`` ('' when there is nothing to search)."""
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
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
        elif phrase is not None and phrase.strip():
            parts.append(_quote(phrase.strip()) + star)
    while parts and parts[0] in _OPERATORS:
        parts.pop(0)
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)
