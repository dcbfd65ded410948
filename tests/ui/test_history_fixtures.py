"""Journals and a tiny host app for the History, Search and Insight screen tests.

No tests here: the other test modules import these helpers (pytest puts this folder on
``sys.path``). ``demo_records`` is also what the benchmark and manual runs generate.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.journal import Journal
from reflect_tui.vault.crypto import TEST_KDF

PASSPHRASE = "correct horse"
WORDS = (
    "client session supervision culture family language faith silence trust power "
    "assumption curious noticed felt uneasy grateful boundary referral interpreter "
    "housing school clinic humility listening pace question rupture repair tired hopeful "
    "community history story identity privilege training shame respect expert life"
).split()
END_OF_DAY = (
    (
        "identity-today",
        "identity",
        "text",
        "Which part of who I am shaped what I noticed, assumed or felt in today's work?",
    ),
    (
        "power-today",
        "power",
        "text",
        "Where did the power between me and a client show up today, and what did I do with it?",
    ),
    (
        "ease-with-culture",
        "countertransference",
        "scale",
        "How at ease was I when culture or difference came up today?",
    ),
    ("do-differently", "identity", "action", "One thing I will do differently next time"),
    ("set-it-down", "wellbeing", "text", "What do I need tonight to set today's work down?"),
)


def local_noon(day: date) -> datetime:
    return datetime.combine(day, time(18, 30)).astimezone()


def make_session(
    day: date,
    texts: list[str],
    *,
    ease: int = 3,
    tags: tuple[str, ...] = (),
    flagged: bool = False,
    set_id: str = "end-of-day",
    set_title: str = "End of day",
    finished: bool = True,
) -> SessionRecord:
    """An End of day session: texts fill the text and action prompts in order."""
    answers = []
    fill = iter(texts)
    for position, (prompt_id, topic, kind, prompt) in enumerate(END_OF_DAY):
        if kind == "scale":
            text, value = str(ease), json.dumps(ease)
        else:
            text, value = next(fill, ""), None
        answers.append(
            AnswerRecord(
                prompt_id=prompt_id,
                prompt_text=prompt,
                text=text,
                topic=topic,
                kind=kind,
                position=position,
                value=value,
                tags=tags if position == 0 else (),
            )
        )
    started = local_noon(day)
    return SessionRecord(
        set_id=set_id,
        set_title=set_title,
        started=started,
        flagged=flagged,
        finished=started + timedelta(minutes=7) if finished else None,
        answers=tuple(answers),
    )


def demo_records(
    days: int, *, today: date | None = None, seed: int = 7, words: int = 40
) -> list[SessionRecord]:
    """One End of day reflection a day for ``days`` days (4 written answers, 1 scale)."""
    rng = random.Random(seed)
    today = today or clock.today()
    records = []
    for n in range(days):
        day = today - timedelta(days=n)
        texts = [" ".join(rng.choices(WORDS, k=rng.randint(words // 2, words))) for _ in range(4)]
        tags = tuple(rng.sample(["supervision", "boundaries", "family", "language"], k=1))
        records.append(
            make_session(day, texts, ease=rng.randint(1, 5), tags=tags, flagged=n % 17 == 0)
        )
    return records


def new_journal(tmp_path: Path, records: list[SessionRecord] | None = None) -> Journal:
    journal = Journal.create(tmp_path / "j.reflect", PASSPHRASE, kdf=TEST_KDF)
    if records:
        journal.import_records(records)
    return journal


def decrypted_image(journal: Journal) -> bytes:
    """Everything the vault's files hold, decrypted: the snapshot's database bytes and
    the records of the change log beside it."""
    from reflect_tui.vault import changelog
    from reflect_tui.vault.unlock import open_file

    _, key, image = open_file(journal.path, PASSPHRASE)
    log = changelog.read(changelog.log_path(journal.path), key)
    return image + b"".join(payload for _, payload in log.records) if log else image


class HostApp(App[None]):
    """A bare app that shows one screen, as the real app will push it."""

    def __init__(self, make_screen: Callable[[], Screen[object]]) -> None:
        super().__init__()
        self.make_screen = make_screen

    def compose(self) -> ComposeResult:
        yield Static("host")

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())
