"""``reflect init``, ``reflect info`` and ``reflect passwd``: the vault itself."""

from __future__ import annotations

import argparse
from typing import Any

from reflect_tui.cli.common import (
    open_reader,
    read_new_passphrase,
    read_passphrase,
    vault_path,
)
from reflect_tui.vault.errors import VaultError, VaultExists


def register(sub: argparse._SubParsersAction[Any]) -> None:
    init = sub.add_parser("init", help="create a new, empty vault")
    init.set_defaults(handler=init_vault)
    info = sub.add_parser("info", help="where the vault is, its format, size and backups")
    info.add_argument(
        "--unlock", action="store_true", help="also ask for the passphrase and show counts"
    )
    info.set_defaults(handler=show_info)
    passwd = sub.add_parser("passwd", help="change the vault's passphrase")
    passwd.set_defaults(handler=change_passphrase)


class WeakPassphrase(VaultError):
    exit_code = 2


def _new_passphrase() -> str:
    """A new passphrase, held to the same rule as the app's create screen."""
    from reflect_tui.core.passphrase_strength import estimate

    passphrase = read_new_passphrase()
    strength = estimate(passphrase)
    if not strength.acceptable:
        raise WeakPassphrase(f"That passphrase is too weak. {strength.advice}")
    return passphrase


def init_vault(args: argparse.Namespace) -> int:
    path = vault_path(args)
    if path.exists():
        raise VaultExists(path)
    passphrase = _new_passphrase()
    from reflect_tui.journal import Journal

    with Journal.create(path, passphrase):
        pass
    print(f"Created an encrypted vault at {path}.")
    print("Keep your passphrase safe: if it is lost, nobody can recover these reflections.")
    return 0


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    raise AssertionError


def show_info(args: argparse.Namespace) -> int:
    from reflect_tui.journal.reader import inspect

    info = inspect(vault_path(args))
    kdf = info.kdf
    rows = [
        ("Vault", str(info.path)),
        ("Format", f"reflect vault v{info.format_version}, AES-256-GCM"),
        (
            "Key derivation",
            f"Argon2id, {kdf.memory_kib // 1024} MiB, {kdf.iterations} iterations, "
            f"{kdf.lanes} lanes",
        ),
        ("Size", _size(info.size + info.log_size)),
        ("Saves", str(info.generation + info.log_records)),
    ]
    if info.log_size:
        since = f"{info.log_records} save{'s' if info.log_records != 1 else ''}"
        rows.append(("Change log", f"{since} since the last compaction ({_size(info.log_size)})"))
    if info.backups:
        rows.append(("Backups", f"{len(info.backups)} in {info.backups[0].parent}"))
        rows.append(("Newest backup", info.backups[0].name))
        rows.append(("To restore", f"close reflect, then copy a backup over {info.path}"))
    else:
        rows.append(
            (
                "Backups",
                "none yet (one at each lock or quit: the last 5, and a day's last for 7 days)",
            )
        )
    if args.unlock:
        with open_reader(args) as journal:
            c = journal.counts()
        rows += [
            ("Reflections", f"{c.sessions} ({c.finished} finished)"),
            ("Answers", f"{c.answers} ({c.words} words)"),
            ("Flagged", str(c.flagged)),
            ("Action items", f"{c.actions} ({c.open_actions} open)"),
        ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    return 0


def change_passphrase(args: argparse.Namespace) -> int:
    from reflect_tui.journal import Journal

    path = vault_path(args)
    Journal.check_exists(path)
    with Journal.open(path, read_passphrase("Current passphrase: ")) as journal:
        journal.change_passphrase(_new_passphrase())
    print("Passphrase changed; the backups beside the vault now use it too.")
    return 0
