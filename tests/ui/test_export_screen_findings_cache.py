"""The Export screen keeps what its identifier check had to scan in the vault's findings
cache, so the next export (on the screen or `reflect export`) finds it there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from reflect_tui.core import clock
from reflect_tui.export.identifiers import cached
from reflect_tui.journal.reader import JournalReader
from reflect_tui.ui.screens import export as export_screen
from reflect_tui.ui.screens.export import ExportScreen
from tests.ui.test_history_fixtures import PASSPHRASE, HostApp, make_session, new_journal

TODAY = clock.today()
ANSWER = "Her mother rang from 07700 900123 about the harbourside flats"


@pytest.fixture(autouse=True)
def quick_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_screen, "CHANGE_DELAY", 0.01)


async def test_the_preview_fills_the_findings_cache(tmp_path: Path) -> None:
    journal = new_journal(tmp_path, [make_session(TODAY - timedelta(days=2), [ANSWER, "b"])])
    try:
        journal._conn.execute("DELETE FROM identifier_scan")  # as in a vault from 0.3.0
        journal.save()
        app = HostApp(lambda: ExportScreen(journal, set_titles={}, today=TODAY, folder=tmp_path))
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(3):
                await pilot.pause(0.03)
                await pilot.app.workers.wait_for_complete()
            summary = str(pilot.app.screen.query_one("#summary", Static).render())
            assert "1 possible identifier" in summary
        assert cached.digest(ANSWER) in journal.known_spans().entries
        with JournalReader(journal.path, PASSPHRASE) as reader:  # saved, not only in memory
            assert cached.digest(ANSWER) in reader.known_spans().entries
    finally:
        journal.close()
