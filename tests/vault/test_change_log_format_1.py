"""A vault with a change log in format 1 (tests/golden/vaults/change-log-1.reflect and
its .changes, with their script) opens in this release with every save its log holds,
the torn last record dropped: kept so a later format still reads this one."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.vault import changelog, database
from reflect_tui.vault.unlock import open_file

GOLDEN = Path(__file__).parent.parent / "golden" / "vaults" / "change-log-1.reflect"
PASSPHRASE = "change log one"


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "journal.reflect"
    shutil.copyfile(GOLDEN, copy)  # never touch the checked-in files
    shutil.copyfile(changelog.log_path(GOLDEN), changelog.log_path(copy))
    return copy


def test_the_checked_in_snapshot_alone_is_empty() -> None:
    _, _, image = open_file(GOLDEN, PASSPHRASE)
    conn = database.connect()
    conn.deserialize(image)
    assert conn.execute("SELECT count(*) FROM reflection_session").fetchone() == (0,)


def test_its_log_replays_every_whole_record_and_drops_the_torn_one(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    with JournalReader(copy, PASSPHRASE) as reader:
        (record,) = reader.records()
        texts = {a.prompt_id: a.text for a in record.answers}
        assert texts == {
            "who": "Tired, and still curious",
            "next": "Bring the rupture to supervision",
        }
        assert record.flagged and record.finished is not None
        assert [a.tags for a in record.answers if a.prompt_id == "who"] == [("curiosity",)]
        assert reader.watch_words() == ["Riverside"] and reader.fine_words() == ["Bion"]
        assert [m.day for m in reader.meetings()] == [date(2026, 3, 4)]
        assert [a.text for a in reader.action_records()] == ["Bring the rupture to supervision"]
        assert [h.prompt_text for h in reader.search("curious")] == ["Who was I in the room?"]


def test_a_writer_goes_on_from_it_and_compacts_it(tmp_path: Path) -> None:
    copy = _copy(tmp_path)
    with Journal.open(copy, PASSPHRASE) as journal:
        assert journal.set_aside_log is None
        session = journal.list_sessions()[0].id
        journal.save_answer(session, prompt_id="after", prompt_text="?", text="written later")
    assert not changelog.log_path(copy).exists()
    with JournalReader(copy, PASSPHRASE) as reader:
        prompts = {a.prompt_id for a in reader.records()[0].answers}
    assert prompts == {"who", "next", "after"}
