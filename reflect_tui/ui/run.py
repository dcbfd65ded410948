"""Running the app from the command line: settings read, a demo's scratch folder kept
and removed, the journal saved and closed whatever happens."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from reflect_tui.core.config import load_config
from reflect_tui.ui.app import ReflectApp


def run_app(vault: Path, *, demo: bool = False, kdf: Any = None) -> int:
    """Run the app on ``vault`` (``demo``: on a throwaway vault of example reflections)."""
    config, problem = load_config()
    scratch: Path | None = None
    if demo:
        scratch = Path(tempfile.mkdtemp(prefix="reflect-demo-"))
        vault = scratch / "demo.reflect"
    app = ReflectApp(vault, demo=demo, kdf=kdf, config=config, config_problem=problem)
    try:
        app.run()
    finally:
        app.close_journal()
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    sys.stdout.flush()
    return app.return_code or 0
