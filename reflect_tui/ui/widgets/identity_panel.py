"""The clinician's identity map beside a prompt that draws on it (``uses_identity_map``):
one line of the domains often present in their work, or the whole map on Ctrl+T."""

from __future__ import annotations

from textual.widgets import Static

from reflect_tui.core.identity import DOMAINS, IdentityMap, entry_words, salient_summary

NO_MAP = "No identity map yet: Home's Identity map (m) keeps one, for you alone."


def summary_line(identity_map: IdentityMap | None) -> str:
    if identity_map is None:
        return NO_MAP
    return salient_summary(identity_map) + " Ctrl+T shows all of it."


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


class IdentityMapPanel(Static):
    """One dim line under the question; the whole map while open."""

    DEFAULT_CSS = """
    IdentityMapPanel {
        margin: 1 2 0 2;
        padding: 0 1;
        border-left: outer $secondary;
        color: $text-muted;
        height: auto;
        max-height: 3;
        overflow-y: auto;
    }
    IdentityMapPanel.-open {
        max-height: 10;
    }
    """

    def __init__(self, identity_map: IdentityMap | None, *, id: str | None = None) -> None:
        super().__init__(summary_line(identity_map), id=id, markup=False)
        self.identity_map = identity_map
        self.open = False

    def toggle(self) -> None:
        self.open = not self.open
        self.set_class(self.open, "-open")
        shown = full_lines if self.open else summary_line
        self.update(shown(self.identity_map))
