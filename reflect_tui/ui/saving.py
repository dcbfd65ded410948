"""Saving without making typing wait: the latest change per key, written in order, off the UI.

A *job* is a small function that makes one change through the journal (save an answer,
flag it, note how an action went). :meth:`SaveQueue.put` files it under a key such as
``("answer", session_id, prompt_id)``; a newer job for the same key replaces an older one
that has not run yet, so a burst of typing becomes one save. Jobs wait ``delay`` seconds
(the debounce) or run at once; :meth:`flush` runs everything waiting now.

One thread worker at a time drains the queue, so saves happen in the order they were
asked for and a stale text can never overwrite a newer one. A job whose save fails stays
queued and is tried again later (and on the next change); the app is told through
messages posted to it, which is safe from any thread.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.timer import Timer

if TYPE_CHECKING:
    from textual.app import App

    from reflect_tui.journal import Journal

Job = Callable[["Journal"], object]


class SavesSettled(Message):
    """Everything asked for so far is on disk."""


class SaveStarted(Message):
    """A save began in the background."""


class SaveProblem(Message):
    """A save did not happen. ``retry`` is True when the job stays queued for another try;
    ``lasting`` when the sentence should stay up until read (the save went to a conflict
    copy because another device saved the vault meanwhile)."""

    def __init__(self, sentence: str, *, retry: bool, lasting: bool = False) -> None:
        super().__init__()
        self.sentence = sentence
        self.retry = retry
        self.lasting = lasting


UNEXPECTED = (
    "Something unexpected stopped a save; your text is still on screen. "
    "Copy it somewhere safe if this keeps happening."
)


class SaveQueue:
    """Debounced, ordered, retried saves for one app (see the module docstring)."""

    def __init__(
        self,
        app: App[Any],
        journal: Callable[[], Journal | None],
        *,
        delay: float = 2.0,
    ) -> None:
        self._app = app
        self._journal = journal
        self.delay = delay
        self._lock = threading.Lock()  # guards the queues and _running
        self._run_lock = threading.Lock()  # held while one job runs
        self._waiting: dict[Hashable, Job] = {}
        self._pending: dict[Hashable, Job] = {}
        self._running = False
        self._failed = False
        self._timer: Timer | None = None

    # -- asked from the UI thread ------------------------------------------------

    def put(self, key: Hashable, job: Job, *, debounce: bool = False) -> None:
        """Queue ``job`` under ``key``: after the debounce delay, or at once."""
        with self._lock:
            # A newer job goes to the back of the line, behind whatever was asked since.
            self._waiting.pop(key, None)
            if debounce:
                self._waiting[key] = job
            else:
                self._enqueue(key, job)
        if debounce:
            self._restart_timer()
        else:
            self._start()

    def flush(self) -> None:
        """Write everything waiting for its debounce now (on navigation, lock and quit)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        with self._lock:
            for key, job in self._waiting.items():
                self._enqueue(key, job)
            self._waiting.clear()
        self._start()

    def retry(self) -> None:
        """Try queued jobs again (after a failure, or once the journal is unlocked)."""
        self._start()

    async def settle(self) -> bool:
        """Flush, then wait until all is written (True) or a save has failed (False)."""
        self.flush()
        while True:
            with self._lock:
                if not self._pending and not self._running:
                    return True
                stuck = not self._running and (self._failed or self._journal() is None)
            if stuck:
                return False
            await asyncio.sleep(0.01)

    def run_blocking(self) -> bool:
        """Write everything now, on this thread (only at exit: signals, crash, quit).

        Returns True if nothing is left unsaved.
        """
        with self._lock:
            for key, job in self._waiting.items():
                self._enqueue(key, job)
            self._waiting.clear()
        with self._run_lock:
            journal = self._journal()
            with self._lock:
                jobs = list(self._pending.items())
                self._pending.clear()
            if journal is None:
                with self._lock:
                    self._pending.update(jobs)
                return not jobs
            failed = False
            for key, job in jobs:
                try:
                    job(journal)
                except Exception:
                    failed = True
                    with self._lock:
                        self._pending.setdefault(key, job)
            return not failed

    # -- internals -----------------------------------------------------------------

    def _enqueue(self, key: Hashable, job: Job) -> None:
        """File ``job`` last in line (a newer job for a key moves it back); hold _lock."""
        self._pending.pop(key, None)
        self._pending[key] = job

    def _restart_timer(self) -> None:
        if self._timer is not None:
            self._timer.reset()
        else:
            self._timer = self._app.set_timer(self.delay, self._debounce_elapsed)

    def _debounce_elapsed(self) -> None:
        self._timer = None
        self.flush()

    def _start(self) -> None:
        with self._lock:
            if self._running or not self._pending or self._journal() is None:
                return
            self._running = True
        self._app.post_message(SaveStarted())
        self._app.run_worker(
            self._drain, name="saving", group="saving", thread=True, exit_on_error=False
        )

    def _drain(self) -> None:
        """Run queued jobs one by one until none is left (in a worker thread)."""
        from reflect_tui.journal import JournalLocked, SavedAsConflictCopy, SaveFailed, VaultError

        while True:
            with self._run_lock:
                with self._lock:
                    journal = self._journal()
                    if not self._pending or journal is None:
                        self._running = False
                        settled = not self._pending
                        break
                    key, job = next(iter(self._pending.items()))
                    del self._pending[key]
                problem: SaveProblem | None = None
                try:
                    job(journal)
                except JournalLocked:
                    self._requeue(key, job)  # saved again once the journal is unlocked
                    return
                except SaveFailed as exc:
                    self._requeue(key, job)
                    self._failed = True
                    self._app.post_message(SaveProblem(str(exc), retry=True))
                    return
                except SavedAsConflictCopy as exc:  # saved, but beside the vault
                    problem = SaveProblem(str(exc), retry=False, lasting=True)
                except VaultError as exc:
                    problem = SaveProblem(str(exc), retry=False)
                except Exception:
                    problem = SaveProblem(UNEXPECTED, retry=False)
            if problem is not None:
                self._app.post_message(problem)
        if settled:
            self._failed = False
            self._app.post_message(SavesSettled())

    def _requeue(self, key: Hashable, job: Job) -> None:
        with self._lock:
            self._pending.setdefault(key, job)
            self._running = False
