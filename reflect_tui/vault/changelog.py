"""The change log beside the vault file: each save appended, sealed and fsynced.

The vault file is a snapshot; ``journal.reflect.changes`` beside it holds what was saved
since, one sealed record per save, so a save writes kilobytes instead of the whole
journal. Opening replays the records onto the snapshot; compaction (on lock, on quit,
when the log grows past :data:`LOG_LIMIT`) writes a new snapshot and removes the log.

Format v1, little-endian::

    header: magic(8) version(u16) file_id(16) generation(u64) snapshot(32) seed(32)
            sha256(all of the above)(32)
    record: length(u32) check(u32) nonce(12) sealed(length)

``snapshot`` is :func:`snapshot_id` of the vault file the log continues (a digest of the
body's associated data, which holds that save's fresh seed and nonce), so a log cannot be
replayed onto another snapshot, not even one of the same generation. Each record is
AES-256-GCM under ``HKDF-SHA256(data key, salt=seed, info="reflect log v1")`` with a
random nonce and the header's fields plus the record's sequence number (0, 1, ...) as
associated data: a record moved, dropped from the middle, changed or taken from another
log fails to open. ``check`` is a CRC of the length and the sequence number, so a
flipped length is damage, not a torn write. Only a record cut short at the end of the
file (the save that was being written when the process died) is a torn record: it was
never acknowledged, and it is dropped. Any other fault is reported, never guessed.

A record's plaintext is a kind byte and a payload: :data:`CHANGES` (row images, see
:mod:`reflect_tui.vault.rowlog`) or :data:`FOLDED` (the :func:`snapshot_id` of the
snapshot a compaction is about to write; once that snapshot is the vault, the log is
known to be inside it and is removed, even after a crash between the two steps).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reflect_tui.vault import container
from reflect_tui.vault.errors import SaveFailed, VaultDamaged

LOG_MAGIC = b"\x89RFLOG\r\n"
LOG_VERSION = 1
_FIELDS = struct.Struct("<8sH16sQ32s32s")
HEADER_LEN = _FIELDS.size + 32
_FRAME = struct.Struct("<II12s")
_TAG_LEN = 16
CHANGES = 1
FOLDED = 2
#: A save that would take the log past this many bytes compacts instead: about 2,000
#: typical saves (an hour of typing, saved every two seconds), and replaying a log this
#: long at unlock stays inside its budget (see benchmarks/bench_vault.py).
LOG_LIMIT = 2 << 20
#: A save that changed more rows than this writes a snapshot instead of a record.
ROWS_LIMIT = 2000


def log_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".changes")


def snapshot_id(header: container.Header) -> bytes:
    """Names one saved body: unchanged by a passphrase change, new at every snapshot."""
    return hashlib.sha256(header.body_ad()).digest()


@dataclass(frozen=True)
class LogHeader:
    file_id: bytes
    generation: int
    snapshot: bytes
    seed: bytes

    def fields(self) -> bytes:
        return _FIELDS.pack(
            LOG_MAGIC, LOG_VERSION, self.file_id, self.generation, self.snapshot, self.seed
        )

    def pack(self) -> bytes:
        fields = self.fields()
        return fields + hashlib.sha256(fields).digest()

    def aead(self, data_key: bytes) -> AESGCM:
        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=self.seed, info=b"reflect log v1")
        return AESGCM(hkdf.derive(data_key))

    def record_ad(self, seq: int) -> bytes:
        return self.fields() + seq.to_bytes(8, "little")

    def continues(self, header: container.Header) -> bool:
        return self.file_id == header.file_id and self.snapshot == snapshot_id(header)


def _check(length: int, seq: int) -> int:
    return zlib.crc32(struct.pack("<IQ", length, seq))


def _parse_header(path: Path, data: bytes) -> LogHeader:
    if len(data) < HEADER_LEN:
        raise VaultDamaged(path, f"its change log is cut short at {len(data)} bytes")
    fields, checksum = data[: _FIELDS.size], data[_FIELDS.size : HEADER_LEN]
    if hashlib.sha256(fields).digest() != checksum:
        raise VaultDamaged(path, "its change log's header does not match its checksum")
    magic, version, file_id, generation, snapshot, seed = _FIELDS.unpack(fields)
    if magic != LOG_MAGIC or version != LOG_VERSION:
        raise VaultDamaged(path, "its change log is not one this reflect can read")
    return LogHeader(file_id, generation, snapshot, seed)


@dataclass
class Log:
    """A log as read from disk: its header, its whole records' plaintexts, where they end."""

    path: Path
    header: LogHeader
    records: list[tuple[int, bytes]]
    end: int
    torn: bool
    state: bytes
    #: What is wrong with a record before ``end``, if anything (the records after it
    #: are not read: damage is reported, never guessed around).
    damage: str | None = None

    def changes(self) -> list[bytes]:
        return [payload for kind, payload in self.records if kind == CHANGES]

    def folded_into(self, header: container.Header) -> bool:
        """True when a compaction wrote ``header``'s snapshot from this log."""
        wanted = snapshot_id(header)
        return any(kind == FOLDED and payload == wanted for kind, payload in self.records)


def state_of(raw_header: bytes, size: int, last_tag: bytes) -> bytes:
    """What a writer compares before saving: the log's header, length and last tag."""
    return hashlib.sha256(raw_header + size.to_bytes(8, "little") + last_tag).digest()


def current_state(path: Path) -> bytes:
    """The state of the log at ``path`` now (b"" when there is none), read cheaply."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return b""
    except OSError as exc:
        return hashlib.sha256(str(exc).encode()).digest()
    try:
        size = os.fstat(fd).st_size
        raw = os.pread(fd, HEADER_LEN, 0)
        tag = os.pread(fd, _TAG_LEN, size - _TAG_LEN) if size > HEADER_LEN else b""
    finally:
        os.close(fd)
    return state_of(raw, size, tag)


def read(path: Path, data_key: bytes) -> Log | None:
    """Read and open every record of the log at ``path`` (None when there is none)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    header = _parse_header(path, data)
    aead = header.aead(data_key)
    records: list[tuple[int, bytes]] = []
    offset, seq, torn = HEADER_LEN, 0, False
    damage = None
    while offset < len(data):
        if len(data) - offset < _FRAME.size:
            torn = True
            break
        length, check, nonce = _FRAME.unpack_from(data, offset)
        if check != _check(length, seq):
            damage = f"change {seq + 1} in its change log is damaged"
            break
        start = offset + _FRAME.size
        if start + length > len(data):
            torn = True
            break
        try:
            plain = aead.decrypt(nonce, data[start : start + length], header.record_ad(seq))
        except InvalidTag:
            plain = b""
        if not plain:
            damage = f"change {seq + 1} in its change log fails its integrity check"
            break
        records.append((plain[0], plain[1:]))
        offset, seq = start + length, seq + 1
    tag = data[offset - _TAG_LEN : offset] if offset > HEADER_LEN else b""
    state = state_of(data[:HEADER_LEN], offset, tag)
    return Log(path, header, records, offset, torn, state, damage)


def count(path: Path) -> tuple[int, int]:
    """The log's size in bytes and how many whole records it holds, read without the key
    (for ``reflect info``); (0, 0) when there is none, and a damaged header counts none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return 0, 0
    try:
        _parse_header(path, data)
    except VaultDamaged:
        return len(data), 0
    offset, records = HEADER_LEN, 0
    while len(data) - offset >= _FRAME.size:
        length = _FRAME.unpack_from(data, offset)[0]
        if offset + _FRAME.size + length > len(data):
            break
        offset, records = offset + _FRAME.size + length, records + 1
    return len(data), records


@dataclass
class LogWriter:
    """Appends sealed records to one log (the caller holds the writer's lock)."""

    path: Path
    header: LogHeader
    aead: AESGCM
    seq: int = 0
    end: int = 0
    last_tag: bytes = b""
    #: Something past ``end`` may be on disk (a failed write): cut it before writing.
    dirty: bool = False
    exists: bool = False
    _raw: bytes = field(default=b"", repr=False)

    @classmethod
    def new(cls, vault: Path, header: container.Header, data_key: bytes) -> LogWriter:
        log_header = LogHeader(
            header.file_id, header.generation, snapshot_id(header), secrets.token_bytes(32)
        )
        raw = log_header.pack()
        return cls(log_path(vault), log_header, log_header.aead(data_key), end=0, _raw=raw)

    @classmethod
    def resume(cls, log: Log, data_key: bytes) -> LogWriter:
        """Go on appending after the last whole record of ``log`` (a torn one is cut)."""
        raw = log.header.pack()
        writer = cls(log.path, log.header, log.header.aead(data_key), _raw=raw)
        writer.seq, writer.end, writer.exists, writer.dirty = (
            len(log.records),
            log.end,
            True,
            log.torn,
        )
        data_end = log.end
        if data_end > HEADER_LEN:
            with open(log.path, "rb") as handle:
                handle.seek(data_end - _TAG_LEN)
                writer.last_tag = handle.read(_TAG_LEN)
        return writer

    @property
    def state(self) -> bytes:
        """:func:`current_state` of the log once this writer's records are on disk."""
        return state_of(self._raw, self.end, self.last_tag) if self.exists else b""

    @property
    def size(self) -> int:
        return self.end

    def frame(self, kind: int, payload: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        sealed = self.aead.encrypt(nonce, bytes([kind]) + payload, self.header.record_ad(self.seq))
        return _FRAME.pack(len(sealed), _check(len(sealed), self.seq), nonce) + sealed

    def append(self, kind: int, payload: bytes) -> int:
        """Seal and durably write one record; returns the bytes written. On failure the
        log holds what it held (a partly written record is cut at the next append)."""
        record = self.frame(kind, payload)
        try:
            if self.exists:
                self._write_at_end(record)
            else:
                self._create(record)
        except OSError as exc:
            self.dirty = self.exists
            raise SaveFailed(self.path, container.explain(exc)) from exc
        self.seq += 1
        self.end += len(record)
        self.last_tag = record[-_TAG_LEN:]
        return len(record)

    def _write_at_end(self, record: bytes) -> None:
        fd = os.open(self.path, os.O_WRONLY)
        try:
            if self.dirty:
                os.ftruncate(fd, self.end)
                self.dirty = False
            _write_all(fd, record, self.end)
            os.fsync(fd)
        finally:
            os.close(fd)

    def _create(self, record: bytes) -> None:
        """The header and the first record, in a temp file renamed into place: a log
        file is never seen without its whole header."""
        tmp = self.path.parent / f".{self.path.name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                _write_all(fd, self._raw + record, 0)
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
            container.fsync_dir(self.path.parent)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        self.exists = True
        self.end = HEADER_LEN

    def remove(self) -> None:
        """Delete the log (its records are in the snapshot now; see :data:`FOLDED`)."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.exists = False


def _write_all(fd: int, data: bytes, offset: int) -> None:
    os.lseek(fd, offset, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
