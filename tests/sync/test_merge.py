"""``Journal.merge_from``: two devices' edits come together, nothing either wrote is lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflect_tui.journal import Journal, MergeRefused, SavedAsConflictCopy, WrongPassphrase
from reflect_tui.journal.merge import BOTH_MARK, BOTH_TAG
from reflect_tui.journal.models import ActionStatus
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE
from tests.sync.devices import content, two_devices


def _first(journal: Journal) -> tuple[int, list[int]]:
    [session] = [s for s in journal.list_sessions() if s.set_title == "Identity"]
    return session.id, [a.id or 0 for a in journal.session_answers(session.id)]


def test_edits_on_both_devices_come_together(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.start_session("end-of-day", 1, "End of day")
        journal.add_watch_word("Elm")
        _, [who, _] = _first(journal)
        journal.set_answer_tags(who, ["accent"])
    with Journal.open(desktop, PASSPHRASE) as journal:
        new = journal.start_session("supervision", 1, "Before supervision")
        journal.save_answer(new.id or 0, prompt_id="q", prompt_text="Q?", text="From the desktop.")
        journal.flag_session(_first(journal)[0], True)
        journal.add_fine_word("Winnicott")
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        titles = sorted(s.set_title for s in journal.list_sessions())
        assert titles == ["Before supervision", "End of day", "Identity"]
        [found] = journal.search("desktop")
        assert found.prompt_text == "Q?"
        shared = next(s for s in journal.list_sessions() if s.set_title == "Identity")
        assert shared.flagged, "the desktop's flag"
        assert journal.session_answers(shared.id)[0].tag_list == ["accent"], "the laptop's tag"
        assert journal.watch_words() == ["Elm", "Oakwood"] and journal.fine_words() == ["Winnicott"]
    assert summary.added == {"reflection_session": 1, "answer": 1, "fine_word": 1}
    assert summary.updated == {"reflection_session": 1} and summary.both == []
    assert desktop.exists(), "the merged-from copy is kept"


def test_both_edited_the_same_answer_keeps_both_and_says_where(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.edit_answer(_first(journal)[1][0], "The laptop's words.")
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.edit_answer(_first(journal)[1][0], "The desktop's words.")
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        answer = journal.session_answers(_first(journal)[0])[0]
    assert "The laptop's words." in answer.text and "The desktop's words." in answer.text
    assert BOTH_MARK in answer.text and BOTH_TAG in answer.tag_list
    assert [prompt for _, prompt in summary.both] == ["Who was I?"]


def test_a_deletion_deletes_unless_the_other_side_edited_afterwards(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.delete_session(_first(journal)[0])
        journal.remove_watch_word("Oakwood")
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.edit_answer(_first(journal)[1][0], "Edited on the desktop after all.")
    with Journal.open(laptop, PASSPHRASE) as journal:
        summary = journal.merge_from(desktop)
        session_id, answers = _first(journal)
        texts = [a.text for a in journal.session_answers(session_id)]
        assert journal.watch_words() == [], "the untouched word stays deleted"
    assert texts == ["Edited on the desktop after all."], "the unedited answer stays deleted"
    assert len(answers) == 1 and summary.kept == 2  # the answer and its reflection
    # And the other way round: the desktop gets the same.
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.merge_from(laptop)
    assert content(desktop) == content(laptop)


def test_an_action_closed_on_one_device_and_followed_up_on_the_other(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:
        [item] = journal.open_actions()
        journal.update_action(item.id or 0, status=ActionStatus.DONE, follow_up="Did it.")
    with Journal.open(desktop, PASSPHRASE) as journal:
        [item] = journal.open_actions()
        journal.update_action(item.id or 0, follow_up="Not yet: no interpreter booked.")
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.merge_from(laptop)
        [record] = journal.action_records()
    assert "Did it." in record.follow_up and "no interpreter booked" in record.follow_up


def test_merging_twice_changes_nothing(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.edit_answer(_first(journal)[1][0], "Desktop.")
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.edit_answer(_first(journal)[1][0], "Laptop.")
        assert journal.merge_from(desktop).changed
        generation = journal.generation
        assert not journal.merge_from(desktop).changed
    after = content(laptop)
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.merge_from(desktop)
        assert journal.generation == generation + 2  # saved (the copy is noted), no change
    assert content(laptop) == after


def test_a_copy_with_another_passphrase_needs_it(tmp_path: Path) -> None:
    laptop, _ = two_devices(tmp_path)
    stranger = tmp_path / "other.reflect"
    with Journal.create(stranger, "a different passphrase", kdf=crypto.TEST_KDF) as other:
        other.add_watch_word("Birch")
    with Journal.open(laptop, PASSPHRASE) as journal:
        with pytest.raises(WrongPassphrase):
            journal.merge_from(stranger, [PASSPHRASE])
        journal.merge_from(stranger, [PASSPHRASE, "a different passphrase"])
        assert journal.watch_words() == ["Birch", "Oakwood"]
        with pytest.raises(MergeRefused):
            journal.merge_from(laptop)


def test_a_copy_whose_passphrase_changed_still_opens_with_this_vaults_key(
    tmp_path: Path,
) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.change_passphrase("the desktop's new passphrase", kdf=crypto.TEST_KDF)
        journal.add_watch_word("Birch")
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.merge_from(desktop)
        assert "Birch" in journal.watch_words()


def test_the_copy_itself_is_left_as_it_was(tmp_path: Path) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(desktop, PASSPHRASE) as journal:
        journal.add_watch_word("Birch")
    before = desktop.read_bytes()
    shutil.copyfile(desktop, tmp_path / "spare.reflect")
    with Journal.open(laptop, PASSPHRASE) as journal:
        journal.merge_from(desktop)
    assert desktop.read_bytes() == before


def test_the_copy_this_journal_is_saving_to_is_not_offered_to_itself(
    tmp_path: Path,
) -> None:
    laptop, desktop = two_devices(tmp_path)
    journal = Journal.open(laptop, PASSPHRASE)
    shutil.copyfile(desktop, laptop.with_name("x"))
    with Journal.open(laptop.with_name("x"), PASSPHRASE) as other:
        other.add_watch_word("Birch")
    shutil.move(laptop.with_name("x"), laptop)  # the sync tool brings the desktop's save
    with pytest.raises(SavedAsConflictCopy):
        journal.add_watch_word("Elm")
    assert journal.copies_to_merge() == []
    with pytest.raises(MergeRefused):
        journal.merge_from(journal.conflict_copy or laptop)
    journal.close()
    with Journal.open(laptop, PASSPHRASE) as reopened:
        [copy] = reopened.copies_to_merge()
        reopened.merge_from(copy)
        assert reopened.watch_words() == ["Birch", "Elm", "Oakwood"]
        assert reopened.copies_to_merge() == []


@pytest.mark.parametrize("direction", ["laptop into desktop", "desktop into laptop"])
def test_a_close_or_a_flag_is_not_undone_by_a_later_edit_on_the_other_device(
    tmp_path: Path, direction: str
) -> None:
    laptop, desktop = two_devices(tmp_path)
    with Journal.open(laptop, PASSPHRASE) as journal:  # first: closes and flags
        [item] = journal.open_actions()
        journal.update_action(item.id or 0, status=ActionStatus.DONE)
        journal.flag_answer(_first(journal)[1][0], True)
    with Journal.open(desktop, PASSPHRASE) as journal:  # later: a note, a new text
        [item] = journal.open_actions()
        journal.update_action(item.id or 0, follow_up="Booked the interpreter.")
        journal.edit_answer(_first(journal)[1][0], "Rewritten on the desktop.")
    into, other = (desktop, laptop) if direction == "laptop into desktop" else (laptop, desktop)
    with Journal.open(into, PASSPHRASE) as journal:
        journal.merge_from(other)
        [record] = journal.action_records()
        answer = journal.session_answers(_first(journal)[0])[0]
    assert record.status == "done" and record.closed is not None, "the close stays"
    assert "Booked the interpreter." in record.follow_up
    assert answer.flagged, "the flag stays"
    assert "Rewritten on the desktop." in answer.text


def test_a_damaged_copy_of_this_vault_is_damaged_not_a_passphrase_question(
    tmp_path: Path,
) -> None:
    from reflect_tui.journal import VaultDamaged

    laptop, desktop = two_devices(tmp_path)
    data = bytearray(desktop.read_bytes())
    data[-50] ^= 0x04
    desktop.write_bytes(bytes(data))
    with Journal.open(laptop, PASSPHRASE) as journal, pytest.raises(VaultDamaged):
        journal.merge_from(desktop)
