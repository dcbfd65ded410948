"""The identifier check over records: what an export would write, field by field.

Everything that leaves is scanned: set titles, prompts, answers, tags, action items and
their follow-ups. Findings carry the local date of the reflection they are in, so the
clinician can find and fix them. Redaction rewrites the records themselves, so every
format (including JSON) is redacted the same way.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum

from reflect_tui.core.records import ActionRecord, AnswerRecord, SessionRecord
from reflect_tui.export.identifiers import Kind, Scanner, describe_kind
from reflect_tui.export.selection import local_date, session_day


@dataclass(frozen=True)
class RecordFinding:
    """One identifier found in the records an export would write."""

    #: Local date of the reflection (or action item) it is in, if known.
    day: date | None
    #: Which field: "answer", "prompt", "set title", "tag", "action" or "follow-up".
    where: str
    kind: Kind
    #: The text around it, with it (and any other identifier nearby) masked.
    excerpt: str
    #: Where its label is in ``excerpt``, to highlight it.
    focus: tuple[int, int] = (0, 0)
    #: For a possible name, the word (to mark it as fine); "" for every other kind.
    word: str = ""

    def marked_excerpt(self, left: str = "»", right: str = "«") -> str:
        """The excerpt with this finding's label between markers."""
        start, end = self.focus
        return self.excerpt[:start] + left + self.excerpt[start:end] + right + self.excerpt[end:]


class CheckStatus(StrEnum):
    CLEAN = "clean"
    REDACTED = "redacted"
    ALLOWED = "allowed"


@dataclass(frozen=True)
class IdentifierCheck:
    """The outcome of the check, as the document's footer reports it."""

    status: CheckStatus = CheckStatus.CLEAN
    counts: tuple[tuple[Kind, int], ...] = ()

    @classmethod
    def from_findings(
        cls, findings: Iterable[RecordFinding], status: CheckStatus
    ) -> IdentifierCheck:
        counted = Counter(f.kind for f in findings)
        if not counted:
            return cls(CheckStatus.CLEAN)
        return cls(status, tuple((kind, counted[kind]) for kind in Kind if counted[kind]))

    @property
    def total(self) -> int:
        return sum(count for _, count in self.counts)

    def describe_counts(self) -> str:
        """E.g. "2 phone numbers and 1 watch-list word"."""
        phrases = [describe_kind(kind, count) for kind, count in self.counts]
        if len(phrases) <= 1:
            return "".join(phrases)
        return ", ".join(phrases[:-1]) + " and " + phrases[-1]


@dataclass
class KnownSpans:
    """The vault's findings cache as the check uses it (see
    :mod:`reflect_tui.export.identifiers.cached`): entries by text digest, and the
    entries the check had to compute for texts it lacked (which a writer may keep)."""

    entries: Mapping[bytes, str]
    learned: dict[bytes, str] = field(default_factory=dict)
    #: The writer's count of texts gone when ``entries`` was read (see
    #: :attr:`reflect_tui.journal.findings_cache.FindingsCache.generation`).
    generation: int = 0

    def scanner(self, watch_words: Iterable[str], fine_words: Iterable[str]) -> Scanner:
        return Scanner(watch_words, fine_words, cached=self.entries)

    def keep(self, scanner: Scanner) -> None:
        self.learned.update(scanner.computed)


def _scanner(
    known: KnownSpans | None, watch_words: Iterable[str], fine_words: Iterable[str]
) -> Scanner:
    if known is None:
        return Scanner(watch_words, fine_words)
    return known.scanner(watch_words, fine_words)


def _day(moment: datetime | None, tz: tzinfo | None) -> date | None:
    return None if moment is None else local_date(moment, tz)


_ACTION_FIELDS = frozenset({"action", "follow-up"})


class _Walker:
    """Visits every exported text field, collecting findings and (optionally) redacting."""

    def __init__(self, scanner: Scanner, tz: tzinfo | None, rewrite: bool) -> None:
        self.scanner = scanner
        self.tz = tz
        self.rewrite = rewrite
        self.findings: list[RecordFinding] = []
        self._seen: set[RecordFinding] = set()
        #: Texts that hold nothing (prompts and titles repeat in every reflection).
        self._clear: set[str] = set()

    def text(self, value: str, where: str, day: date | None) -> str:
        if value in self._clear:
            return value
        if self.rewrite:
            redacted, found = self.scanner.redact(value)
        else:
            redacted, found = value, self.scanner.find(value)
        if not found:
            self._clear.add(value)
        for finding in found:
            record = RecordFinding(
                day, where, finding.kind, finding.excerpt, finding.focus, finding.word
            )
            # An action is listed in its reflection and in the action list, where its day
            # may differ (the reflection's zone against this computer's): report it once.
            seen = dataclasses.replace(record, day=None) if where in _ACTION_FIELDS else record
            if seen not in self._seen:
                self._seen.add(seen)
                self.findings.append(record)
        return redacted if self.rewrite else value

    def tags(self, tags: tuple[str, ...], day: date | None) -> tuple[str, ...]:
        if not tags:
            return tags
        # A tag that is (or holds) an identifier is dropped rather than relabelled.
        return tuple(tag for tag in tags if self.text(tag, "tag", day) == tag or not self.rewrite)

    def answer(self, answer: AnswerRecord, day: date | None) -> AnswerRecord:
        if not self.rewrite:
            self.text(answer.prompt_text, "prompt", day)
            self.text(answer.text, "answer", day)
            self.tags(answer.tags, day)
            return answer
        return dataclasses.replace(
            answer,
            prompt_text=self.text(answer.prompt_text, "prompt", day),
            text=self.text(answer.text, "answer", day),
            tags=self.tags(answer.tags, day),
        )

    def action(self, action: ActionRecord, day: date | None) -> ActionRecord:
        """``day``: the reflection's, for an action made in one (it is dated like the
        rest of the reflection); otherwise the local date it was made on."""
        day = day or _day(action.created, self.tz)
        if not self.rewrite:
            self.text(action.text, "action", day)
            self.text(action.follow_up, "follow-up", day)
            return action
        return dataclasses.replace(
            action,
            text=self.text(action.text, "action", day),
            follow_up=self.text(action.follow_up, "follow-up", day),
        )

    def session(self, session: SessionRecord) -> SessionRecord:
        day = session_day(session, self.tz)
        if not self.rewrite:  # a check only: nothing to copy (10,000 answers: 15 ms)
            self.text(session.set_title, "set title", day)
            for answer in session.answers:
                self.answer(answer, day)
            for action in session.actions:
                self.action(action, day)
            return session
        return dataclasses.replace(
            session,
            set_title=self.text(session.set_title, "set title", day),
            answers=tuple(self.answer(a, day) for a in session.answers),
            actions=tuple(self.action(a, day) for a in session.actions),
        )


def scan_records(
    sessions: Sequence[SessionRecord],
    actions: Sequence[ActionRecord] = (),
    watch_words: Iterable[str] = (),
    *,
    tz: tzinfo | None = None,
    fine_words: Iterable[str] = (),
    known: KnownSpans | None = None,
) -> list[RecordFinding]:
    """Every identifier in what an export of these records and actions would write
    (the same with ``known``, the vault's findings cache, only sooner)."""
    scanner = _scanner(known, watch_words, fine_words)
    walker = _Walker(scanner, tz, rewrite=False)
    for session in sessions:
        walker.session(session)
    for action in actions:
        walker.action(action, None)
    if known is not None:
        known.keep(scanner)
    return walker.findings


def redact_records(
    sessions: Sequence[SessionRecord],
    actions: Sequence[ActionRecord] = (),
    watch_words: Iterable[str] = (),
    *,
    tz: tzinfo | None = None,
    fine_words: Iterable[str] = (),
    known: KnownSpans | None = None,
) -> tuple[list[SessionRecord], list[ActionRecord], list[RecordFinding]]:
    """The records with every identifier replaced by its label, and what was replaced."""
    scanner = _scanner(known, watch_words, fine_words)
    walker = _Walker(scanner, tz, rewrite=True)
    new_sessions = [walker.session(session) for session in sessions]
    new_actions = [walker.action(action, None) for action in actions]
    if known is not None:
        known.keep(scanner)
    return new_sessions, new_actions, walker.findings
