"""One clock: only reflect_tui/clock.py reads the wall clock or the computer's zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import reflect_tui
from reflect_tui.core import clock
from tests.clocks import NEW_YORK, UTC_MINUS_12, SetClock

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

PACKAGE = Path(reflect_tui.__file__).parent
#: Ways to read the wall clock or the local zone without asking reflect_tui.core.clock.
WALL_CLOCK = re.compile(
    r"datetime\.now\(|date\.today\(|datetime\.today\(|datetime\.utcnow\("
    r"|time\.time\(|time\.localtime\("
    r"|time\.strftime\(|\.astimezone\(\)|\.astimezone\(None\)"
)


def reads_the_clock(code: str) -> bool:
    # fromtimestamp() without a zone converts to the local one.
    return bool(WALL_CLOCK.search(code)) or ("fromtimestamp(" in code and "UTC" not in code)


def test_the_check_catches_each_way_of_reading_the_clock() -> None:
    for line in (
        "datetime.now(UTC)",
        "date.today()",
        "time.time()",
        "moment.astimezone()",
        "date.fromtimestamp(mtime)",
    ):
        assert reads_the_clock(line), line
    assert reads_the_clock("date.fromtimestamp(path.stat().st_mtime)")
    assert not reads_the_clock("clock.today()") and not reads_the_clock("m.astimezone(UTC)")
    assert not reads_the_clock("datetime.fromtimestamp(path.stat().st_mtime, UTC)")


def test_no_module_but_the_clock_reads_the_wall_clock_or_the_zone() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "clock.py" and path.parent.name in {"reflect_tui", "core"}:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if reads_the_clock(code):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == [], "read the time from reflect_tui.core.clock:\n" + "\n".join(offenders)


def test_the_tests_set_the_time(set_clock: SetClock) -> None:
    start = clock.now()
    assert clock.local_now().replace(tzinfo=None) - datetime(2026, 3, 5, 8, 47) < timedelta(
        minutes=1
    )
    set_clock.advance(timedelta(days=400))
    assert clock.now() - start >= timedelta(days=400)
    assert clock.now().tzinfo is UTC


def test_offsets_and_days_follow_the_zone_and_its_daylight_saving(set_clock: SetClock) -> None:
    set_clock.zone(NEW_YORK)
    winter = set_clock.set(datetime(2026, 3, 8, 1, 30))
    assert clock.utc_offset() == -300
    summer = winter + timedelta(hours=1)  # 03:30 EDT: 02:00 to 03:00 never happened
    assert clock.utc_offset(summer) == -240
    assert clock.as_written(summer, None).hour == 3
    assert clock.here(datetime(2026, 7, 1, 12)).utcoffset() == timedelta(hours=-4)
    set_clock.zone(UTC_MINUS_12)
    moment = datetime(2026, 3, 5, 4, 50, tzinfo=UTC)
    assert clock.day_of(moment) == date(2026, 3, 4)
    assert clock.day_of(moment, offset=330) == date(2026, 3, 5)
    assert clock.as_written(moment, offset=-300).hour == 23
