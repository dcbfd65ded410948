"""Identity maps saved on two devices merge: both versions are kept, in time order."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from tests.clocks import SetClock
from tests.conftest import PASSPHRASE
from tests.sync.devices import content, two_devices


def test_two_devices_maps_merge_into_one_history(tmp_path: Path, set_clock: SetClock) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.save_identity_map([DomainEntry("age", "in my thirties", "privilege")])
    set_clock.advance(timedelta(days=3))
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.save_identity_map(
            [DomainEntry("religion", "raised Catholic", "both", "no", True)], note="On the desktop"
        )
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        maps = journal.identity_maps()
    assert [(m.number, m.note) for m in maps] == [(1, ""), (2, "On the desktop")]
    assert maps[1].entry("religion").salient and maps[0].entry("age").stance == "privilege"
    assert summary.added == {"identity_map_version": 1, "identity_map_entry": 1}
    assert "1 identity map version" in summary.lines()[0]
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.merge_from(laptop)
    assert content(laptop) == content(desktop), "A into B is B into A"
    with Journal.open(laptop, PASSPHRASE) as journal:
        assert not journal.merge_from(desktop).changed, "merging twice changes nothing"
