"""The command palette (Ctrl+P): start a set, resume, lock now, search, history, export,
after supervision, my identity map.

Textual's own commands (theme, keys, quit, screenshot) are offered beside these.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, str, Callable[[], object]]
TITLES = {"supervision": "After supervision", "identity": "My identity map"}


class ReflectCommands(Provider):
    """Commands that make sense right now (nothing but the theme while locked)."""

    def _commands(self) -> Iterator[Command]:
        app: Any = self.app
        if not getattr(app, "unlocked", False):
            return
        if app.flow is None:
            for set_id, loaded in app.library.sets.items():
                prompt_set = loaded.prompt_set
                yield (
                    f"Start: {prompt_set.title}",
                    f"Begin a {prompt_set.minutes}-minute reflection ({set_id})",
                    partial(app.start_reflection, set_id),
                )
            unfinished = app.journal.unfinished_sessions()
            if unfinished:
                latest = unfinished[0]
                yield (
                    "Resume unfinished reflection",
                    f"Carry on with {latest.set_title}",
                    partial(app.resume_reflection, latest.id),
                )
        yield ("Lock now", "Save, lock the journal and ask for the passphrase", app.action_lock)
        for name, help_text in (
            ("search", "Find words in every reflection"),
            ("history", "Browse earlier reflections"),
            ("insight", "Patterns across your reflections"),
            ("export", "Write chosen reflections to a file for supervision"),
            ("supervision", "Record a supervision meeting: what you agreed, the hours"),
            ("identity", "Your own identities across the ADDRESSING domains, kept over time"),
        ):
            title = TITLES.get(name, name.capitalize())
            yield (title, help_text, partial(app.open_view, name))

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
