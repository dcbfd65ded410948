"""A quiet word in the corner: Saved, Saving… or Not saved — retrying."""

from __future__ import annotations

from textual.widgets import Static

LABELS = {
    "saved": "Saved",
    "saving": "Saving…",
    "failed": "Not saved yet — retrying",
    "locked": "",
}


class SaveStatus(Static):
    """Follows the app's ``save_state`` (a reactive on :class:`~reflect_tui.ui.app.ReflectApp`)."""

    DEFAULT_CSS = """
    SaveStatus {
        width: auto;
        color: $text-muted;
    }
    SaveStatus.-failed {
        color: $text-error;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: str) -> None:
        self.update(LABELS.get(state, ""))
        self.set_class(state == "failed", "-failed")
