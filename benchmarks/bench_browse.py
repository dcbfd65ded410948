"""History, Search and Insight speed on a 36,500-answer vault, measured with Pilot.

    python benchmarks/bench_browse.py                 # 36,500 answers (issue #5's size)
    python benchmarks/bench_browse.py 10000           # another size
    python benchmarks/bench_browse.py --keep v.reflect  # reuse (or create) this vault

The vault is generated through the journal's own ``import_records`` (7,300 End of day
reflections of five answers: four written, one scale; two a day for ten years, with
tags, flags and action items), encrypted with the cheap test KDF.

"On screen" means the app has painted: each timing runs from the moment the last key
is sent (or the screen is pushed) to the first screen update after the screen's data
is in its widgets. Prints a Markdown table; goals are from issues #5 and #19 (the last
two rows call the journal directly: the cost of ranking and snippets, no painting).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events
from textual.app import App
from textual.keys import _character_to_key

from benchmarks.datagen import paragraph
from reflect_tui.core import clock
from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.journal import Journal
from reflect_tui.prompts import TOPICS
from reflect_tui.ui.screens.history import PAGE, HistoryScreen
from reflect_tui.ui.screens.insight import InsightScreen
from reflect_tui.ui.screens.search import SearchScreen
from reflect_tui.ui.widgets.history_table import HistoryTable
from reflect_tui.ui.widgets.scale_chart import ScaleChart
from reflect_tui.vault.crypto import TEST_KDF

PASSPHRASE = "benchmark passphrase"
PER_SESSION = 5
QUERIES = ("countertransference", "interpreter fees", '"working alliance"', "cult*", "famil")
TYPING_GAP = 0.09  # seconds between key presses: a brisk typist
SIZE = (120, 40)


def records(answers: int, seed: int = 5) -> list[SessionRecord]:
    rng = random.Random(seed)
    sessions = answers // PER_SESSION
    start = clock.now() - timedelta(days=3650)
    step = timedelta(days=3650) / max(sessions, 1)
    tags = ("supervision", "language", "family", "faith", "referral")
    made = []
    for n in range(sessions):
        started = start + step * n
        answers_here = []
        for position in range(PER_SESSION):
            kind = "scale" if position == 2 else "action" if position == 3 else "text"
            value = rng.randint(1, 5) if kind == "scale" else None
            answers_here.append(
                AnswerRecord(
                    prompt_id=f"p{position}",
                    prompt_text=f"Prompt {position}?",
                    text=str(value) if value else paragraph(rng, rng.randint(200, 900)),
                    topic=rng.choice(TOPICS),
                    kind=kind,
                    position=position,
                    value=None if value is None else json.dumps(value),
                    tags=(rng.choice(tags),) if rng.random() < 0.2 else (),
                    flagged=rng.random() < 0.03,
                )
            )
        status = "open" if n > sessions - 30 else rng.choice(("done", "done", "dropped"))
        made.append(
            SessionRecord(
                set_id="end-of-day",
                set_title="End of day",
                started=started,
                finished=started + timedelta(minutes=6),
                flagged=n % 41 == 0,
                answers=tuple(answers_here),
                actions=(ActionRecord(text="Ask first", status=status, answer_position=3),),
            )
        )
    return made


def vault(path: Path, answers: int) -> tuple[Journal, float]:
    if path.exists():
        return Journal.open(path, PASSPHRASE), 0.0
    began = time.perf_counter()
    journal = Journal.create(path, PASSPHRASE, kdf=TEST_KDF)
    journal.import_records(records(answers))
    return journal, time.perf_counter() - began


class Bench(App[None]):
    """A bare host that records when the screen is painted."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: list[float] = []

    def _display(self, screen: Any, renderable: Any) -> None:
        if renderable is not None:
            self.painted.append(time.perf_counter())
        super()._display(screen, renderable)


async def painted_after(app: Bench, since: float, ready: Callable[[], bool]) -> float:
    """Seconds from ``since`` to the first paint after ``ready()`` became true."""
    while not ready():
        await asyncio.sleep(0.0005)
    marked = time.perf_counter()
    while not app.painted or app.painted[-1] < marked:
        await asyncio.sleep(0.0005)
    return next(t for t in app.painted if t >= marked) - since


def send_key(app: Bench, char: str) -> None:
    """Send one key as the terminal would, without waiting for the app (unlike Pilot)."""
    key = events.Key(char if char.isalnum() else _character_to_key(char), char)
    key.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(key)


def searched(screen: SearchScreen, wanted: tuple[str, str]) -> Callable[[], bool]:
    return lambda: screen.shown == wanted


def history_shown(screen: HistoryScreen) -> bool:
    return screen.is_mounted and bool(screen.query_one(HistoryTable).row_count)


def insight_shown(screen: InsightScreen, all_time: bool = False) -> bool:
    seen = screen.seen
    if seen is None or (seen.since is None) != all_time:
        return False
    return len(screen.query(ScaleChart)) == len(seen.scales)


async def measure_search(app: Bench, journal: Journal) -> list[float]:
    latencies = []
    for query in QUERIES:
        screen = SearchScreen(journal)
        await app.push_screen(screen)
        await asyncio.sleep(0.05)
        for char in query[:-1]:
            send_key(app, char)
            await asyncio.sleep(TYPING_GAP)
        last = time.perf_counter()
        send_key(app, query[-1])
        latencies.append(await painted_after(app, last, searched(screen, (query, ""))))
        assert screen.hits, f"no results for {query!r}"
        app.pop_screen()
        await asyncio.sleep(0.05)
    return latencies


async def measure_history(app: Bench, journal: Journal) -> tuple[list[float], float, int]:
    opens = []
    for _ in range(5):
        began = time.perf_counter()
        screen = HistoryScreen(journal)
        app.push_screen(screen)
        opens.append(await painted_after(app, began, partial(history_shown, screen)))
        loaded_at_open = screen.query_one(HistoryTable).row_count
        app.pop_screen()
        await asyncio.sleep(0.05)
    # Scrolling to the end of the first page reads the next one.
    screen = HistoryScreen(journal)
    await app.push_screen(screen)
    await asyncio.sleep(0.1)
    table = screen.query_one(HistoryTable)
    began = time.perf_counter()
    table.move_cursor(row=table.row_count - 1)
    more = await painted_after(app, began, lambda: table.row_count > PAGE)
    app.pop_screen()
    return opens, more, loaded_at_open


async def measure_insight(
    app: Bench, journal: Journal
) -> tuple[list[float], list[float], list[float]]:
    """Opening; switching to all time at once; and after a second of looking (the
    screen reads all time in the background once the last 52 weeks are drawn)."""
    opens, at_once, after_a_look = [], [], []
    for round_ in range(6):
        began = time.perf_counter()
        screen = InsightScreen(journal)
        app.push_screen(screen)
        opens.append(await painted_after(app, began, partial(insight_shown, screen)))
        if round_ % 2:
            await asyncio.sleep(1.0)
        began = time.perf_counter()
        screen.action_range(True)
        took = await painted_after(app, began, partial(insight_shown, screen, True))
        (after_a_look if round_ % 2 else at_once).append(took)
        app.pop_screen()
        await app.workers.wait_for_complete()
        await asyncio.sleep(0.05)
    return opens, at_once, after_a_look


#: Matches every answer the generator writes: the scale digits and a word in every text.
EVERY_ANSWER = "1 OR 2 OR 3 OR 4 OR 5 OR the"
ONE_ANSWER_MATCHES = 1_000_000


def measure_heavy_search(journal: Journal) -> tuple[list[float], list[float], int]:
    """Issue #19: a search matching (nearly) every answer, and one whose word matches
    a million times inside one pasted answer; journal.search directly, no key derivation."""
    matched = journal._conn.execute(
        "SELECT count(*) FROM answer_fts WHERE answer_fts MATCH ?",
        (" OR ".join(f'"{w}"' for w in EVERY_ANSWER.split(" OR ")),),
    ).fetchone()[0]
    every = []
    for _ in range(5):
        began = time.perf_counter()
        assert journal.search(EVERY_ANSWER)
        every.append(time.perf_counter() - began)
    transcript = SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=clock.now(),
        answers=(AnswerRecord("p0", "Prompt 0?", "transcript " * ONE_ANSWER_MATCHES),),
    )
    journal.import_records([transcript])
    one = []
    for _ in range(5):
        began = time.perf_counter()
        [hit] = journal.search("transcript")
        one.append(time.perf_counter() - began)
        assert "transcript" in hit.snippet
    return every, one, matched


def row(name: str, values: list[float], goal: float) -> str:
    ms = [v * 1000 for v in values]
    worst = max(ms)
    verdict = "yes" if worst <= goal else "NO"
    return f"| {name} | {statistics.median(ms):.0f} | {worst:.0f} | {goal:.0f} | {verdict} |"


async def run(journal: Journal) -> list[str]:
    app = Bench()
    async with app.run_test(size=SIZE):
        search = await measure_search(app, journal)
        opens, more, loaded = await measure_history(app, journal)
        insight_open, insight_all, insight_later = await measure_insight(app, journal)
    sessions = journal.counts().sessions
    every, one, matched = measure_heavy_search(journal)
    return [
        "| Measure | Median ms | Worst ms | Goal ms | Met |",
        "|---|---:|---:|---:|:---:|",
        row(f"Search: results painted after the last key ({len(QUERIES)} queries)", search, 50),
        row("History: list painted after opening", opens, 200),
        row(f"History: next {PAGE} rows painted after reaching the end", [more], 200),
        row("Insight: painted after opening (last 52 weeks)", insight_open, 300),
        row("Insight: all time painted, switched at once", insight_all, 300),
        row("Insight: all time painted, switched after a second", insight_later, 300),
        row(f"Search matching {matched:,} answers (journal.search, no KDF)", every, 100),
        row(
            f"Search matching {ONE_ANSWER_MATCHES:,} times in one answer (journal.search)",
            one,
            100,
        ),
        "",
        f"History read {loaded} of {sessions:,} reflections when it opened.",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", nargs="?", type=int, default=36_500)
    parser.add_argument("--keep", type=Path, help="use (or create and keep) this vault")
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="call gc.freeze() once the vault is open, as an app may after unlocking",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "browse.reflect"
        journal, took = vault(path, args.answers)
        try:
            counts = journal.counts()
            made = f", generated in {took:.1f} s" if took else ""
            print(f"Vault: {counts.answers:,} answers in {counts.sessions:,} reflections{made}.")
            if args.gc_freeze:
                gc.collect()
                gc.freeze()
                print("gc.freeze() was called before the app started.")
            print()
            for line in asyncio.run(run(journal)):
                print(line)
        finally:
            journal.close()


if __name__ == "__main__":
    main()
