"""The product's one clock: what "now" and "today" are, and which day a moment belongs to.

Nothing else in reflect reads the wall clock or the local zone: every stamp and every
"today" comes from here, so tests set the time in one place (``tests/conftest.py``) and
a test enforces that no other module reads it (``tests/core/test_clock.py``).

The day rule (README, "Which day a reflection counts toward"): a reflection belongs to
the local date on which it was *begun*, in the zone the clinician was in then. Its
start is stored in UTC with that zone's offset, so the day never moves afterwards: not
at midnight, not after a flight home, not when the computer's zone changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone


def _system_now() -> datetime:
    return datetime.now(UTC)


_source: Callable[[], datetime] = _system_now


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return _source().astimezone(UTC)


def local_now() -> datetime:
    """The current instant in the computer's zone."""
    return now().astimezone()


def today() -> date:
    """The computer's local date now."""
    return local_now().date()


def utc_offset(moment: datetime | None = None) -> int:
    """Minutes east of UTC of the computer's zone at ``moment`` (default: now)."""
    local = (moment or now()).astimezone()
    offset = local.utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def as_written(moment: datetime, offset: int | None) -> datetime:
    """``moment`` as the clock read where it was written (``offset`` minutes east of UTC);
    with no offset recorded, in the computer's zone."""
    if offset is None:
        return moment.astimezone()
    return moment.astimezone(timezone(timedelta(minutes=offset)))


def day_of(moment: datetime, offset: int | None = None) -> date:
    """The local date of ``moment`` where it was written (see :func:`as_written`)."""
    return as_written(moment, offset).date()


def here(wall_clock: datetime) -> datetime:
    """A naive wall-clock time read in the computer's zone, made aware (the zone's rules
    for that date apply, so a time across a daylight-saving change gets its own offset)."""
    return wall_clock.astimezone()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Read "now" from ``source`` (an aware datetime each call); ``None``: the system clock.

    For tests and the benchmarks, which set the time rather than read it.
    """
    global _source
    _source = source or _system_now
