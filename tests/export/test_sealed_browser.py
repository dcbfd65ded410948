"""A sealed share opened as a supervisor would: from a file:// URL in headless Chromium.

Needs Debian's ``chromium`` (or ``REFLECT_CHROMIUM=/path``) and pip's ``playwright``
(the browser is never downloaded). Without them these tests are skipped, unless
``REFLECT_REQUIRE_BROWSER=1`` (set by ``.ci/run``), when their absence is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reflect_tui.export.sealed import seal_document
from reflect_tui.export.sealed.page import STILL_LOCKED
from tests.export.test_export_golden import full_document
from tests.export.test_export_sample import CLINICIAN

pytestmark = pytest.mark.browser

PASSPHRASE = "quill gab igloo decimal resurrect serve"
CHROMIUM = os.environ.get("REFLECT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
#: The flags a closed network needs: no background connections, no first-run work.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "pip's playwright is not installed"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("REFLECT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"The browser tests must run here, but {missing}.")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A share with the real key-derivation count, as reflect writes it."""
    path = tmp_path_factory.mktemp("share") / "supervision.html"
    path.write_text(seal_document(full_document(), PASSPHRASE), encoding="utf-8")
    return path


class Visit:
    """One page in a fresh context, with every request and console message recorded.

    ``attempted``: every request the page made, even one its policy refused at once;
    ``sent``: those that got past the policy towards the network (recorded and aborted
    here, so nothing leaves the machine even then).
    """

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1000, "height": 800})
        self.url = path.as_uri()
        self.attempted: list[str] = []
        self.refused: list[str] = []
        self.sent: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self._note(self.attempted, request.url))
        self.page.on("requestfailed", self._failed)
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url)

    def _note(self, where: list[str], url: str) -> None:
        if url != self.url:
            where.append(url)

    def _failed(self, request: Any) -> None:
        if request.failure == "csp":
            self._note(self.refused, request.url)

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.sent.append(route.request.url)
            route.abort()

    def quiet(self) -> bool:
        """Nothing but the file itself was asked for, not even a refused request."""
        return self.attempted == [] and self.sent == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    visits: list[Visit] = []

    def open_(path: Path) -> Visit:
        visits.append(Visit(browser, path))
        return visits[-1]

    yield open_
    for one in visits:
        one.close()


def _unlocked(page: Any) -> None:
    from playwright.sync_api import expect

    expect(page.locator("#agenda")).to_be_visible(timeout=30_000)


def test_the_locked_page_shows_nothing_of_the_document(visit: Any, share: Path) -> None:
    from playwright.sync_api import expect

    one = visit(share)
    page = one.page
    expect(page.locator("#passphrase")).to_be_enabled()
    assert page.title() == "Sealed supervision preparation"
    shown = page.locator("body").inner_text().lower()
    for secret in (CLINICIAN, "2024-02-20", "agenda", "power difference", "reflections by"):
        assert secret.lower() not in shown
    assert "sealed with a passphrase" in shown
    assert page.locator("h2").count() == 0
    assert one.quiet() and one.errors == []


def test_a_wrong_passphrase_says_so_and_the_right_one_shows_the_document(
    visit: Any, share: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    one = visit(share)
    page = one.page
    expect(page.locator("#passphrase")).to_be_enabled()
    page.fill("#passphrase", "quill gab igloo decimal resurrect")
    page.click("#open")
    expect(page.locator("#message")).to_contain_text("does not open this file")
    assert page.locator("#agenda").count() == 0

    page.fill("#passphrase", "  Quill GAB igloo  decimal resurrect serve ")  # as typed
    page.keyboard.press("Enter")
    _unlocked(page)
    headings = page.locator("h2").all_inner_texts()
    assert headings == ["Agenda", "Reflections by theme", "Action items"]
    assert page.title().startswith("Supervision preparation · ")
    assert CLINICIAN in page.locator("header").inner_text()
    assert page.locator("#passphrase").count() == 0  # the box and its text are gone

    pdf = page.pdf(path=str(tmp_path / "printed.pdf"), format="A4")
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    assert one.quiet() and one.errors == []


def test_an_injected_resource_is_refused_by_the_pages_policy(
    visit: Any, share: Path, tmp_path: Path
) -> None:
    """What a page without the policy would fetch, the share's policy stops."""
    injection = (
        '<img src="http://127.0.0.1:9/leak.png" alt="" />'
        '<link rel="stylesheet" href="https://example.invalid/leak.css" />'
    )
    text = share.read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    tampered.write_text(text.replace("<main ", injection + "<main ", 1), encoding="utf-8")
    without_policy = tmp_path / "no-policy.html"
    without_policy.write_text(
        text.replace("Content-Security-Policy", "X-Nothing", 1).replace(
            "<main ", injection + "<main ", 1
        ),
        encoding="utf-8",
    )

    control = visit(without_policy)
    control.page.wait_for_load_state("load")
    assert len(control.sent) == 2, "without the policy, the page would fetch both"

    one = visit(tampered)
    one.page.wait_for_load_state("load")
    one.page.fill("#passphrase", PASSPHRASE)
    one.page.click("#open")
    _unlocked(one.page)
    assert one.sent == []
    assert sorted(one.refused) == sorted(one.attempted) and len(one.attempted) == 2
    assert any("Content Security Policy" in line for line in one.console)


def test_a_damaged_share_says_so_at_once(visit: Any, share: Path, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    text = share.read_text(encoding="utf-8")
    start = text.index('type="application/x-reflect-share">') + 200
    flipped = "A" if text[start] != "A" else "B"
    damaged = tmp_path / "damaged.html"
    damaged.write_text(text[:start] + flipped + text[start + 1 :], encoding="utf-8")
    one = visit(damaged)
    expect(one.page.locator("#message")).to_contain_text("damaged or incomplete")
    assert one.page.locator("#passphrase").is_disabled()

    cut = tmp_path / "cut.html"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")  # the download stopped halfway
    two = visit(cut)
    two.page.wait_for_load_state("load")
    assert STILL_LOCKED in two.page.locator("body").inner_text()
    assert two.page.locator("#agenda").count() == 0


def test_a_scripts_passphrase_with_odd_white_space_opens_as_in_python(
    visit: Any, tmp_path: Path
) -> None:
    """The page and ``open-share`` split words at the same characters."""
    from playwright.sync_api import expect

    given = "lantern\u3000orchard pebble\u00a0violin thistle comet"
    path = tmp_path / "odd.html"
    path.write_text(seal_document(full_document(), given, iterations=1_000), encoding="utf-8")
    one = visit(path)
    page = one.page
    expect(page.locator("#passphrase")).to_be_enabled()
    page.fill("#passphrase", "\ufefflantern orchard pebble violin thistle comet")
    page.click("#open")
    expect(page.locator("#message")).to_contain_text("does not open this file")
    assert page.locator("#passphrase").get_attribute("aria-invalid") == "true"
    assert page.locator("#message").get_attribute("role") == "alert"
    page.check("#show")
    assert page.locator("#passphrase").get_attribute("type") == "text"
    page.fill("#passphrase", "LANTERN orchard\tpebble violin thistle comet")
    page.click("#open")
    _unlocked(page)
    assert one.quiet() and one.errors == []
