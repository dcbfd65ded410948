"""A vault body decrypts straight into one buffer, or chunk by chunk where cryptography
has no ``decrypt_into``: the same image either way, and the same refusal of damage."""

from __future__ import annotations

import os

import pytest

from reflect_tui.vault import crypto

KEY, SEED, NONCE, AD = os.urandom(32), os.urandom(32), os.urandom(12), b"header"
_AESGCM = crypto.AESGCM


class _OldAESGCM:
    """AESGCM as cryptography before 45 has it: no ``decrypt_into``."""

    def __init__(self, key: bytes) -> None:
        self._aead = _AESGCM(key)

    def decrypt(self, nonce: bytes, data: object, ad: bytes) -> bytes:
        return self._aead.decrypt(nonce, data, ad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "size", [0, 1, crypto.CHUNK_LEN - 1, crypto.CHUNK_LEN, 2 * crypto.CHUNK_LEN + 5]
)
def test_both_ways_give_the_image_back(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    image = os.urandom(size)
    sealed = b"".join(crypto.encrypt_body(KEY, SEED, NONCE, image, AD))
    assert bytes(crypto.decrypt_body(KEY, SEED, NONCE, sealed, AD)) == image
    monkeypatch.setattr(crypto, "AESGCM", _OldAESGCM)
    assert bytes(crypto.decrypt_body(KEY, SEED, NONCE, sealed, AD)) == image


@pytest.mark.parametrize("old", [False, True])
def test_damage_anywhere_is_refused_both_ways(old: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    image = os.urandom(2 * crypto.CHUNK_LEN + 100)
    sealed = b"".join(crypto.encrypt_body(KEY, SEED, NONCE, image, AD))
    if old:
        monkeypatch.setattr(crypto, "AESGCM", _OldAESGCM)
    for place in (0, crypto.CHUNK_LEN + 20, len(sealed) - 1):
        flipped = bytearray(sealed)
        flipped[place] ^= 1
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt_body(KEY, SEED, NONCE, bytes(flipped), AD)
    for cut in (len(sealed) - 1, len(sealed) - 120, crypto.CHUNK_LEN + crypto.TAG_LEN):
        with pytest.raises(crypto.DecryptionError):
            crypto.decrypt_body(KEY, SEED, NONCE, sealed[:cut], AD)
