"""The clinician's identity map beside a prompt that draws on it (``uses_identity_map``):
one line of the domains often present in their work, or the whole map on Ctrl+T."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from reflect_tui.core.identity import BY_KEY, DOMAINS, IdentityMap, entry_words
from reflect_tui.ui.widgets.entry_text import plural

NO_MAP = "No identity map yet: Home's Identity map (m) keeps one, for you alone."


def summary_line(identity_map: IdentityMap | None) -> str:
    """The salient domains by name only, the way to the rest first: their words are on
    Ctrl+T, so the line fits its room (``salient_summary`` has them, for reflect write)."""
    if identity_map is None:
        return NO_MAP
    names = [BY_KEY[key].name for key in identity_map.salient]
    if names:
        return f"My map (Ctrl+T: all of it), often in my work: {', '.join(names)}."
    described = len([e for e in identity_map.entries if not e.empty])
    return f"My map (Ctrl+T: all of it) describes {plural(described, 'domain')}."


def full_lines(identity_map: IdentityMap | None) -> str:
    if identity_map is None:
        return NO_MAP
    lines = [
        f"{domain.name}: {entry_words(identity_map.entry(domain.key))}"
        for domain in DOMAINS
        if not identity_map.entry(domain.key).empty
    ]
    lines.append(f"(version {identity_map.number} of {identity_map.day.isoformat()}; Ctrl+T hides)")
    return "\n".join(lines)


class IdentityMapPanel(VerticalScroll):
    """One dim line under the question; the whole map while open. When the whole map is
    taller than its room, the panel takes the focus so the arrow keys read it through;
    Ctrl+T again hands the focus back to the answer."""

    DEFAULT_CSS = """
    IdentityMapPanel {
        margin: 1 2 0 2;
        padding: 0 1;
        border-left: outer $secondary;
        color: $text-muted;
        height: auto;
        max-height: 4;
    }
    IdentityMapPanel > Static {
        height: auto;
    }
    IdentityMapPanel.-open {
        max-height: 10;
    }
    """

    def __init__(self, identity_map: IdentityMap | None, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self.identity_map = identity_map
        self.open = False
        self.text = summary_line(identity_map)

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)

    def toggle(self) -> None:
        self.open = not self.open
        self.set_class(self.open, "-open")
        self.text = (full_lines if self.open else summary_line)(self.identity_map)
        self.query_one(Static).update(self.text)
        self.scroll_home(animate=False)
        self.can_focus = False
        if self.open:
            self.call_after_refresh(self._focus_if_taller)

    def _focus_if_taller(self) -> None:
        if self.open and self.max_scroll_y > 0:
            self.can_focus = True
            self.focus()
