"""A quiet word in the corner: Saved, Saving…, Not saved — retrying, or Saved beside the
vault (to a conflict copy, once another device's save replaced the vault: it stays
until the next unlock offers to merge it, so a clinician back from a break still sees it)."""

from __future__ import annotations

from textual.widgets import Static

LABELS = {
    "saved": "Saved",
    "beside": "Saved to a conflict copy",
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
    SaveStatus.-beside {
        color: $text-warning;
        text-style: bold;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: str) -> None:
        self.update(LABELS.get(state, ""))
        self.set_class(state == "failed", "-failed")
        self.set_class(state == "beside", "-beside")
