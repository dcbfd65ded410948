"""The sealed payload of a share: bytes in, bytes out, no HTML (README, "Sealed share format").

Big-endian::

    magic "RFLSHARE"(8) version(u8)=1 kdf(u8)=1 iterations(u32) salt(16) nonce(12)
    ciphertext || GCM tag(16)
    sha256(everything above)(32)

The key is PBKDF2-HMAC-SHA-256(passphrase, salt, iterations, 32 bytes), the same in
Python and in a browser's WebCrypto (which has no Argon2). The 42-byte header is the
AES-256-GCM associated data, so no field can change unnoticed. The trailing digest needs
no passphrase: it tells a damaged or cut-short file from a wrong passphrase before any
key is derived.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import struct
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from reflect_tui.export.errors import ExportError

MAGIC = b"RFLSHARE"
VERSION = 1
KDF_PBKDF2_SHA256 = 1
#: OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. With the six-word passphrase reflect
#: makes (77.5 bits, see words.py) it is the passphrase, not the count, that carries
#: the weight; the count slows down guessing at a passphrase a script gave instead.
ITERATIONS = 600_000
#: A reader refuses more than this, so a crafted file cannot make it work for hours.
MAX_ITERATIONS = 10_000_000
SALT_LEN = 16
NONCE_LEN = 12
TAG_LEN = 16
DIGEST_LEN = 32
_HEADER = struct.Struct(">8sBBI16s12s")
HEADER_LEN = _HEADER.size  # 42


class ShareError(ExportError):
    """A share that cannot be opened; the message says why in one sentence.

    ``exit_code`` is the one ``reflect`` gives a vault with the same problem.
    """

    exit_code = 3


class NotAShare(ShareError):
    exit_code = 6

    def __init__(self) -> None:
        super().__init__(
            "This file is not a sealed share from reflect; check that it is the file you meant."
        )


class ShareDamaged(ShareError):
    exit_code = 7

    def __init__(self) -> None:
        super().__init__(
            "This sealed share is damaged or incomplete, so it cannot be opened; "
            "ask for it to be sent again."
        )


class ShareTooNew(ShareError):
    exit_code = 8

    def __init__(self, version: object) -> None:
        super().__init__(
            f"This sealed share uses format {version}, which is newer than this reflect "
            "understands; update reflect to open it."
        )


class WrongSharePassphrase(ShareError):
    exit_code = 5

    def __init__(self) -> None:
        super().__init__(
            "That passphrase does not open this share; check it with the person who "
            "sent it and try again."
        )


@dataclass(frozen=True)
class Header:
    version: int
    kdf: int
    iterations: int
    salt: bytes
    nonce: bytes

    def pack(self) -> bytes:
        return _HEADER.pack(MAGIC, self.version, self.kdf, self.iterations, self.salt, self.nonce)


#: The white space between words, the same set in Python and in the page's script (the
#: two languages' own ideas of white space differ at U+0085, U+001C-U+001F and U+FEFF).
WHITE_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_BETWEEN_WORDS = re.compile(f"[{WHITE_SPACE}]+")


def spoken(passphrase: str) -> str:
    """The passphrase as it is said aloud: NFC, white space made one space and trimmed,
    lower case, NFC again. A share passphrase is spoken, so case and spacing cannot be
    part of it; the page's script does exactly the same."""
    words = _BETWEEN_WORDS.split(unicodedata.normalize("NFC", passphrase))
    return unicodedata.normalize("NFC", " ".join(w for w in words if w).lower())


def normalise(passphrase: str) -> bytes:
    """The bytes the key is made from: :func:`spoken`, in UTF-8."""
    return spoken(passphrase).encode("utf-8")


def _key(passphrase: str, salt: bytes, iterations: int) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations)
    return kdf.derive(normalise(passphrase))


def seal(plaintext: bytes, passphrase: str, *, iterations: int = ITERATIONS) -> bytes:
    """``plaintext`` sealed under ``passphrase`` with a fresh salt and nonce."""
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be 1..{MAX_ITERATIONS}")
    header = Header(
        VERSION,
        KDF_PBKDF2_SHA256,
        iterations,
        secrets.token_bytes(SALT_LEN),
        secrets.token_bytes(NONCE_LEN),
    )
    head = header.pack()
    key = _key(passphrase, header.salt, iterations)
    body = head + AESGCM(key).encrypt(header.nonce, plaintext, head)
    return body + hashlib.sha256(body).digest()


def read_header(payload: bytes) -> Header:
    """The header of an intact payload; damage is found here, before any key is made."""
    if len(payload) < len(MAGIC) or not payload.startswith(MAGIC):
        raise NotAShare() if not _looks_like_share(payload) else ShareDamaged()
    if len(payload) < HEADER_LEN + TAG_LEN + DIGEST_LEN:
        raise ShareDamaged()
    body, digest = payload[:-DIGEST_LEN], payload[-DIGEST_LEN:]
    if not hmac.compare_digest(hashlib.sha256(body).digest(), digest):
        raise ShareDamaged()
    _magic, version, kdf, iterations, salt, nonce = _HEADER.unpack_from(payload)
    if version != VERSION:
        raise ShareTooNew(version) if version > VERSION else ShareDamaged()
    if kdf != KDF_PBKDF2_SHA256 or not 1 <= iterations <= MAX_ITERATIONS:
        raise ShareDamaged()
    return Header(version, kdf, iterations, salt, nonce)


def _looks_like_share(payload: bytes) -> bool:
    """A magic with a bit or two flipped is a damaged share, not some other file."""
    head = payload[: len(MAGIC)]
    if len(head) < len(MAGIC):
        return MAGIC.startswith(head) and bool(head)
    return sum(bin(a ^ b).count("1") for a, b in zip(head, MAGIC, strict=True)) <= 2


def unseal(payload: bytes, passphrase: str) -> bytes:
    """The plaintext, or the one error that says what is wrong."""
    header = read_header(payload)
    key = _key(passphrase, header.salt, header.iterations)
    try:
        return AESGCM(key).decrypt(
            header.nonce, payload[HEADER_LEN:-DIGEST_LEN], payload[:HEADER_LEN]
        )
    except InvalidTag:
        raise WrongSharePassphrase() from None
