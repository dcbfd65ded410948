"""Reading one reflection: edit, tag, flag and delete, and what survives a reopen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from reflect_tui.core import clock
from reflect_tui.journal import Journal, JournalLocked, SaveFailed
from reflect_tui.ui.screens.confirm_delete import ConfirmDeleteScreen
from reflect_tui.ui.screens.edit_past_answer import EditPastAnswerScreen
from reflect_tui.ui.screens.edit_tags import EditTagsScreen
from reflect_tui.ui.screens.history import HistoryScreen
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.widgets.answer_card import AnswerCard
from reflect_tui.ui.widgets.history_table import HistoryTable
from tests.ui.test_history_fixtures import (
    PASSPHRASE,
    HostApp,
    decrypted_image,
    make_session,
    new_journal,
)

#: Dates and zones: CI runs these again in other zones (.ci/run).
pytestmark = pytest.mark.dates

TODAY = clock.today()
SECRET = "Zanzibarquartz"
LONG = "I noticed the family's quiet. " * 40


@pytest.fixture
def journal(tmp_path: Path):
    journal = new_journal(
        tmp_path,
        [
            make_session(TODAY, [f"Today the {SECRET} moment", "power", "act", "rest"]),
            make_session(TODAY - timedelta(days=1), ["Yesterday's words", "b", "c", "d"]),
        ],
    )
    yield journal
    if journal.is_open:
        journal.close()


def newest_id(journal: Journal) -> int:
    return journal.list_sessions(limit=1)[0].id


def detail_app(journal: Journal, **kwargs: object) -> HostApp:
    return HostApp(lambda: SessionDetailScreen(journal, newest_id(journal), **kwargs))


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def cards(pilot) -> list[AnswerCard]:
    return list(pilot.app.screen.query(AnswerCard))


async def test_edit_is_saved_and_survives_reopening_the_vault(journal: Journal) -> None:
    session_id = newest_id(journal)
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        editor = pilot.app.screen
        assert isinstance(editor, EditPastAnswerScreen)
        assert editor.query_one(TextArea).text == f"Today the {SECRET} moment"
        editor.query_one(TextArea).text = LONG
        await pilot.press("ctrl+s")
        await settle(pilot)
        card = cards(pilot)[0]
        assert card.answer.text == LONG
        assert "Edited" in str(card.query(Static).last().render())
    path = journal.path
    journal.close()
    with Journal.open(path, PASSPHRASE) as reopened:
        answer = reopened.session_answers(session_id)[0]
        assert answer.text == LONG
        # The fixture's reflection is dated 18:30 today and the clock reads 08:47:
        # "Edited" does not depend on the edit coming later than the writing.
        assert answer.edited is not None and answer.edited == answer.updated
        assert SECRET not in " ".join(h.snippet for h in reopened.search(SECRET))


async def test_escape_leaves_an_edit_only_when_pressed_twice(journal: Journal) -> None:
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one(TextArea).text = "changed my mind"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditPastAnswerScreen)  # warned, still open
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SessionDetailScreen)
    assert journal.session_answers(newest_id(journal))[0].text.startswith("Today the")


async def test_scale_answers_are_not_edited(journal: Journal) -> None:
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down")
        assert cards(pilot)[2].has_focus and cards(pilot)[2].answer.kind == "scale"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(pilot.app.screen, SessionDetailScreen)


async def test_tags_and_flags(journal: Journal) -> None:
    session_id = newest_id(journal)
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "t")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditTagsScreen)
        box = pilot.app.screen.query_one(Input)
        box.value = "#Supervision, boundaries"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        second = cards(pilot)[1]
        meta = str(second.query(Static).last().render())
        assert "#supervision #boundaries" in meta and "Flagged for supervision" in meta
        await pilot.press("F")
        await settle(pilot)
        assert "Whole reflection flagged" in str(pilot.app.screen.query_one("#status").render())
        await pilot.press("f")  # and off again
        await settle(pilot)
    answer = journal.session_answers(session_id)[1]
    assert answer.tag_list == ["supervision", "boundaries"]
    assert not answer.flagged
    assert journal.get_session(session_id).flagged
    assert [s.id for s in journal.list_sessions(tag="boundaries")] == [session_id]


async def test_delete_asks_first_and_then_the_text_is_gone_everywhere(
    journal: Journal,
) -> None:
    assert SECRET.encode() in decrypted_image(journal)
    async with HostApp(lambda: HistoryScreen(journal, set_titles={})).run_test(
        size=(80, 24)
    ) as pilot:
        await pilot.press("enter", "d")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDeleteScreen)
        said = " ".join(str(s.render()) for s in dialog.query(Static))
        assert "vault" in said and "search" in said and "Backups" in said
        await pilot.press("escape")  # keep it
        await settle(pilot)
        assert len(journal.list_sessions()) == 2

        await pilot.press("d", "right", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HistoryScreen)
        table = pilot.app.screen.query_one(HistoryTable)
        assert table.row_count == 1
        assert table.get_row_at(0)[4].plain == "Yesterday's words"
    assert len(journal.list_sessions()) == 1
    assert journal.search(SECRET) == []
    assert SECRET.encode() not in decrypted_image(journal)


async def test_search_opens_the_reflection_at_the_answer_found(journal: Journal) -> None:
    [hit] = journal.search("rest")
    app = HostApp(lambda: SessionDetailScreen(journal, hit.session_id, answer_id=hit.answer_id))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        focused = pilot.app.focused
        assert isinstance(focused, AnswerCard) and focused.answer.id == hit.answer_id


async def test_an_edit_that_cannot_be_saved_is_kept_to_try_again(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(answer_id: int, text: str) -> None:
        raise JournalLocked()

    monkeypatch.setattr(journal, "edit_answer", locked)
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one(TextArea).text = "words I must not lose"
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SessionDetailScreen)
        messages = [n.message for n in pilot.app._notifications]
        assert any("press e to try again" in m for m in messages)
        assert "Traceback" not in " ".join(messages)
        await pilot.press("e")
        await pilot.pause()
        assert pilot.app.screen.query_one(TextArea).text == "words I must not lose"


async def test_a_failed_save_is_reported_and_the_change_kept_in_memory(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = journal.flag_answer

    def flag_then_fail(answer_id: int, flagged: bool) -> None:
        real(answer_id, flagged)
        raise SaveFailed(journal.path, "disk full")

    monkeypatch.setattr(journal, "flag_answer", flag_then_fail)
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await settle(pilot)
        assert cards(pilot)[0].answer.flagged
        messages = [n.message for n in pilot.app._notifications]
        assert any("disk full" in m for m in messages)


async def test_down_reads_through_a_long_answer_before_moving_on(tmp_path: Path) -> None:
    long_text = "I noticed the family's quiet, and my own. " * 60
    journal = new_journal(tmp_path, [make_session(TODAY, [long_text, "next", "c", "d"])])
    async with detail_app(journal).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first, second = cards(pilot)[:2]
        scroller = pilot.app.screen.query_one("#answers")
        assert first.has_focus and first.outer_size.height > scroller.size.height
        await pilot.press("down")
        assert first.has_focus and scroller.scroll_y > 0  # still reading the first
        for _ in range(20):
            if second.has_focus:
                break
            await pilot.press("down")
        assert second.has_focus
        await pilot.press("up")
        assert first.has_focus
    journal.close()
