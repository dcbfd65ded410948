"""The list of reflections on the History screen: a DataTable that asks for more rows
as the reader nears its end, by keyboard or by mouse wheel, so a long journal is read
one page at a time."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

#: Ask for more while fewer than this many rows are left below the cursor or the view.
NEAR_END_ROWS = 20


class HistoryTable(DataTable[object]):
    """Posts :class:`NearEnd` when the cursor or the view comes close to the last row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open"),
    ]

    class NearEnd(Message):
        """Fewer than NEAR_END_ROWS rows were left below the cursor or the view (the
        receiver checks :meth:`is_near_end` again: rows may have come in meanwhile)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)

    def is_near_end(self) -> bool:
        """True when fewer than NEAR_END_ROWS rows are left below the cursor or the view."""
        if not self.row_count or not self.size.height:
            return False
        # Rows are one line high; counting rows (not the virtual size, which is only
        # updated at the next layout) keeps one page from asking twice.
        below_cursor = self.row_count - 1 - self.cursor_row
        below_view = self.row_count - (self.scroll_y + self.size.height - 1)
        return below_cursor < NEAR_END_ROWS or below_view < NEAR_END_ROWS

    def _check_near_end(self) -> None:
        if self.is_near_end():
            self.post_message(self.NearEnd())

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value:
            self._check_near_end()

    def watch_cursor_coordinate(
        self, old_coordinate: Coordinate, new_coordinate: Coordinate
    ) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        self._check_near_end()
