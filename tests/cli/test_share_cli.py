"""``reflect export --format sealed`` and ``reflect open-share`` on real files."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest

from reflect_tui.export.sealed.words import share_words
from tests.cli import test_export_cli
from tests.cli.test_export_cli import run
from tests.conftest import PASSPHRASE

# The same vault and zone as the export tests (pytest finds fixtures by module name).
filled = test_export_cli.filled
a_fixed_zone = test_export_cli.a_fixed_zone

STRONG = "lantern orchard pebble violin thistle comet"


def shown_passphrase(err: str) -> str:
    found = re.search(r"shown only now:\n\n    (.+)\n", err)
    assert found, err
    return found.group(1)


def seal(monkeypatch, capsys, vault: Path, out: Path, *extra: str, stdin: str = PASSPHRASE + "\n"):
    """``reflect export --format sealed``, run as from a terminal (where stderr is one)."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    return run(
        monkeypatch,
        capsys,
        "--vault",
        str(vault),
        "export",
        "--format",
        "sealed",
        "-o",
        str(out),
        *extra,
        stdin=stdin,
    )


def test_a_sealed_export_opens_to_the_same_document_as_a_text_export(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "supervision.html"
    code, out, err = seal(monkeypatch, capsys, filled, share)
    assert (code, out) == (0, "")
    assert stat.S_IMODE(share.stat().st_mode) == 0o600
    assert "It is sealed" in err and "plaintext" not in err
    assert "never in\nthe same e-mail" in err
    passphrase = shown_passphrase(err)
    assert len(passphrase.split()) == 6 and set(passphrase.split()) <= set(share_words())

    code, text_export, _ = run(
        monkeypatch, capsys, "--vault", str(filled), "export", "--format", "text"
    )
    assert code == 0
    code, opened, err = run(
        monkeypatch, capsys, "open-share", str(share), stdin=passphrase.upper() + "\n"
    )
    assert (code, err) == (0, "")
    assert opened == text_export

    code, html, _ = run(
        monkeypatch, capsys, "open-share", str(share), "--format", "html", stdin=passphrase + "\n"
    )
    code2, html_export, _ = run(
        monkeypatch, capsys, "--vault", str(filled), "export", "--format", "html"
    )
    assert code == code2 == 0 and html == html_export


def test_each_share_gets_a_new_passphrase(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    first = shown_passphrase(seal(monkeypatch, capsys, filled, tmp_path / "a.html")[2])
    second = shown_passphrase(seal(monkeypatch, capsys, filled, tmp_path / "b.html")[2])
    assert first != second
    code, _, err = run(
        monkeypatch, capsys, "open-share", str(tmp_path / "b.html"), stdin=first + "\n"
    )
    assert code == 5 and "does not open this share" in err


def test_a_script_can_give_its_own_strong_passphrase(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "s.html"
    code, _, err = seal(
        monkeypatch, capsys, filled, share, "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{STRONG}\n"
    )
    assert code == 0
    assert STRONG not in err and "shown only now" not in err
    code, opened, _ = run(monkeypatch, capsys, "open-share", str(share), stdin=STRONG + "\n")
    assert code == 0 and opened.startswith("SUPERVISION PREPARATION")


@pytest.mark.parametrize("weak", ["password1", "supervision", "Aa Aa Aa Aa"])
def test_a_weak_passphrase_from_a_script_is_refused_and_nothing_written(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, weak: str
) -> None:
    share = tmp_path / "s.html"
    code, out, err = seal(
        monkeypatch, capsys, filled, share, "--passphrase-stdin", stdin=f"{PASSPHRASE}\n{weak}\n"
    )
    assert (code, out) == (2, "")
    assert "too weak" in err and "nothing was written" in err
    assert not share.exists()


def test_passphrase_stdin_is_only_for_sealed(
    filled: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    code, _, err = run(monkeypatch, capsys, "--vault", str(filled), "export", "--passphrase-stdin")
    assert code == 2 and "--format sealed only" in err


def test_sealing_does_not_skip_the_identifier_check(
    journal, vault_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from reflect_tui.core.records import AnswerRecord, SessionRecord
    from tests.export.test_export_sample import at

    when = at(4, 18)
    record = SessionRecord(
        set_id="end-of-day",
        set_title="End of day",
        started=when,
        finished=when,
        answers=(
            AnswerRecord(
                prompt_id="p",
                prompt_text="What happened?",
                text="Her mother rang from 07700 900123 about the forms.",
                created=when,
                updated=when,
            ),
        ),
    )
    journal.import_records([record])
    journal.close()
    share = tmp_path / "s.html"
    code, _, err = seal(monkeypatch, capsys, vault_path, share)
    assert code == 16 and "phone" in err and not share.exists()
    code, _, err = seal(monkeypatch, capsys, vault_path, share, "--redact")
    assert code == 0
    code, opened, _ = run(
        monkeypatch, capsys, "open-share", str(share), stdin=shown_passphrase(err) + "\n"
    )
    assert code == 0 and "[phone]" in opened and "07700" not in opened


@pytest.mark.parametrize(
    ("make", "code", "message"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), 7, "incomplete"),
        (lambda p: p.write_text(p.read_text().replace("+", "-", 1)), 7, "damaged"),
        (lambda p: p.write_text("<html><body>Hello</body></html>"), 6, "not a sealed share"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)), 6, "not a sealed share"),
        (lambda p: p.unlink(), 3, "There is no file"),
    ],
)
def test_open_share_explains_a_file_it_cannot_open_before_asking_anything(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, make, code, message
) -> None:
    share = tmp_path / "s.html"
    seal(monkeypatch, capsys, filled, share)
    make(share)
    # No passphrase on stdin: the damage is told without asking for one.
    got, out, err = run(monkeypatch, capsys, "open-share", str(share), stdin="")
    assert (got, out) == (code, "")
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_open_share_writes_a_private_file_when_asked(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "s.html"
    passphrase = shown_passphrase(seal(monkeypatch, capsys, filled, share)[2])
    out_file = tmp_path / "opened.txt"
    code, out, err = run(
        monkeypatch, capsys, "open-share", str(share), "-o", str(out_file), stdin=passphrase + "\n"
    )
    assert (code, out) == (0, "")
    assert "plaintext" in err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    assert out_file.read_text().startswith("SUPERVISION PREPARATION")
    code, _, err = run(
        monkeypatch, capsys, "open-share", str(share), "-o", str(out_file), stdin=passphrase + "\n"
    )
    assert code == 17 and "already exists" in err


def test_a_made_passphrase_is_never_printed_where_it_could_be_lost_or_logged(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "s.html"
    # capsys's stderr is no terminal: like 2>/dev/null or 2>>export.log
    code, out, err = run(
        monkeypatch,
        capsys,
        "--vault",
        str(filled),
        "export",
        "--format",
        "sealed",
        "-o",
        str(share),
    )
    assert (code, out) == (2, "")
    assert "shown only on a terminal" in err and "--passphrase-stdin" in err
    assert not share.exists()


def test_a_missing_share_passphrase_is_named(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "s.html"
    code, _, err = seal(monkeypatch, capsys, filled, share, "--passphrase-stdin")
    assert code == 2 and "No share passphrase was given" in err and not share.exists()


def test_a_passphrase_of_only_spaces_is_no_passphrase(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    share = tmp_path / "s.html"
    seal(monkeypatch, capsys, filled, share)
    code, out, err = run(monkeypatch, capsys, "open-share", str(share), stdin="   \t \n")
    assert (code, out) == (2, "") and "No passphrase was given" in err


@pytest.mark.parametrize(
    "resave",
    [
        lambda text: text.encode("cp1252"),  # a mail gateway's 8-bit character set
        lambda text: text.encode("utf-16"),  # an editor's "Unicode"
        lambda text: text.replace("\n", "\r\n").encode(),  # Windows line ends
    ],
    ids=["cp1252", "utf-16", "crlf"],
)
def test_a_share_saved_again_in_another_encoding_still_opens(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, resave
) -> None:
    share = tmp_path / "s.html"
    passphrase = shown_passphrase(seal(monkeypatch, capsys, filled, share)[2])
    share.write_bytes(resave(share.read_text(encoding="utf-8")))
    code, opened, err = run(monkeypatch, capsys, "open-share", str(share), stdin=passphrase + "\n")
    assert (code, err) == (0, "") and opened.startswith("SUPERVISION PREPARATION")
