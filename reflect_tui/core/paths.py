"""Where reflect keeps its files: platformdirs locations, overridable for tests and scripts.

``REFLECT_HOME`` moves everything (data and config) under one folder; ``REFLECT_VAULT``
or ``--vault`` chooses the vault file alone.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reflect"
VAULT_FILENAME = "journal.reflect"


def user_path(text: str | Path) -> Path:
    """A path as a person typed it: ``~`` is their home; an unknown ``~name`` stays as
    written (a file name that happens to start with ~) rather than failing."""
    try:
        return Path(text).expanduser()
    except RuntimeError:  # "Could not determine home directory"
        return Path(text)
    except ValueError:  # a NUL in "~name": what opens the path then says so plainly
        return Path(text)


def _home_override() -> Path | None:
    home = os.environ.get("REFLECT_HOME")
    return user_path(home) if home else None


def data_dir() -> Path:
    """The folder holding the vault and its backups."""
    home = _home_override()
    if home:
        return home / "data"
    import platformdirs  # only here: a command given --vault never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder holding config.toml and the user's own prompt sets."""
    home = _home_override()
    if home:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def user_prompts_dir() -> Path:
    return config_dir() / "prompts"


def default_vault() -> Path:
    """The vault used when neither ``--vault`` nor ``REFLECT_VAULT`` names one."""
    chosen = os.environ.get("REFLECT_VAULT")
    return user_path(chosen) if chosen else data_dir() / VAULT_FILENAME
