"""Key derivation, key wrapping and body encryption: pure functions over bytes.

- The passphrase key (key-encryption key) comes from Argon2id with parameters that are
  stored in the vault header, so they can rise later without breaking old files.
- A random 32-byte data key is wrapped by it with AES-256-GCM; changing the passphrase
  rewraps this key and leaves the body untouched.
- Each save encrypts the body with AES-256-GCM under ``HKDF-SHA256(data key, seed)``
  for a fresh random 32-byte seed and a random nonce, so no (key, nonce) pair is ever
  reused, not even after an old backup is restored and written again. The body is
  sealed in 1 MiB chunks (age's STREAM construction), so a save never holds the GIL
  for long and the app stays responsive while it saves.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reflect_tui.core import memory

KEY_LEN = 32
SALT_LEN = 16
SEED_LEN = 32
NONCE_LEN = 12
TAG_LEN = 16
WRAPPED_KEY_LEN = NONCE_LEN + KEY_LEN + TAG_LEN

KDF_ARGON2ID = 1

# OWASP's floor for Argon2id (19 MiB, 2 iterations, 1 lane). Nothing the user can reach
# goes below it; tests and benchmarks pass cheaper parameters explicitly.
MIN_MEMORY_KIB = 19 * 1024
MIN_ITERATIONS = 2
MIN_LANES = 1


class WeakKdfError(ValueError):
    """KDF parameters below the floor were asked for outside a test."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, as stored in the header."""

    memory_kib: int = 256 * 1024
    iterations: int = 3
    lanes: int = 4
    kdf_id: int = KDF_ARGON2ID

    def check_strength(self) -> None:
        """Refuse parameters below OWASP's minimum (call for anything a user chooses)."""
        if (
            self.memory_kib < MIN_MEMORY_KIB
            or self.iterations < MIN_ITERATIONS
            or self.lanes < MIN_LANES
        ):
            raise WeakKdfError(
                f"Argon2id parameters {self} are below the minimum "
                f"({MIN_MEMORY_KIB} KiB, {MIN_ITERATIONS} iterations, {MIN_LANES} lane)."
            )


DEFAULT_KDF = KdfParams()
#: Deliberately cheap parameters for tests and benchmarks only (about 2 ms).
TEST_KDF = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def chosen_kdf(params: KdfParams | None) -> KdfParams:
    """``params``, or the default; anything but :data:`TEST_KDF` must meet the minimum."""
    params = params or DEFAULT_KDF
    if params is not TEST_KDF:
        params.check_strength()
    return params


class DecryptionError(Exception):
    """An authenticated decryption failed: wrong key, or the bytes were changed."""


def random_bytes(n: int) -> bytes:
    return os.urandom(n)


def derive_passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id(passphrase, salt) -> 32-byte key-encryption key."""
    if params.kdf_id != KDF_ARGON2ID:
        raise ValueError(f"unknown KDF id {params.kdf_id}")
    kdf = Argon2id(
        salt=salt,
        length=KEY_LEN,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    key = kdf.derive(passphrase.encode("utf-8"))
    memory.release_free_memory()  # the KDF's 256 MiB would otherwise stay with the process
    return key


def wrap_key(kek: bytes, data_key: bytes, associated: bytes) -> bytes:
    """Encrypt the data key under the passphrase key: nonce || ciphertext || tag."""
    nonce = random_bytes(NONCE_LEN)
    return nonce + AESGCM(kek).encrypt(nonce, data_key, associated)


def unwrap_key(kek: bytes, wrapped: bytes, associated: bytes) -> bytes:
    nonce, sealed = wrapped[:NONCE_LEN], wrapped[NONCE_LEN:]
    try:
        return AESGCM(kek).decrypt(nonce, sealed, associated)
    except InvalidTag as exc:
        raise DecryptionError("the data key did not unwrap") from exc


def body_key(data_key: bytes, seed: bytes) -> bytes:
    """The per-save body key: HKDF-SHA256(data key, salt=seed)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_LEN, salt=seed, info=b"reflect body v1")
    return hkdf.derive(data_key)


#: The body is sealed in chunks of this many plaintext bytes (the last may be shorter),
#: so no single AES-GCM call holds the GIL long enough to stall the UI thread.
CHUNK_LEN = 1 << 20


def sealed_len(plain_len: int) -> int:
    """Length of a body of ``plain_len`` bytes once sealed (a tag per chunk)."""
    chunks = max(1, -(-plain_len // CHUNK_LEN))
    return plain_len + chunks * TAG_LEN


def _chunk_nonce(base: bytes, index: int, last: bool) -> bytes:
    """The STREAM construction (as in age): an 11-byte big-endian counter and a last-chunk
    flag, XORed with the header's random nonce. Reordered, dropped or appended chunks fail
    to open, and a body cut at a chunk boundary lacks its last flag."""
    counter = index.to_bytes(NONCE_LEN - 1, "big") + (b"\x01" if last else b"\x00")
    return bytes(a ^ b for a, b in zip(base, counter, strict=True))


def encrypt_body(
    data_key: bytes, seed: bytes, nonce: bytes, plaintext: bytes, ad: bytes
) -> list[bytes]:
    """Seal the body in chunks; returns the sealed chunks, to be written one after another."""
    aead = AESGCM(body_key(data_key, seed))
    view = memoryview(plaintext)
    count = max(1, -(-len(view) // CHUNK_LEN))
    return [
        aead.encrypt(
            _chunk_nonce(nonce, i, i == count - 1), view[i * CHUNK_LEN : (i + 1) * CHUNK_LEN], ad
        )
        for i in range(count)
    ]


def decrypt_body(
    data_key: bytes, seed: bytes, nonce: bytes, sealed: bytes | memoryview, ad: bytes
) -> bytes | bytearray:
    aead = AESGCM(body_key(data_key, seed))
    view = memoryview(sealed)
    step = CHUNK_LEN + TAG_LEN
    count = max(1, -(-len(view) // step))
    chunks = [view[i * step : (i + 1) * step] for i in range(count)]
    if not hasattr(aead, "decrypt_into") or len(chunks[-1]) < TAG_LEN:
        try:
            return b"".join(
                aead.decrypt(_chunk_nonce(nonce, i, i == count - 1), chunk, ad)
                for i, chunk in enumerate(chunks)
            )
        except InvalidTag as exc:
            raise DecryptionError("the body did not decrypt") from exc
    # Each chunk straight into one buffer: no second copy of the image to join (6 ms and
    # 12 MB of fresh pages for 10,000 answers). cryptography 45 and later.
    image = bytearray(len(view) - count * TAG_LEN)
    out = memoryview(image)
    try:
        for i, chunk in enumerate(chunks):
            place = out[i * CHUNK_LEN : i * CHUNK_LEN + len(chunk) - TAG_LEN]
            aead.decrypt_into(_chunk_nonce(nonce, i, i == count - 1), chunk, ad, place)
    except InvalidTag as exc:
        image[:] = bytes(len(image))  # no chunk opened before the bad one stays readable
        raise DecryptionError("the body did not decrypt") from exc
    return image
