"""The supervision document as one self-contained HTML file, for screen and paper.

Everything is inline (no scripts, fonts, images or links to load); a Content Security
Policy says so to the browser as well. Every piece of text goes through
:func:`html.escape`, and the markup is XHTML-compatible, so an XML parser reads it.
"""

from __future__ import annotations

from html import escape

from reflect_tui.core.identity import export_intro, map_rows
from reflect_tui.export.document import ActionLine, SupervisionDocument

_CSS = """
:root { color-scheme: light; --ink: #1d232a; --muted: #5b6570; --rule: #d5dbe1;
  --accent: #2f5d62; --paper: #fdfcf9; --card: #ffffff; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 17px/1.6 Georgia, "Iowan Old Style", "Palatino Linotype", serif; }
main { max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1, h2, h3, h4 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .75rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.1rem; margin: 2rem 0 .2rem; }
.confidential { margin: 0 0 1rem; color: var(--muted); font-style: italic; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: 0; font-size: .95rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.theme-note { margin: 0 0 1rem; color: var(--muted); font-style: italic; }
.agenda li { margin-bottom: .9rem; }
.agenda-prompt { margin: 0; font-weight: 600; font-size: .95rem; }
.agenda .context, .when { color: var(--muted); font-size: .9rem; }
.reflection { background: var(--card); border: 1px solid var(--rule);
  border-left: 4px solid var(--accent); border-radius: 4px; padding: .8rem 1.1rem;
  margin: 0 0 1rem; }
.reflection h4 { margin: 0 0 .4rem; font-size: .9rem; font-weight: 600; color: var(--muted); }
.flag { color: #8a4b08; }
.prompt { margin: 0 0 .6rem; padding-left: .8rem; border-left: 2px solid var(--rule);
  font-style: italic; }
.answer p, .question p { margin: 0 0 .6rem; }
.answer ul { margin: 0 0 .6rem; padding-left: 1.4rem; }
.reflection .prompt ~ .prompt { margin-top: 1rem; }
.answer p:last-child, .question p:last-child { margin-bottom: 0; }
.actions { list-style: none; padding-left: 0; }
.actions li { margin-bottom: .6rem; padding-left: 1.8rem; text-indent: -1.8rem; }
.actions .follow-up { display: block; text-indent: 0; margin-top: .2rem; }
.empty { color: var(--muted); }
footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule);
  color: var(--muted); font-size: .85rem; }
footer p { margin: 0 0 .5rem; }
@media print {
  @page { margin: 2cm 1.8cm; }
  body { background: #fff; color: #000; font-size: 11pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  h2 { color: #000; border-bottom-color: #000; break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .reflection { border: none; border-left: 2pt solid #000; border-radius: 0;
    padding: 0 0 0 .8em; break-inside: avoid; page-break-inside: avoid; }
  .agenda li, .actions li { break-inside: avoid; page-break-inside: avoid; }
  .meta dt, .theme-note, .when, .agenda .context, footer, .confidential { color: #333; }
  .flag { color: #000; }
}
"""


def _is_bullet(line: str) -> bool:
    return line.lstrip()[:2] in {"- ", "* ", "• "}


def _block(lines: list[str]) -> str:
    """One paragraph: runs of "- " lines become a list, other line breaks are kept."""
    out: list[str] = []
    text: list[str] = []
    items: list[str] = []
    for line in [*lines, ""]:
        if line and _is_bullet(line):
            if text:
                out.append("<p>" + "<br />".join(text) + "</p>")
                text = []
            items.append(f"<li>{escape(line.lstrip()[2:].strip())}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            text.append(escape(line))
    if text:
        out.append("<p>" + "<br />".join(text) + "</p>")
    return "".join(out)


def _paragraphs(text: str) -> str:
    """Blank lines separate paragraphs; single line breaks are kept; "- " lines are lists."""
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return "".join(_block(b.strip("\n").split("\n")) for b in blocks)


def _action(line: ActionLine) -> str:
    box = "☐" if line.status == "open" else "☑"
    if line.status == "open":
        note = f"since {line.since}" if line.since else ""
    else:
        note = f"{line.status} {line.closed}".strip()
    parts = [f"<li>{box} {escape(line.text)}"]
    if note:
        parts.append(f' <span class="when">({escape(note)})</span>')
    if line.follow_up:
        parts.append(
            '<span class="follow-up"><strong>Follow-up:</strong> '
            + "<br />".join(escape(x) for x in line.follow_up.split("\n"))
            + "</span>"
        )
    parts.append("</li>")
    return "".join(parts)


def render_html(doc: SupervisionDocument) -> str:
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\" />",
        '<meta name="robots" content="noindex, nofollow" />',
        f"<title>{escape(doc.title)} · {escape(doc.period)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{escape(doc.title)}</h1>",
        '<p class="confidential">Confidential: prepared for clinical supervision.</p>',
        '<dl class="meta">',
    ]
    meta = [("Clinician", doc.clinician), ("Period", doc.period)]
    if doc.selection:
        meta.append(("Selection", " · ".join(doc.selection)))
    meta.append(("Prepared", doc.made_at_text))
    out += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in meta if v]
    out += ["</dl>", "</header>"]

    if doc.agreed_on:
        out += ['<section id="agreed">', "<h2>Last time we agreed</h2>"]
        if doc.agreed:
            out += [f"<p>At supervision on {escape(doc.agreed_on)}:</p>", '<ul class="actions">']
            out += [_action(a) for a in doc.agreed] + ["</ul>"]
        else:
            out.append(
                f'<p class="empty">No actions were agreed at supervision on '
                f"{escape(doc.agreed_on)}.</p>"
            )
        out.append("</section>")

    out += ['<section id="agenda">', "<h2>Agenda</h2>"]
    if doc.agenda:
        out += ["<p>Questions to bring to supervision:</p>", '<ol class="agenda">']
        for item in doc.agenda:
            context = " · ".join(part for part in (item.when, item.theme) if part)
            lead = f'<p class="agenda-prompt">{escape(item.prompt)}</p>' if item.prompt else ""
            out.append(
                f'<li>{lead}<div class="question">{_paragraphs(item.question)}</div>'
                f'<span class="context">{escape(context)}</span></li>'
            )
        out.append("</ol>")
    else:
        out.append('<p class="empty">No questions were written for supervision in this period.</p>')
    out.append("</section>")

    if doc.identity_map is not None:
        out += ['<section id="identity-map">', "<h2>My identity map</h2>"]
        out.append(f'<p class="theme-note">{escape(export_intro(doc.identity_map))}</p>')
        out.append("<dl>")
        for name, words in map_rows(doc.identity_map):
            out.append(f"<dt>{escape(name)}</dt><dd>{escape(words)}</dd>")
        out.append("</dl>")
        if doc.identity_map.note.strip():
            out.append(f"<p>What had changed: {escape(doc.identity_map.note)}</p>")
        out.append("</section>")

    out += ['<section id="reflections">', "<h2>Reflections by theme</h2>"]
    if not doc.sections:
        out.append('<p class="empty">No reflections match this selection.</p>')
    for section in doc.sections:
        out += [
            f'<section class="theme" id="theme-{escape(section.theme.slug)}">',
            f"<h3>{escape(section.theme.title)}</h3>",
            f'<p class="theme-note">{escape(section.theme.description)}</p>',
        ]
        for first, entries in section.grouped():
            flag = ' · <span class="flag">flagged</span>' if first.flagged else ""
            out.append('<article class="reflection">')
            out.append(f"<h4>{escape(first.when)} · {escape(first.set_title)}{flag}</h4>")
            for entry in entries:
                if entry.prompt:
                    out.append(f'<p class="prompt">{escape(entry.prompt)}</p>')
                out.append(f'<div class="answer">{_paragraphs(entry.answer)}</div>')
            out.append("</article>")
        out.append("</section>")
    out.append("</section>")

    out += ['<section id="actions">', "<h2>Action items</h2>"]
    if not doc.open_actions and not doc.closed_actions:
        out.append('<p class="empty">No action items.</p>')
    if doc.open_actions:
        out += ["<h3>Open</h3>", '<ul class="actions">']
        out += [_action(a) for a in doc.open_actions] + ["</ul>"]
    if doc.closed_actions:
        out += ["<h3>Closed in this period</h3>", '<ul class="actions">']
        out += [_action(a) for a in doc.closed_actions] + ["</ul>"]
    out.append("</section>")

    out.append("<footer>")
    out += [f"<p>{escape(paragraph)}</p>" for paragraph in doc.footer]
    out += ["</footer>", "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
