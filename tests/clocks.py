"""The tests' clock: a fixed local "now" that ticks, in a chosen zone.

No test reads the wall clock. ``tests/conftest.py`` sets :data:`DEFAULT` (a weekday
morning, the hour at which the suite once failed) before any test module is imported,
and again before each test; the ``any_clock`` fixture runs a test once for every case
of :data:`MATRIX` (zones UTC-12 to UTC+14, just after midnight, 11:59, just before
midnight, and across daylight-saving changes).

Zones are POSIX TZ strings, so they need no zoneinfo files on the machine.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reflect_tui.core import clock

UTC_MINUS_12 = "<-12>12"
UTC_ZONE = "UTC0"
UTC_PLUS_0530 = "<+0530>-5:30"
UTC_PLUS_14 = "<+14>-14"
NEW_YORK = "EST5EDT,M3.2.0,M11.1.0"
BERLIN = "CET-1CEST,M3.5.0,M10.5.0/3"

#: The suite's "now": Thursday 5 March 2026, 08:47 local, in the zone the run has.
DEFAULT = datetime(2026, 3, 5, 8, 47)


@dataclass(frozen=True)
class Case:
    name: str
    zone: str
    local: datetime  # naive: the wall-clock time in ``zone``


MATRIX = [
    Case(f"{name}-{label}", zone, datetime(2026, 3, 5, *hm))
    for name, zone in (
        ("utc-12", UTC_MINUS_12),
        ("utc", UTC_ZONE),
        ("utc+5:30", UTC_PLUS_0530),
        ("utc+14", UTC_PLUS_14),
    )
    for label, hm in (("00:01", (0, 1)), ("11:59", (11, 59)), ("23:59", (23, 59)))
] + [
    # New York springs forward at 02:00 on 8 March 2026; Berlin falls back at 03:00 on
    # 25 October (02:30 happens twice) and springs forward at 02:00 on 29 March.
    Case("new-york-before-spring-forward", NEW_YORK, datetime(2026, 3, 8, 1, 59)),
    Case("new-york-after-spring-forward", NEW_YORK, datetime(2026, 3, 8, 3, 1)),
    Case("berlin-in-the-repeated-hour", BERLIN, datetime(2026, 10, 25, 2, 30)),
    Case("berlin-night-of-spring-forward", BERLIN, datetime(2026, 3, 28, 23, 59)),
]


class SetClock:
    """Sets reflect's clock; time moves on from what was set, as a real clock does."""

    def __init__(self) -> None:
        self._base = datetime(2026, 1, 1, tzinfo=UTC)
        self._since = time.monotonic()

    def __call__(self) -> datetime:
        return self._base + timedelta(seconds=time.monotonic() - self._since)

    def set(self, moment: datetime) -> datetime:
        """Make it ``moment`` now (a naive time is local wall-clock time); returns it, aware."""
        aware = moment.astimezone() if moment.tzinfo is None else moment
        self._base, self._since = aware.astimezone(UTC), time.monotonic()
        return aware

    def advance(self, delta: timedelta) -> None:
        self._base += delta

    @staticmethod
    def zone(posix: str | None) -> None:
        """Put the process in zone ``posix`` (``None``: back to the run's own)."""
        if posix is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = posix
        time.tzset()


def install(start: datetime = DEFAULT) -> SetClock:
    set_clock = SetClock()
    set_clock.set(start)
    clock.set_source(set_clock)
    return set_clock
