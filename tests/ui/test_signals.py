"""SIGTERM and SIGHUP (the terminal closing) save the text being written, in a real process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from tests.ui.test_app_fixtures import PASSPHRASE, new_vault

CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from tests.ui.test_app_fixtures import make_app, start, unlock, wait_screen, write
    from reflect_tui.ui.screens.prompt import PromptScreen

    async def main() -> None:
        vault, tmp = Path(sys.argv[1]), Path(sys.argv[2])
        app = make_app(vault, tmp, autosave_delay=3600)  # only the signal can save it
        async with app.run_test(size=(80, 24)) as pilot:
            await unlock(pilot)
            await start(pilot, "end-of-day")
            await wait_screen(pilot, PromptScreen)
            await write(pilot, "Typed when the terminal closed")
            print("READY", flush=True)
            while app.is_running:
                await asyncio.sleep(0.05)
        print("EXIT", app.return_code, flush=True)

    asyncio.run(main())
    """
)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_signal_saves_the_current_text(tmp_path: Path, sig: signal.Signals) -> None:
    vault = new_vault(tmp_path)
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(Path(__file__).resolve().parents[2])))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    child = subprocess.Popen(
        [sys.executable, str(script), str(vault), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read() if child.stderr else line
        child.send_signal(sig)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert f"EXIT {128 + sig}" in out, err
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        [summary] = journal.list_sessions()
        texts = [a.text for a in journal.session_answers(summary.id)]
    assert texts == ["Typed when the terminal closed"]
    Journal.open(vault, PASSPHRASE).close()  # the writer's lock was released
