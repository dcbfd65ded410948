"""Read commands, whole process: reflect against jrnl 4.6 on the same 10,000 entries.

    python benchmarks/bench_export.py            # 10,000 entries
    python benchmarks/bench_export.py 2000       # another size

Each read command is set against what a jrnl user would run for the same question:

    reflect search WORD              jrnl -contains WORD -n 20      (20 results)
    reflect history                  jrnl -n 50 --short             (50 newest, one line)
    reflect info --unlock            jrnl --format dates            (counts for the journal)
    reflect export --format markdown jrnl --format markdown         (everything)

Both journals hold the same N entries (~600 characters each) and are encrypted with
each tool's default key derivation: reflect's Argon2id (256 MiB, 3 iterations) and
jrnl's PBKDF2-SHA256 (100,000 iterations). Each run is a whole process, passphrase on
standard input, output to /dev/null; the median of 5 is reported. "Without key
derivation" is measured, not subtracted, for reflect: the same process on a copy of the
vault whose key comes from the cheapest KDF reflect accepts (its tests' setting), so
all the rest (start-up, imports, decryption, reading, the identifier check, Markdown)
is counted. jrnl cannot turn its KDF off, so its PBKDF2 time is subtracted. The export
engine alone (in process, records already read) is timed against its goal of 0.5 s.

jrnl is installed with pip into a venv of its own (``$REFLECT_BENCH_JRNL_VENV``, default
a folder in the system temp dir), never into the project's; without network access the
jrnl columns are left out.

Both run from compiled bytecode, as installed programs do (pip compiles jrnl's at
install): reflect's is kept under a temporary ``PYTHONPYCACHEPREFIX``, never in the
source tree, and one untimed run of each command comes first. A checkout run with
``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every module at every start
(about 40 ms of each reflect command). The export is timed twice: with the vault's
findings cache filled (every answer saved by this release: the usual case) and empty
(a vault from before the cache, until the app's first export fills it).
"""

from __future__ import annotations

import base64
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from benchmarks.datagen import PASSPHRASE, paragraph
from reflect_tui.core.records import AnswerRecord, SessionRecord
from reflect_tui.export import (
    DocumentOptions,
    IdentifierChoice,
    Selection,
    build_export,
    plan_export,
    render,
)
from reflect_tui.export.scan import KnownSpans
from reflect_tui.journal import Journal
from reflect_tui.vault import crypto

REPEATS = 5
JRNL_VERSION = "4.6"
GOAL_S = 0.5
PER_SESSION = 5
TOPICS = ["identity", "power", "collaboration", "repair", "systemic-power", "countertransference"]
# jrnl 4.6 writes v3 journals: a random salt per file, PBKDF2-SHA256 at this count
# (jrnl/encryption/Jrnlv3Encryption.py).
JRNL_ITERATIONS = 100_000
#: A word in about one entry in twenty (the generator's vocabulary is Zipf-like).
SEARCH_WORD = "supervision"
#: (name, reflect's arguments, jrnl's arguments, target ratio without key derivation)
COMMANDS = (
    ("search", ["search", SEARCH_WORD], ["-contains", SEARCH_WORD, "-n", "20"], 0.3),
    ("history", ["history"], ["-n", "50", "--short"], 0.5),
    ("info --unlock", ["info", "--unlock"], ["--format", "dates"], 0.5),
    (
        "export",
        ["export", "--format", "markdown", "-o", "-", "--allow-identifiers"],
        ["--format", "markdown"],
        0.5,
    ),
)

ENCRYPT_FOR_JRNL = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
    plain, target, password = sys.argv[1], sys.argv[2], sys.stdin.readline().rstrip("\\n")
    enc = Jrnlv3Encryption("default", {"journal": target, "encrypt": True})
    enc.password = password
    Path(target).write_bytes(enc._encrypt(Path(plain).read_text(encoding="utf-8")))
    """
)


def entries(n: int) -> list[tuple[datetime, str]]:
    rng = random.Random(1)
    start = datetime(2016, 1, 1, 18, tzinfo=UTC)
    return [(start + timedelta(hours=9 * i), paragraph(rng)) for i in range(n)]


def reflect_sessions(items: list[tuple[datetime, str]]) -> list[SessionRecord]:
    sessions = []
    for first in range(0, len(items), PER_SESSION):
        group = items[first : first + PER_SESSION]
        when = group[0][0]
        answers = tuple(
            AnswerRecord(
                prompt_id=f"p{i}",
                prompt_text=f"Prompt {i}?",
                text=text,
                topic=TOPICS[(first + i) % len(TOPICS)],
                position=i,
                created=when,
                updated=when,
            )
            for i, (_, text) in enumerate(group)
        )
        sessions.append(
            SessionRecord("end-of-day", "End of day", when, finished=when, answers=answers)
        )
    return sessions


def jrnl_text(items: list[tuple[datetime, str]]) -> str:
    lines = []
    for when, text in items:
        title, _, body = text.partition(" ")
        stamp = when.strftime("%Y-%m-%d %I:%M:%S %p")
        lines.append(f"[{stamp}] {title}.\n{body}\n")
    return "\n".join(lines)


def jrnl_venv() -> Path | None:
    venv = Path(
        os.environ.get("REFLECT_BENCH_JRNL_VENV")
        or Path(tempfile.gettempdir()) / f"reflect-bench-jrnl-{JRNL_VERSION}"
    )
    jrnl = venv / "bin" / "jrnl"
    if jrnl.exists():
        return venv
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "--quiet", f"jrnl=={JRNL_VERSION}"],
            check=True,
        )
    except subprocess.CalledProcessError:
        print("(jrnl could not be installed; its columns are left out)", file=sys.stderr)
        return None
    return venv


def median_run(command: list[str], stdin: str, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(REPEATS + 1):  # the first, untimed: bytecode and the page cache warm
        t = time.perf_counter()
        subprocess.run(
            command,
            input=stdin,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
            env=env,
            start_new_session=True,  # no terminal: both tools read the passphrase from stdin
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times[1:])


def compiled_env(root: Path) -> dict[str, str]:
    """reflect's environment: bytecode written and read under ``root``, as installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": str(root / "pycache")}


def without_findings_cache(source: Path, target: Path) -> None:
    """A copy of the vault ``source`` whose findings cache is empty."""
    shutil.copyfile(source, target)
    with Journal.open(target, PASSPHRASE) as journal:
        journal._conn.execute("DELETE FROM identifier_scan")
        journal.save()


def median_call(function: object, *args: object) -> float:
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        function(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def jrnl_kdf() -> None:
    kdf = PBKDF2HMAC(hashes.SHA256(), 32, os.urandom(16), JRNL_ITERATIONS)
    base64.urlsafe_b64encode(kdf.derive(PASSPHRASE.encode()))


def export_engine(sessions: list[SessionRecord], known: KnownSpans | None = None) -> None:
    plan = plan_export(
        sessions, [], Selection(), watch_words=["Amara", "Oakwood School"], known=known
    )
    render(build_export(plan, IdentifierChoice.ALLOW, DocumentOptions()), "markdown")


def filled_cache(sessions: list[SessionRecord]) -> KnownSpans:
    """The findings cache as a journal that saved ``sessions`` holds it."""
    learning = KnownSpans({})
    plan_export(sessions, [], Selection(), known=learning)
    return KnownSpans(dict(learning.learned))


def jrnl_setup(root: Path, venv: Path, items: list[tuple[datetime, str]]) -> dict[str, str]:
    """An encrypted jrnl journal of ``items`` and the environment that points jrnl at it."""
    plain = root / "journal.txt"
    plain.write_text(jrnl_text(items), encoding="utf-8")
    encrypted = root / "journal.jrnl"
    subprocess.run(
        [str(venv / "bin" / "python"), "-c", ENCRYPT_FOR_JRNL, str(plain), str(encrypted)],
        input=PASSPHRASE + "\n",
        text=True,
        check=True,
    )
    plain.unlink()
    config = root / "config" / "jrnl"
    config.mkdir(parents=True)
    (config / "jrnl.yaml").write_text(
        f"journals:\n  default:\n    journal: {encrypted}\n    encrypt: true\n"
        "encrypt: true\neditor: ''\ntagsymbols: '#@'\ntimeformat: '%Y-%m-%d %I:%M:%S %p'\n"
        "default_hour: 9\ndefault_minute: 0\nhighlight: false\nlinewrap: 79\n"
        "indent_character: '|'\ntemplate: false\n"
        f"version: v{JRNL_VERSION}\n"
        "colors: {body: none, date: none, tags: none, title: none}\n",
        encoding="utf-8",
    )
    return {**os.environ, "XDG_CONFIG_HOME": str(root / "config"), "HOME": str(root)}


def measure(n: int) -> dict[str, float]:
    """Every timing, by key: ``reflect NAME``, ``reflect NAME no-kdf``, ``jrnl NAME``, the
    two key derivations and the export engine."""
    items = entries(n)
    sessions = reflect_sessions(items)
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        vault = root / "bench.reflect"
        cheap = root / "cheap-kdf.reflect"
        for path, kdf in ((vault, crypto.DEFAULT_KDF), (cheap, crypto.TEST_KDF)):
            with Journal.create(path, PASSPHRASE, kdf=kdf) as journal:
                journal.import_records(sessions)
        cold = root / "cold-cache.reflect"
        without_findings_cache(cheap, cold)
        env = compiled_env(root)
        runs = [
            (name, args, path, key)
            for name, args, _, _ in COMMANDS
            for key, path in ((name, vault), (f"{name} no-kdf", cheap))
        ]
        runs.append(("export", COMMANDS[-1][1], cold, "export cold-cache no-kdf"))
        for _, args, path, key in runs:
            command = [sys.executable, "-m", "reflect_tui", "--vault", str(path), *args]
            results[f"reflect {key}"] = median_run(command, PASSPHRASE + "\n", env)
        results["reflect kdf"] = median_call(
            crypto.derive_passphrase_key, PASSPHRASE, b"s" * 16, crypto.DEFAULT_KDF
        )
        results["engine"] = median_call(export_engine, sessions)
        results["engine cached"] = median_call(export_engine, sessions, filled_cache(sessions))
        venv = jrnl_venv()
        if venv is not None:
            env = jrnl_setup(root, venv, items)
            for name, _, args, _ in COMMANDS:
                jrnl = [str(venv / "bin" / "jrnl"), *args]
                results[f"jrnl {name}"] = median_run(jrnl, PASSPHRASE + "\n", env)
            results["jrnl kdf"] = median_call(jrnl_kdf)
    return results


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_table(n: int, results: dict[str, float]) -> None:
    print(f"\n{n:,} entries, median of {REPEATS} whole processes (seconds)\n")
    print("| command | reflect | jrnl | ratio | target | |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    jrnl_kdf_s = results.get("jrnl kdf")
    for name, _, _, target in COMMANDS:
        ours = results[f"reflect {name} no-kdf"]
        theirs = results.get(f"jrnl {name}")
        bare = None if theirs is None or jrnl_kdf_s is None else theirs - jrnl_kdf_s
        ratio = "" if bare is None else f"{ours / bare:.2f}"
        verdict = "" if bare is None else ("met" if ours <= target * bare else "MISSED")
        print(
            f"| {name}, without key derivation | {ours:.3f} | {_seconds(bare)} | {ratio} "
            f"| ≤ {target} | {verdict} |"
        )
    for name, *_ in COMMANDS:
        ours = results[f"reflect {name}"]
        theirs = results.get(f"jrnl {name}")
        ratio = "" if theirs is None else f"{ours / theirs:.2f}"
        print(f"| {name}, with key derivation | {ours:.3f} | {_seconds(theirs)} | {ratio} | | |")
    print(f"| key derivation alone | {results['reflect kdf']:.3f} | {_seconds(jrnl_kdf_s)} | | | |")
    cold = results["reflect export cold-cache no-kdf"]
    bare = results.get("jrnl export")
    bare = None if bare is None or jrnl_kdf_s is None else bare - jrnl_kdf_s
    ratio = "" if bare is None else f"{cold / bare:.2f}"
    print(
        f"| export, without key derivation, findings cache empty | {cold:.3f} "
        f"| {_seconds(bare)} | {ratio} | | |"
    )
    cached, scanned = results["engine cached"], results["engine"]
    print(
        f"\nExport engine alone (select, identifier check, document, Markdown; records "
        f"already read), goal < {GOAL_S} s: {cached:.3f} s with the findings cache "
        f"({'met' if cached < GOAL_S else 'MISSED'}); {scanned:.3f} s scanning every text, as "
        f"the first export after the check itself changes does "
        f"({'met' if scanned < GOAL_S else 'MISSED'})."
    )


def main(n: int) -> None:
    print_table(n, measure(n))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
