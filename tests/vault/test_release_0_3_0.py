"""The vault release 0.3.0 writes (tests/golden/vaults/release-0.3.0.reflect with the
change log beside it, and its script) opens in this release with everything it held,
including what lives only in the log: kept for the next schema or format change."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import changelog, database

GOLDEN = Path(__file__).parent.parent / "golden" / "vaults" / "release-0.3.0.reflect"
PASSPHRASE = "release three"


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
    assert answers["Being the only one who speaks Portuguese at home, and at work."].edited
    taken = [a for a in answers.values() if a.discussed_on]
    assert [a.discussed_on for a in taken] == [date(2026, 3, 25)]
    assert [m.day for m in journal.meetings()] == [
        date(2026, 3, 4),
        date(2026, 3, 18),
        date(2026, 3, 25),
    ]
    maps = journal.identity_maps()
    assert [m.note for m in maps] == [
        "first map",
        "class came up in supervision",
        "only in the log",
    ]
    assert maps[1].entry("social_class").stance == "privilege"
    assert [e.domain for e in maps[2].entries] == ["gender"]
    assert journal.watch_words() == ["Riverside"] and journal.fine_words() == ["Bion"]


def test_a_release_0_3_0_vault_and_its_log_open_with_everything(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    with JournalReader(copy, PASSPHRASE) as reader:
        _check(reader)
    with Journal.open(copy, PASSPHRASE) as journal:
        assert database.user_version(journal._conn) == database.SCHEMA_VERSION
        _check(journal)
    assert not changelog.log_path(copy).exists(), "closing folded the log into the vault"
    with Journal.open(copy, PASSPHRASE, write=False) as journal:
        _check(journal)
