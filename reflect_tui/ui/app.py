"""The reflect app: unlock, home, a guided session, review; locking when idle.

Start-up is kept light so the unlock screen is ready fast: the journal (SQLModel,
cryptography) and the prompt library are imported in a worker after the first paint.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from reflect_tui.core import clock, memory
from reflect_tui.core.config import Config, save_config
from reflect_tui.ui.calm_app import CalmApp
from reflect_tui.ui.host import ReflectHost
from reflect_tui.ui.messages import JournalReady, SessionStarted
from reflect_tui.ui.palette import ReflectCommands
from reflect_tui.ui.quitting import quit_app
from reflect_tui.ui.saving import SaveProblem, SaveQueue, SavesSettled, SaveStarted
from reflect_tui.ui.signals import install_signal_handlers, remove_signal_handlers
from reflect_tui.ui.themes import THEMES, extra_filters

if TYPE_CHECKING:
    from textual.filter import LineFilter

    from reflect_tui.journal import Journal
    from reflect_tui.journal.session_flow import SessionFlow
    from reflect_tui.prompts import PromptLibrary

IDLE_CHECK_SECONDS = 5.0
RETRY_SECONDS = (5.0, 10.0, 30.0, 60.0)


#: Said once at unlock when the change log beside the vault belonged to another version
#: of it (a backup copied over the vault, or a sync tool's mix of two devices' files).
SET_ASIDE = (
    "Saves from another version of this journal were found beside it and kept, unopened, "
    "in {name}; what you see does not include them. Keep that file."
)
REBUILT = "That version, with those saves, is also in {name}: merge it when reflect offers."


class ReflectApp(CalmApp[int]):
    """A private, guided reflection journal."""

    CSS_PATH = "app.tcss"
    TITLE = "reflect"
    COMMANDS: ClassVar[set[Any]] = CalmApp.COMMANDS | {ReflectCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding(
            "ctrl+p",
            "command_palette",
            "Menu",
            show=False,
            priority=True,
            tooltip="Every command: start a set, resume, lock, search, export, theme",
        ),
    ]

    #: "saved", "beside" (saved to a conflict copy), "saving", "failed" or "locked".
    save_state: reactive[str] = reactive("saved")

    def __init__(
        self,
        vault_path: Path,
        *,
        demo: bool = False,
        kdf: Any = None,
        config: Config | None = None,
        config_problem: str | None = None,
        config_path: Path | None = None,
        library: PromptLibrary | None = None,
        today: Callable[[], date] | None = None,
        autosave_delay: float = 2.0,
    ) -> None:
        super().__init__()
        memory.forbid_core_dumps()
        memory.keep_large_buffers()  # before any thread: saves then never wait on page faults
        self.vault_path = vault_path
        self.demo = demo
        self.kdf = kdf
        self.config = config or Config()
        self.config_problem = config_problem
        self.config_path = config_path
        self._library = library
        self.today: Callable[[], date] = today or clock.today
        self._journal: Journal | None = None
        self.flow: SessionFlow | None = None
        self.saves = SaveQueue(self, lambda: self._journal, delay=autosave_delay)
        self._last_input = time.monotonic()
        self._locking = False
        self._before_lock: object = None  # where and what the journal last saved
        self._failures = 0
        self._retry_timer: Any = None
        self.show_guidance = False
        self.home: Screen[Any] | None = None
        for theme in THEMES:
            self.register_theme(theme)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme

    def get_line_filters(self) -> Sequence[LineFilter]:
        return [*extra_filters(self.theme), *super().get_line_filters()]

    # -- the journal and the library ---------------------------------------------------

    @property
    def journal(self) -> Journal:
        """The unlocked journal; ``JournalLocked`` while locked."""
        if self._journal is None:
            from reflect_tui.journal import JournalLocked

            raise JournalLocked()
        return self._journal

    @property
    def unlocked(self) -> bool:
        return self._journal is not None

    @property
    def library(self) -> PromptLibrary:
        if self._library is None:
            from reflect_tui.prompts import load_library

            self._library = load_library()
        return self._library

    # -- start-up ---------------------------------------------------------------------

    def first_screen(self) -> Screen[Any]:
        """Unlock, or create on first run, or the demo's preparation."""
        if self.demo:
            from reflect_tui.ui.screens.preparing import PreparingScreen

            return PreparingScreen()
        if self.vault_path.exists():
            from reflect_tui.ui.screens.unlock import UnlockScreen

            return UnlockScreen(self.vault_path)
        from reflect_tui.ui.screens.create import CreateScreen

        return CreateScreen(self.vault_path)

    def on_mount(self) -> None:
        self.push_screen(self.first_screen())
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # A screen opened while the window is too small needs its notice too.
        self.screen_change_signal.subscribe(self, lambda _screen: self._check_size())
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_if_idle)
        install_signal_handlers(self.exit_on_signal)
        self._check_size()

    def on_ready(self) -> None:
        self.run_worker(self._warm_up, thread=True, group="warm-up", exit_on_error=False)

    def _warm_up(self) -> None:
        """Import the journal and read the prompt sets while the passphrase is typed."""
        importlib.import_module("reflect_tui.journal")
        _ = self.library

    def on_unmount(self) -> None:
        remove_signal_handlers()
        self.close_journal()

    def save_before_exit(self) -> None:
        self.close_journal()

    def close_journal(self) -> None:
        """Save what is left and drop the key (idempotent; also used at exit)."""
        if self._journal is None:
            return
        self.saves.run_blocking()
        journal, self._journal = self._journal, None
        from reflect_tui.journal import VaultError

        try:
            journal.close()
        except VaultError:  # the disk refuses even now; at exit nothing more can be done
            journal.close(discard_unsaved=True)

    def return_home(self) -> None:
        """End the session view (it stays resumable) and show Home again."""
        self.flow = None
        if self.home is not None:
            self.home.pop_until_active()
        self.set_timer(0.5, memory.collect_now)

    # -- after unlocking ----------------------------------------------------------------

    def on_journal_ready(self, message: JournalReady) -> None:
        self.call_after_refresh(memory.keep_long_lived)
        relock = bool(getattr(self.screen, "relock", False))
        self._journal = message.journal
        self._last_input = time.monotonic()
        if (aside := message.journal.set_aside_log) is not None:  # also after a lock
            said = SET_ASIDE.format(name=aside.name)
            if (copy := message.journal.set_aside_copy) is not None:
                said += " " + REBUILT.format(name=copy.name)
            self.notify(said, severity="warning", timeout=30)
        if relock:
            self.save_state = "saved"
            self.saves.retry()
            if message.journal.saved_state == self._before_lock:
                self.pop_screen()
            else:  # another device's save: Home (popping the unlock screen), then copies
                importlib.import_module("reflect_tui.ui.screens.merge_offer").back_home(self)
            return
        from reflect_tui.ui.screens.home import HomeScreen

        self.home = HomeScreen()
        self.switch_screen(self.home)
        if not message.created and not self.demo:  # copies of the vault from a sync tool
            importlib.import_module("reflect_tui.ui.screens.merge_offer").look_for_copies(self)
        if message.created:
            self.notify("Your vault is ready. Take your time.", title="Welcome")
        if self.config_problem:
            self.notify(self.config_problem, severity="warning", timeout=10)
        if problems := self.library.problems_sentence():
            self.notify(problems, severity="warning", timeout=15)

    # -- saving status ----------------------------------------------------------------

    def on_save_started(self, _: SaveStarted) -> None:
        if self.save_state != "failed":
            self.save_state = "saving"

    def on_saves_settled(self, _: SavesSettled) -> None:
        beside = self._journal is not None and self._journal.conflict_copy is not None
        self.save_state = "beside" if beside else "saved"  # "beside": until the next unlock
        if self._failures:
            self.notify("Saved. Everything you wrote is on disk again.", timeout=4)
        self._failures = 0

    def on_save_problem(self, message: SaveProblem) -> None:
        if not message.retry:
            self.notify(message.sentence, severity="error", timeout=60 if message.lasting else 10)
            return
        self.save_state = "failed"
        if self._failures == 0:
            self.notify(message.sentence, title="Not saved yet", severity="error", timeout=15)
        delay = RETRY_SECONDS[min(self._failures, len(RETRY_SECONDS) - 1)]
        self._failures += 1
        if self._retry_timer is not None:
            self._retry_timer.stop()
        self._retry_timer = self.set_timer(delay, self.saves.retry)

    # -- locking when idle --------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(
            event, events.Key | events.MouseDown | events.MouseScrollDown | events.MouseScrollUp
        ):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last_input

    async def lock_if_idle(self) -> None:
        if self._journal is not None and self.idle_seconds() >= self.config.auto_lock_minutes * 60:
            await self.action_lock(idle=True)

    async def action_lock(self, idle: bool = False) -> None:
        """Save, drop the key and the database from memory, and ask for the passphrase."""
        if self._journal is None or self._locking:
            return
        self._locking = True
        try:
            journal = self._journal
            from reflect_tui.journal import VaultError

            try:
                if not await self.saves.settle():
                    raise VaultError("a save is failing")
                await asyncio.to_thread(journal.close)
                # After close: closing compacts, which is this device's own save.
                self._before_lock = journal.saved_state
            except VaultError:
                # Never lock away words that are not on disk: stay open, keep retrying,
                # and lock at the next idle check once the save goes through.
                self.notify(
                    "Not locked: your latest words are not saved yet. reflect keeps "
                    "trying and locks once they are.",
                    severity="warning",
                )
                return
            self._journal = None
            self.save_state = "locked"
            from reflect_tui.ui.screens.unlock import UnlockScreen

            minutes = self.config.auto_lock_minutes if idle else None
            locked = UnlockScreen(self.vault_path, relock=True, demo=self.demo, idle=minutes)
            await self.push_screen(locked)
            self.call_after_refresh(memory.collect_now)
        finally:
            self._locking = False

    # -- quitting -----------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save first, and ask before leaving unsaved text behind (see ``quitting``)."""
        await quit_app(self, self.saves, lambda: self._journal)

    def exit_on_signal(self, sig: int) -> None:
        """The terminal closed or the system asked us to stop: save the text, then leave."""
        self.close_journal()
        self.exit(return_code=128 + int(sig))

    # -- size -----------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._check_size(event.size.width, event.size.height)

    def _check_size(self, width: int | None = None, height: int | None = None) -> None:
        from reflect_tui.ui.screens.too_small import MIN_HEIGHT, MIN_WIDTH, show_too_small

        width = self.size.width if width is None else width
        height = self.size.height if height is None else height
        show_too_small(self, width < MIN_WIDTH or height < MIN_HEIGHT)

    # -- theme ---------------------------------------------------------------------------

    def _remember_theme(self, _: object) -> None:
        if self.theme == self.config.theme:
            return
        self.config = replace(self.config, theme=self.theme)
        self.run_worker(self._save_config, thread=True, exit_on_error=False)

    def _save_config(self) -> None:
        try:
            save_config(self.config, self.config_path)
        except OSError as exc:
            self.call_from_thread(
                self.notify,
                f"Could not keep the theme in config.toml ({exc.strerror}).",
                severity="warning",
            )

    # -- actions the home screen, palette and sessions share ---------------------------

    def open_view(self, name: str) -> None:
        """Open Search, History, Insight or Export (screens of their own)."""
        from reflect_tui.ui.navigation import open_view

        open_view(self, name)

    def start_reflection(self, set_id: str) -> None:
        from reflect_tui.ui.session_start import start_reflection

        start_reflection(self, set_id)

    def on_session_started(self, message: SessionStarted) -> None:
        from reflect_tui.ui.session_start import begin

        begin(self, message)

    def show_prompt(self, flow: SessionFlow, index: int) -> None:
        """Push prompt ``index`` at once (a queued second Ctrl+N must find it on top)."""
        from reflect_tui.ui.screens.prompt import PromptScreen

        self.push_screen(PromptScreen(flow, index))

    def show_review(self, flow: SessionFlow) -> None:
        from reflect_tui.ui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(flow))

    def resume_reflection(self, session_id: int) -> None:
        from reflect_tui.ui.session_start import resume_reflection

        self.run_worker(resume_reflection(self, session_id), group="resume", exit_on_error=False)


def _provides_the_host(app: ReflectApp) -> ReflectHost:
    return app  # mypy checks here that ReflectApp has every member the screens rely on
