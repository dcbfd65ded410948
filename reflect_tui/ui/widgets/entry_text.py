"""How journal entries read on screen: dates in plain words, highlighted search snippets.

Everything here treats the clinician's text as plain text, never as markup.
"""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content

from reflect_tui.core.clock import as_written
from reflect_tui.journal import MATCH_END, MATCH_START

#: The style of matched words in a search snippet (theme colours resolve at render time).
MATCH_STYLE = "bold $text-accent underline"


# ``offset``: minutes east of UTC where it happened (a reflection's own zone); without
# one, the computer's zone.


def short_date(day: date) -> str:
    """'Wed 12 Mar 2025', for a day that has no time (a supervision meeting's)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(moment: datetime, offset: int | None = None) -> str:
    """'Wed 12 Mar 2025'."""
    return short_date(as_written(moment, offset).date())


def long_day(moment: datetime, offset: int | None = None) -> str:
    """'Wednesday 12 March 2025'."""
    local = as_written(moment, offset)
    return f"{local:%A} {local.day} {local:%B %Y}"


def clock(moment: datetime, offset: int | None = None) -> str:
    """'18:04'."""
    return f"{as_written(moment, offset):%H:%M}"


def one_line(text: str) -> str:
    """Collapse line breaks and runs of spaces so a text reads on one line."""
    return " ".join(text.split())


def snippet_content(snippet: str, *, style: str = MATCH_STYLE) -> Content:
    """A search snippet with its marked words styled (the text itself is never markup)."""
    parts: list[str | tuple[str, str]] = []
    # Marked runs are MATCH_START words MATCH_END (the markers are not whitespace).
    for chunk in one_line(snippet).split(MATCH_START):
        matched, marker, after = chunk.partition(MATCH_END)
        if marker:
            parts.append((matched, style))
            parts.append(after)
        else:
            parts.append(chunk)
    return Content.assemble(*parts)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 answer', '3 answers', '1,204 answers'."""
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
