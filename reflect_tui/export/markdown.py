"""The supervision document as Markdown (CommonMark), readable raw and rendered.

The clinician's text keeps its paragraphs and lists; only what could break the outline
(a line starting with ``#``, a setext underline) or vanish when rendered (``<tags>``)
is escaped.
"""

from __future__ import annotations

import re

from reflect_tui.core.identity import export_intro, map_rows
from reflect_tui.export.document import ActionLine, SupervisionDocument

_INLINE_SPECIAL = re.compile(r"[\\`*_<]|\](?=[(\[:])|^[#>+=-]")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])")
_SETEXT = re.compile(r"^(\s*)([=-])(?=[=\-\s]*$)")


def _escape(match: re.Match[str]) -> str:
    return "\\" + match.group(0)


def inline(text: str) -> str:
    """Text for a heading, list item or emphasis: one line, every markup sign escaped."""
    escaped = _INLINE_SPECIAL.sub(_escape, " ".join(text.split()))
    if escaped[:1].isdigit() and (number := _LIST_NUMBER.match(escaped)) is not None:
        return f"{number.group(1)}\\{number.group(2)}{escaped[number.end() :]}"
    return escaped


def block(text: str) -> str:
    """A free-text answer: its own lists and emphasis kept, structure-breaking marks escaped."""
    # Most answers are one paragraph with nothing to escape: kept as they are (substring
    # tests, not a regular expression: 0.3 against 2 microseconds an answer).
    plain = "\n" not in text and "\\" not in text and "<" not in text
    if plain and not text.lstrip().startswith(("#", "=", "-")):
        return text
    return _escape_lines(text)


def _escape_lines(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = line.replace("\\", "\\\\").replace("<", "\\<")
        stripped = line.lstrip()
        if stripped.startswith("#"):
            line = line[: len(line) - len(stripped)] + "\\" + stripped
        elif stripped.startswith(("=", "-")):
            line = _SETEXT.sub(r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line else "" for line in text.split("\n"))


def _action(line: ActionLine) -> list[str]:
    box = "[ ]" if line.status == "open" else "[x]"
    if line.status == "open":
        note = f"since {line.since}" if line.since else ""
    else:
        note = f"{line.status} {line.closed}".strip()
    out = [f"- {box} {inline(line.text)}" + (f" *({note})*" if note else "")]
    if line.follow_up:
        out.append("")
        out.append(_indent("**Follow-up:** " + block(line.follow_up), "  "))
    return out


def render_markdown(doc: SupervisionDocument) -> str:
    out: list[str] = [f"# {inline(doc.title)}", ""]
    out.append("*Confidential: prepared for clinical supervision.*")
    out.append("")
    if doc.clinician:
        out.append(f"- **Clinician:** {inline(doc.clinician)}")
    out.append(f"- **Period:** {inline(doc.period)}")
    if doc.selection:
        out.append(f"- **Selection:** {inline(' · '.join(doc.selection))}")
    out.append(f"- **Prepared:** {inline(doc.made_at_text)}")
    out.append("")

    if doc.agreed_on:
        out += ["## Last time we agreed", ""]
        out += [f"At supervision on {inline(doc.agreed_on)}:", ""] if doc.agreed else []
        for action in doc.agreed:
            out += _action(action)
        if not doc.agreed:
            out.append(f"No actions were agreed at supervision on {inline(doc.agreed_on)}.")
        out.append("")

    out += ["## Agenda", ""]
    if doc.agenda:
        out += ["Questions to bring to supervision:", ""]
        for number, item in enumerate(doc.agenda, 1):
            marker = f"{number}. "
            pad = " " * len(marker)
            lead = f"**{inline(item.prompt)}** " if item.prompt else ""
            out.append(marker + lead + _indent(block(item.question), pad).lstrip())
            context = " · ".join(part for part in (item.when, item.theme) if part)
            out.append(f"{pad}*{inline(context)}*")
            out.append("")
    else:
        out += ["No questions were written for supervision in this period.", ""]

    if doc.identity_map is not None:
        out += ["## My identity map", "", f"*{inline(export_intro(doc.identity_map))}*", ""]
        out += [
            f"- **{inline(name)}:** {inline(words)}" for name, words in map_rows(doc.identity_map)
        ]
        if doc.identity_map.note.strip():
            out += ["", f"What had changed: {inline(doc.identity_map.note)}"]
        out.append("")

    out += ["## Reflections by theme", ""]
    if not doc.sections:
        out += ["No reflections match this selection.", ""]
    quoted: dict[str, str] = {}  # prompts repeat in every reflection: each escaped once
    for section in doc.sections:
        out += [
            f"### {inline(section.theme.title)}",
            "",
            f"*{inline(section.theme.description)}*",
            "",
        ]
        for first, entries in section.grouped():
            heading = f"{first.when} · {first.set_title}" + (" · flagged" if first.flagged else "")
            out += [f"#### {inline(heading)}", ""]
            for entry in entries:
                if entry.prompt:
                    prompt = quoted.get(entry.prompt)
                    if prompt is None:
                        prompt = quoted[entry.prompt] = f"> {inline(entry.prompt)}"
                    out += [prompt, ""]
                out += [block(entry.answer), ""]

    out += ["## Action items", ""]
    if not doc.open_actions and not doc.closed_actions:
        out += ["No action items.", ""]
    if doc.open_actions:
        out += ["### Open", ""]
        for action in doc.open_actions:
            out += _action(action)
        out.append("")
    if doc.closed_actions:
        out += ["### Closed in this period", ""]
        for action in doc.closed_actions:
            out += _action(action)
        out.append("")

    out += ["---", ""]
    for paragraph in doc.footer:
        out += [f"*{inline(paragraph)}*", ""]
    return "\n".join(out).rstrip("\n") + "\n"
