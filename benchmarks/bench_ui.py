"""UI speed: start-up to a ready unlock screen, and how long saving blocks the UI thread.

    python benchmarks/bench_ui.py             # both measurements
    python benchmarks/bench_ui.py startup     # only start-up
    python benchmarks/bench_ui.py save 36500  # only the save, at this many answers
    python benchmarks/bench_ui.py save 36500 --no-heap-tuning  # without memory.keep_large_buffers

Start-up runs ``reflect`` in a fresh process on a pseudo-terminal of 80x24 (the real
Linux driver, no headless shortcuts) and times from just before the process starts to
the first paint of the unlock screen: once through the ``reflect`` command (the CLI
parser, then the app) and once through :func:`reflect_tui.ui.run.run_app` directly.

The save measurement opens a generated vault (``benchmarks/datagen.py``) in the app
(headless), writes into a prompt and saves it again and again, while a probe on the
event loop records how late it wakes up: that delay is how long the UI thread was
blocked. Goals are from issue #4: start-up <= 0.6 s, the longest block < 16 ms.
"""

from __future__ import annotations

import asyncio
import fcntl
import gc
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP_RUNS = 7
SAVES = 20
STARTUP_GOAL = 0.6
BLOCK_GOAL_MS = 16.0

CHILD = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, {root!r})
    from reflect_tui.ui.screens import unlock

    def ready(screen):
        os.write(int(os.environ["BENCH_READY_FD"]), b"ready\\n")
        screen.app.exit()

    original = unlock.UnlockScreen.on_mount if hasattr(unlock.UnlockScreen, "on_mount") else None

    def on_mount(self):
        if original is not None:
            original(self)
        self.call_after_refresh(ready, self)

    unlock.UnlockScreen.on_mount = on_mount
    if {via_cli!r}:
        from reflect_tui.cli import main
        main(["--vault", {vault!r}])
    else:
        from pathlib import Path
        from reflect_tui.ui.run import run_app
        run_app(Path({vault!r}))
    """
)


def _one_startup(vault: Path, *, via_cli: bool) -> float:
    """Seconds from just before the process starts to the unlock screen's first paint."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    ready_read, ready_write = os.pipe()
    script = CHILD.format(root=str(ROOT), vault=str(vault), via_cli=via_cli)
    env = {
        **os.environ,
        "REFLECT_DEBUG": "1",
        "TERM": "xterm-256color",
        "REFLECT_HOME": str(vault.parent / "home"),
        "BENCH_READY_FD": str(ready_write),
    }

    output: list[bytes] = []

    def drain() -> None:
        try:
            while chunk := os.read(master, 65536):
                output.append(chunk)
        except OSError:
            pass

    threading.Thread(target=drain, daemon=True).start()
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        pass_fds=(ready_write,),
        env=env,
    )
    os.close(ready_write)
    with os.fdopen(ready_read) as ready:
        line = ready.readline()
    elapsed = time.perf_counter() - started
    try:
        child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
        os.close(slave)
        os.close(master)
    if line.strip() != "ready":
        shown = b"".join(output).decode(errors="replace")[-2000:]
        raise RuntimeError(f"the app did not report a ready unlock screen:\n{shown}")
    return elapsed


def measure_startup() -> dict[str, float]:
    from reflect_tui.journal import Journal
    from reflect_tui.vault.crypto import TEST_KDF

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        vault = Path(folder) / "journal.reflect"
        Journal.create(vault, "startup benchmark", kdf=TEST_KDF).close()
        for via_cli, label in ((True, "reflect command"), (False, "run_app")):
            _one_startup(vault, via_cli=via_cli)  # warm the file cache once
            times = [_one_startup(vault, via_cli=via_cli) for _ in range(STARTUP_RUNS)]
            results[f"{label} median s"] = round(statistics.median(times), 3)
            results[f"{label} max s"] = round(max(times), 3)
    return results


async def _probe(stop: asyncio.Event, lags: list[float]) -> None:
    """Wake every millisecond; how late each wake-up is, is how long the loop was blocked."""
    interval = 0.001
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(interval)
        lags.append(time.perf_counter() - before - interval)


async def _measure_saves(vault: Path, passphrase: str) -> dict[str, float]:
    from textual.widgets import Input, TextArea

    from reflect_tui.prompts import load_library
    from reflect_tui.ui.app import ReflectApp
    from reflect_tui.ui.screens.prompt import PromptScreen

    library = load_library(user_dir=vault.parent / "no-user-prompts")
    app = ReflectApp(vault, library=library, config_path=vault.parent / "config.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#passphrase", Input).value = passphrase
        await pilot.press("enter")
        while not app.unlocked:
            await pilot.pause(0.05)
        app.start_reflection("end-of-day")
        while not (isinstance(app.screen, PromptScreen) and app.screen.query(TextArea)):
            await pilot.pause(0.05)
        area = app.screen.query_one(TextArea)
        assert await app.saves.settle()

        pauses: list[float] = []
        gc_started = [0.0]

        def gc_watch(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            else:
                pauses.append(time.perf_counter() - gc_started[0])

        async def probe_while(work: Any) -> list[float]:
            lags: list[float] = []
            stop = asyncio.Event()
            task = asyncio.create_task(_probe(stop, lags))
            gc.callbacks.append(gc_watch)
            try:
                await work()
            finally:
                gc.callbacks.remove(gc_watch)
            stop.set()
            await task
            return lags

        async def idle() -> None:
            await asyncio.sleep(SAVES * 0.1)

        async def saves() -> None:
            for n in range(SAVES):
                area.load_text(f"Save number {n}: " + "a sentence written tonight. " * 20)
                await asyncio.sleep(0.01)
                app.saves.flush()
                assert await app.saves.settle()

        durations: list[float] = []
        baseline = await probe_while(idle)
        pauses.clear()
        started = time.perf_counter()
        during = await probe_while(saves)
        durations.append((time.perf_counter() - started) / SAVES)
        resident = _resident_mb()
    return {
        "idle longest block ms": round(max(baseline) * 1000, 1),
        "saving longest block ms": round(max(during) * 1000, 1),
        "saving 99th percentile block ms": round(statistics.quantiles(during, n=100)[98] * 1000, 1),
        "one save, end to end ms": round(durations[0] * 1000, 1),
        "longest garbage collection while saving ms": round(max(pauses, default=0) * 1000, 1),
        "resident memory after the saves MB": resident,
    }


def _resident_mb() -> float:
    """This process's resident memory (Linux), or NaN elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return float("nan")
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 1e6, 1)


def measure_save(answers: int) -> dict[str, float]:
    from benchmarks.datagen import PASSPHRASE, make_vault

    with tempfile.TemporaryDirectory() as folder:
        vault = Path(folder) / "bench.reflect"
        make_vault(vault, answers).close()
        result = asyncio.run(_measure_saves(vault, PASSPHRASE))
        result["vault MB"] = round(vault.stat().st_size / 1e6, 1)
        return result


def main(argv: list[str]) -> None:
    what = argv[0] if argv else "all"
    rows: list[tuple[str, Any, str]] = []
    if what in ("all", "startup"):
        startup = measure_startup()
        for key, value in startup.items():
            goal = f"<= {STARTUP_GOAL} s" if "median" in key else ""
            rows.append((f"start-up to unlock ready ({key})", value, goal))
    if what in ("all", "save"):
        if "--no-heap-tuning" in argv:  # to see what memory.keep_large_buffers changes
            from reflect_tui.core import memory

            memory.keep_large_buffers = lambda: False
            argv = [arg for arg in argv if arg != "--no-heap-tuning"]
        answers = int(argv[1]) if len(argv) > 1 else 36_500
        for key, value in measure_save(answers).items():
            goal = f"< {BLOCK_GOAL_MS} ms" if key == "saving longest block ms" else ""
            rows.append((f"{answers:,} answers: {key}", value, goal))
    print("| measurement | value | goal |")
    print("|---|---|---|")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")


if __name__ == "__main__":
    main(sys.argv[1:])
