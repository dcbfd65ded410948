"""Stable identities for what a journal holds, the same on every device.

A row's integer id is only its place in one file; two devices that both add a
reflection give it the same id. Merging two copies of a journal (see
:mod:`reflect_tui.journal.merge`) matches rows by these identities instead: random for
a new reflection, derived for what is defined by where it sits (the answer to one
prompt of one reflection, the action of one answer, a word of a word list), so two
devices that answer the same prompt of the same reflection write one answer, not two.
"""

from __future__ import annotations

import hashlib
import secrets

UID_LEN = 32  # hex digits: 128 bits


def random_uid() -> str:
    return secrets.token_hex(UID_LEN // 2)


def derived_uid(*parts: object) -> str:
    """The same identity for the same parts, on every device."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:UID_LEN]


def answer_uid(session_uid: str, prompt_id: str) -> str:
    return derived_uid("answer", session_uid, prompt_id)


def action_uid(answer_uid: str) -> str:
    return derived_uid("action", answer_uid)


def word_uid(table: str, word: str) -> str:
    """A word list's entry: the word itself, whatever its case (kept hashed, so a removed
    word's deletion record does not keep the word)."""
    return derived_uid(table, word.casefold())
