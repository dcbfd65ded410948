"""Settings: a plainly valid file is read without pydantic, and every file reads to
exactly what the pydantic model alone made of it (the same values, the same message)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect_tui.core.config import Config, config_from, load_config, save_config
from reflect_tui.core.config_check import ConfigFile, checked

NAMES = [field.name for field in dataclasses.fields(Config)]
VALUES = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["day", "week", "app", "plain", "10", " 7 ", "1_0", "2.0", "nord", ""]),
    st.integers(-5, 300),
    st.sampled_from([0, 1, 240, 241, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([10.0, 1.5, 240.0]),
    st.booleans(),
    st.just(date(2024, 3, 5)),
    st.just(datetime(2024, 3, 5, 9)),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["a"]), st.integers(0, 3), max_size=1),
)


def test_the_two_descriptions_of_the_settings_agree() -> None:
    assert list(ConfigFile.model_fields) == NAMES
    assert dataclasses.asdict(Config()) == ConfigFile().model_dump()


@settings(max_examples=400)
@given(raw=st.dictionaries(st.sampled_from([*NAMES, "unknown"]), VALUES, max_size=4))
def test_any_file_reads_as_the_pydantic_model_read_it(raw: dict[str, Any]) -> None:
    try:
        expected: dict[str, Any] | str = checked(raw)
    except ValueError as problem:
        expected = str(problem)
    try:
        got: dict[str, Any] | str = dataclasses.asdict(config_from(raw))
    except ValueError as problem:
        got = str(problem)
    assert got == expected


def test_a_problem_names_the_setting_and_keeps_the_defaults(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('theme = "nord"\nauto_lock_minutes = 0\n', encoding="utf-8")
    config, problem = load_config(file)
    assert config == Config()
    assert problem == (
        f"{file}: setting 'auto_lock_minutes' input should be greater than or equal to 1;"
        " using defaults."
    )


def test_a_coerced_setting_is_kept(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("auto_lock_minutes = 15.0\n", encoding="utf-8")
    config, problem = load_config(file)
    assert problem is None and config.auto_lock_minutes == 15


def test_a_plainly_valid_file_is_read_without_pydantic(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    save_config(Config(theme="nord", clinician_name="Dr. Ana Ruiz", export_dates="week"), file)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reflect_tui.core.config import load_config\n"
        f"config, problem = load_config(Path({str(file)!r}))\n"
        "print(config.theme, config.export_dates, problem, 'pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["nord", "week", "None", "False"]
