"""One entry point from a document to the text of any export format (named so that
``reflect_tui.export.render`` stays the function, which the package loads on first use)."""

from __future__ import annotations

from collections.abc import Callable

from reflect_tui.export.document import SupervisionDocument
from reflect_tui.export.formats import EXTENSIONS, FORMATS, Format
from reflect_tui.export.html import render_html
from reflect_tui.export.json_format import render_json
from reflect_tui.export.markdown import render_markdown
from reflect_tui.export.text import render_text

__all__ = ["EXTENSIONS", "FORMATS", "Format", "render"]

_RENDERERS: dict[Format, Callable[[SupervisionDocument], str]] = {
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
    "text": render_text,
}


def render(document: SupervisionDocument, fmt: Format = "markdown") -> str:
    """The document in ``fmt``; JSON holds the complete selected records."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        ) from None
    return renderer(document)
