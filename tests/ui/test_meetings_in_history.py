"""A meeting in the app marks what it took up of what was prepared, History shows
meetings among reflections, and a meeting's page changes or deletes it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from textual.widgets import Input, SelectionList, Static

from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.core.supervision import MeetingInput, MeetingRecord
from reflect_tui.journal import Journal
from reflect_tui.journal.supervision_records import MOST_PREPARED
from reflect_tui.ui.screens.after_supervision import AfterSupervisionScreen
from reflect_tui.ui.screens.confirm_delete import ConfirmDeleteScreen
from reflect_tui.ui.screens.history import HistoryScreen
from reflect_tui.ui.screens.home import HomeScreen
from reflect_tui.ui.screens.meeting_detail import MeetingDetailScreen
from reflect_tui.ui.screens.session_detail import SessionDetailScreen
from reflect_tui.ui.widgets.history_rows import row_key
from tests.conftest import PASSPHRASE
from tests.ui.test_app_fixtures import TODAY, make_app, new_vault, unlock, wait_screen, wait_until


def _prepared_vault(tmp_path: Path) -> Path:
    path = new_vault(tmp_path)
    answers = (
        AnswerRecord("p0", "What to bring", "The interpreter question", flagged=True),
        AnswerRecord("p1", "What else", "Not for supervision", position=1),
        AnswerRecord("p2", "And", "My own tiredness", position=2, flagged=True),
    )
    with Journal.open(path, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    set_id="end-of-day",
                    set_title="End of day",
                    started=datetime(2025, 3, 10, 18, tzinfo=UTC),
                    utc_offset=0,
                    answers=answers,
                )
            ]
        )
    return path


async def test_a_meeting_ticks_what_it_took_up_and_the_reflection_says_so(
    tmp_path: Path,
) -> None:
    app = make_app(_prepared_vault(tmp_path), tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        screen = await wait_screen(pilot, AfterSupervisionScreen)
        listing = screen.query_one("#discussed", SelectionList)
        assert listing.option_count == 2  # the two flagged answers, newest first
        await pilot.press(*"50")
        screen.query_one("#summary", Input).value = "Interpreters"
        listing.focus()
        await pilot.press("space")  # the first: the interpreter question
        await pilot.press("ctrl+s")
        await wait_screen(pilot, HomeScreen)
        [meeting] = app.journal.meetings()
        assert [i.opening for i in app.journal.discussed_in(meeting.id or 0)] == [
            "The interpreter question"
        ]
        assert [i.opening for i in app.journal.prepared_items(TODAY)] == ["My own tiredness"]

        await pilot.press("h")
        history = await wait_screen(pilot, HistoryScreen)
        assert [type(r).__name__ for r in history.rows] == ["MeetingRecord", "SessionSummary"]
        history.table.move_cursor(row=1)
        await pilot.press("enter")
        detail = await wait_screen(pilot, SessionDetailScreen)
        await wait_until(pilot, lambda: bool(detail.query("AnswerCard")))
        metas = [str(s.render()) for s in detail.query(".answer-meta").results(Static)]
        taken = next(m for m in metas if "Taken to supervision on Fri 14 Mar 2025" in m)
        assert "still flagged" in taken
        assert any("Flagged for supervision" in m for m in metas)  # the one still waiting

        detail.query_one(
            "#answer-" + str(app.journal.discussed_in(meeting.id or 0)[0].answer_id)
        ).focus()
        await pilot.press("f")  # unflag what was taken up: the card shows it
        await wait_until(
            pilot,
            lambda: any(
                "Taken to supervision" in m and "still flagged" not in m
                for m in (str(s.render()) for s in detail.query(".answer-meta").results(Static))
            ),
        )


async def test_a_meeting_page_changes_and_deletes_it(tmp_path: Path) -> None:
    path = _prepared_vault(tmp_path)
    with Journal.open(path, PASSPHRASE) as journal:
        [first, _] = journal.prepared_items(TODAY)
        journal.add_meeting(
            MeetingInput(day=date(2025, 3, 12), minutes=60, format="individual", summary="Power"),
            discussed=[first.answer_id],
        )
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("h")
        history = await wait_screen(pilot, HistoryScreen)
        assert isinstance(history.rows[0], type(app.journal.meetings()[0]))
        await pilot.press("enter")
        page = await wait_screen(pilot, MeetingDetailScreen)
        body = str(page.query_one("#body", Static).render())
        assert "Power" in body and "The interpreter question" in body

        await pilot.press("e")
        form = await wait_screen(pilot, AfterSupervisionScreen)
        assert form.query_one("#minutes", Input).value == "60"
        assert list(form.query_one("#discussed", SelectionList).selected) == [first.answer_id]
        form.query_one("#minutes", Input).value = "75"
        await pilot.press("ctrl+s")
        page = await wait_screen(pilot, MeetingDetailScreen)
        await wait_until(pilot, lambda: "75 minutes" in str(page.query_one("#body").render()))

        await pilot.press("d")
        await wait_screen(pilot, ConfirmDeleteScreen)
        await pilot.press("right", "enter")
        history = await wait_screen(pilot, HistoryScreen)
        await wait_until(pilot, lambda: not app.journal.meetings())
        assert [type(r).__name__ for r in history.rows] == ["SessionSummary"]
        assert len(app.journal.prepared_items(TODAY)) == 2  # waiting again


def _written(started: datetime, offset: int, text: str) -> SessionRecord:
    return SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=started,
        utc_offset=offset,
        answers=(AnswerRecord("p0", "What happened", text),),
    )


async def test_history_pages_keep_the_order_reflections_were_written_in_across_zones(
    tmp_path: Path,
) -> None:
    """Reflection 101 (the first of the second page) was written in London just after
    midnight; 100 (the last of the first) a little later in New York, where it was
    still the day before (two devices, or a trip). Reading the second page adds rows at
    the end: nothing moves, nothing is listed twice, none is lost, and the meeting
    sits among them by its day."""
    path = new_vault(tmp_path)
    london = datetime(2025, 1, 13, 0, 30, tzinfo=UTC)
    records = [_written(london + timedelta(days=n), 0, f"London {n}") for n in range(100)]
    records.append(_written(london + timedelta(hours=2, minutes=30), -300, "New York"))
    records += [_written(london - timedelta(days=n), 0, f"Before {n}") for n in range(1, 20)]
    with Journal.open(path, PASSPHRASE) as journal:
        journal.import_records(records)
        journal.add_meeting(
            MeetingInput(day=date(2025, 1, 5), minutes=60, format="individual", summary="Pace")
        )
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("h")
        history = await wait_screen(pilot, HistoryScreen)
        first_page = list(history.rows)
        assert len(first_page) == 100
        history.table.move_cursor(row=99)
        await wait_until(pilot, lambda: history.exhausted)
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert history.rows[:100] == first_page
        keys = [k.value for k in history.table.rows]
        assert len(keys) == len(set(keys)) == 121 == len(history.rows)
        assert keys == [row_key(r) for r in history.rows]
        [meeting] = [n for n, r in enumerate(history.rows) if isinstance(r, MeetingRecord)]
        assert history.rows[meeting - 1].first_words == "Before 8"  # of Jan 5, the meeting's day


async def test_ticks_follow_the_clinician_through_a_change_of_date(tmp_path: Path) -> None:
    """A date typed part-way (a day before what was ticked) hides the items without
    forgetting the ticks; in a meeting being changed, an item unticked stays unticked."""
    path = _prepared_vault(tmp_path)
    with Journal.open(path, PASSPHRASE) as journal:
        [first, second] = journal.prepared_items(TODAY)
        meeting_id = journal.add_meeting(
            MeetingInput(day=date(2025, 3, 12), minutes=60, format="individual", summary="Pace"),
            discussed=[first.answer_id],
        )
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        form = await wait_screen(pilot, AfterSupervisionScreen)
        listing = form.query_one("#discussed", SelectionList)
        assert list(listing.selected) == []
        listing.select(second.answer_id)
        form.query_one("#date", Input).value = "2025-03-01"  # before it was written
        await wait_until(pilot, lambda: listing.option_count == 0)
        form.query_one("#date", Input).value = "2025-03-12"
        await wait_until(pilot, lambda: listing.option_count == 1)
        assert list(listing.selected) == [second.answer_id]
        await pilot.press("escape")
        await pilot.press("y")
        await wait_screen(pilot, HomeScreen)

        meeting = app.journal.meeting(meeting_id)
        app.push_screen(AfterSupervisionScreen(app.journal, app.config, meeting))
        form = await wait_screen(pilot, AfterSupervisionScreen)
        listing = form.query_one("#discussed", SelectionList)
        assert list(listing.selected) == [first.answer_id]
        listing.deselect(first.answer_id)
        form.query_one("#date", Input).value = "2025-03-11"
        await pilot.pause()
        form.query_one("#date", Input).value = "2025-03-12"
        await pilot.pause()
        assert list(listing.selected) == []


async def test_the_form_says_when_it_lists_only_the_newest_of_what_waits(tmp_path: Path) -> None:
    path = new_vault(tmp_path)
    start = datetime(2025, 3, 10, 18, tzinfo=UTC)
    with Journal.open(path, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    set_id="end-of-day",
                    set_title="End of day",
                    started=start - timedelta(hours=n),
                    utc_offset=0,
                    answers=(AnswerRecord("p0", "What to bring", f"Item {n}", flagged=True),),
                )
                for n in range(MOST_PREPARED + 5)
            ]
        )
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        form = await wait_screen(pilot, AfterSupervisionScreen)
        assert form.query_one("#discussed", SelectionList).option_count == MOST_PREPARED
        note = str(form.query_one("#prepared-none", Static).render())
        assert f"the newest {MOST_PREPARED} of the {MOST_PREPARED + 5} waiting" in note


async def test_what_was_prepared_is_listed_as_written_never_as_markup(tmp_path: Path) -> None:
    path = new_vault(tmp_path)
    text = "I felt [stuck] then [b]froze[/b], $ease"
    with Journal.open(path, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    set_id="end-of-day",
                    set_title="End of day",
                    started=datetime(2025, 3, 10, 18, tzinfo=UTC),
                    utc_offset=0,
                    answers=(AnswerRecord("p0", "What [i]to[/i] bring", text, flagged=True),),
                )
            ]
        )
    app = make_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("a")
        form = await wait_screen(pilot, AfterSupervisionScreen)
        listing = form.query_one("#discussed", SelectionList)
        await pilot.pause()
        shown = "".join(segment.text for segment in listing.render_line(0))
        assert text in shown and "What [i]to[/i] b" in shown
