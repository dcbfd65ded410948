"""The vault file on disk: header, atomic durable save, the writer's lock, backups.

Format v1, little-endian::

    magic(8) version(u16) header_len(u16) file_id(16)
    kdf_id(u8) memory_kib(u32) iterations(u32) lanes(u32) salt(16)
    wrapped_key(60)
    body_seed(32) body_nonce(12) generation(u64) body_len(u64)
    sha256(all of the above)(32)
    body: AES-256-GCM ciphertext and tag (body_len bytes)

This file is the *snapshot*; saves since it are records in the change log beside it
(:mod:`reflect_tui.vault.changelog`), and a compaction writes a new snapshot here.

The checksum tells damage from a wrong passphrase. The wrapped key is bound to the
vault id, KDF parameters and salt; the body to the vault id, seed, nonce, generation
and length. The body is not bound to the wrapped key, so a passphrase change rewrites
the header alone and leaves the body's bytes as they were.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import os
import secrets
import shutil
import struct
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from reflect_tui.core import clock
from reflect_tui.vault.crypto import KDF_ARGON2ID, WRAPPED_KEY_LEN, KdfParams
from reflect_tui.vault.errors import (
    NewerFormat,
    NotAVault,
    SaveFailed,
    VaultDamaged,
    VaultInUse,
    VaultMissing,
)

MAGIC = b"\x89REFL\r\n\x1a"
FORMAT_VERSION = 1
_FIELDS = struct.Struct(f"<8sHH16sBIII16s{WRAPPED_KEY_LEN}s32s12sQQ")
_CHECKSUM_LEN = 32
HEADER_LEN = _FIELDS.size + _CHECKSUM_LEN
_PREFIX = struct.Struct("<8sHH")
_WRAP_AD_END = 57  # magic .. salt
_BODY_AD_START = 57 + WRAPPED_KEY_LEN  # seed .. body_len
BACKUPS_KEPT = 5
#: Also kept: the last version of each of this many days (newest days first), so a
#: mistake noticed tomorrow can still be undone after a day of saves.
DAYS_KEPT = 7


@dataclass(frozen=True)
class Header:
    file_id: bytes
    kdf: KdfParams
    salt: bytes
    wrapped_key: bytes
    seed: bytes
    nonce: bytes
    generation: int
    body_len: int
    version: int = FORMAT_VERSION

    def fields(self) -> bytes:
        k = self.kdf
        return _FIELDS.pack(
            MAGIC,
            self.version,
            HEADER_LEN,
            self.file_id,
            k.kdf_id,
            k.memory_kib,
            k.iterations,
            k.lanes,
            self.salt,
            self.wrapped_key,
            self.seed,
            self.nonce,
            self.generation,
            self.body_len,
        )

    def pack(self) -> bytes:
        fields = self.fields()
        return fields + hashlib.sha256(fields).digest()

    def wrap_ad(self) -> bytes:
        """Associated data for the wrapped key: vault id, KDF parameters and salt."""
        return self.fields()[:_WRAP_AD_END]

    def body_ad(self) -> bytes:
        """Associated data for the body: everything but the key-wrapping fields."""
        fields = self.fields()
        return fields[:28] + fields[_BODY_AD_START:]

    def evolve(self, **changes: object) -> Header:
        return replace(self, **changes)  # type: ignore[arg-type]


def _close_to_magic(prefix: bytes) -> bool:
    """True when ``prefix`` is the magic with at most two flipped bits (damage, not foreign)."""
    diff = sum(bin(a ^ b).count("1") for a, b in zip(prefix, MAGIC, strict=False))
    return diff <= 2


def parse(path: Path, data: bytes) -> tuple[Header, memoryview]:
    """Check a whole vault file and split it into its header and the sealed body (a view:
    ten years of journal are not copied just to leave the header out)."""
    if len(data) < len(MAGIC):
        if data == MAGIC[: len(data)]:
            raise VaultDamaged(path, f"it is cut short at {len(data)} bytes")
        raise NotAVault(path)
    if data[: len(MAGIC)] != MAGIC and not _close_to_magic(data[: len(MAGIC)]):
        raise NotAVault(path)
    if len(data) < HEADER_LEN:
        raise VaultDamaged(path, f"it is cut short at {len(data)} bytes")
    _, version, header_len = _PREFIX.unpack_from(data)
    fields, checksum = (
        data[: HEADER_LEN - _CHECKSUM_LEN],
        data[HEADER_LEN - _CHECKSUM_LEN : HEADER_LEN],
    )
    if hashlib.sha256(fields).digest() != checksum:
        if version > FORMAT_VERSION and data[: len(MAGIC)] == MAGIC:
            # A later format may lay out its header differently; trust the version only
            # when its own checksum (at its own header length) holds.
            end = header_len - _CHECKSUM_LEN
            if (
                header_len <= len(data)
                and hashlib.sha256(data[:end]).digest() == data[end:header_len]
            ):
                raise NewerFormat(path, version, FORMAT_VERSION)
        raise VaultDamaged(path, "its header does not match its checksum")
    (
        magic,
        version,
        header_len,
        file_id,
        kdf_id,
        memory,
        iterations,
        lanes,
        salt,
        wrapped,
        seed,
        nonce,
        generation,
        body_len,
    ) = _FIELDS.unpack(fields)
    if magic == MAGIC and version > FORMAT_VERSION:
        raise NewerFormat(path, version, FORMAT_VERSION)
    if magic != MAGIC or header_len != HEADER_LEN or version != FORMAT_VERSION:
        raise VaultDamaged(path, "its header is inconsistent")
    if not _kdf_plausible(kdf_id, memory, iterations, lanes):
        raise VaultDamaged(path, "its key-derivation settings are impossible")
    expected = HEADER_LEN + body_len
    if len(data) != expected:
        raise VaultDamaged(path, f"it holds {len(data)} bytes where {expected} were written")
    header = Header(
        file_id=file_id,
        kdf=KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes, kdf_id=kdf_id),
        salt=salt,
        wrapped_key=wrapped,
        seed=seed,
        nonce=nonce,
        generation=generation,
        body_len=body_len,
    )
    return header, memoryview(data)[HEADER_LEN:]


def _kdf_plausible(kdf_id: int, memory_kib: int, iterations: int, lanes: int) -> bool:
    """Bounds no honest vault exceeds; a tampered header must not make unlock hang or crash.

    The checksum is unkeyed, so anyone who can write the file can set these fields; the
    wrap check only runs after Argon2id, so it cannot be what stops them.
    """
    return (
        kdf_id == KDF_ARGON2ID
        and 1 <= lanes <= 64
        and 8 * lanes <= memory_kib <= 4 * 1024 * 1024
        and 1 <= iterations <= 64
    )


def read(path: Path) -> tuple[Header, memoryview]:
    """Read and check a vault file: :class:`VaultMissing` if there is none,
    :class:`NotAVault` for a folder."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultMissing(path) from None
    except IsADirectoryError:
        raise NotAVault(path) from None
    return parse(path, data)


def backup_dir(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def list_backups(path: Path) -> list[Path]:
    """Backups beside the vault, newest first (by number: see :func:`_keep_backup`)."""
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.name.startswith("generation-")]
    return sorted(found, key=lambda p: p.name, reverse=True)


def _number(backup: Path) -> int:
    try:
        return int(backup.stem.removeprefix("generation-"))
    except ValueError:
        return -1


def backups_to_prune(backups: list[Path]) -> list[Path]:
    """Of ``backups`` (newest first), all but the newest :data:`BACKUPS_KEPT` and the
    newest of each of the last :data:`DAYS_KEPT` days they were written on."""
    keep = set(backups[:BACKUPS_KEPT])
    days: set[date] = set()
    for backup in backups:
        try:
            day = clock.day_of(datetime.fromtimestamp(backup.stat().st_mtime, UTC))
        except (OSError, ValueError, OverflowError):  # gone, or a time no date can hold
            continue
        if day not in days and len(days) < DAYS_KEPT:
            days.add(day)
            keep.add(backup)
    return [backup for backup in backups if backup not in keep]


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def remove_stale_temps(path: Path) -> int:
    """Delete temp files an interrupted save left behind (ciphertext, but clutter)."""
    removed = 0
    for leftover in path.parent.glob(_temp_prefix(path) + "*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def explain(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def _keep_backup(path: Path, generation: int) -> None:
    """Hard-link the current file into the backup folder, then prune old generations."""
    folder = backup_dir(path)
    folder.mkdir(mode=0o700, exist_ok=True)
    # Normally the number is the file's generation. After a restore, generations repeat
    # numbers the abandoned line's backups still hold: the restored line numbers on
    # above them, so its backups rank newest (and are the ones kept and named).
    number = max([generation, *(_number(b) + 1 for b in list_backups(path))])
    target = folder / f"generation-{number:012d}.reflect"
    link = folder / f".link-{secrets.token_hex(6)}.tmp"
    try:
        os.link(path, link)
    except OSError:
        shutil.copyfile(path, link)  # a filesystem without hard links (exFAT, some shares)
        os.chmod(link, 0o600)
        written = path.stat()  # the copy keeps the day the version was written
        os.utime(link, ns=(written.st_atime_ns, written.st_mtime_ns))
    os.replace(link, target)
    for old in backups_to_prune(list_backups(path)):
        with contextlib.suppress(OSError):
            old.unlink()
    for leftover in folder.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    # No fsync of the backup folder: a backup lost to a crash costs nothing, and the
    # vault itself is made durable by write_atomic's own fsyncs.


def write_atomic(
    path: Path,
    data: bytes | tuple[bytes | memoryview, ...],
    *,
    previous_generation: int | None,
    times_ns: tuple[int, int] | None = None,
) -> None:
    """Write ``data`` as the vault: temp file, fsync, keep a backup, replace, fsync folder.

    ``data`` may be a tuple of parts (header, body), written one after the other so a
    large body is never copied just to put a header in front of it. A crash at any
    moment leaves either the old file or the new one. On failure the old file is
    untouched and :class:`SaveFailed` is raised.
    """
    tmp = path.parent / f"{_temp_prefix(path)}{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            for part in data if isinstance(data, tuple) else (data,):
                view = memoryview(part)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if times_ns is not None:
            os.utime(tmp, ns=times_ns)
        if previous_generation is not None and path.exists():
            # A backup is a bonus, never a reason to fail (a full disk, an odd file time).
            with contextlib.suppress(OSError, ValueError, OverflowError):
                _keep_backup(path, previous_generation)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SaveFailed(path, explain(exc)) from exc


def rewrite_backup(backup: Path, data: bytes | tuple[bytes | memoryview, ...]) -> None:
    """Replace a backup's bytes (under a new passphrase), keeping the day it was written
    so it still counts as that day's backup."""
    written = backup.stat()
    times = (written.st_atime_ns, written.st_mtime_ns)
    write_atomic(backup, data, previous_generation=None, times_ns=times)


class WriterLock:
    """An exclusive ``flock`` on ``<vault>.lock``, held while a vault is open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(path.name + ".lock")
        self._fd: int | None = None

    def acquire(self, vault: Path) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise VaultInUse(vault) from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
