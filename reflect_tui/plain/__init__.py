"""The guided session as plain lines of text: ``reflect write`` and ``reflect --plain``.

For a screen reader, a braille display, a slow ssh link or a plain terminal: every
line is printed once, in order, and never redrawn; no colour, no cursor movement, no
box drawing. The same journal service as the app, the same prompt sets, the same
follow-ups of open actions, the same resume. Imports the journal, the prompt sets and
core, never Textual or the ui.
"""

from reflect_tui.plain.lines import Interrupted, Lines, interruptible
from reflect_tui.plain.session import write_reflection

__all__ = ["Interrupted", "Lines", "interruptible", "write_reflection"]
