"""Dates and times as a tired person reads them: 'today 17:45', 'yesterday', 'Thu 13 Mar'."""

from __future__ import annotations

from datetime import date, datetime

from reflect_tui.core.clock import as_written


def day_label(moment: datetime, today: date, offset: int | None = None) -> str:
    """'today', 'yesterday', 'Thu 13 Mar', or 'Thu 13 Mar 2024' for another year.

    ``offset``: minutes east of UTC where it happened (a reflection's own zone), if known.
    """
    day = as_written(moment, offset).date()
    gap = (today - day).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "yesterday"
    label = f"{day:%a} {day.day} {day:%b}"
    return label if day.year == today.year else f"{label} {day.year}"


def when(moment: datetime, today: date, offset: int | None = None) -> str:
    """A day label with the time of day: 'today 17:45', 'Thu 13 Mar 17:45'."""
    return f"{day_label(moment, today, offset)} {as_written(moment, offset):%H:%M}"


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, ending with … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)].rstrip() + "…"
