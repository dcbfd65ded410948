"""A vault written, closed and unlocked again holds exactly what was written."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect_tui.journal import Journal, WrongPassphrase
from reflect_tui.journal.models import ActionStatus
from reflect_tui.vault import container, crypto
from tests.conftest import PASSPHRASE


def _fill(journal: Journal) -> int:
    session = journal.start_session("identity", 2, "Identity and perspective")
    assert session.id is not None
    journal.save_answer(
        session.id,
        prompt_id="noticed",
        prompt_text="What did you notice?",
        text="A lot.",
        topic="identity",
        position=0,
        resume_at=1,
    )
    journal.save_answer(
        session.id,
        prompt_id="ease",
        prompt_text="How at ease?",
        text="4 of 5",
        kind="scale",
        value=4,
        topic="wellbeing",
        position=1,
    )
    action = journal.save_answer(
        session.id,
        prompt_id="next",
        prompt_text="One thing to do differently?",
        text="Ask how they name their culture.",
        kind="action",
        topic="collaboration",
        position=2,
    )
    journal.set_answer_tags(action.id or 0, ["Question", "#language", "question"])
    journal.flag_answer(action.id or 0, True)
    journal.flag_session(session.id, True)
    journal.finish_session(session.id)
    return session.id


def test_everything_written_reads_back_equal(journal: Journal, vault_path: Path) -> None:
    session_id = _fill(journal)
    before = journal.records()
    actions_before = journal.action_records()
    journal.close()

    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.records() == before
        assert again.action_records() == actions_before
        answers = again.session_answers(session_id)
        assert [a.prompt_id for a in answers] == ["noticed", "ease", "next"]
        assert json.loads(answers[1].value or "null") == 4
        assert answers[2].tags == "question language"
        assert answers[2].flagged
        session = again.get_session(session_id)
        assert session.flagged and session.finished is not None
        assert session.finished.tzinfo is not None
        [item] = again.open_actions()
        assert item.text == "Ask how they name their culture."
        assert item.status == ActionStatus.OPEN


def test_action_items_close_with_follow_up(journal: Journal, vault_path: Path) -> None:
    _fill(journal)
    [item] = journal.open_actions()
    journal.update_action(item.id or 0, status=ActionStatus.DONE, follow_up="It went well.")
    journal.close()
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.open_actions() == []
        [record] = again.action_records()
        assert record.status == "done" and record.follow_up == "It went well."
        assert record.closed is not None


unicode_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=2000
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=unicode_text)
def test_arbitrary_unicode_round_trips_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / f"{abs(hash(text))}.reflect"
    with Journal.create(path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("s", 1, "S")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=text)
    with Journal.open(path, PASSPHRASE) as again:
        [answer] = again.session_answers(session.id or 0)
        assert answer.text == text


@pytest.mark.parametrize(
    "text",
    [
        "emoji 🧠🌱👩🏽‍⚕️ and flags 🏳️‍🌈",
        "من اليمين إلى اليسار، mixed with English",
        "NUL in the middle\x00and after",
        "x" * 1_000_000,
    ],
    ids=["emoji", "rtl", "nul", "one-megabyte"],
)
def test_awkward_text_round_trips(vault_path: Path, text: str) -> None:
    with Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
        session = journal.start_session("s", 1, "S")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="?", text=text)
    with Journal.open(vault_path, PASSPHRASE) as again:
        assert again.session_answers(session.id or 0)[0].text == text


@pytest.mark.usefixtures("snapshot_every_save")
def test_passphrase_change_rewraps_only_the_key(journal: Journal, vault_path: Path) -> None:
    _fill(journal)
    body_before = container.read(vault_path)[1]
    journal.change_passphrase("a brand new passphrase", kdf=crypto.TEST_KDF)
    assert container.read(vault_path)[1] == body_before
    journal.close()

    with pytest.raises(WrongPassphrase):
        Journal.open(vault_path, PASSPHRASE)
    with Journal.open(vault_path, "a brand new passphrase") as again:
        assert again.counts().answers == 3
    backups = container.list_backups(vault_path)
    assert backups, "saves should have kept backups"
    for backup in backups:  # the old passphrase opens no backup either
        with pytest.raises(WrongPassphrase):
            Journal.open(backup, PASSPHRASE, write=False)
        Journal.open(backup, "a brand new passphrase", write=False).close()


def test_files_are_private(journal: Journal, vault_path: Path) -> None:
    _fill(journal)
    journal.close()
    for file in [vault_path, *container.list_backups(vault_path)]:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    assert stat.S_IMODE(container.backup_dir(vault_path).stat().st_mode) == 0o700


@pytest.mark.usefixtures("snapshot_every_save")
def test_last_five_generations_are_kept(journal: Journal, vault_path: Path) -> None:
    _fill(journal)
    generation = journal.generation
    backups = container.list_backups(vault_path)
    assert len(backups) == container.BACKUPS_KEPT
    numbers = [int(b.stem.split("-")[1]) for b in backups]
    assert numbers == list(range(generation - 1, generation - 6, -1))


def _save_on_days(journal: Journal, vault_path: Path, days: int) -> dict[int, int]:
    """Three saves a day for ``days`` days (file times set as if written then): the
    day each generation was written, by generation number."""
    start = datetime(2026, 3, 1, 12).timestamp()
    os.utime(vault_path, (start - 86400, start - 86400))
    day_of = {journal.generation: -1}
    for day in range(days):
        for i in range(3):
            journal.add_watch_word(f"word {day} {i}")  # every change is a save
            stamp = start + day * 86400 + i * 60
            os.utime(vault_path, (stamp, stamp))
            day_of[journal.generation] = day
    return day_of


@pytest.mark.usefixtures("snapshot_every_save")
def test_the_last_version_of_each_of_the_last_seven_days_is_kept(
    journal: Journal, vault_path: Path
) -> None:
    day_of = _save_on_days(journal, vault_path, days=10)
    newest = journal.generation  # the vault itself; backups are older generations
    kept = {int(b.stem.split("-")[1]) for b in container.list_backups(vault_path)}

    last_five = set(range(newest - 1, newest - 1 - container.BACKUPS_KEPT, -1))
    backed_up = {g: day for g, day in day_of.items() if g < newest}
    last_days = sorted(set(backed_up.values()), reverse=True)[: container.DAYS_KEPT]
    last_of_each_day = {max(g for g, d in backed_up.items() if d == day) for day in last_days}
    assert last_days == [9, 8, 7, 6, 5, 4, 3]
    assert kept == last_five | last_of_each_day
    assert len(kept) == 10  # days 9 and 8 are among the last five saves

    # A mistake noticed days later: the version from the end of day 3 still opens.
    day_three = (
        container.backup_dir(vault_path)
        / f"generation-{max(g for g, d in day_of.items() if d == 3):012d}.reflect"
    )
    with Journal.open(day_three, PASSPHRASE, write=False) as then:
        words = then.watch_words()
    assert "word 3 2" in words and "word 4 0" not in words


@pytest.mark.usefixtures("snapshot_every_save")
def test_after_restoring_an_old_backup_new_work_is_backed_up_first(
    journal: Journal, vault_path: Path
) -> None:
    """Restoring (copying a backup over the vault) starts a new line whose generation
    numbers the abandoned line's backups still hold: the new ones must still rank newest."""
    _save_on_days(journal, vault_path, days=10)
    journal.close()
    old = container.list_backups(vault_path)[-3]  # a day backup from a week ago
    vault_path.write_bytes(old.read_bytes())
    with Journal.open(vault_path, PASSPHRASE) as restored:
        for i in range(4):
            restored.add_watch_word(f"after the restore {i}")
    newest = container.list_backups(vault_path)[: container.BACKUPS_KEPT]
    held = []
    for backup in newest:
        with Journal.open(backup, PASSPHRASE, write=False) as then:
            held.append(sum(word.startswith("after the restore") for word in then.watch_words()))
    assert held == [3, 2, 1, 0, 0]  # the restored line, newest first; then the restored file


@pytest.mark.usefixtures("snapshot_every_save")
def test_without_hard_links_backups_are_private_copies_that_keep_their_day(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(errno.EPERM, "hard links are not supported here")  # exFAT, some shares

    monkeypatch.setattr(os, "link", no_links)
    day_of = _save_on_days(journal, vault_path, days=3)
    backups = container.list_backups(vault_path)
    assert len(backups) == 5 + 2  # the last five, and the last versions of days 0 and -1
    for backup in backups:
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
        number = int(backup.stem.split("-")[1])
        written = datetime.fromtimestamp(backup.stat().st_mtime)
        assert (written - datetime(2026, 3, 1, 12)).days == day_of[number]


@pytest.mark.usefixtures("snapshot_every_save")
def test_a_backup_with_a_time_no_date_can_hold_never_stops_a_save(
    journal: Journal, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some filesystems keep times far beyond the year 9999; ``date`` then refuses them."""

    class NoDate:
        @staticmethod
        def fromtimestamp(_: float) -> date:
            raise ValueError("year 36812 is out of range")

    monkeypatch.setattr(container, "date", NoDate)
    for i in range(7):
        journal.add_watch_word(f"word {i}")
    assert len(container.list_backups(vault_path)) == container.BACKUPS_KEPT
    assert not list(vault_path.parent.glob("*.tmp"))


@pytest.mark.usefixtures("snapshot_every_save")
def test_a_new_passphrase_keeps_each_backups_day(journal: Journal, vault_path: Path) -> None:
    _save_on_days(journal, vault_path, days=9)
    before = {b.name: b.stat().st_mtime_ns for b in container.list_backups(vault_path)}
    journal.change_passphrase("a brand new passphrase", kdf=crypto.TEST_KDF)
    after = {b.name: b.stat().st_mtime_ns for b in container.list_backups(vault_path)}
    assert after == before and len(before) == 5 + 5


def test_kdf_floor_is_enforced_for_user_choices() -> None:
    crypto.DEFAULT_KDF.check_strength()
    with pytest.raises(crypto.WeakKdfError):
        crypto.TEST_KDF.check_strength()
    assert (crypto.DEFAULT_KDF.memory_kib, crypto.DEFAULT_KDF.iterations) == (256 * 1024, 3)
    assert crypto.DEFAULT_KDF.lanes == 4


def test_header_records_kdf_parameters(journal: Journal, vault_path: Path) -> None:
    header, _ = container.read(vault_path)
    assert header.kdf == crypto.TEST_KDF
    assert header.version == container.FORMAT_VERSION
