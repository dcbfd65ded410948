"""The user's settings, kept in ``config.toml`` in the platformdirs config folder.

The file holds no reflection text, only preferences, so it is plain TOML. A damaged or
hand-edited file never stops the app: :func:`load_config` falls back to defaults and
says which setting it could not read.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reflect_tui.core import paths


class Config(BaseModel):
    """Settings a clinician may change; every field has a sensible default."""

    model_config = ConfigDict(extra="ignore")

    theme: str = "textual-dark"
    auto_lock_minutes: int = Field(default=10, ge=1, le=240)
    default_set: str = "end-of-day"
    clinician_name: str = ""
    export_dates: Literal["day", "week"] = "day"
    #: "plain": ``reflect`` writes a reflection as lines of text (``reflect write``),
    #: for screen readers, braille displays and slow links, instead of the full screen.
    ui: Literal["app", "plain"] = "app"


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
        return Config.model_validate(tomllib.loads(raw)), None
    except tomllib.TOMLDecodeError as exc:
        return Config(), f"{path} is not valid TOML ({exc}); using default settings."
    except RecursionError:  # tomllib recurses per level of nested lists or tables
        return Config(), f"{path} nests lists thousands of levels deep; using default settings."
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        return Config(), f"{path}: setting '{field}' {first['msg'].lower()}; using defaults."


def save_config(config: Config, path: Path | None = None) -> None:
    """Write the config as TOML (mode 0600, folder 0700)."""
    path = path or paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# reflect settings; see README.md for what each one does.\n"]
    for key, value in config.model_dump().items():
        # JSON string and integer literals are valid TOML literals.
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}\n")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.writelines(lines)
