"""The findings cache in the vault: filled where the journal writes, replayed from the
change log, never merged, and never keeping a deleted text's digest."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from reflect_tui.core import clock
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import Selection, plan_export
from reflect_tui.export.identifiers import cached
from reflect_tui.journal import Journal, findings_cache
from reflect_tui.journal.merge import TABLES
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import changelog, crypto
from tests.conftest import PASSPHRASE

MATEO = "Met Mateo's mother; call 555-123-4567 before 2024-03-05."
QUIET = "A quiet day, mostly paperwork."


def _digests(journal: Journal) -> set[bytes]:
    """The texts' entries (not the detector's settings)."""
    rows = journal._conn.execute("SELECT digest FROM identifier_scan")
    return {row[0] for row in rows} - {cached.SETTINGS}


def _answer(journal: Journal, text: str, prompt: str = "What stayed with you?") -> int:
    session = journal.start_session("end-of-day", 1, "End of day")
    assert session.id is not None
    journal.save_answer(session.id, prompt_id="p1", prompt_text=prompt, text=text)
    return session.id


def _findings(reader: JournalReader, *, known: bool) -> tuple[object, ...]:
    plan = plan_export(
        reader.records(),
        reader.action_records(),
        Selection(),
        watch_words=reader.watch_words(),
        fine_words=reader.fine_words(),
        known=reader.known_spans() if known else None,
    )
    return plan.findings


def test_a_saved_answer_its_prompt_and_title_get_entries(journal: Journal) -> None:
    _answer(journal, MATEO)
    assert {cached.digest(t) for t in (MATEO, "What stayed with you?", "End of day")} <= (
        _digests(journal)
    )
    detectors = {row[0] for row in journal._conn.execute("SELECT detector FROM identifier_scan")}
    assert detectors == {cached.fingerprint()}


def test_an_export_from_the_cache_finds_what_a_full_scan_finds(
    journal: Journal, vault_path: Path
) -> None:
    _answer(journal, MATEO)
    _answer(journal, QUIET)
    journal.add_watch_word("paperwork")
    journal.add_fine_word("Mateo")
    with JournalReader(vault_path, PASSPHRASE) as reader:  # replays the change log
        known = reader.known_spans()
        assert {cached.digest(MATEO), cached.digest(QUIET)} <= known.entries.keys()
        assert _findings(reader, known=True) == _findings(reader, known=False)
        plan = plan_export(reader.records(), [], Selection(), known=known)
        assert plan.findings and known.learned == {}  # every text was a hit


def test_an_edit_replaces_the_old_texts_entry(journal: Journal) -> None:
    session_id = _answer(journal, MATEO)
    [answer] = journal.session_answers(session_id)
    assert answer.id is not None
    journal.edit_answer(answer.id, QUIET)
    assert cached.digest(QUIET) in _digests(journal)
    assert cached.digest(MATEO) not in _digests(journal)


def test_typing_leaves_one_entry_per_answer(journal: Journal) -> None:
    session = journal.start_session("end-of-day", 1, "End of day")
    assert session.id is not None
    for end in range(5, len(MATEO), 5):  # the app's autosaves while typing
        journal.save_answer(session.id, prompt_id="p1", prompt_text="Q?", text=MATEO[:end])
    journal.save_answer(session.id, prompt_id="p1", prompt_text="Q?", text=MATEO)
    assert _digests(journal) == {cached.digest(t) for t in (MATEO, "Q?", "End of day")}


def test_a_deleted_reflection_leaves_no_digest_in_the_vault(
    journal: Journal, vault_path: Path
) -> None:
    session_id = _answer(journal, MATEO)
    journal.set_answer_tags(journal.session_answers(session_id)[0].id or 0, ["okafor"])
    _answer(journal, QUIET)
    assert {cached.digest(MATEO), cached.digest("okafor")} <= _digests(journal)
    journal.delete_session(session_id)
    assert cached.digest(MATEO) not in _digests(journal)
    assert cached.digest("okafor") not in _digests(journal)
    image = journal._conn.serialize()
    for gone in (MATEO, "okafor"):
        assert cached.digest(gone) not in image
    assert cached.digest(QUIET) in image
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert cached.digest(MATEO) not in again._conn.serialize()


def test_the_cache_rows_come_back_from_the_change_log(journal: Journal, vault_path: Path) -> None:
    _answer(journal, MATEO)  # saved as a change-log record, not a snapshot
    assert changelog.log_path(vault_path).exists()
    with Journal.open(vault_path, PASSPHRASE, write=False) as reader:
        assert _digests(reader) == _digests(journal)


def test_an_import_fills_the_cache(journal: Journal) -> None:
    now = clock.now()
    answer = AnswerRecord("p1", "Imported prompt?", MATEO, tags=("family",))
    journal.import_records([SessionRecord("jrnl", "jrnl", now, finished=now, answers=(answer,))])
    assert {cached.digest(t) for t in (MATEO, "Imported prompt?", "family", "jrnl")} <= (
        _digests(journal)
    )


def test_a_merge_fills_the_cache_for_what_it_brought_and_never_merges_it(
    journal: Journal, vault_path: Path, tmp_path: Path
) -> None:
    assert "identifier_scan" not in TABLES
    _answer(journal, QUIET)
    journal.close()
    other = tmp_path / "other.reflect"
    shutil.copyfile(vault_path, other)
    with Journal.open(other, PASSPHRASE) as copy:
        _answer(copy, MATEO)
        # an entry only the copy has, for a text the journal will never hold
        copy._conn.execute(
            "INSERT INTO identifier_scan VALUES (?, ?, '')", (b"x" * 16, cached.fingerprint())
        )
        copy.save()
    with Journal.open(vault_path, PASSPHRASE) as mine:
        assert cached.digest(MATEO) not in _digests(mine)
        mine.merge_from(other)
        assert cached.digest(MATEO) in _digests(mine)
        assert b"x" * 16 not in _digests(mine)


def test_a_stale_detector_is_a_miss(journal: Journal, vault_path: Path) -> None:
    _answer(journal, MATEO)
    journal._conn.execute("UPDATE identifier_scan SET detector = ?", (b"\0" * 16,))
    journal.save()
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert reader.known_spans().entries == {}
        assert _findings(reader, known=True) == _findings(reader, known=False)


def test_an_export_in_the_app_keeps_what_it_had_to_compute(
    journal: Journal, vault_path: Path
) -> None:
    _answer(journal, MATEO)
    journal._conn.execute("DELETE FROM identifier_scan")
    known = journal.known_spans()
    plan_export(journal.records(), [], Selection(), known=known)
    assert cached.digest(MATEO) in known.learned
    journal.keep_findings(known)
    assert cached.digest(MATEO) in _digests(journal)
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert cached.digest(MATEO) in reader.known_spans().entries


def test_a_new_vault_has_the_table(tmp_path: Path) -> None:
    with Journal.create(tmp_path / "new.reflect", PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        assert _digests(journal) == set()


def test_an_export_whose_every_text_is_known_loads_no_patterns(
    journal: Journal, vault_path: Path
) -> None:
    """In a process of its own (this one has loaded them): `reflect export` of a vault
    whose cache knows every text imports neither the patterns nor the name check."""
    _answer(journal, MATEO)
    journal.close()
    script = (
        "import sys, io, contextlib\n"
        "from reflect_tui.cli.parser import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(['--vault', sys.argv[1], 'export', '-o', '-', '--allow-identifiers'])\n"
        "detector = 'reflect_tui.export.identifiers.'\n"
        "loaded = [m for m in sys.modules if m.startswith(detector) and m[len(detector):] in"
        " ('patterns', 'context_patterns', 'names', 'word_lists')]\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(vault_path)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "REFLECT_HOME": str(vault_path.parent / "home")},
    )
    assert done.stdout.strip() == "0 []", done.stderr


def test_damaged_entries_are_misses_and_never_stop_a_save_or_an_export(
    journal: Journal, vault_path: Path
) -> None:
    """Rows no release writes (a blob of spans, a text as detector): scanned again."""
    _answer(journal, MATEO)
    journal._conn.execute("UPDATE identifier_scan SET spans = x'00ff'")
    journal._conn.execute(
        "INSERT INTO identifier_scan VALUES (?, 'x', 'y')", (cached.digest(QUIET),)
    )
    journal.save()
    _answer(journal, QUIET)  # its entry's detector is a text: refreshed, not a crash
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert _findings(reader, known=True) == _findings(reader, known=False)
        assert _findings(reader, known=True)


def test_an_export_keeps_nothing_of_a_text_edited_while_it_ran(journal: Journal) -> None:
    """The Export screen checks in a worker; an autosave may change a text meanwhile:
    what the check found in the old text is not kept (a digest of a text gone)."""
    session_id = _answer(journal, MATEO)
    journal._conn.execute("DELETE FROM identifier_scan")
    known = journal.known_spans()
    plan_export(journal.records(), [], Selection(), known=known)
    assert cached.digest(MATEO) in known.learned
    [answer] = journal.session_answers(session_id)
    journal.edit_answer(answer.id or 0, QUIET)  # while the export was checking
    journal.keep_findings(known)
    assert cached.digest(MATEO) not in _digests(journal)
    assert cached.digest(QUIET) in _digests(journal)


def test_a_very_long_answer_is_checked_at_export_not_at_each_autosave(
    journal: Journal, vault_path: Path
) -> None:
    long = (QUIET + " ") * (findings_cache.LONGEST // len(QUIET)) + MATEO
    assert len(long) > findings_cache.LONGEST
    _answer(journal, long)
    assert cached.digest(long) not in _digests(journal)
    _answer(journal, MATEO)  # a text of the usual length is kept as before
    assert cached.digest(MATEO) in _digests(journal)
    with JournalReader(vault_path, PASSPHRASE) as reader:
        assert _findings(reader, known=True) == _findings(reader, known=False)
    known = journal.known_spans()  # the Export screen keeps it, once
    plan_export(journal.records(), [], Selection(), known=known)
    journal.keep_findings(known)
    assert cached.digest(long) in _digests(journal)
