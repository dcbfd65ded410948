"""The read commands (search, history, info --unlock) on a realistic vault: what they
print is held to a golden file made by the SQLAlchemy path they replaced, and each read
command (export and the word lists too) runs in a process that never imports
SQLAlchemy, SQLModel, pydantic or Textual.

Review a change by eye, then regenerate with ``REFLECT_UPDATE_GOLDEN=1 pytest
tests/cli/test_read_commands.py``; nothing is ever rewritten silently.
"""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reflect_tui import cli
from reflect_tui.core.uids import action_uid, answer_uid, derived_uid
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests.conftest import PASSPHRASE

GOLDEN = Path(__file__).parent.parent / "golden" / "cli" / "read_commands.txt"
UPDATE = os.environ.get("REFLECT_UPDATE_GOLDEN") == "1"

WORDS = (
    "client session noticed identity power culture language family faith assumption felt "
    "curious uncomfortable supervision repair misstep goals together feedback privilege "
    "trust silence listened countertransference humility alliance systemic barrier "
    "interpreter fees welcome accent café naïve Zoë rôle déjà-vu counter-offer"
).split()
FILLER = "i the a and to of was in that it my we they about when how what not".split()
SETS = (("end-of-day", "End of day"), ("check-in", "Check-in"), ("repair", "After a rupture"))
TAGS = ("", "", "", "question", "supervision", "rupture_repair", "question supervision")
OFFSETS = (0, 0, 60, -300, 330, 600, -480)


def _text(rng: random.Random) -> str:
    words = [rng.choice(WORDS if rng.random() < 0.3 else FILLER) for _ in range(rng.randint(0, 60))]
    return " ".join(words).capitalize() + ("." if words else "")


def realistic_vault(path: Path) -> Path:
    """Three years of sessions in several zones: unfinished, flagged, tagged, skipped and
    empty answers, scales, actions, two sessions begun at the same moment."""
    rng = random.Random(17)
    journal = Journal.create(path, PASSPHRASE, kdf=crypto.TEST_KDF)
    conn = journal._conn
    start = datetime(2022, 1, 3, 7, 45, 0, 250_000, tzinfo=UTC)  # stored as the app does
    previous = start
    conn.execute("BEGIN")
    for s in range(1, 301):
        when = start + timedelta(hours=88 * s, minutes=rng.randint(0, 600))
        if s == 151:  # begun at the same moment as the one before: ids break the tie
            when = previous
        previous = when
        set_id, title = SETS[s % len(SETS)]
        finished = None if s % 11 == 0 else (when + timedelta(minutes=9)).isoformat()
        session_uid = derived_uid("read-commands", s)  # schema 3: every row has an identity
        conn.execute(
            "INSERT INTO reflection_session (id, uid, rev, modified, set_id, set_version,"
            " set_title, started, utc_offset, finished, flagged, position)"
            " VALUES (?, ?, '{}', ?, ?, 1, ?, ?, ?, ?, ?, 0)",
            (
                s,
                session_uid,
                when.isoformat(),
                set_id,
                title,
                when.isoformat(),
                OFFSETS[s % 7],
                finished,
                s % 13 == 0,
            ),
        )
        for p in range(rng.randint(0, 5)):
            kind = "scale" if p == 1 else "action" if p == 3 else "text"
            text = str(rng.randint(1, 5)) if kind == "scale" else _text(rng)
            skipped = kind == "text" and rng.random() < 0.1
            cursor = conn.execute(
                "INSERT INTO answer (uid, rev, modified, session_id, prompt_id, prompt_text,"
                " topic, kind, position, text, value, skipped, created, updated, tags, flagged)"
                " VALUES (?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    answer_uid(session_uid, f"p{p}"),
                    when.isoformat(),
                    s,
                    f"p{p}",
                    f"Prompt {p} of {title}?",
                    rng.choice(("identity", "power", "repair", "other")),
                    kind,
                    p,
                    "" if skipped else text,
                    text if kind == "scale" else None,
                    skipped,
                    when.isoformat(),
                    when.isoformat(),
                    rng.choice(TAGS),
                    rng.random() < 0.08,
                ),
            )
            if kind == "action" and text:
                conn.execute(
                    "INSERT INTO action_item (uid, rev, modified, answer_id, text, status,"
                    " follow_up, created) VALUES (?, '{}', ?, ?, ?, ?, '', ?)",
                    (
                        action_uid(answer_uid(session_uid, f"p{p}")),
                        when.isoformat(),
                        cursor.lastrowid,
                        text,
                        rng.choice(("open", "done")),
                        when.isoformat(),
                    ),
                )
    conn.execute("COMMIT")
    journal.save()
    journal.close()
    return path


READ_COMMANDS = (
    ("history",),
    ("history", "--limit", "7"),
    ("history", "--flagged"),
    ("history", "--from", "2022-06-01", "--to", "2022-09-30"),
    ("history", "--set", "check-in", "--limit", "12"),
    ("history", "--from", "2031-01-01"),
    ("search", "identity"),
    ("search", "--limit", "3", "client"),
    ("search", '"power culture"'),
    ("search", "counter*"),
    ("search", "trust", "OR", "faith"),
    ("search", "repair", "NOT", "misstep"),
    ("search", "--tag", "question", "trust"),
    ("search", "--tag", "rupture_repair", "--limit", "5", "the"),
    ("search", "cafe", "naive"),
    ("search", "ZOË"),
    ("search", "déjà-vu"),
    ("search", "zebra"),
    ("search", "NOT", "trust"),
    ("search", "--tag", "question", "..."),
    ("info", "--unlock"),
)


def _run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    vault: Path,
    argv: tuple[str, ...],
) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSPHRASE + "\n"))
    code = cli.main(["--vault", str(vault), *argv])
    out, err = capsys.readouterr()
    # Where the file is, and its size, differ from run to run.
    out = "".join(line for line in out.splitlines(True) if not line.startswith("Size "))
    out = out.replace(str(vault.parent), "{folder}")
    return f"$ reflect {' '.join(argv)}\n(exit {code})\n{out}{err}\n"


def _journal_lists(vault: Path) -> str:
    """What the app's History screen asks for (tag, topic, pages), by the journal service."""
    lines = []
    with Journal.open(vault, PASSPHRASE, write=False) as journal:
        for kwargs in (
            {"tag": "supervision", "limit": 4},
            {"topic": "power", "flagged": True, "limit": 4},
            {"limit": 3, "offset": 297},
            {"tag": "rupture_repair", "set_id": "repair", "limit": 3, "offset": 2},
        ):
            lines.append(f"list_sessions({kwargs})")
            lines += [f"  {summary}" for summary in journal.list_sessions(**kwargs)]  # type: ignore[arg-type]
        for query, tag in (("trust", None), ("", "question"), ("naïve", "supervision")):
            lines.append(f"search({query!r}, tag={tag!r}, limit=3)")
            lines += [f"  {hit}" for hit in journal.search(query, tag=tag, limit=3)]
        lines.append(f"counts() = {journal.counts()}")
    return "\n".join(lines) + "\n"


def test_read_commands_print_what_they_always_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = realistic_vault(tmp_path / "journal.reflect")
    text = "".join(_run(monkeypatch, capsys, vault, argv) for argv in READ_COMMANDS)
    text += _journal_lists(vault)
    if UPDATE:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN} is missing; create it with REFLECT_UPDATE_GOLDEN=1 and review it.")
    assert text == GOLDEN.read_text(encoding="utf-8"), "read commands differ from the golden file"


#: Each read command, with what its process must never import.
LIGHT = (
    ("search", "trust"),
    ("history",),
    ("info", "--unlock"),
    ("info",),
    ("export", "--allow-identifiers"),
    ("watchlist", "list"),
    ("names", "list"),
    ("identity", "show"),
)
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "textual", "rich")
#: Runs one command and then prints, last, the heavy packages the process imported.
PROBE = (
    "import sys\n"
    "from reflect_tui.cli import main\n"
    "code = main(sys.argv[1:])\n"
    f"heavy = sorted({{name.split('.')[0] for name in sys.modules}} & {set(HEAVY)!r})\n"
    "print('exit', code, 'heavy', heavy, file=sys.stderr)\n"
)


@pytest.mark.parametrize("argv", LIGHT, ids=" ".join)
def test_read_commands_never_import_sqlalchemy(tmp_path: Path, argv: tuple[str, ...]) -> None:
    vault = realistic_vault(tmp_path / "journal.reflect")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv, "--vault", str(vault)],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr.splitlines()[-1] == "exit 0 heavy []", done.stderr
