"""How strong a new passphrase is, as a short bar and one line of advice."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reflect_tui.core.passphrase_strength import LABELS, estimate

STYLES = ("$text-error", "$text-error", "$text-warning", "$text-success", "$text-success")


class StrengthMeter(Static):
    """Call :meth:`show_for` with the passphrase as it is typed."""

    DEFAULT_CSS = """
    StrengthMeter {
        height: auto;
        min-height: 2;
    }
    """

    def on_mount(self) -> None:
        self.show_for("")

    def show_for(self, passphrase: str) -> None:
        strength = estimate(passphrase)
        filled = strength.score + 1 if passphrase else 0
        bar = "■" * filled + "□" * (len(LABELS) - filled)
        label = strength.label if passphrase else "Strength"
        self.update(
            Content.from_markup(
                f"[{STYLES[strength.score]}]$bar[/] [b]$label[/]\n[dim]$advice[/]",
                bar=bar,
                label=label,
                advice=strength.advice,
            )
        )
