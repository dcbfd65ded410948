"""Prompt sets: reflective prompts kept as TOML data, their schema, and the loader.

``schema`` says what a set file may hold (pydantic models and the topics); ``loader``
reads the built-in sets and the clinician's own, turning every problem into one
sentence with a place. Imports only :mod:`reflect_tui.core` (for where user sets live).
"""

from reflect_tui.prompts.loader import (
    LoadedSet,
    PromptFileError,
    PromptLibrary,
    PromptProblem,
    builtin_prompts_dir,
    check_files,
    load_library,
    load_prompt_file,
)
from reflect_tui.prompts.schema import (
    BUILTIN_ORDER,
    DEFAULT_SET_ID,
    SLUG_PATTERN,
    SUPERVISION_TOPICS,
    TOPIC_TITLES,
    TOPICS,
    Prompt,
    PromptKind,
    PromptSet,
)

__all__ = [
    "BUILTIN_ORDER",
    "DEFAULT_SET_ID",
    "SLUG_PATTERN",
    "SUPERVISION_TOPICS",
    "TOPICS",
    "TOPIC_TITLES",
    "LoadedSet",
    "Prompt",
    "PromptFileError",
    "PromptKind",
    "PromptLibrary",
    "PromptProblem",
    "PromptSet",
    "builtin_prompts_dir",
    "check_files",
    "load_library",
    "load_prompt_file",
]
