"""The sealed share in Python: its fields, the round trip, wrong passphrases, every bit
flipped, cut short, altered with a fresh digest, and no plaintext anywhere in the page."""

from __future__ import annotations

import base64
import hashlib
import math
import re
import struct
import zlib

import pytest

from reflect_tui.export import Selection, build_export, plan_export, render
from reflect_tui.export.html import render_html
from reflect_tui.export.sealed import (
    NotAShare,
    ShareDamaged,
    ShareTooNew,
    WrongSharePassphrase,
    check_share,
    new_share_passphrase,
    open_share,
    seal_document,
)
from reflect_tui.export.sealed import payload as share_payload
from reflect_tui.export.sealed.page import payload_of, sealed_page
from reflect_tui.export.sealed.words import share_words
from reflect_tui.export.text import render_text
from tests.export.test_export_golden import full_document
from tests.export.test_export_sample import CLINICIAN

PASSPHRASE = "quill gab igloo decimal resurrect serve"
#: Cheap for the tests; the real count is checked once below.
CHEAP = 1_000


@pytest.fixture(scope="module")
def page() -> str:
    return seal_document(full_document(), PASSPHRASE, iterations=CHEAP)


def test_a_share_opens_to_exactly_the_html_and_text_exports(page: str) -> None:
    document = full_document()
    opened = open_share(page, PASSPHRASE)
    assert opened.html == render_html(document) == render(document, "html")
    assert opened.text == render_text(document)


def test_every_header_field_is_written_and_read_back(page: str) -> None:
    payload = payload_of(page)
    header = share_payload.read_header(payload)
    magic, version, kdf, iterations, salt, nonce = struct.unpack_from(">8sBBI16s12s", payload)
    assert magic == b"RFLSHARE"
    assert (version, kdf, iterations) == (1, 1, CHEAP)
    assert (header.version, header.kdf, header.iterations) == (1, 1, CHEAP)
    assert header.salt == salt and len(salt) == 16
    assert header.nonce == nonce and len(nonce) == 12
    assert payload[-32:] == hashlib.sha256(payload[:-32]).digest()
    # The ciphertext holds the JSON document plus a 16-byte GCM tag.
    assert len(payload) > share_payload.HEADER_LEN + 16 + 32


def test_the_default_count_is_owasps_and_opens() -> None:
    sealed = share_payload.seal(b"a short document", PASSPHRASE)
    assert share_payload.read_header(sealed).iterations == 600_000
    assert share_payload.unseal(sealed, PASSPHRASE) == b"a short document"


def test_each_share_has_its_own_salt_and_nonce() -> None:
    first = share_payload.read_header(share_payload.seal(b"x", PASSPHRASE, iterations=CHEAP))
    second = share_payload.read_header(share_payload.seal(b"x", PASSPHRASE, iterations=CHEAP))
    assert first.salt != second.salt
    assert first.nonce != second.nonce


@pytest.mark.parametrize(
    "wrong",
    [
        "quill gab igloo decimal resurrect",  # a word short
        "quill gab igloo decimal resurrect serves",
        "serve resurrect decimal igloo gab quill",  # the right words, in the wrong order
        "quillgabigloodecimalresurrectserve",
    ],
)
def test_a_wrong_passphrase_is_refused(page: str, wrong: str) -> None:
    with pytest.raises(WrongSharePassphrase, match="does not open this share"):
        open_share(page, wrong)


@pytest.mark.parametrize(
    "spoken",
    [
        "Quill Gab Igloo Decimal Resurrect Serve",
        "  quill  gab\tigloo decimal\nresurrect serve ",
        "QUILL GAB IGLOO DECIMAL RESURRECT SERVE",
    ],
)
def test_case_and_spacing_do_not_matter(page: str, spoken: str) -> None:
    assert open_share(page, spoken).text == render_text(full_document())


def test_accents_are_compared_in_one_normal_form() -> None:
    composed = "caf\u00e9 na\u00efve r\u00e9sum\u00e9 words"
    decomposed = "cafe\u0301 nai\u0308ve re\u0301sume\u0301 words"
    sealed = share_payload.seal(b"ok", composed, iterations=CHEAP)
    assert share_payload.unseal(sealed, decomposed) == b"ok"


def test_every_single_bit_flip_is_found_before_any_key_is_made() -> None:
    # A whole share of a short document (every bit of a long one takes seconds).
    empty = build_export(plan_export([], [], Selection()))
    payload = payload_of(seal_document(empty, PASSPHRASE, iterations=CHEAP))
    for index in range(len(payload)):
        for bit in range(8):
            damaged = bytearray(payload)
            damaged[index] ^= 1 << bit
            with pytest.raises(ShareDamaged):
                share_payload.read_header(bytes(damaged))
    # And a flip is told apart from a wrong passphrase through the whole API.
    damaged = bytearray(payload)
    damaged[len(damaged) // 2] ^= 0x10
    with pytest.raises(ShareDamaged, match="damaged"):
        share_payload.unseal(bytes(damaged), PASSPHRASE)


def _with_digest(body: bytes) -> bytes:
    return body + hashlib.sha256(body).digest()


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("ciphertext", lambda body: body[:-20] + bytes([body[-20] ^ 1]) + body[-19:]),
        ("tag", lambda body: body[:-1] + bytes([body[-1] ^ 0x80])),
        ("salt", lambda body: body[:14] + bytes([body[14] ^ 4]) + body[15:]),
        ("nonce", lambda body: body[:30] + bytes([body[30] ^ 4]) + body[31:]),
        ("iterations", lambda body: body[:10] + struct.pack(">I", CHEAP + 1) + body[14:]),
    ],
)
def test_a_deliberate_change_with_a_fresh_digest_still_does_not_open(
    page: str, where: str, change
) -> None:
    body = payload_of(page)[:-32]
    altered = _with_digest(change(body))
    with pytest.raises(WrongSharePassphrase):
        share_payload.unseal(altered, PASSPHRASE)


def test_a_newer_format_and_a_foreign_kdf_are_named(page: str) -> None:
    body = payload_of(page)[:-32]
    with pytest.raises(ShareTooNew, match="format 2"):
        share_payload.unseal(_with_digest(body[:8] + b"\x02" + body[9:]), PASSPHRASE)
    with pytest.raises(ShareDamaged):
        share_payload.unseal(_with_digest(body[:9] + b"\x07" + body[10:]), PASSPHRASE)
    huge = struct.pack(">I", share_payload.MAX_ITERATIONS + 1)
    with pytest.raises(ShareDamaged):  # refused at once, not hours of key derivation
        share_payload.unseal(_with_digest(body[:10] + huge + body[14:]), PASSPHRASE)


@pytest.mark.parametrize("keep", [0, 1, 7, 8, 41, 42, 90, -33, -32, -1])
def test_a_share_cut_short_is_damaged(page: str, keep: int) -> None:
    payload = payload_of(page)
    with pytest.raises((ShareDamaged, NotAShare)) as raised:
        share_payload.unseal(payload[:keep], PASSPHRASE)
    if keep >= 1:  # a few bytes that begin like a share are a damaged share
        assert raised.type is ShareDamaged


def test_a_page_cut_short_anywhere_in_its_payload_is_damaged_not_foreign(page: str) -> None:
    start = page.index('type="application/x-reflect-share">')
    end = page.index("</script>", start) + len("</script>")
    for cut in [*range(start, end, max(1, (end - start) // 50)), end - 1]:
        with pytest.raises(ShareDamaged):
            check_share(page[:cut])


def test_other_files_are_not_shares() -> None:
    with pytest.raises(NotAShare):
        check_share(render(full_document(), "html"))  # a plaintext export
    with pytest.raises(NotAShare):
        check_share("")
    with pytest.raises(NotAShare):
        share_payload.unseal(b"SQLite format 3\x00" + bytes(100), PASSPHRASE)


def test_the_payload_survives_rewrapping_by_a_mail_program(page: str) -> None:
    start = page.index('type="application/x-reflect-share">') + len(
        'type="application/x-reflect-share">'
    )
    end = page.index("</script>", start)
    encoded = "".join(page[start:end].split())
    rewrapped = "\r\n".join(encoded[i : i + 64] for i in range(0, len(encoded), 64))
    assert open_share(page[:start] + rewrapped + page[end:], PASSPHRASE).html


def test_nothing_of_the_document_is_in_the_page(page: str) -> None:
    document = full_document()
    lowered = page.lower()
    for secret in (
        CLINICIAN,
        document.period,
        "supervision preparation ·",  # the document's own title line
        "power difference",
        "agenda",
        "reflections by theme",
    ):
        assert secret.lower() not in lowered, secret
    # The only text outside the payload is the page's own explanation and script.
    outside = re.sub(r'<script id="reflect-share"[^>]*>[^<]*</script>', "", page)
    assert len(outside) < 12_000


def test_a_marker_word_is_nowhere_in_the_file_even_as_base64() -> None:
    marker = "Zanzibarquokka"
    document = full_document()
    page = sealed_page(share_payload.seal(marker.encode() * 50, PASSPHRASE, iterations=CHEAP))
    assert marker.lower() not in page.lower()
    for shift in range(3):  # base64 of the marker at any alignment
        chunk = base64.b64encode(b"x" * shift + marker.encode())[4:16].decode()
        assert chunk not in page
    assert document.period not in page


def test_the_csp_allows_exactly_the_pages_own_script(page: str) -> None:
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert csp is not None
    policy = dict(part.strip().split(" ", 1) for part in csp.group(1).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["form-action"] == "'none'" and policy["base-uri"] == "'none'"
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert policy["script-src"] == f"'sha256-{digest}'"
    assert "connect-src" not in policy  # default-src 'none' forbids every request
    assert not re.search(r"\b(src|href)=", page)


def test_share_passphrases_are_six_words_of_the_eff_list() -> None:
    words = share_words()
    assert len(words) == len(set(words)) == 7776
    bits = 6 * math.log2(len(words))
    assert bits > 77
    made = {new_share_passphrase() for _ in range(50)}
    assert len(made) == 50
    for passphrase in made:
        parts = passphrase.split(" ")
        assert len(parts) == 6 and all(part in words for part in parts)


def test_the_format_in_the_readme_opens_a_share_without_reflects_reader(page: str) -> None:
    """The spec alone is enough: this follows README's "Sealed share format", not our code."""
    import json
    import unicodedata
    import zlib

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    element = re.search(
        r'<script id="reflect-share" type="application/x-reflect-share">([^<]*)</script>', page
    )
    assert element is not None
    payload = base64.b64decode("".join(element.group(1).split()))
    assert payload[:8] == b"RFLSHARE" and payload[8] == 1 and payload[9] == 1
    assert hashlib.sha256(payload[:-32]).digest() == payload[-32:]
    rounds = int.from_bytes(payload[10:14], "big")
    spoken = "  Quill GAB igloo decimal  resurrect serve"
    words = " ".join(unicodedata.normalize("NFC", spoken).split()).lower()
    normalised = unicodedata.normalize("NFC", words).encode("utf-8")
    salt, nonce = payload[14:30], payload[30:42]
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, rounds).derive(normalised)
    sealed = AESGCM(key).decrypt(nonce, payload[42:-32], payload[:42])
    document = json.loads(zlib.decompress(sealed))
    assert document["format"] == "reflect-share-document" and document["version"] == 1
    assert document["html"] == render_html(full_document())
    assert document["text"] == render_text(full_document())


@pytest.mark.parametrize(
    "inside",
    [
        b"plain bytes, not compressed",
        zlib.compress(b'{"format": "something-else", "version": 1}'),
        zlib.compress(b"[1, 2, 3]"),
        zlib.compress(b'{"format": "reflect-share-document", "version": 1}'),  # no html
        zlib.compress(b"\xff\xfe not utf-8"),
        zlib.compress(b"{}")[:-3],  # a stream cut short inside the ciphertext
    ],
)
def test_an_authentic_share_that_reflect_did_not_write_is_damaged(inside: bytes) -> None:
    page = sealed_page(share_payload.seal(inside, PASSPHRASE, iterations=CHEAP))
    with pytest.raises(ShareDamaged):
        open_share(page, PASSPHRASE)


def test_a_share_of_a_newer_document_version_is_named() -> None:
    inner = zlib.compress(b'{"format": "reflect-share-document", "version": 2}')
    page = sealed_page(share_payload.seal(inner, PASSPHRASE, iterations=CHEAP))
    with pytest.raises(ShareTooNew):
        open_share(page, PASSPHRASE)


def test_a_document_that_inflates_past_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reflect_tui.export import sealed

    monkeypatch.setattr(sealed, "MAX_DOCUMENT_BYTES", 1000)
    bomb = zlib.compress(
        b'{"format": "reflect-share-document", "version": 1, "html": "'
        + b"a" * 5000
        + b'", "text": ""}'
    )
    page = sealed_page(share_payload.seal(bomb, PASSPHRASE, iterations=CHEAP))
    with pytest.raises(ShareDamaged):
        open_share(page, PASSPHRASE)


def _payload_text_span(page: str) -> tuple[int, int]:
    start = page.index('type="application/x-reflect-share">') + len(
        'type="application/x-reflect-share">'
    )
    return start, page.index("</script>", start)


def _same_payload(changed: str, page: str) -> bool:
    try:
        return payload_of(changed) == payload_of(page)
    except ShareDamaged:
        return False


def test_any_character_of_the_base64_changed_is_damage_never_a_foreign_file() -> None:
    empty = build_export(plan_export([], [], Selection()))
    page = seal_document(empty, PASSPHRASE, iterations=CHEAP)
    start, end = _payload_text_span(page)
    for index in range(start, end):
        if page[index] == "\n":
            continue
        for replacement in ("A", "/", "9", "*"):
            changed = page[:index] + replacement + page[index + 1 :]
            if replacement == page[index] or _same_payload(changed, page):
                continue  # the last character's spare bits: the very same bytes
            with pytest.raises(ShareDamaged):
                check_share(changed)
    with pytest.raises(ShareDamaged):
        check_share(page[:start] + page[end:])  # an empty payload


def test_the_page_is_ascii_so_no_character_set_can_change_it(page: str) -> None:
    assert page.isascii()


def test_the_payload_is_found_however_its_tag_is_written(page: str) -> None:
    start, end = _payload_text_span(page)
    body = page[start:end]
    stripped = "".join(body.split()).rstrip("=")
    for tag in (
        '<script type="application/x-reflect-share" id="reflect-share">',
        "<script id='reflect-share' type='application/x-reflect-share'>",
        "<SCRIPT ID=reflect-share TYPE=application/x-reflect-share>",
    ):
        rewritten = page[: page.index("<script id=")] + tag + stripped + page[end:]
        assert open_share(rewritten, PASSPHRASE).html == render_html(full_document())


@pytest.mark.parametrize(
    ("typed", "opens"),
    [
        ("quill\u3000gab igloo decimal resurrect serve", True),  # an ideographic space
        ("quill\u00a0gab igloo decimal resurrect serve", True),  # a no-break space
        ("\ufeffquill gab igloo decimal resurrect serve", False),  # a BOM is no space
        ("quill\u0085gab igloo decimal resurrect serve", False),  # nor is NEL
    ],
)
def test_white_space_is_the_set_the_page_uses_too(page: str, typed: str, opens: bool) -> None:
    if opens:
        assert open_share(page, typed).html
    else:
        with pytest.raises(WrongSharePassphrase):
            open_share(page, typed)


def test_the_script_and_python_name_the_same_white_space() -> None:
    from importlib import resources

    script = resources.files("reflect_tui.export.sealed").joinpath("opener.js").read_text()
    found = re.search(r"const BETWEEN_WORDS =\s*/\[([^\]]+)\]\+/;", script)
    assert found is not None
    assert found.group(1).encode().decode("unicode_escape") == share_payload.WHITE_SPACE.encode(
        "latin-1", "backslashreplace"
    ).decode("unicode_escape")
