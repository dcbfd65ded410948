"""Generate a realistic vault of N answers (~600 characters each) for the benchmarks.

Rows are written with plain SQL into the unlocked journal's in-memory database (much
faster than the ORM for tens of thousands of rows), then saved once, encrypted.
"""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reflect_tui.core.uids import answer_uid, derived_uid
from reflect_tui.journal import Journal
from reflect_tui.vault.crypto import TEST_KDF

PASSPHRASE = "benchmark passphrase"
WORDS = [
    "client",
    "session",
    "noticed",
    "identity",
    "power",
    "culture",
    "language",
    "family",
    "faith",
    "assumption",
    "felt",
    "curious",
    "uncomfortable",
    "supervision",
    "repair",
    "misstep",
    "goals",
    "together",
    "feedback",
    "privilege",
    "access",
    "interpreter",
    "fees",
    "community",
    "trust",
    "history",
    "silence",
    "asked",
    "listened",
    "countertransference",
    "humility",
    "context",
    "belonging",
    "healing",
    "meaning",
    "working",
    "alliance",
    "systemic",
    "barrier",
    "intake",
    "form",
    "welcome",
    "accent",
    "generation",
    "migration",
    "disability",
]
PER_SESSION = 5
FILLER = [
    "i",
    "the",
    "a",
    "and",
    "to",
    "of",
    "was",
    "in",
    "that",
    "it",
    "my",
    "we",
    "they",
    "about",
    "when",
    "how",
    "what",
    "not",
]
_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "su",
    "ta",
    "ri",
    "vo",
    "pe",
    "da",
    "ho",
    "ul",
    "en",
    "ar",
    "is",
    "om",
]


def _vocabulary() -> list[str]:
    """Function words, the domain words above and ~4,000 pseudo-words, most common first.

    The pseudo-words stand for a journal's ordinary vocabulary, so none is a given name
    (an English word never is one to the identifier check): one that was, such as "miho"
    or "dari", made 74 % of the generated answers hold a "name" in lower case, and the
    export benchmark timed a journal no clinician writes."""
    from reflect_tui.export.identifiers.word_lists import given_names

    rng = random.Random(0)
    invented = {
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(5000)
    }
    return FILLER + WORDS + sorted(invented - given_names())


VOCABULARY = _vocabulary()
# Zipf-like weights: the k-th most common word is about 1/k as frequent as the first.
_CUMULATIVE = list(itertools.accumulate(1 / (k + 1) for k in range(len(VOCABULARY))))


def paragraph(rng: random.Random, length: int = 600) -> str:
    words = rng.choices(VOCABULARY, cum_weights=_CUMULATIVE, k=length // 3)
    return (" ".join(words)[:length]).capitalize() + "."


def make_vault(path: Path, answers: int, seed: int = 1) -> Journal:
    """Create ``path`` holding ``answers`` answers, returned unlocked (cheap KDF)."""
    rng = random.Random(seed)
    journal = Journal.create(path, PASSPHRASE, kdf=TEST_KDF)
    conn = journal._conn
    start = datetime(2016, 1, 1, 18, tzinfo=UTC)
    sessions = answers // PER_SESSION
    topics = ["identity", "power", "collaboration", "repair", "systems", "countertransference"]
    conn.execute("BEGIN")
    for s in range(sessions):
        when = (start + timedelta(hours=24 * s * 3650 / max(sessions, 1))).isoformat()
        conn.execute(
            "INSERT INTO reflection_session (id, uid, rev, modified, set_id, set_version,"
            " set_title, started, utc_offset, finished, flagged, position)"
            " VALUES (?, ?, '{}', ?, 'end-of-day', 1, 'End of day', ?, 0, ?, ?, 0)",
            (s + 1, derived_uid("bench", seed, s), when, when, when, s % 17 == 0),
        )
        for p in range(PER_SESSION):
            kind = "scale" if p == 1 else "text"
            text = "4" if kind == "scale" else paragraph(rng)
            conn.execute(
                "INSERT INTO answer (uid, rev, modified, session_id, prompt_id, prompt_text,"
                " topic, kind, position, text, value, skipped, created, updated, tags, flagged)"
                " VALUES (?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0)",
                (
                    answer_uid(derived_uid("bench", seed, s), f"p{p}"),
                    when,
                    s + 1,
                    f"p{p}",
                    f"Prompt {p}?",
                    rng.choice(topics),
                    kind,
                    p,
                    text,
                    "4" if kind == "scale" else None,
                    when,
                    when,
                    "question" if p == 4 else "",
                ),
            )
    conn.execute("COMMIT")
    journal.save()
    return journal
