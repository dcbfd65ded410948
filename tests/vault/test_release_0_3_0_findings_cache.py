"""Release 0.3.0's vault (schema 6, with its change log) under schema 7, the findings
cache: it opens and migrates with everything it held, and its export is the same with
the cache as without, empty or filled."""

from __future__ import annotations

from pathlib import Path

from reflect_tui.export import DocumentOptions, IdentifierChoice, Selection, build_export, render
from reflect_tui.export import plan_export as plan
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import changelog, database
from tests.vault.test_release_0_3_0 import PASSPHRASE, _check, _copy


def _export(reader: JournalReader, *, cached: bool) -> tuple[str, tuple[object, ...]]:
    found = plan(
        reader.records(),
        reader.action_records(),
        Selection(),
        watch_words=reader.watch_words(),
        fine_words=reader.fine_words(),
        known=reader.known_spans() if cached else None,
    )
    document = build_export(found, IdentifierChoice.REDACT, DocumentOptions())
    return render(document, "markdown"), found.findings


def test_release_0_3_0_migrates_to_the_findings_cache_and_exports_the_same(
    tmp_path: Path,
) -> None:
    copy = _copy(tmp_path)
    with JournalReader(copy, PASSPHRASE) as reader:  # migrated in memory only
        assert reader.known_spans().entries == {}
        before = _export(reader, cached=False)
        assert _export(reader, cached=True) == before
    with Journal.open(copy, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION == 7
        _check(journal)
        known = journal.known_spans()
        assert known.entries == {}
        plan(journal.records(), journal.action_records(), Selection(), known=known)
        journal.keep_findings(known)  # what the app's Export screen does
    assert not changelog.log_path(copy).exists()
    with JournalReader(copy, PASSPHRASE) as reader:
        _check(reader)
        assert reader.known_spans().entries, "the export in the app filled the cache"
        assert _export(reader, cached=True) == before
    with Journal.open(copy, PASSPHRASE) as journal:
        [session] = [s for s in journal.list_sessions() if s.set_title == "Identity"]
        [answer, *_] = journal.session_answers(session.id)
        assert answer.id is not None
        journal.edit_answer(answer.id, answer.text + " Mrs Okafor called 555-123-4567.")
    with JournalReader(copy, PASSPHRASE) as reader:
        after = _export(reader, cached=True)
        assert after == _export(reader, cached=False)
        assert len(after[1]) > len(before[1])
        assert "[phone]" in after[0]
