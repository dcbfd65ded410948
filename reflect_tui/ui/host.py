"""The app as reflect's screens see it, so that no screen imports the app module.

A screen reaches its host with :func:`host` (``host(self.app)``): the unlocked journal,
the prompt sets, the settings, the save queue, and the few actions the screens share.
:class:`~reflect_tui.ui.app.ReflectApp` is the one host; app.py checks with mypy that it
provides every member named here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.screen import Screen
    from textual.worker import Worker

    from reflect_tui.core.config import Config
    from reflect_tui.journal import Journal
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.prompts import PromptLibrary
    from reflect_tui.ui.saving import SaveQueue


class ReflectHost(Protocol):
    vault_path: Path
    demo: bool
    kdf: Any
    config: Config
    saves: SaveQueue
    flow: SessionFlow | None
    show_guidance: bool
    home: Screen[Any] | None
    today: Callable[[], date]

    @property
    def journal(self) -> Journal: ...
    @property
    def unlocked(self) -> bool: ...
    @property
    def library(self) -> PromptLibrary: ...
    @property
    def screen(self) -> Screen[object]: ...

    def return_home(self) -> None: ...
    def open_view(self, name: str) -> None: ...
    def start_reflection(self, set_id: str) -> None: ...
    def resume_reflection(self, session_id: int) -> None: ...
    def show_prompt(self, flow: SessionFlow, index: int) -> None: ...
    def show_review(self, flow: SessionFlow) -> None: ...
    async def action_lock(self, idle: bool = False) -> None: ...

    # The parts of Textual's App that the screens' helpers use on their host.
    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...
    def pop_screen(self) -> Any: ...
    @property
    def screen_stack(self) -> list[Screen[Any]]: ...
    def post_message(self, message: Any) -> bool: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...
    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...
    def run_worker(
        self,
        work: Any,
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[Any]: ...


def host(app: object) -> ReflectHost:
    """The running app, as a host (every screen of reflect runs in a ReflectApp)."""
    return cast("ReflectHost", app)
