"""One entry point from a document to the text of any export format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from reflect_tui.export.document import SupervisionDocument
from reflect_tui.export.html import render_html
from reflect_tui.export.json_format import render_json
from reflect_tui.export.markdown import render_markdown
from reflect_tui.export.text import render_text

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

_RENDERERS: dict[Format, Callable[[SupervisionDocument], str]] = {
    "markdown": render_markdown,
    "html": render_html,
    "json": render_json,
    "text": render_text,
}


def render(
    document: SupervisionDocument, fmt: Format = "markdown", *, passphrase: str | None = None
) -> str:
    """The document in ``fmt``; JSON holds the complete selected records.

    ``sealed`` (the HTML page that opens only with ``passphrase``) needs the passphrase;
    the other formats are plaintext and take none.
    """
    if fmt == "sealed":
        if passphrase is None:
            raise ValueError("A sealed share needs a passphrase.")
        from reflect_tui.export.sealed import seal_document  # cryptography: only when asked

        return seal_document(document, passphrase)
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        ) from None
    return renderer(document)
