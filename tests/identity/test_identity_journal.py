"""The identity map in the journal: each save a version, read by the app and by the
read-only path alike; domains chosen in reflections counted."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from reflect_tui.core import clock
from reflect_tui.core.identity import DomainEntry, IdentityProblem
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from tests.clocks import SetClock
from tests.conftest import PASSPHRASE


def test_each_save_is_a_new_version_and_none_is_lost(
    journal: Journal, vault_path: Path, set_clock: SetClock
) -> None:
    with journal:
        assert journal.latest_identity_map() is None
        journal.save_identity_map(
            [
                DomainEntry("gender", "a woman", "marginalisation", "yes", True),
                DomainEntry("age", ""),  # empty: left out
            ]
        )
        set_clock.advance(timedelta(days=200))
        journal.save_identity_map(
            [DomainEntry("gender", "a woman, and a mother now", "both", "yes", True)],
            note="Becoming a parent changed how clients see me",
        )
    with JournalReader(vault_path, PASSPHRASE) as reader:
        first, second = reader.identity_maps()
    assert (first.number, second.number) == (1, 2)
    assert first.entries == (DomainEntry("gender", "a woman", "marginalisation", "yes", True),)
    assert second.entry("gender").description == "a woman, and a mother now"
    assert second.note == "Becoming a parent changed how clients see me"
    assert second.day - first.day == timedelta(days=200)
    assert second.salient == ("gender",)


def test_an_unknown_domain_saves_nothing(journal: Journal) -> None:
    with journal:
        with pytest.raises(IdentityProblem):
            journal.save_identity_map([DomainEntry("hair", "curly")])
        assert journal.identity_maps() == []


def test_domains_chosen_in_reflections_are_counted(journal: Journal, any_clock: SetClock) -> None:
    """Counted by the local day each reflection was begun on, in every zone and hour."""
    with journal:
        for chosen in (["Gender", "Ethnicity and race"], ["Gender"], ["Something else"]):
            session = journal.start_session("identity", 1, "Identity")
            journal.save_answer(
                session.id or 0,
                prompt_id="identities-present",
                prompt_text="Which of my own identities felt most present in that moment?",
                kind="choice",
                text="; ".join(chosen),
                value=chosen,
            )
        today = clock.today()
        counts = journal.domain_counts(today - timedelta(days=365), today)
        assert journal.domain_counts(today + timedelta(days=1), today + timedelta(days=9)) == {}
        assert journal.domain_counts(today - timedelta(days=9), today - timedelta(days=1)) == {}
        assert journal.domain_counts(today, today) == counts
        year = (today - timedelta(days=365), today)
        assert journal.domain_counts(*year, {("identity", "identities-present")}) == counts
        assert journal.domain_counts(*year, {("client", "identities-present")}) == {}
    assert counts == {"gender": 2, "ethnicity": 1}
