"""What every reflect window promises, whatever happens in it: the clinician's words are
shown as written, and an unexpected error ends in one sentence after a save, never a
traceback (``REFLECT_DEBUG=1`` shows Textual's own report)."""

from __future__ import annotations

import os
from typing import TypeVar

from textual.app import App
from textual.notifications import SeverityLevel

ReturnType = TypeVar("ReturnType")


class CalmApp(App[ReturnType]):
    """A Textual app that never parses notifications as markup and never shows a
    traceback; subclasses say in :meth:`save_before_exit` how to keep what was written."""

    def save_before_exit(self) -> None:
        """Write everything unsaved to disk; called before an unexpected error ends the app."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show ``message`` as written, whatever ``markup`` asks: notifications quote the
        clinician's words, paths and prompt sets, where a "[" is text, not markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # Something unexpected: save every word first, then let Textual end the app.
        try:
            self.save_before_exit()
        finally:
            super()._handle_exception(error)

    def _fatal_error(self) -> None:
        if os.environ.get("REFLECT_DEBUG"):
            super()._fatal_error()
            return
        self._exit_renderables.append(
            "reflect: something unexpected went wrong; what you wrote up to that moment "
            "was saved. Run again with REFLECT_DEBUG=1 to see the details for a bug report."
        )
        self._close_messages_no_wait()
