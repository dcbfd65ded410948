"""Sealed share cost: file size, sealing, and opening in Python and in a real browser.

    python benchmarks/bench_share.py

For a month, a year and ten years of reflections (five answers of 200-900 characters a
day, all exported), it prints the size of the plain HTML export and of the sealed page,
the time to seal (with the real 600,000-round PBKDF2), to open in Python (``reflect
open-share`` less its start-up), and to open in headless Chromium from a ``file://`` URL
(passphrase typed to document shown), when Debian's chromium and pip's playwright are
there. Median of 3.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.datagen import paragraph
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import IdentifierChoice, Selection, build_export, plan_export, render
from reflect_tui.export.sealed import new_share_passphrase, open_share, seal_document
from reflect_tui.export.sealed.payload import ITERATIONS

REPEATS = 3
SIZES = {"a month": 30, "a year": 365, "ten years": 3650}
TOPICS = ["identity", "power", "collaboration", "repair", "systemic-power", "countertransference"]


def sessions(days: int, seed: int = 11) -> list[SessionRecord]:
    rng = random.Random(seed)
    start = datetime(2016, 1, 1, 18, 30, tzinfo=UTC)
    made = []
    for day in range(days):
        when = start + timedelta(days=day)
        answers = tuple(
            AnswerRecord(
                prompt_id=f"p{n}",
                prompt_text=f"Prompt {n}: what did I notice?",
                text=paragraph(rng, rng.randint(200, 900)),
                topic=rng.choice(TOPICS),
                position=n,
                created=when,
                updated=when,
            )
            for n in range(5)
        )
        made.append(
            SessionRecord(
                set_id="end-of-day",
                set_title="End of day",
                started=when,
                finished=when,
                answers=answers,
            )
        )
    return made


def median(function: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def browser_opener() -> Callable[[Path, str], float] | None:
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        return None
    if not Path("/usr/bin/chromium").exists():
        return None
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )

    def open_in_browser(path: Path, passphrase: str) -> float:
        times = []
        for _ in range(REPEATS):
            page = browser.new_page()
            page.goto(path.as_uri())
            expect(page.locator("#passphrase")).to_be_enabled(timeout=120_000)
            page.fill("#passphrase", passphrase)
            began = time.perf_counter()
            page.click("#open")
            expect(page.locator("#agenda")).to_be_visible(timeout=120_000)
            times.append(time.perf_counter() - began)
            page.close()
        return statistics.median(times)

    return open_in_browser


def main() -> None:
    opener = browser_opener()
    print(f"PBKDF2-HMAC-SHA-256, {ITERATIONS:,} rounds; median of {REPEATS}\n")
    print(
        f"{'export of':<10} {'answers':>8} {'HTML':>9} {'sealed':>9} {'seal s':>7} "
        f"{'open s':>7} {'browser s':>9}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for label, days in SIZES.items():
            plan = plan_export(sessions(days), [], Selection())
            document = build_export(plan, IdentifierChoice.ALLOW)
            html = render(document, "html")
            passphrase = new_share_passphrase()
            page = seal_document(document, passphrase)
            seal_s = median(lambda: seal_document(document, passphrase))  # noqa: B023
            open_s = median(lambda: open_share(page, passphrase))  # noqa: B023
            path = Path(folder) / f"{days}.html"
            path.write_text(page, encoding="utf-8")
            browser = f"{opener(path, passphrase):9.2f}" if opener else f"{'-':>9}"
            print(
                f"{label:<10} {days * 5:>8,} {len(html.encode()) / 1e6:>7.2f}MB "
                f"{len(page.encode()) / 1e6:>7.2f}MB {seal_s:>7.2f} {open_s:>7.2f} {browser}"
            )
    if opener is None:
        print("\n(no browser column: needs /usr/bin/chromium and pip's playwright)")


if __name__ == "__main__":
    main()
