"""Reading a file to import: reflect's own JSON export, or jrnl's JSON export.

The whole file is parsed and validated before anything is handed to the journal, so a
bad file is refused with its reason and nothing is half-imported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path
from typing import Literal

from reflect_tui.core.records import SessionRecord
from reflect_tui.export.errors import ImportRefused
from reflect_tui.export.jrnl import is_jrnl_export, records_from_jrnl
from reflect_tui.export.json_format import is_reflect_export, records_from_json

#: Larger files are refused before reading (a decade of daily entries is ~40 MB of JSON).
MAX_IMPORT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class ImportedFile:
    source: Literal["reflect", "jrnl"]
    sessions: tuple[SessionRecord, ...]

    @property
    def source_name(self) -> str:
        return "a reflect export" if self.source == "reflect" else "a jrnl export"


def read_import(text: str, *, tz: tzinfo | None = None) -> ImportedFile:
    """Parse and validate the text of an export file."""
    try:
        return _read_import(text, tz)
    except RecursionError:
        # json and pydantic recurse per level: a hostile or broken file nested
        # thousands deep would otherwise end in an internal error.
        raise ImportRefused(
            "The file nests lists or objects thousands of levels deep, which no export "
            "does; it is damaged or not an export."
        ) from None


def _read_import(text: str, tz: tzinfo | None) -> ImportedFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            f"The file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    if is_reflect_export(data):
        return ImportedFile("reflect", tuple(records_from_json(data)))
    if is_jrnl_export(data):
        return ImportedFile("jrnl", tuple(records_from_jrnl(data, tz=tz)))
    raise ImportRefused(
        "The file is neither a reflect export nor a jrnl JSON export "
        "(make one with: jrnl --format json --file FILE)."
    )


def read_import_file(path: Path, *, tz: tzinfo | None = None) -> ImportedFile:
    """Read and validate a file to import, or :class:`ImportRefused` saying why not."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise ImportRefused(
                f"{path} is too large to be an export ({path.stat().st_size} bytes)."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ImportRefused(f"{path} is a folder, not an export file.") from None
    except OSError as exc:
        raise ImportRefused(f"{path} could not be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(f"{path} is not UTF-8 text, so it is not an export.") from None
    return read_import(text, tz=tz)


def _identity(session: SessionRecord) -> tuple[object, ...]:
    return (
        session.set_id,
        session.started,
        tuple((a.prompt_id, a.position, a.text) for a in session.answers),
    )


def split_duplicates(
    incoming: Sequence[SessionRecord], existing: Iterable[SessionRecord]
) -> tuple[list[SessionRecord], list[SessionRecord]]:
    """(new, already there): a session already in the vault is not imported twice."""
    seen = {_identity(session) for session in existing}
    fresh = [s for s in incoming if _identity(s) not in seen]
    duplicates = [s for s in incoming if _identity(s) in seen]
    return fresh, duplicates
