"""History's filters: what is chosen, and the date boxes' reading of a day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

DATE_HINT = "Dates look like 2025-03-12."


def parse_day(value: str) -> date | None:
    """The date in a YYYY-MM-DD box (None when it is empty); ValueError if unreadable."""
    value = value.strip()
    return date.fromisoformat(value) if value else None


def readable_day(value: str) -> bool:
    try:
        parse_day(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    set_id: str | None = None
    topic: str | None = None
    tag: str | None = None
    flagged: bool = False

    @property
    def active(self) -> bool:
        return self != Filters()

    @property
    def shows_meetings(self) -> bool:
        """Meetings have no set, topic, tag or flag: they show while only dates are set."""
        return not (self.set_id or self.topic or self.tag or self.flagged)

    def query(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "set_id": self.set_id,
            "topic": self.topic,
            "tag": self.tag,
            "flagged": self.flagged,
        }
