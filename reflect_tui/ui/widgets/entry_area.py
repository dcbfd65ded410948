"""The text area every answer, note and edit is written in, with a size it will not pass.

A 10 MB paste took Textual's TextArea 7.6 s to take in and left every key press after
it 0.8 s slow (measured here, 2 cores); at 1 MB both are under a fifth of a second. So
a paste that would take an answer past :data:`MAX_CHARS` is refused before anything
changes, with one sentence saying so: what was written stays, and the clipboard still
holds the paste. (A million characters is about 150,000 words: hours of transcript.)
"""

from __future__ import annotations

from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

MAX_CHARS = 1_000_000


def too_long(size: int) -> str:
    return (
        f"That paste would make this answer {size:,} characters long; an answer holds up "
        f"to {MAX_CHARS:,} (about 150,000 words), so nothing was pasted. Paste a shorter "
        "part; what you wrote is unchanged."
    )


class EntryArea(TextArea):
    """A TextArea that refuses an insertion taking it past :data:`MAX_CHARS`."""

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        if len(insert) > 1:  # a paste (single keys cannot reach the limit in practice)
            replaced = len(self.get_text_range(start, end))
            size = len(self.document.text) - replaced + len(insert)
            if size > MAX_CHARS:
                self.app.notify(too_long(size), severity="warning", timeout=10)
                return None
        return super()._replace_via_keyboard(insert, start, end)
