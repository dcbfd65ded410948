"""The export formats by name, and each one's usual file name extension."""

from __future__ import annotations

from typing import Literal, get_args

Format = Literal["markdown", "html", "sealed", "json", "text"]
FORMATS: tuple[Format, ...] = get_args(Format)

#: The usual file name extension of each format (for suggesting a file name).
EXTENSIONS: dict[Format, str] = {
    "markdown": "md",
    "html": "html",
    "sealed": "html",
    "json": "json",
    "text": "txt",
}
