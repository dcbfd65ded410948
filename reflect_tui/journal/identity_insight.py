"""What Insight's identity panel shows: over the last year, which domains of the map came
up in reflections (chosen in a prompt like "Which of my own identities felt most
present?") against those the clinician marked as often present in their work, and,
gently, the marked ones that never came up. Counts to notice, never a score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reflect_tui.core import clock
from reflect_tui.core.identity import BY_KEY, DOMAIN_KEYS

if TYPE_CHECKING:
    from reflect_tui.journal import Journal

#: How far back the panel looks.
YEAR = timedelta(days=365)


@dataclass(frozen=True)
class IdentityInsight:
    start: date
    end: date
    counts: Counter[str]
    #: The salient domains of the latest map (None: no map is kept yet).
    salient: tuple[str, ...] | None

    @property
    def quiet(self) -> tuple[str, ...]:
        """Salient domains that did not come up at all in the year."""
        return tuple(k for k in self.salient or () if not self.counts.get(k))


def gather(
    journal: Journal,
    today: date | None = None,
    prompts: Collection[tuple[str, str]] | None = None,
) -> IdentityInsight:
    """``prompts``: the (set id, prompt id) that draw on the map (None: every choice)."""
    end = today or clock.today()
    start = end - YEAR + timedelta(days=1)
    latest = journal.latest_identity_map()
    salient = latest.salient if latest is not None else None
    return IdentityInsight(start, end, journal.domain_counts(start, end, prompts), salient)


def lines(seen: IdentityInsight) -> list[str]:
    """The panel's words: what came up, and what did not, as sentences."""
    said: list[str] = []
    if seen.salient is None:
        said.append(
            "No identity map yet. Keep one from Home (m), and this shows which of your "
            "identities come up in your reflections beside the ones you see in your work."
        )
    came_up = [k for k in DOMAIN_KEYS if seen.counts.get(k)]
    for key in came_up:
        n = seen.counts[key]
        mark = " (often in your work, on your map)" if key in (seen.salient or ()) else ""
        said.append(f"{BY_KEY[key].name}: in {n} reflection{'s' if n != 1 else ''}{mark}")
    if not came_up:
        said.append("No identities were chosen in your reflections this year.")
    for key in seen.quiet:
        said.append(f"{BY_KEY[key].name} has not come up in your reflections this year.")
    if seen.quiet:
        said.append("Not a gap to close: perhaps a place to look next time it is in the room.")
    return said
