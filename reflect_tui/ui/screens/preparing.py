"""``reflect demo``: build a throwaway vault of fictional reflections, then open Home."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from reflect_tui.ui.messages import JournalReady

EXPLAIN = (
    "Preparing an example journal: a few weeks of invented reflections, so you can look "
    "around before writing anything. It is deleted when you quit."
)


class PreparingScreen(Screen[None]):
    """Shown while the demo vault is created and filled (in a worker)."""

    DEFAULT_CSS = """
    PreparingScreen {
        align: center middle;
    }
    PreparingScreen > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $border-blurred;
    }
    PreparingScreen #title {
        text-style: bold;
        color: $text-primary;
        margin-bottom: 1;
    }
    PreparingScreen ProgressBar {
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("reflect demo", id="title", markup=False)
            yield Static(EXPLAIN, id="message", markup=False)
            yield ProgressBar(total=None, show_eta=False, show_percentage=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        app: Any = self.app
        self.run_worker(
            lambda: self._prepare(app.vault_path, app.kdf, app.library, app.today()),
            thread=True,
            exit_on_error=False,
        )

    def _prepare(self, path: Any, kdf: Any, library: Any, today: Any) -> None:
        try:
            from reflect_tui.journal import Journal
            from reflect_tui.journal.demo import DEMO_PASSPHRASE, demo_records

            journal = Journal.create(path, DEMO_PASSPHRASE, kdf=kdf)
            journal.import_records(demo_records(library, today))
        except Exception as exc:
            said = f"The example journal could not be prepared ({exc}). Press Ctrl+Q to quit."
            self.app.call_from_thread(lambda: self.query_one("#message", Static).update(said))
            return
        self.app.post_message(JournalReady(journal))
