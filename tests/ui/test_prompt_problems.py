"""A broken prompt file of the user's own: one clear sentence, and the app still works."""

from __future__ import annotations

from pathlib import Path

from reflect_tui.prompts import load_library
from reflect_tui.ui.screens.home import HomeScreen
from tests.ui.test_app_fixtures import make_app, new_vault, unlock, wait_screen


async def test_broken_user_sets_are_reported_and_the_rest_load(tmp_path: Path) -> None:
    user = tmp_path / "prompts"
    user.mkdir()
    (user / "mine.toml").write_text('id = "mine"\ntitle = "Mine"\nminutes = "five"\n')
    (user / "other.toml").write_text("this is not toml [")
    library = load_library(user)
    assert len(library.problems) >= 2 and "end-of-day" in library.sets
    app = make_app(new_vault(tmp_path), tmp_path, library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await wait_screen(pilot, HomeScreen)
        [message] = [n.message for n in app._notifications if "prompt file" in n.message]
        assert "was skipped; the other sets are ready" in message
        assert str(user) in message and "reflect prompts check" in message
