"""``reflect supervision add``, ``list`` and ``log``: from a pipe and at a terminal; bad
input is one sentence and exit 2 with nothing stored; the log's totals count group
time by its share and the identifier check stops what must not leave."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.core.config import Config, save_config
from reflect_tui.journal import Journal
from reflect_tui.journal.reader import JournalReader
from reflect_tui.journal.supervision_records import MOST_PREPARED
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

MEETING = """date: 2026-03-03
minutes: 90
format: group
with: clinical lead
brought: The rupture with a client
took away: Repair is possible
will do: Name the rupture next session
  Read about repair
functions: formative, restorative
summary: Rupture and repair
"""


@pytest.fixture
def vault(vault_path: Path) -> Path:
    Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF).close()
    return vault_path


def run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    vault: Path,
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n{stdin}"))
    code = cli.main(["--vault", str(vault), "supervision", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _meetings(vault: Path) -> list[object]:
    with JournalReader(vault, PASSPHRASE) as reader:
        return list(reader.meetings())


def test_add_from_a_pipe_stores_the_meeting_and_opens_its_actions(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=MEETING)
    assert (code, err) == (0, "")
    assert out == "Recorded the meeting of 2026-03-03 (90 minutes) and 2 actions to follow up.\n"
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        [meeting] = journal.meetings()
        assert meeting.counted_minutes == 45, "group time: half, by default"
        assert [a.text for a in journal.open_actions()] == [
            "Name the rupture next session",
            "Read about repair",
        ]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("minutes: an hour\nsummary: x\n", "The minutes must be a whole number"),
        ("date: 2026-03-06\nminutes: 60\nsummary: x\n", "2026-03-06 is in the future"),
        ("minutes: 60\n", "The meeting is empty"),
        ("minutes: 60\nwith: Jane Smith\nsummary: x\n", "'Jane Smith' looks like a name"),
        ("We talked for an hour\n", "Each line starts with one of"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_2_with_nothing_stored(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    text: str,
    said: str,
) -> None:
    before = vault.read_bytes()
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=text)
    assert code == 2 and out == ""
    assert err.startswith(f"reflect: {said}") and err.count("\n") == 1
    assert "Traceback" not in err and vault.read_bytes() == before


def _answers(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> Iterator[str]:
    queue = iter(lines)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(queue))
    return queue


def test_add_at_a_terminal_asks_again_until_an_answer_can_be_taken(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    queue = _answers(
        monkeypatch,
        [
            "tomorrow",  # not a date: asked again
            "2026-03-04",
            "an hour",  # not a number: asked again
            "50",
            "",  # individual
            "Jane Smith",  # a name: asked again
            "JM",
            "The waiting list",
            "",
            "",  # nothing taken away
            "Ask for a second opinion",
            "",
            "norm",
            "Waiting list",
        ],
    )
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and list(queue) == []
    assert "The date must look like 2026-03-05 (not 'tomorrow'); please try again." in out
    assert "The minutes must be a whole number" in out and "give a role or initials" in out
    [meeting] = _meetings(vault)
    assert (meeting.day.isoformat(), meeting.minutes, meeting.format, meeting.who) == (  # type: ignore[attr-defined]
        "2026-03-04",
        50,
        "individual",
        "JM",
    )
    assert meeting.functions == ("normative",) and meeting.took_away == ""  # type: ignore[attr-defined]
    assert [a.text for a in meeting.actions] == ["Ask for a second opinion"]  # type: ignore[attr-defined]


def _add(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], vault: Path) -> None:
    for text in (
        MEETING,
        "date: 2026-03-04\nminutes: 60\nformat: peer\nsummary: Peer group\n",
        "date: 2026-02-10\nminutes: 50\nwith: JM\nsummary: February\nwill do: Book a slot\n",
    ):
        assert run(monkeypatch, capsys, vault, "add", stdin=text)[0] == 0


def test_list_shows_each_meeting_in_the_period(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _add(monkeypatch, capsys, vault)
    code, out, _ = run(monkeypatch, capsys, vault, "list", "--from", "2026-03-01")
    assert code == 0
    assert out.splitlines() == [
        "2026-03-03  90 min (45 counted), group with clinical lead, 2 open actions: "
        "Rupture and repair",
        "2026-03-04  60 min, peer: Peer group",
    ]


def test_the_log_totals_months_and_the_period_with_group_time_by_its_share(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    save_config(Config(group_supervision_share=1 / 3))
    _add(monkeypatch, capsys, vault)
    code, out, err = run(monkeypatch, capsys, vault, "log", "--format", "csv")
    assert code == 0 and "Wrote the log of 3 meetings" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["row"], r["date"], r["minutes"], r["counted_minutes"]) for r in rows] == [
        ("meeting", "2026-02-10", "50", "50"),
        ("meeting", "2026-03-03", "90", "30"),
        ("meeting", "2026-03-04", "60", "60"),
        ("month", "2026-02", "50", "50"),
        ("month", "2026-03", "150", "90"),
        ("period", "", "200", "140"),
    ]
    assert rows[0]["actions"] == "Book a slot (open)" and "brought" not in rows[0]
    code, out, _ = run(monkeypatch, capsys, vault, "log", "--from", "2026-03-01")
    assert code == 0 and "| 2026-03 | 2 | 150 | 90 | 1 h 30 min |" in out
    assert "| Whole period | 2 | 150 | 90 | 1 h 30 min |" in out
    assert "The rupture with a client" not in out, "no reflection text unless asked"
    code, out, _ = run(monkeypatch, capsys, vault, "log", "--with-notes")
    assert "What I brought: The rupture with a client" in out


def test_the_log_stops_on_an_identifier_and_can_redact_it(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    text = "minutes: 60\nsummary: Call back on 0161 496 0000\nbrought: Mrs Okafor's case\n"
    assert run(monkeypatch, capsys, vault, "add", stdin=text)[0] == 0
    target = tmp_path / "log.md"
    code, out, err = run(monkeypatch, capsys, vault, "log", "-o", str(target))
    assert code == 16 and out == "" and not target.exists()
    assert "the export was stopped" in err and "phone" in err
    code, _, _ = run(monkeypatch, capsys, vault, "log", "--redact", "-o", str(target))
    written = target.read_text()
    assert code == 0 and "0161" not in written and "[phone]" in written
    assert target.stat().st_mode & 0o777 == 0o600
    code, out, _ = run(monkeypatch, capsys, vault, "log", "--with-notes", "--redact")
    assert code == 0 and "What I brought:" in out and "0161" not in out


def test_the_next_export_starts_after_the_last_meeting_and_opens_with_what_was_agreed(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import UTC, datetime

    from reflect_tui.core.records import AnswerRecord, SessionRecord

    earlier = datetime(2026, 3, 1, 18, tzinfo=UTC)
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    "end-of-day",
                    "End of day",
                    earlier,
                    answers=(AnswerRecord("p", "Before?", "Written before supervision"),),
                    utc_offset=0,
                )
            ]
        )
        session = journal.start_session("end-of-day", 1, "End of day")
        journal.save_answer(session.id or 0, prompt_id="p", prompt_text="After?", text="Since")
    assert run(monkeypatch, capsys, vault, "add", stdin=MEETING)[0] == 0
    with Journal.open(vault, PASSPHRASE) as journal:
        [first, _] = journal.open_actions()
        journal.update_action(first.id or 0, follow_up="Planned for Thursday.")
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n"))
    code = cli.main(["--vault", str(vault), "export"])
    out, err = capsys.readouterr()
    assert code == 0 and "exporting from 2026-03-04, the day after your last supervision" in err
    assert "Written before supervision" not in out and "Since" in out
    assert out.index("## Last time we agreed") < out.index("## Agenda")
    assert "At supervision on 2026-03-03:" in out
    assert "- [ ] Name the rupture next session" in out and "Planned for Thursday." in out
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSPHRASE}\n"))
    code = cli.main(["--vault", str(vault), "export", "--from", "2026-02-01"])
    out, err = capsys.readouterr()
    assert code == 0 and "Written before supervision" in out and "exporting from" not in err


def _prepared(vault: Path) -> None:
    from datetime import UTC, datetime

    from reflect_tui.core.records import AnswerRecord, SessionRecord

    answers = (
        AnswerRecord("p0", "What to bring", "The interpreter question", flagged=True),
        AnswerRecord("p1", "And", "My own tiredness", position=1, flagged=True),
    )
    with Journal.open(vault, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    "end-of-day",
                    "End of day",
                    datetime(2026, 3, 2, 18, tzinfo=UTC),
                    utc_offset=0,
                    answers=answers,
                )
            ]
        )


def _waiting(vault: Path) -> list[str]:
    from datetime import date

    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        return [i.opening for i in journal.prepared_items(date(2026, 3, 5))]


@pytest.mark.parametrize(
    ("took_up", "left"),
    [("all", []), ("2", ["The interpreter question"]), ("none", None), ("", None)],
)
def test_add_from_a_pipe_marks_what_it_took_up(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    took_up: str,
    left: list[str] | None,
) -> None:
    _prepared(vault)
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=f"{MEETING}took up: {took_up}\n")
    assert (code, err) == (0, "")
    everything = ["The interpreter question", "My own tiredness"]
    assert _waiting(vault) == (everything if left is None else left)
    assert ("marked as discussed" in out) == (left is not None)


# "²" and "³" pass str.isdigit() but are no number int() reads.
@pytest.mark.parametrize("took_up", ["3", "0", "1-2", "²", "1 ³", "all 1"])
def test_a_number_that_names_no_prepared_item_is_refused_with_nothing_stored(
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    took_up: str,
) -> None:
    _prepared(vault)
    before = vault.read_bytes()
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=f"{MEETING}took up: {took_up}\n")
    assert code == 2 and out == "" and "(1 to 2)" in err and err.count("\n") == 1
    assert vault.read_bytes() == before


def test_add_at_a_terminal_lists_what_is_waiting_and_asks_which_it_took_up(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepared(vault)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    queue = _answers(
        monkeypatch,
        ["2026-03-04", "50", "", "JM", "", "", "", "", "7", "1", "Interpreters"],
    )
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code == 0 and list(queue) == []
    assert " 1. 2026-03-02  The interpreter question  (What to bring)" in out
    assert "(not '7'); please try again." in out
    assert _waiting(vault) == ["My own tiredness"]


def _terminal(monkeypatch: pytest.MonkeyPatch, lines: list[str | None]) -> None:
    """A terminal whose user types ``lines``; None is Ctrl+C."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSPHRASE)
    queue = iter(lines)

    def typed(prompt: str = "") -> str:
        line = next(queue)
        if line is None:
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr("builtins.input", typed)


def test_ctrl_c_part_way_offers_to_save_what_can_be_taken(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ctrl+C in the middle of "what I took away", then Enter: save it as it stands.
    _terminal(
        monkeypatch, ["2026-03-04", "50", "", "JM", "The waiting list", "", "Half a", None, ""]
    )
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code == 0 and "Recorded the meeting of 2026-03-04" in out  # after Enter to "Save?"
    [meeting] = _meetings(vault)
    assert (meeting.brought, meeting.took_away) == ("The waiting list", "Half a")  # type: ignore[attr-defined]


def test_ctrl_c_before_a_meeting_can_be_taken_prints_what_was_typed_to_paste_back(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = vault.read_bytes()
    _terminal(monkeypatch, ["2026-03-04", "50", "", "JM", "", "", "", None])
    # Nothing written yet but the minutes and who: offered to save? No: empty meeting.
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, err = capsys.readouterr()
    assert code != 0 and "cancelled; nothing was changed." in err
    assert "Nothing was saved. What you typed" in out
    assert "minutes: 50\n" in out and "with: JM\n" in out
    assert vault.read_bytes() == before

    # What was printed reads back from a pipe (with the missing part added).
    typed = out.split("after your passphrase line:\n", 1)[1]
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=typed + "summary: Waiting\n")
    assert code == 0 and [m.who for m in _meetings(vault)] == ["JM"]  # type: ignore[attr-defined]


def test_ctrl_c_after_choosing_what_it_took_up_saves_the_marks_too(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl+C at the last question ("one line for the log"), then Enter to save: the
    items chosen just before are marked, as they would have been."""
    _prepared(vault)
    _terminal(
        monkeypatch,
        ["2026-03-04", "50", "", "JM", "The waiting list", "", "", "", "", "1", None, ""],
    )
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code == 0 and "1 prepared item marked as discussed" in out
    assert _waiting(vault) == ["My own tiredness"]


def test_ctrl_c_after_choosing_what_it_took_up_prints_it_to_paste_back(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _prepared(vault)
    _terminal(
        monkeypatch,
        ["2026-03-04", "50", "", "JM", "The waiting list", "", "", "", "", "2", None, "n"],
    )
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code != 0 and "took up: 2\n" in out
    typed = out.split("after your passphrase line:\n", 1)[1]
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=typed)
    assert (code, err) == (0, "") and _waiting(vault) == ["The interpreter question"]


def _many_prepared(vault: Path, count: int) -> None:
    from datetime import UTC, datetime, timedelta

    from reflect_tui.core.records import AnswerRecord, SessionRecord

    with Journal.open(vault, PASSPHRASE) as journal:
        journal.import_records(
            [
                SessionRecord(
                    "end-of-day",
                    "End of day",
                    datetime(2026, 3, 2, 18, tzinfo=UTC) - timedelta(hours=n),
                    utc_offset=0,
                    answers=(AnswerRecord("p0", "What to bring", f"Item {n}", flagged=True),),
                )
                for n in range(count)
            ]
        )


def test_took_up_all_from_a_pipe_marks_everything_waiting_beyond_what_a_terminal_lists(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    _many_prepared(vault, MOST_PREPARED + 10)
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=f"{MEETING}took up: all\n")
    assert (code, err) == (0, "")
    assert f"{MOST_PREPARED + 10} prepared items marked as discussed" in out
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        assert journal.waiting_count(date(2026, 3, 3)) == 0


def test_a_terminal_says_when_it_lists_only_the_newest_of_what_waits(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    _many_prepared(vault, MOST_PREPARED + 10)
    _terminal(monkeypatch, ["2026-03-03", "50", "", "JM", "Pace", "", "", "", "", "all", "Log"])
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert f"the newest {MOST_PREPARED} of {MOST_PREPARED + 10}; 'all' takes up all" in out
    assert f"{MOST_PREPARED + 10} prepared items marked as discussed" in out
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        assert journal.waiting_count(date(2026, 3, 3)) == 0


def test_what_is_printed_after_ctrl_c_reads_back_word_for_word(
    vault: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lines typed into "what I brought" that look like a key or a comment once
    indented ("with: ...", "#rupture") read back as the text they were."""
    brought = ["The family", "with: the interpreter, again", "#rupture and repair"]
    _terminal(monkeypatch, ["2026-03-04", "50", "", "JM", *brought, "", "", "", None, "n"])
    code = cli.main(["--vault", str(vault), "supervision", "add"])
    out, _ = capsys.readouterr()
    assert code != 0 and "  #rupture and repair\n" in out
    typed = out.split("after your passphrase line:\n", 1)[1]
    code, out, err = run(monkeypatch, capsys, vault, "add", stdin=typed)
    assert (code, err) == (0, "")
    [meeting] = _meetings(vault)
    assert (meeting.who, meeting.brought) == ("JM", "\n".join(brought))  # type: ignore[attr-defined]
