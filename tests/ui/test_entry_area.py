"""A paste too big for an answer is refused before anything changes, and says so.

(Paste goes to the app, as a terminal sends it; the app hands it to the focused area.)
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult

from reflect_tui.ui.widgets.entry_area import MAX_CHARS, EntryArea


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield EntryArea("What I wrote first. ")


async def test_a_paste_past_the_limit_is_refused_and_the_text_kept() -> None:
    app = Host()
    async with app.run_test() as pilot:
        area = app.query_one(EntryArea)
        area.focus()
        area.move_cursor(area.document.end)
        app.post_message(events.Paste("x" * MAX_CHARS))
        await pilot.pause()
        assert area.text == "What I wrote first. "
        [note] = list(app._notifications)
        assert "nothing was pasted" in note.message and "unchanged" in note.message
        app.post_message(events.Paste("and a pasted line."))
        await pilot.pause()
        assert area.text == "What I wrote first. and a pasted line."


async def test_a_paste_up_to_the_limit_is_taken() -> None:
    app = Host()
    async with app.run_test() as pilot:
        area = app.query_one(EntryArea)
        area.focus()
        area.select_all()
        app.post_message(events.Paste("y" * MAX_CHARS))  # replaces the selection: fits
        await pilot.pause()
        assert len(area.text) == MAX_CHARS and not list(app._notifications)
