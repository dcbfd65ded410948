"""Merging, checked over random edit histories on two devices (Hypothesis): the result
is the same whichever copy is merged into which, merging again changes nothing, and
nothing either device wrote is lost unless the other device saw it and then changed or
deleted it."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect_tui.journal import Journal
from reflect_tui.journal.merge import read_state
from reflect_tui.journal.models import ActionStatus
from reflect_tui.journal.versions import follows, parse
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

EXAMPLES = int(os.environ.get("REFLECT_MERGE_EXAMPLES", "25"))
WORDS = ["Oakwood", "Elm", "Birch"]
PROMPTS = ["who", "power", "do"]

Op = tuple[str, int, int]
ops = st.lists(
    st.tuples(
        st.sampled_from(
            ["start", "answer", "edit", "tag", "flag", "delete", "watch", "unwatch", "follow"]
        ),
        st.integers(0, 3),
        st.integers(0, 2),
    ),
    max_size=8,
)


def _apply(journal: Journal, history: list[Op], device: str) -> None:
    for number, (op, pick, which) in enumerate(history):
        sessions = sorted(s.id for s in journal.list_sessions())
        session = sessions[pick % len(sessions)] if sessions else None
        answers = [a.id or 0 for a in journal.session_answers(session)] if session else []
        words = f"{device} {op} {number}"
        if op == "start" or session is None:
            journal.start_session("identity", 1, f"Set {which}")
        elif op == "answer":
            kind = "action" if PROMPTS[which] == "do" else "text"
            journal.save_answer(
                session, prompt_id=PROMPTS[which], prompt_text=PROMPTS[which], text=words, kind=kind
            )
        elif op == "edit" and answers:
            journal.edit_answer(answers[pick % len(answers)], words)
        elif op == "tag" and answers:
            journal.set_answer_tags(answers[pick % len(answers)], [device, WORDS[which].lower()])
        elif op == "flag":
            journal.flag_session(session, bool(which % 2))
        elif op == "delete":
            journal.delete_session(session)
        elif op == "watch":
            journal.add_watch_word(WORDS[which])
        elif op == "unwatch":
            journal.remove_watch_word(WORDS[which])
        elif op == "follow" and (items := journal.open_actions()):
            item = items[pick % len(items)]
            journal.update_action(item.id or 0, status=ActionStatus.DONE, follow_up=words)


def _state(path: Path) -> object:
    with Journal.open(path, PASSPHRASE, write=False) as journal:
        return read_state(journal._conn)


def _merged(into: Path, other: Path, folder: Path, name: str) -> Path:
    target = folder / name / "journal.reflect"
    target.parent.mkdir()
    shutil.copyfile(into, target)
    with Journal.open(target, PASSPHRASE) as journal:
        journal.merge_from(other)
    return target


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(shared=ops, on_a=ops, on_b=ops)
def test_merging_is_commutative_idempotent_and_loses_nothing(
    shared: list[Op], on_a: list[Op], on_b: list[Op]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        a, b = folder / "a" / "journal.reflect", folder / "b" / "journal.reflect"
        with Journal.create(a, PASSPHRASE, kdf=crypto.TEST_KDF) as journal:
            _apply(journal, shared, "base")
        b.parent.mkdir()
        shutil.copyfile(a, b)
        for path, history, device in ((a, on_a, "laptop"), (b, on_b, "desktop")):
            with Journal.open(path, PASSPHRASE) as journal:
                _apply(journal, history, device)
        a_into_b = _merged(b, a, folder, "ab")
        b_into_a = _merged(a, b, folder, "ba")
        merged = _state(a_into_b)
        assert merged == _state(b_into_a), "A into B is B into A"
        with Journal.open(a_into_b, PASSPHRASE) as journal:
            assert not journal.merge_from(a).changed, "merging again changes nothing"
            assert not journal.merge_from(b).changed
        assert _state(a_into_b) == merged
        _nothing_lost(_state(a), _state(b), merged)


def _nothing_lost(a: object, b: object, merged: object) -> None:
    (rows_a, del_a), (rows_b, del_b) = a, b  # type: ignore[misc]
    rows_m, _ = merged  # type: ignore[misc]
    for mine, (theirs, their_deletions) in ((rows_a, (rows_b, del_b)), (rows_b, (rows_a, del_a))):
        for table, rows in mine.items():
            for uid, row in rows.items():
                seen = [theirs[table].get(uid), their_deletions.get(uid)]
                superseded = any(
                    other is not None
                    and other["rev"] != row["rev"]
                    and follows(parse(other["rev"]), parse(row["rev"]))
                    for other in seen
                )
                if superseded:
                    continue
                assert uid in rows_m[table], f"a {table} row was lost"
                for text_field in ("text", "follow_up", "word"):
                    if text_field in row:
                        assert row[text_field] in rows_m[table][uid][text_field]
