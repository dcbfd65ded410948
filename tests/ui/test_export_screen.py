"""The Export screen: the selection, its preview and count, the identifier check and its
choices, the watch list, and writing the file (0600, never over a file unasked)."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, OptionList, Select, Static

from reflect_tui.core import clock
from reflect_tui.journal import Journal
from reflect_tui.ui.screens import export as export_screen
from reflect_tui.ui.screens.confirm import ConfirmScreen
from reflect_tui.ui.screens.confirm_overwrite import ConfirmOverwriteScreen
from reflect_tui.ui.screens.export import ExportScreen
from reflect_tui.ui.screens.export_findings import ExportFindingsScreen
from reflect_tui.ui.screens.watch_list import WatchListScreen
from tests.ui.test_history_fixtures import HostApp, make_session, new_journal

TODAY = clock.today()
PHONE = "07700 900123"


@pytest.fixture
def journal(tmp_path: Path):
    journal = new_journal(
        tmp_path,
        [
            make_session(TODAY, ["Noticed my assumptions about faith", "b", "c", "d"]),
            make_session(
                TODAY - timedelta(days=2),
                [f"Her mother rang from {PHONE} about the harbourside flats", "b", "c", "d"],
                flagged=True,
            ),
            make_session(TODAY - timedelta(days=60), ["An older reflection", "b", "c", "d"]),
        ],
    )
    yield journal
    journal.close()


def export_app(journal: Journal, folder: Path) -> HostApp:
    return HostApp(lambda: ExportScreen(journal, set_titles={}, today=TODAY, folder=folder))


@pytest.fixture(autouse=True)
def quick_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen waits for a pause in changes; tests need not wait long."""
    monkeypatch.setattr(export_screen, "CHANGE_DELAY", 0.01)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause(0.03)
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def summary(pilot) -> str:
    return str(pilot.app.screen.query_one("#summary", Static).render())


def export_file(folder: Path, ext: str = "md") -> Path:
    return folder / f"supervision-{TODAY.isoformat()}.{ext}"


async def test_preview_and_count_follow_the_choices(journal: Journal, tmp_path: Path) -> None:
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ExportScreen)
        start = screen.query_one("#from", Input).value
        assert start == (TODAY - timedelta(days=27)).isoformat()
        assert summary(pilot).startswith("10 reflections from 2 sessions.")
        assert "1 possible identifier" in summary(pilot)
        preview = str(screen.query_one("#preview-text", Static).render())
        assert preview.startswith("# Supervision preparation")
        assert PHONE not in preview and "[phone]" in preview  # shown replaced until chosen

        screen.query_one("#from", Input).value = ""
        await settle(pilot)
        assert summary(pilot).startswith("15 reflections from 3 sessions.")

        screen.query_one("#flagged", Checkbox).value = True
        await settle(pilot)
        assert summary(pilot).startswith("5 reflections from 1 session.")

        screen.query_one("#to", Input).value = "2000-01-01"
        screen.query_one("#from", Input).value = "2001-01-01"
        await settle(pilot)
        assert summary(pilot) == "The From date is after the To date."


async def test_identifiers_are_replaced_when_chosen(journal: Journal, tmp_path: Path) -> None:
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportFindingsScreen)
        assert [f.kind.value for f in dialog.findings] == ["phone"]
        await pilot.press("r")
        await settle(pilot)
    written = export_file(tmp_path)
    text = written.read_text()
    assert "[phone]" in text and PHONE not in text
    assert "Noticed my assumptions about faith" in text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


async def test_identifiers_kept_when_allowed_and_nothing_written_on_go_back(
    journal: Journal, tmp_path: Path
) -> None:
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")  # go back: nothing is written
        await settle(pilot)
        assert isinstance(pilot.app.screen, ExportScreen)
        assert not export_file(tmp_path).exists()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("k")
        await settle(pilot)
        assert "keep them as written" in summary(pilot)
    assert PHONE in export_file(tmp_path).read_text()


async def test_an_existing_file_is_replaced_only_when_confirmed(
    journal: Journal, tmp_path: Path
) -> None:
    target = export_file(tmp_path)
    target.write_text("my old notes")
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmOverwriteScreen)
        await pilot.press("escape")  # keep the old file
        await settle(pilot)
        assert target.read_text() == "my old notes"
        await pilot.press("ctrl+s")  # the choice is remembered; only the file is asked
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmOverwriteScreen)
        await pilot.press("right", "enter")
        await settle(pilot)
    assert target.read_text().startswith("# Supervision preparation")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_watch_list_stops_words_leaving(journal: Journal, tmp_path: Path) -> None:
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pilot.app.screen.action_watch_list()
        await pilot.pause()
        assert isinstance(pilot.app.screen, WatchListScreen)
        box = pilot.app.screen.query_one(Input)
        box.value = "harbourside"
        await pilot.press("enter")
        await settle(pilot)
        words = pilot.app.screen.query_one(OptionList)
        assert words.option_count == 1
        await pilot.press("escape")
        await settle(pilot)
        assert "2 possible identifiers" in summary(pilot)
        assert journal.watch_words() == ["harbourside"]

        pilot.app.screen.action_watch_list()
        await pilot.pause()
        pilot.app.screen.query_one(OptionList).focus()
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert journal.watch_words() == []
        assert "1 possible identifier" in summary(pilot)


async def test_format_sets_the_file_name_and_json_keeps_exact_dates(
    journal: Journal, tmp_path: Path
) -> None:
    async with export_app(journal, tmp_path).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#format", Select).value = "json"
        await settle(pilot)
        assert screen.query_one("#file", Input).value == str(export_file(tmp_path, "json"))
        assert screen.query_one("#dates", Select).disabled
        assert str(screen.query_one("#preview-text", Static).render()).lstrip().startswith("{")
        screen.query_one("#format", Select).value = "html"
        await settle(pilot)
        assert screen.query_one("#file", Input).value == str(export_file(tmp_path, "html"))
        assert not screen.query_one("#dates", Select).disabled


async def test_a_possible_name_is_shown_and_can_be_marked_not_a_name(tmp_path: Path) -> None:
    journal = new_journal(
        tmp_path, [make_session(TODAY, ["Winnicott; Kohlberg says so", "b", "c", "d"])]
    )
    try:
        async with export_app(journal, tmp_path).run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert "1 possible identifier" in summary(pilot)
            await pilot.press("ctrl+s")
            await pilot.pause()
            dialog = pilot.app.screen
            assert isinstance(dialog, ExportFindingsScreen)
            [finding] = dialog.findings
            assert (finding.kind.value, finding.word) == ("possible name", "Kohlberg")
            assert "Kohlberg" in finding.excerpt  # shown as written, to be judged
            await pilot.press("n")
            await pilot.pause()
            confirm = pilot.app.screen
            assert isinstance(confirm, ConfirmScreen)  # one key never waves a name through
            assert "Kohlberg" in str(confirm.query_one(Static).render())
            await pilot.press("y")
            await settle(pilot)
            assert journal.fine_words() == ["Kohlberg"]
            assert "No identifiers found." in summary(pilot)
    finally:
        journal.close()


async def test_a_sealed_web_page_shows_its_passphrase_once_and_opens_with_it(
    journal: Journal, tmp_path: Path
) -> None:
    from reflect_tui.export.sealed import open_share
    from reflect_tui.ui.screens.share_passphrase import SharePassphraseScreen

    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#format", Select).value = "sealed"
        await settle(pilot)
        assert screen.query_one("#file", Input).value == str(export_file(tmp_path, "html"))
        assert "passphrase" in str(screen.query_one("#plaintext", Static).render())
        preview = str(screen.query_one("#preview-text", Static).render())
        assert preview.lstrip().startswith("SUPERVISION PREPARATION")  # what it holds
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportFindingsScreen)  # sealing skips no check
        await pilot.press("r")
        await settle(pilot)
        shown = pilot.app.screen
        assert isinstance(shown, SharePassphraseScreen)
        passphrase = str(shown.query_one("#passphrase", Static).render()).strip()
        assert len(passphrase.split()) == 6
        await pilot.press("escape")  # on the way out of Export, by habit: it stays
        await pilot.pause()
        assert pilot.app.screen is shown
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ExportScreen)
    target = export_file(tmp_path, "html")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = target.read_text()
    assert PHONE not in page and "harbourside" not in page.lower()
    opened = open_share(page, passphrase)
    assert "[phone]" in opened.text and PHONE not in opened.text
    assert "<h2>Agenda</h2>" in opened.html


async def test_after_a_meeting_the_screen_starts_from_it_and_shows_what_was_agreed(
    journal: Journal, tmp_path: Path
) -> None:
    from reflect_tui.core.supervision import MeetingInput

    meeting_day = TODAY - timedelta(days=3)
    journal.add_meeting(
        MeetingInput(meeting_day, 60, "individual", will_do=("Ask about the interpreter",))
    )
    async with export_app(journal, tmp_path).run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        start = pilot.app.screen.query_one("#from", Input).value
        assert start == (meeting_day + timedelta(days=1)).isoformat()
        assert "2 sessions" in summary(pilot), summary(pilot)
        preview = str(pilot.app.screen.query_one("#preview-text", Static).render())
        assert "Last time we agreed" in preview and "Ask about the interpreter" in preview


async def test_flagged_only_leaves_out_what_a_meeting_took_up_unless_included(
    journal: Journal, tmp_path: Path
) -> None:
    from reflect_tui.core.supervision import MeetingInput

    waiting = journal.prepared_items(TODAY)
    flagged_answers = len(waiting)
    journal.add_meeting(
        MeetingInput(TODAY, 60, "individual", summary="x"), discussed=[waiting[0].answer_id]
    )
    async with export_app(journal, tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        screen.query_one("#from", Input).value = ""
        included = screen.query_one("#discussed", Checkbox)
        assert included.disabled, "it means something only with flagged only"
        screen.query_one("#flagged", Checkbox).value = True
        await settle(pilot)
        assert not included.disabled
        assert summary(pilot).startswith(f"{flagged_answers - 1} reflections"), summary(pilot)
        included.value = True
        await settle(pilot)
        assert summary(pilot).startswith(f"{flagged_answers} reflections"), summary(pilot)
