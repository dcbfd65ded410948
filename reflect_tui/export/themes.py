"""The themes a supervision document is grouped by, in the order it presents them.

The first four are what the seed article says supervision is for; the rest are the
other topics reflect's prompts carry. Export keeps its own table (rather than importing
the prompt library) so it depends only on records and models; a test checks that the
two agree. Answers on the topic ``question`` are not a theme: they form the agenda.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    #: One sentence under the heading, saying what belongs here.
    description: str
    #: One of the four themes supervision exists to work on.
    supervision: bool = False


THEMES: tuple[Theme, ...] = (
    Theme(
        "understanding-context",
        "Difficulty understanding a client's cultural context",
        "Moments of confusion, misunderstanding or uncertainty about a client's cultural "
        "background, values or experiences.",
        supervision=True,
    ),
    Theme(
        "countertransference",
        "Reactions (countertransference) tied to cultural difference",
        "How my own identities, biases and experiences shaped my reactions to a client.",
        supervision=True,
    ),
    Theme(
        "systemic-power",
        "Systemic issues and power",
        "How privilege, oppression and institutional barriers touch the client's life "
        "and our work together.",
        supervision=True,
    ),
    Theme(
        "missteps-ruptures",
        "Cultural missteps and ruptures",
        "Where I may have caused harm, offence or disconnection, and what repair could look like.",
        supervision=True,
    ),
    Theme(
        "identity",
        "Identity and perspective",
        "How who I am shaped what I noticed, and how the client may have seen me.",
    ),
    Theme(
        "power",
        "Power in the room",
        "The power that comes with my role, and how it moved in the session.",
    ),
    Theme(
        "collaboration",
        "The client as expert in their own life",
        "Feedback, shared goals, and the client as the expert in their own life.",
    ),
    Theme(
        "repair",
        "Repair",
        "Acknowledging impact, apologising, and committing to do better.",
    ),
    Theme(
        "systems",
        "Systems of care",
        "Forms, spaces, access and policies: the service around the therapy.",
    ),
    Theme(
        "wellbeing",
        "My own well-being",
        "What this work is asking of me, and what sustains me in it.",
    ),
    Theme("other", "Other reflections", "Reflections outside the themes above."),
)

THEMES_BY_SLUG: dict[str, Theme] = {theme.slug: theme for theme in THEMES}
OTHER = THEMES_BY_SLUG["other"]


def theme_for(topic: str) -> Theme:
    """The theme an answer's topic belongs to; unknown topics go under "Other"."""
    return THEMES_BY_SLUG.get(topic, OTHER)
