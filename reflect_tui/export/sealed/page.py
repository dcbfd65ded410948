"""The sealed share as one HTML page: a passphrase box, a script, and the sealed payload.

Nothing of the document is outside the payload, not even its title, the clinician's name
or the period. The page's Content Security Policy allows only its own script (by hash)
and inline styles, and no request of any kind: the browser refuses to load or send
anything, even if something were slipped into the page beside the script. (Whoever can
rewrite the whole file can rewrite the policy and the script too; ``reflect
open-share`` never runs the page's script, so it is safe with any file.)

The page is ASCII only, so a mail program or editor that changes its character set
changes nothing in it, and the script's hash still matches.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib import resources

from reflect_tui.export.sealed.payload import NotAShare, ShareDamaged

PAYLOAD_ID = "reflect-share"
PAYLOAD_TYPE = "application/x-reflect-share"
#: The payload's element, found by its id whatever the order or quoting of attributes.
_PAYLOAD = re.compile(
    rf"<script\b[^>]*\bid\s*=\s*[\"']?{PAYLOAD_ID}[\"']?[^>]*>([^<]*)</script>", re.I
)
_MARK = 'id="reflect-sealed-share"'
STILL_LOCKED = (
    "If this message stays, the file is incomplete or its script cannot run: ask the "
    "clinician to send it again."
)

_CSS = """
:root { color-scheme: light dark; --ink: #1d232a; --muted: #5b6570; --accent: #2f5d62;
  --paper: #fdfcf9; --problem: #9b2c1f; }
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e6e1; --muted: #a8b0b8; --accent: #8cc4c9; --paper: #161a1e;
    --problem: #f0a090; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 34rem; margin: 12vh auto 0; padding: 0 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; color: var(--accent); }
p { margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin: 1.5rem 0 .4rem; }
label.show { font-weight: normal; margin: .6rem 0 0; color: var(--muted); }
label.show input { flex: none; margin-right: .4rem; }
.row { display: flex; gap: .5rem; flex-wrap: wrap; }
input { flex: 1 1 16rem; font: inherit; padding: .55rem .7rem; border: 2px solid var(--muted);
  border-radius: 6px; background: transparent; color: inherit; }
input:focus, button:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
button { font: inherit; font-weight: 600; padding: .55rem 1.3rem; border: 0;
  border-radius: 6px; background: var(--accent); color: var(--paper); cursor: pointer; }
button:disabled, input:disabled { opacity: .55; cursor: default; }
#message { min-height: 3.2em; margin-top: .8rem; }
#message.problem { color: var(--problem); font-weight: 600; }
.small { color: var(--muted); font-size: .9rem; }
"""


@cache
def _script() -> str:
    return resources.files(__package__).joinpath("opener.js").read_text("utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
        "base-uri 'none'; form-action 'none'"
    )


def sealed_page(payload: bytes) -> str:
    """The whole page around ``payload`` (base64 in lines of 76, like MIME)."""
    script = _script()
    text = base64.b64encode(payload).decode("ascii")
    encoded = "\n".join(text[i : i + 76] for i in range(0, len(text), 76))
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8" />',
            '<meta name="viewport" content="width=device-width, initial-scale=1" />',
            f'<meta http-equiv="Content-Security-Policy" content="{_csp(script)}" />',
            '<meta name="referrer" content="no-referrer" />',
            '<meta name="robots" content="noindex, nofollow" />',
            "<title>Sealed supervision preparation</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            f"<main {_MARK}>",
            "<h1>Sealed supervision preparation</h1>",
            "<p>This file holds a clinician's reflections, prepared for clinical "
            "supervision and sealed with a passphrase. The clinician will have given you "
            "the passphrase separately, by voice or another message.</p>",
            '<form id="unlock" autocomplete="off">',
            '<label for="passphrase">Passphrase</label>',
            '<div class="row">',
            '<input id="passphrase" type="password" autocomplete="off" autocapitalize="none" '
            'spellcheck="false" aria-describedby="message" disabled="disabled" />',
            '<button id="open" type="submit" disabled="disabled">Open</button>',
            "</div>",
            '<label class="show"><input id="show" type="checkbox" /> Show the passphrase</label>',
            # Shown only if the script never runs (the file was cut short).
            f'<p id="message" role="status" aria-live="polite">{STILL_LOCKED}</p>',
            "</form>",
            '<p class="small">It opens here, on this computer: nothing is sent anywhere. '
            "Once open, it prints like any page. Close the tab when you are done.</p>",
            "<noscript><p><strong>Opening this file needs JavaScript, which is turned off "
            "in this browser.</strong> Turn it on for this page, or open the file with "
            "reflect: <code>reflect open-share FILE</code>.</p></noscript>",
            "</main>",
            f'<script id="{PAYLOAD_ID}" type="{PAYLOAD_TYPE}">',
            encoded,
            "</script>",
            f"<script>{script}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def payload_of(page: str) -> bytes:
    """The sealed payload of a share page; any other file is not a share."""
    found = _PAYLOAD.search(page)
    if found is None:
        raise ShareDamaged() if _MARK in page else NotAShare()
    text = "".join(found.group(1).split())
    try:  # the padding is optional, as it is to a browser's atob()
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except ValueError:
        raise ShareDamaged() from None
