"""The supervision log a clinician hands to an accrediting body or an employer
(``reflect supervision log``): each meeting's date, minutes, counted minutes, format,
functions, summary, and the actions agreed with their outcome; totals per month and for
the period. What the clinician brought and took away only ``with_notes``.

Markdown or CSV, from plain records; run the identifier check
(:mod:`reflect_tui.export.supervision_check`) on the meetings first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reflect_tui.core.records import ActionRecord
from reflect_tui.core.supervision import MeetingRecord

LOG_FORMATS = ("markdown", "csv")


@dataclass(frozen=True)
class Total:
    """Meetings, minutes and counted minutes of one month (``"2026-03"``) or a period."""

    label: str
    meetings: int
    minutes: int
    counted: int


def totals(meetings: Sequence[MeetingRecord]) -> tuple[list[Total], Total]:
    """The totals of each month with a meeting, oldest first, and of them all."""
    months: dict[str, list[MeetingRecord]] = {}
    for meeting in sorted(meetings, key=lambda m: m.day):
        months.setdefault(meeting.day.strftime("%Y-%m"), []).append(meeting)

    def total(label: str, group: Sequence[MeetingRecord]) -> Total:
        return Total(
            label, len(group), sum(m.minutes for m in group), sum(m.counted_minutes for m in group)
        )

    return [total(month, group) for month, group in months.items()], total("period", meetings)


def outcome(action: ActionRecord) -> str:
    """An action agreed and how it went: "Book a slot (done: booked for April)"."""
    said = action.status + (f": {action.follow_up}" if action.follow_up.strip() else "")
    return f"{action.text} ({said})"


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "every meeting recorded"
    return f"{start.isoformat() if start else 'the first meeting'} to " + (
        end.isoformat() if end else "today"
    )


def _hours(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_log(
    meetings: Sequence[MeetingRecord],
    fmt: str,
    *,
    start: date | None = None,
    end: date | None = None,
    with_notes: bool = False,
    clinician_name: str = "",
    target: int = 0,
) -> str:
    if fmt == "csv":
        return _csv(meetings, with_notes)
    return _markdown(meetings, start, end, with_notes, clinician_name, target)


def _markdown(
    meetings: Sequence[MeetingRecord],
    start: date | None,
    end: date | None,
    with_notes: bool,
    clinician_name: str,
    target: int,
) -> str:
    lines = ["# Supervision log", ""]
    if clinician_name.strip():
        lines.append(f"Clinician: {clinician_name.strip()}  ")
    lines += [f"Period: {_period(start, end)}", ""]
    lines += [
        "| Date | Minutes | Counted | Format | With | Functions | Summary | Actions agreed |",
        "|---|---:|---:|---|---|---|---|---|",
    ]
    for m in meetings:
        actions = "; ".join(_cell(outcome(a)) for a in m.actions) or "none"
        cells = [m.day.isoformat(), str(m.minutes), str(m.counted_minutes), m.format]
        cells += [_cell(m.who) or "-", ", ".join(m.functions) or "-", _cell(m.summary) or "-"]
        lines.append("| " + " | ".join([*cells, actions]) + " |")
    months, period = totals(meetings)
    lines += ["", "## Totals", ""]
    if target:
        lines += [f"Target: {target} counted minutes a month.", ""]
    lines += [
        "| Month | Meetings | Minutes | Counted | Counted (hours) |",
        "|---|---:|---:|---:|---|",
    ]
    for t in [*months, period]:
        label = "Whole period" if t is period else t.label
        lines.append(
            f"| {label} | {t.meetings} | {t.minutes} | {t.counted} | {_hours(t.counted)} |"
        )
    lines += [
        "",
        "Counted minutes: individual and peer time in full, group time by the share set in",
        "reflect's settings when the meeting was recorded.",
    ]
    if with_notes:
        lines += ["", "## Notes"]
        for m in meetings:
            lines += ["", f"### {m.day.isoformat()} {m.summary}".rstrip(), ""]
            lines += [
                f"What I brought: {m.brought or '-'}",
                "",
                f"What I took away: {m.took_away or '-'}",
            ]
    return "\n".join(lines) + "\n"


def _csv(meetings: Sequence[MeetingRecord], with_notes: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header = ["row", "date", "meetings", "minutes", "counted_minutes", "format", "with"]
    header += ["functions", "summary", "actions"]
    header += ["brought", "took_away"] if with_notes else []
    writer.writerow(header)
    for m in meetings:
        row = ["meeting", m.day.isoformat(), 1, m.minutes, m.counted_minutes, m.format, m.who]
        row += [" ".join(m.functions), m.summary, "; ".join(outcome(a) for a in m.actions)]
        row += [m.brought, m.took_away] if with_notes else []
        writer.writerow(row)
    months, period = totals(meetings)
    for t in [*months, period]:
        kind = "period" if t is period else "month"
        row = [kind, "" if t is period else t.label, t.meetings, t.minutes, t.counted]
        writer.writerow(row + [""] * (len(header) - len(row)))
    return out.getvalue()
