"""Shared fixtures: real vault files in a temporary folder, with cheap KDF parameters."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reflect_tui.journal import Journal
from reflect_tui.vault import crypto
from tests import clocks

# A shared or slow machine must not fail a property test for drawing its inputs slowly
# or for one slow example: what the tests check is the answer, never the time taken.
settings.register_profile("reflect", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("reflect")

PASSPHRASE = "correct horse battery staple"

#: The zone the run was started in (the suite passes in any; CI tries several).
RUN_ZONE = os.environ.get("TZ")

# Before any test module is imported, so their module-level dates come from it too.
clocks.install()


@pytest.fixture(autouse=True)
def set_clock() -> Iterator[clocks.SetClock]:
    """Every test starts at the suite's fixed "now" (tests/clocks.py), never the wall clock."""
    yield clocks.install()
    clocks.SetClock.zone(RUN_ZONE)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "any_clock" in metafunc.fixturenames:
        cases = clocks.MATRIX
        metafunc.parametrize("any_clock", cases, ids=[c.name for c in cases], indirect=True)


@pytest.fixture
def any_clock(request: pytest.FixtureRequest, set_clock: clocks.SetClock) -> clocks.SetClock:
    """Runs the test once in every zone and at every hour of ``clocks.MATRIX``."""
    case: clocks.Case = request.param
    set_clock.zone(case.zone)
    set_clock.set(case.local)
    return set_clock


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep every test away from the real user folders."""
    home = tmp_path_factory.mktemp("reflect-home")
    monkeypatch.setenv("REFLECT_HOME", str(home))
    monkeypatch.delenv("REFLECT_VAULT", raising=False)
    return home


@pytest.fixture
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> crypto.KdfParams:
    """Make the default KDF cheap for code paths (CLI init, passwd) that use it."""
    monkeypatch.setattr(crypto, "DEFAULT_KDF", crypto.TEST_KDF)
    return crypto.TEST_KDF


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "vault" / "journal.reflect"


@pytest.fixture
def journal(vault_path: Path) -> Iterator[Journal]:
    j = Journal.create(vault_path, PASSPHRASE, kdf=crypto.TEST_KDF)
    yield j
    if j.is_open:
        j.close()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    """The test order is random (pytest-randomly); say how to replay it, even under -q."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(
            f"Tests ran in random order; replay it with --randomly-seed={seed}"
        )


@pytest.fixture
def snapshot_every_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save writes a whole snapshot (a compaction), as each did before the change
    log: for tests of what compactions do (backups, their days, their passphrase)."""
    from reflect_tui.vault import changelog

    monkeypatch.setattr(changelog, "LOG_LIMIT", 0)
