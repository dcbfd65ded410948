"""The vault release 0.5.0 writes (tests/golden/vaults/release-0.5.0.reflect with the
change log beside it, and its script) opens in this release with everything it held,
including what lives only in the log and the identifier check's findings cache: kept for
the next schema or format change."""

from __future__ import annotations

import shutil
from pathlib import Path

from reflect_tui.export import IdentifierChoice, Selection, build_export, plan_export, render
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import changelog, database

GOLDEN = Path(__file__).parent.parent / "golden" / "vaults" / "release-0.5.0.reflect"
PASSPHRASE = "release five"
WITH_FINDINGS = "Amara's aunt, who asked me to call her on 07700 900123."


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(GOLDEN, copy)  # never touch the checked-in files
    shutil.copyfile(changelog.log_path(GOLDEN), changelog.log_path(copy))
    return copy


def _check(journal: Journal | JournalReader) -> None:
    records = journal.records()
    assert [s.set_title for s in records] == ["End of day", "Identity", "End of day"]
    answers = {a.text: a for s in records for a in s.answers}
    assert "Only in the log: written after the last snapshot." in answers  # from the log
    assert answers["Tired, and still curious"].flagged  # flagged in the log
    assert WITH_FINDINGS in answers
    assert [m.note for m in journal.identity_maps()][-1] == "only in the log"
    assert journal.watch_words() == ["Riverside"] and journal.fine_words() == ["Bion"]


def _markdown(reader: JournalReader, *, cached: bool) -> str:
    known = reader.known_spans() if cached else None
    plan = plan_export(
        reader.records(), reader.action_records(), Selection(),
        watch_words=reader.watch_words(), fine_words=reader.fine_words(), known=known,
    )  # fmt: skip
    return render(build_export(plan, IdentifierChoice.REDACT), "markdown")


def test_a_release_0_5_0_vault_and_its_log_open_with_everything(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    with JournalReader(copy, PASSPHRASE) as reader:
        _check(reader)
        # Every saved text has an entry; they are stale once the check itself changes
        # (its fingerprint is of its files and of Python), and then merely misses.
        (rows,) = reader._conn.execute("SELECT count(*) FROM identifier_scan").fetchone()
        assert rows >= 8
        cached, scanned = _markdown(reader, cached=True), _markdown(reader, cached=False)
    assert cached == scanned
    assert "Amara" not in cached and "07700" not in cached and "[phone]" in cached
    with Journal.open(copy, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        _check(journal)
    assert not changelog.log_path(copy).exists(), "closing folded the log into the vault"
    with Journal.open(copy, PASSPHRASE, write=False) as journal:
        _check(journal)
