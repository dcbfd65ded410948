"""reflect's own theme: high contrast, for low vision and bright rooms.

White and yellow on black, and nothing conveyed by colour alone: every state the
screens show also has a word ("Saved", "Flagged", "not chosen yet"). Pure black and
white give a contrast ratio of 21:1; yellow #FFFF00 on black 19.6:1; the muted text
(#D0D0D0) 13.6:1: all far above WCAG AA's 4.5:1.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="reflect-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FF6060",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#262626",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#D0D0D0",
        "text-disabled": "#BDBDBD",
        "border": "#FFFFFF",
        "border-blurred": "#BDBDBD",
        "footer-key-foreground": "#FFFF00",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "input-selection-background": "#FFFF00 40%",
        "scrollbar": "#FFFF00",
        "scrollbar-hover": "#FFFFFF",
        "scrollbar-active": "#FFFFFF",
        "scrollbar-background": "#333333",
    },
)

THEMES = (HIGH_CONTRAST,)


class NoDim(LineFilter):
    """Takes the dim attribute off text: on black, Textual's dimming turns muted text
    dark grey (#444444, a contrast of 2.3:1), which a high-contrast theme must not do."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(segment.text, segment.style + _UNDIM, segment.control)
            if segment.style is not None and segment.style.dim
            else segment
            for segment in segments
        ]


_UNDIM = Style(dim=False)


def extra_filters(theme: str) -> list[LineFilter]:
    """The line filters a theme needs on top of Textual's."""
    return [NoDim()] if theme == HIGH_CONTRAST.name else []
