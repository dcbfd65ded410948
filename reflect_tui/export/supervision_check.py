"""The identifier check over supervision meetings: on who a meeting was with (a role or
initials only, never a full name) and on whatever a supervision log would write.

The same :class:`~reflect_tui.export.identifiers.Scanner` as an export, with the
clinician's watch list and fine words; findings are :class:`RecordFinding` rows, so the
command lists them exactly as it lists an export's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence

from reflect_tui.core.supervision import MeetingProblem, MeetingRecord
from reflect_tui.export.identifiers import Scanner
from reflect_tui.export.scan import RecordFinding

#: A title alone is a role ("Dr", "Prof"); with a name after it, the name is caught.
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sr", "fr", "rev"})
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")


def _unknown_capitalised(who: str, fine_words: Iterable[str]) -> str | None:
    """The first capitalised word in ``who`` that is not an ordinary word, a known term
    or one the clinician marked fine: in a field that holds only a role or initials, a
    single given name ("my supervisor Maria") is what such a word most likely is.
    Initials and acronyms ("JM", "J.M.", "CAMHS") are what the field asks for."""
    from reflect_tui.export.identifiers.word_lists import (
        fold,
        known_terms,
        name_words,
        ordinary_words,
    )

    fine = {form for w in fine_words for form in (fold(w), w.casefold())}
    ordinary: frozenset[str] | None = None
    for match in _WORD.finditer(who):
        word = match.group().rstrip(".")
        folded = fold(word)
        if not word[0].isupper() or word.replace(".", "").isupper() or folded in _TITLES:
            continue
        if ordinary is None:
            ordinary = ordinary_words()
        if folded in fine or word.casefold() in fine:
            continue
        if folded in name_words():
            return word
        forms = {folded, word.casefold()}  # the lists hold some words with their accents
        if not forms & ordinary and not forms & known_terms():
            return word
    return None


def check_who(who: str, watch_words: Iterable[str] = (), fine_words: Iterable[str] = ()) -> None:
    """:class:`MeetingProblem` when ``who`` holds a name or another identifier."""
    fine = tuple(fine_words)
    found = Scanner(watch_words, fine).find(who)
    if found:
        shown = found[0].word or who.strip()
    elif (word := _unknown_capitalised(who, fine)) is not None:
        shown = word
    else:
        return
    raise MeetingProblem(
        f"{shown!r} looks like a name or an identifier: give a role or initials "
        "(like 'clinical lead' or 'JM'; a word that is not a name can be written in "
        "lower case); nothing was saved.",
        "with",
    )


def _fields(meeting: MeetingRecord, with_notes: bool) -> list[tuple[str, str]]:
    fields = [("with", "who"), ("summary", "summary")]
    if with_notes:
        fields += [("brought", "brought"), ("took away", "took_away")]
    return fields


def redact_meetings(
    meetings: Sequence[MeetingRecord],
    watch_words: Iterable[str] = (),
    fine_words: Iterable[str] = (),
    *,
    with_notes: bool = False,
    rewrite: bool = False,
) -> tuple[list[MeetingRecord], list[RecordFinding]]:
    """Every identifier in what a log of these meetings would write (with ``rewrite``,
    the meetings with each replaced by its label)."""
    scanner = Scanner(watch_words, fine_words)
    findings: list[RecordFinding] = []

    def text(value: str, where: str, meeting: MeetingRecord) -> str:
        redacted, found = scanner.redact(value)
        findings.extend(
            RecordFinding(meeting.day, where, f.kind, f.excerpt, f.focus, f.word) for f in found
        )
        return redacted if rewrite else value

    result = []
    for meeting in meetings:
        changes: dict[str, object] = {
            attr: text(getattr(meeting, attr), where, meeting)
            for where, attr in _fields(meeting, with_notes)
        }
        changes["actions"] = tuple(
            dataclasses.replace(
                action,
                text=text(action.text, "action", meeting),
                follow_up=text(action.follow_up, "follow-up", meeting),
            )
            for action in meeting.actions
        )
        result.append(dataclasses.replace(meeting, **changes))  # type: ignore[arg-type]
    return result, findings
