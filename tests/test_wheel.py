"""The built wheel carries the built-in prompt sets and finds them once installed.

The wheel is built from this checkout, installed (not editable) into a fresh folder with
``pip install --target``, and imported from there by a child interpreter whose only
extra path is that folder; its dependencies (pydantic, platformdirs) come from the
running environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILTIN_IDS = [
    "end-of-day",
    "identity",
    "power",
    "collaboration",
    "repair",
    "supervision-prep",
    "systems",
]
PROBE = """
import argparse, json, sys
import reflect_tui, reflect_tui.prompts as library
from reflect_tui.cli import prompts
from reflect_tui.export import Selection, build_export, plan_export
from reflect_tui.export import sealed
loaded = library.load_library()
words = sealed.new_share_passphrase()
page = sealed.seal_document(build_export(plan_export([], [], Selection())), words)
print(json.dumps({
    "share_opens": "<h2>Agenda</h2>" in sealed.open_share(page, words).html,
    "share_words": len(words.split()),
    "package": reflect_tui.__file__,
    "builtin_dir": str(library.builtin_prompts_dir()),
    "sets": {k: [str(v.source), v.builtin] for k, v in loaded.sets.items()},
    "problems": [str(p) for p in loaded.problems],
}))
parser = argparse.ArgumentParser(prog="reflect")
prompts.register(parser.add_subparsers())
args = parser.parse_args(["prompts", "list"])
sys.exit(args.handler(args))
"""


def pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True, cwd=ROOT, timeout=120)


@pytest.mark.slow
def test_installed_wheel_lists_the_builtin_sets_from_inside_the_package(tmp_path: Path) -> None:
    wheels, target, home = tmp_path / "wheels", tmp_path / "site", tmp_path / "home"
    pip("wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT))
    (wheel,) = wheels.glob("reflect_tui-*.whl")
    pip("install", "--no-deps", "--no-index", "--target", str(target), str(wheel))
    assert sorted(p.stem for p in (target / "reflect_tui" / "builtin_prompts").glob("*.toml")) == (
        sorted(BUILTIN_IDS)
    )

    env = {**os.environ, "PYTHONPATH": str(target), "REFLECT_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report_line, *listing = result.stdout.splitlines()
    report = json.loads(report_line)

    assert Path(report["package"]).is_relative_to(target)
    assert report["builtin_dir"] == str((target / "reflect_tui" / "builtin_prompts").resolve())
    assert report["problems"] == []
    assert report["share_opens"] and report["share_words"] == 6  # its word list and script
    assert list(report["sets"]) == BUILTIN_IDS
    for source, builtin in report["sets"].values():
        assert builtin and Path(source).is_relative_to(target.resolve())
        assert not Path(source).is_relative_to(ROOT)
    listed = [line.split()[0] for line in listing[1 : 1 + len(BUILTIN_IDS)]]
    assert listed == BUILTIN_IDS
    assert result.stderr == ""
