"""The user's settings, kept in ``config.toml`` in the platformdirs config folder.

The file holds no reflection text, only preferences, so it is plain TOML. A damaged or
hand-edited file never stops the app: :func:`load_config` falls back to defaults and
says which setting it could not read.

A file whose every setting has its plain type and an allowed value (the file reflect
writes, and almost every file written by hand) is read here directly; anything else is
checked by the pydantic model in :mod:`reflect_tui.core.config_check`, which says what
is wrong. So a command that reads the settings pays for pydantic (a tenth of a second
of start-up) only when a setting needs that.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any, Literal

from reflect_tui.core import paths

#: The allowed values of the settings that have a fixed few.
CHOICES: dict[str, tuple[str, ...]] = {"export_dates": ("day", "week"), "ui": ("app", "plain")}
#: The range of each whole-number setting.
RANGES: dict[str, tuple[int, int]] = {
    "auto_lock_minutes": (1, 240),
    "supervision_minutes_per_month": (0, 10_000),
    "identity_review_months": (1, 60),
}
#: The range of each fractional setting.
SHARES: dict[str, tuple[float, float]] = {"group_supervision_share": (0.0, 1.0)}


@dataclass
class Config:
    """Settings a clinician may change; every field has a sensible default."""

    theme: str = "textual-dark"
    auto_lock_minutes: int = 10
    default_set: str = "end-of-day"
    clinician_name: str = ""
    export_dates: Literal["day", "week"] = "day"
    #: "plain": ``reflect`` writes a reflection as lines of text (``reflect write``),
    #: for screen readers, braille displays and slow links, instead of the full screen.
    ui: Literal["app", "plain"] = "app"
    #: The share of a group supervision's minutes that counts towards the monthly total.
    group_supervision_share: float = 0.5
    #: The supervision a month the clinician aims for (BACP asks 90 of accredited members).
    supervision_minutes_per_month: int = 90
    #: After this many months Home suggests revisiting the identity map.
    identity_review_months: int = 6


def _plainly_valid(name: str, value: Any) -> bool:
    """True when ``value`` is, as it stands, what setting ``name`` holds."""
    if name in RANGES:
        low, high = RANGES[name]
        return type(value) is int and low <= value <= high
    if name in SHARES:
        least, most = SHARES[name]
        return type(value) in (int, float) and least <= value <= most
    return type(value) is str and value in CHOICES.get(name, (value,))


def config_from(raw: dict[str, Any]) -> Config:
    """The settings in a parsed file (unknown keys are ignored); ValueError says which
    one is wrong, as one phrase ("setting 'x' input should be ...")."""
    known = {field.name for field in fields(Config)}
    given = {name: value for name, value in raw.items() if name in known}
    if all(_plainly_valid(name, value) for name, value in given.items()):
        return Config(**given)
    from reflect_tui.core.config_check import checked  # pydantic: only for an odd file

    return Config(**checked(raw))


def load_config(path: Path | None = None) -> tuple[Config, str | None]:
    """Read the config, returning it and a one-sentence problem (or None)."""
    path = path or paths.config_file()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), None
    except OSError as exc:
        return Config(), f"Could not read {path} ({exc.strerror}); using default settings."
    except UnicodeDecodeError:
        return Config(), f"{path} is not UTF-8 text; using default settings."
    try:
        return config_from(tomllib.loads(raw)), None
    except tomllib.TOMLDecodeError as exc:
        return Config(), f"{path} is not valid TOML ({exc}); using default settings."
    except RecursionError:  # tomllib recurses per level of nested lists or tables
        return Config(), f"{path} nests lists thousands of levels deep; using default settings."
    except ValueError as exc:
        return Config(), f"{path}: {exc}; using defaults."


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config as TOML (mode 0600, folder 0700)."""
    path = path or paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# reflect settings; see README.md for what each one does.\n"]
    for key, value in asdict(config).items():
        # JSON string and integer literals are valid TOML literals.
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}\n")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(lines)
