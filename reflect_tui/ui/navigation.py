"""The views of the journal (Search, History, Insight, Export, After supervision, My
identity map),
opened from Home and the palette.

Each is imported only when first opened (start-up stays light). They get a
:class:`LiveJournal`, so they keep working after the app locks and unlocks again.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from reflect_tui.journal import Journal
    from reflect_tui.ui.host import ReflectHost

#: name -> (module, class). Each class takes the journal; export also the config.
VIEWS: dict[str, tuple[str, str]] = {
    "search": ("reflect_tui.ui.screens.search", "SearchScreen"),
    "history": ("reflect_tui.ui.screens.history", "HistoryScreen"),
    "insight": ("reflect_tui.ui.screens.insight", "InsightScreen"),
    "export": ("reflect_tui.ui.screens.export", "ExportScreen"),
    "supervision": ("reflect_tui.ui.screens.after_supervision", "AfterSupervisionScreen"),
    "identity": ("reflect_tui.ui.screens.identity_map", "IdentityMapScreen"),
}


class LiveJournal:
    """Stands in for the journal in screens that outlive a lock: always the unlocked one."""

    def __init__(self, app: ReflectHost) -> None:
        self._app = app

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app.journal, name)


def live_journal(app: ReflectHost) -> Journal:
    return cast("Journal", LiveJournal(app))


def open_view(app: ReflectHost, name: str) -> None:
    module_name, class_name = VIEWS[name]
    if not app.unlocked:
        return
    screen_class = getattr(importlib.import_module(module_name), class_name)
    journal = live_journal(app)
    titles = {set_id: loaded.prompt_set.title for set_id, loaded in app.library.sets.items()}
    if name == "export":
        screen = screen_class(journal, app.config, set_titles=titles)
    elif name == "supervision":
        screen = screen_class(journal, app.config)
    elif name == "insight":
        screen = screen_class(
            journal,
            supervision_target=app.config.supervision_minutes_per_month,
            identity_prompts=app.library.map_prompts(),
        )
    elif name == "history":
        screen = screen_class(journal, set_titles=titles)
    else:
        screen = screen_class(journal)
    app.push_screen(screen)
