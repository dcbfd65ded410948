"""A sealed share: the supervision document in one HTML file that opens with a passphrase.

    passphrase = new_share_passphrase()
    page = seal_document(document, passphrase)      # write it like any export
    opened = open_share(page, passphrase)           # OpenedShare(html=..., text=...)

The sealed plaintext is zlib-compressed (RFC 1950) UTF-8 JSON, ``{"format":
"reflect-share-document", "version": 1, "html": ..., "text": ...}``: the HTML export
exactly as it would be written, and the plain-text export, for opening in a terminal.
Compressed, both together take a third of the room of the HTML alone.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from reflect_tui.export.document import SupervisionDocument
from reflect_tui.export.html import render_html
from reflect_tui.export.sealed.page import payload_of, sealed_page
from reflect_tui.export.sealed.payload import (
    ITERATIONS,
    NotAShare,
    ShareDamaged,
    ShareError,
    ShareTooNew,
    WrongSharePassphrase,
    read_header,
    seal,
    spoken,
    unseal,
)
from reflect_tui.export.sealed.words import WORDS_IN_PASSPHRASE, new_share_passphrase
from reflect_tui.export.text import render_text

DOCUMENT_FORMAT = "reflect-share-document"
#: No document reflect writes comes near this; a crafted share cannot fill the memory.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

__all__ = [
    "WORDS_IN_PASSPHRASE",
    "NotAShare",
    "OpenedShare",
    "ShareDamaged",
    "ShareError",
    "ShareTooNew",
    "WrongSharePassphrase",
    "check_share",
    "new_share_passphrase",
    "open_share",
    "read_share_file",
    "seal_document",
    "spoken",
]


@dataclass(frozen=True)
class OpenedShare:
    html: str
    text: str


def seal_document(
    document: SupervisionDocument, passphrase: str, *, iterations: int = ITERATIONS
) -> str:
    """The share page holding ``document`` (as HTML and as text) sealed under ``passphrase``."""
    inner = {
        "format": DOCUMENT_FORMAT,
        "version": 1,
        "html": render_html(document),
        "text": render_text(document),
    }
    plaintext = zlib.compress(json.dumps(inner, ensure_ascii=False).encode("utf-8"))
    return sealed_page(seal(plaintext, passphrase, iterations=iterations))


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_DOCUMENT_BYTES)
    if inflater.unconsumed_tail or not inflater.eof:
        raise ValueError("not one whole zlib stream within the limit")
    return out


def _intact_payload(page: str) -> bytes:
    """The payload of a share page, checked; once the page holds a share's element,
    every fault in it is damage, never "not a share"."""
    payload = payload_of(page)
    try:
        read_header(payload)
    except NotAShare:
        raise ShareDamaged() from None
    return payload


def check_share(page: str) -> None:
    """Raise the :class:`ShareError` for a page that is no intact share (no passphrase needed)."""
    _intact_payload(page)


def open_share(page: str, passphrase: str) -> OpenedShare:
    """What a share page holds, or the :class:`ShareError` that says why not."""
    plaintext = unseal(_intact_payload(page), passphrase)
    try:
        inner = json.loads(_inflate(plaintext).decode("utf-8"))
        if inner.get("format") != DOCUMENT_FORMAT:
            raise ShareDamaged()
        if inner.get("version") != 1:
            raise ShareTooNew(inner.get("version"))
        return OpenedShare(html=str(inner["html"]), text=str(inner["text"]))
    except (ValueError, KeyError, AttributeError, TypeError, zlib.error):
        # Authentic but not what reflect seals: made by something else with this format.
        raise ShareDamaged() from None


def read_share_file(path: Path) -> str:
    """The text of a share file; a folder, a missing file or binary data is not a share.

    Only the page's ASCII matters, so any byte is read as one character (Latin-1): a
    copy saved in another 8-bit character set still opens. A UTF-16 copy is decoded.
    """
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:  # a video, a disk image: not a share
            raise NotAShare()
        data = path.read_bytes()
    except FileNotFoundError:
        raise ShareError(f"There is no file at {path}; check the name.") from None
    except IsADirectoryError:
        raise ShareError(f"{path} is a folder, not a sealed share.") from None
    except OSError as exc:
        raise ShareError(f"Could not read {path} ({exc.strerror or exc}).") from None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotAShare() from None
    return data.decode("latin-1")
