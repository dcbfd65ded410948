"""The identity map never leaves in an export unless chosen (``--with-identity-map``, the
Export screen's box); when chosen it is in every format and passes the identifier check
like everything else."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from reflect_tui import cli
from reflect_tui.cli.export import EXIT_IDENTIFIERS
from reflect_tui.core.identity import DomainEntry
from reflect_tui.journal import Journal
from reflect_tui.ui.screens import export as export_screen
from reflect_tui.ui.screens.export import ExportScreen
from tests.conftest import PASSPHRASE
from tests.export.test_export_sample import sample_sessions
from tests.ui.test_export_screen import TODAY, settle
from tests.ui.test_history_fixtures import HostApp

MAP_WORDS = "a woman, raised in Lisbon"


@pytest.fixture
def vault(journal: Journal, vault_path: Path) -> Path:
    journal.import_records(sample_sessions())
    journal.add_watch_word("Riverside")
    journal.save_identity_map(
        [
            DomainEntry("gender", MAP_WORDS, "marginalisation", "yes", True),
            DomainEntry("social_class", "grew up near Riverside", "both"),
        ],
        note="I see class more clearly",
    )
    journal.close()
    return vault_path


def export(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], vault: Path, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(["--vault", str(vault), "export", "--from", "2000-01-01", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_without_the_flag_the_map_is_never_in_an_export(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("markdown", "html", "text", "json"):
        code, out, _ = export(monkeypatch, capsys, vault, "--format", fmt, "--allow-identifiers")
        assert code == 0
        assert MAP_WORDS not in out and "identity map" not in out.lower() and "Riverside" not in out


def test_with_the_flag_a_watch_word_in_the_map_stops_the_export(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = export(monkeypatch, capsys, vault, "--with-identity-map")
    assert code == EXIT_IDENTIFIERS and out == ""
    assert "identity map: Social class" in err
    code, out, _ = export(monkeypatch, capsys, vault, "--with-identity-map", "--redact")
    assert code == 0
    assert "## My identity map" in out and f"- **Gender:** {MAP_WORDS}; marginalisation" in out
    assert "Riverside" not in out and "grew up near [redacted]" in out
    assert "What had changed: I see class more clearly" in out


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("html", "<h2>My identity map</h2>"),
        ("text", "MY IDENTITY MAP"),
        ("json", '"identity_map"'),
    ],
)
def test_every_format_holds_the_map_when_chosen(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    shown: str,
) -> None:
    argv = ("--with-identity-map", "--allow-identifiers", "--format", fmt)
    code, out, _ = export(monkeypatch, capsys, vault, *argv)
    assert code == 0 and shown in out and "a woman, raised in Lisbon" in out
    if fmt == "json":
        chosen = json.loads(out)["identity_map"]
        assert chosen["version"] == 1 and chosen["domains"][0]["domain"] == "social_class"


def test_the_flag_without_a_map_says_so_and_exports(
    journal: Journal,
    vault_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    journal.import_records(sample_sessions())
    journal.close()
    code, out, err = export(
        monkeypatch, capsys, vault_path, "--with-identity-map", "--allow-identifiers"
    )
    assert code == 0 and "# Supervision preparation" in out
    assert "no identity map is saved yet, so the export goes without one." in err


async def test_the_export_screen_includes_it_only_when_the_box_is_ticked(
    vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_screen, "CHANGE_DELAY", 0.01)
    journal = Journal.open(vault, PASSPHRASE)
    app = HostApp(lambda: ExportScreen(journal, set_titles={}, today=TODAY, folder=tmp_path))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = pilot.app.screen
            screen.query_one("#from", Input).value = "2000-01-01"
            await settle(pilot)
            preview = screen.query_one("#preview-text", Static)
            assert "My identity map" not in str(preview.render())
            box = screen.query_one("#with-map", Checkbox)
            assert not box.value
            box.value = True
            await settle(pilot)
            shown = str(preview.render())
            assert "## My identity map" in shown and "grew up near [redacted]" in shown
    finally:
        journal.close()
