"""Shared fixtures: real vault files in a temporary folder, with cheap KDF parameters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reflect_tui.journal import Journal
from reflect_tui.vault import crypto

PASSPHRASE = "correct horse battery staple"


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
