"""One entry point from a document to the text of any export format (named so that
``reflect_tui.export.render`` stays the function, which the package loads on first use).

Each format's module is loaded when it is asked for: JSON's brings pydantic (for the
import side of the format), which a Markdown export need not wait for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from reflect_tui.export.formats import EXTENSIONS, FORMATS, Format

if TYPE_CHECKING:
    from reflect_tui.export.document import SupervisionDocument

__all__ = ["EXTENSIONS", "FORMATS", "Format", "render"]

#: Each format's module (in this package) and the function in it that renders it.
_RENDERERS: dict[Format, tuple[str, str]] = {
    "markdown": ("markdown", "render_markdown"),
    "html": ("html", "render_html"),
    "json": ("json_format", "render_json"),
    "text": ("text", "render_text"),
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
        module, name = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(
            f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}."
        ) from None
    renderer: Callable[[SupervisionDocument], str] = getattr(
        importlib.import_module(f"reflect_tui.export.{module}"), name
    )
    return renderer(document)
