"""The supervision document as plain text, wrapped for reading or pasting anywhere."""

from __future__ import annotations

import textwrap

from reflect_tui.core.identity import export_intro, map_rows
from reflect_tui.export.document import ActionLine, SupervisionDocument

WIDTH = 78


def _wrap(text: str, indent: str = "", first: str | None = None) -> list[str]:
    """Wrap each paragraph (lines kept, blank lines between paragraphs kept)."""
    out: list[str] = []
    lead = indent if first is None else first
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
            continue
        # Keep the clinician's own list indentation on continuation lines.
        inner = " " * (len(line) - len(line.lstrip()))
        wrapped = textwrap.wrap(
            line.strip(),
            WIDTH,
            initial_indent=lead + inner,
            subsequent_indent=indent + inner + ("  " if line.lstrip()[:2] in {"- ", "* "} else ""),
            break_long_words=False,
            break_on_hyphens=False,
        )
        out.extend(wrapped)
        lead = indent
    return out


def _heading(title: str, rule: str) -> list[str]:
    return [title, rule * len(title), ""]


def _action(line: ActionLine) -> list[str]:
    box = "[ ]" if line.status == "open" else "[x]"
    if line.status == "open":
        note = f" (since {line.since})" if line.since else ""
    else:
        note = f" ({line.status} {line.closed})".replace(" )", ")")
    out = _wrap(line.text + note, "      ", f"  {box} ")
    if line.follow_up:
        out += _wrap("Follow-up: " + line.follow_up, "      ")
    return out


def render_text(doc: SupervisionDocument) -> str:
    out = _heading(doc.title.upper(), "=")
    out += ["Confidential: prepared for clinical supervision.", ""]
    if doc.clinician:
        out.append(f"Clinician:  {doc.clinician}")
    out.append(f"Period:     {doc.period}")
    if doc.selection:
        out += _wrap(" · ".join(doc.selection), "            ", "Selection:  ")
    out += [f"Prepared:   {doc.made_at_text}", "", ""]

    if doc.agreed_on:
        out += _heading("LAST TIME WE AGREED", "-")
        if doc.agreed:
            out += [f"At supervision on {doc.agreed_on}:"]
            out += [line for a in doc.agreed for line in _action(a)]
        else:
            out.append(f"No actions were agreed at supervision on {doc.agreed_on}.")
        out += ["", ""]

    out += _heading("AGENDA", "-")
    if doc.agenda:
        out += ["Questions to bring to supervision:", ""]
        for number, item in enumerate(doc.agenda, 1):
            marker = f"{number:>2}. "
            lead = f"{item.prompt} " if item.prompt else ""
            out += _wrap(lead + item.question, "    ", marker)
            context = " · ".join(part for part in (item.when, item.theme) if part)
            out += [f"    ({context})", ""]
    else:
        out += ["No questions were written for supervision in this period.", ""]
    out.append("")

    if doc.identity_map is not None:
        out += _heading("MY IDENTITY MAP", "-")
        out += [*_wrap(export_intro(doc.identity_map)), ""]
        for name, words in map_rows(doc.identity_map):
            out += _wrap(words, "    ", f"{name}: ")
        if doc.identity_map.note.strip():
            out += ["", *_wrap(f"What had changed: {doc.identity_map.note}")]
        out += ["", ""]

    out += _heading("REFLECTIONS BY THEME", "-")
    if not doc.sections:
        out += ["No reflections match this selection.", "", ""]
    for section in doc.sections:
        out += [section.theme.title, "~" * len(section.theme.title)]
        out += [*_wrap(section.theme.description), ""]
        for first, entries in section.grouped():
            heading = f"{first.when} · {first.set_title}" + (" · flagged" if first.flagged else "")
            out += _wrap(heading, "  ", "* ")
            for entry in entries:
                if entry.prompt:
                    out += _wrap(entry.prompt, "     ", "  Q: ")
                out.append("")
                out += _wrap(entry.answer, "     ")
                out.append("")
        out.append("")

    out += _heading("ACTION ITEMS", "-")
    if not doc.open_actions and not doc.closed_actions:
        out += ["No action items.", ""]
    if doc.open_actions:
        out += ["Open:"] + [line for a in doc.open_actions for line in _action(a)] + [""]
    if doc.closed_actions:
        out += ["Closed in this period:"]
        out += [line for a in doc.closed_actions for line in _action(a)] + [""]

    out += ["", "-" * WIDTH]
    for paragraph in doc.footer:
        out += [*_wrap(paragraph), ""]
    return "\n".join(out).rstrip("\n") + "\n"
