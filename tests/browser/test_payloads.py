"""No payload runs in a reader's browser: the payload site, used like a student would.

The site built from tests/fixtures/hostile/payloads (every text field holds
`<script>`, `<img onerror>`, `<svg onload>`, attribute breakers, `javascript:`
links …, each setting `window.__pwned` to its field's name) is loaded in real
Chromium. On every page the test hovers and focuses every element (previews
open, attribute handlers would fire), answers and grades the quiz (feedback is
shown), and searches for the payloads (results are shown as HTML). Afterwards
`window.__pwned` is still unset, no dialog opened, the document title is the
page's own, and the page raised no error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.conftest import SiteServer, foreign_requests
from tests.browser.site_pages import answer_quiz, open_page
from tests.conftest import build
from tests.site.test_safe_rendering import PAYLOADS

PAGES = ["", "articles/quay/", "articles/quay/quiz/", "glossary/", "lessons/quay-lesson/",
         "people/mara-quill/", "people/evil-name/", "places/portsmouth/",
         "organizations/harbour-board/", "terms/quay/", "events/opening/"]

WATCH = """
window.__dialogs = [];
for (const name of ["alert", "confirm", "prompt"]) {
  window[name] = (...args) => { window.__dialogs.push(String(args[0])); };
}
"""
"""Installed before any page script: a payload calling alert() is recorded, not shown."""

STIR = """() => {
  for (const el of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "focusin", "pointerover"]) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
  }
}"""
"""Fire the events attribute breakers hope for on every element of the page."""


@pytest.fixture(scope="module")
def payload_server(tmp_path_factory) -> Iterator[SiteServer]:
    built = build(PAYLOADS, tmp_path_factory.mktemp("payload-browser"), "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    server = SiteServer(built.site)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def watched(page):
    page.add_init_script(WATCH)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    return page


def _assert_nothing_ran(page, origin: str) -> None:
    pwned = page.evaluate("() => window.__pwned")
    assert pwned is None, f"payload in field '{pwned}' ran"
    assert page.evaluate("() => window.__dialogs") == []
    assert page.dialogs == []
    assert "PAYLOAD" not in page.title() or "<script>" in page.title()
    assert [r for r in page.requests if r.startswith("pageerror:")] == []
    assert foreign_requests(page, origin) == []


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_when_a_page_is_read(watched, payload_server, path):
    open_page(watched, payload_server.url(path))
    watched.evaluate(STIR)
    for link in watched.locator("a.mg-mention").all()[:5]:
        link.hover()
        link.focus()
    _assert_nothing_ran(watched, payload_server.origin)


def test_no_payload_runs_when_the_quiz_is_graded(watched, payload_server):
    open_page(watched, payload_server.url("articles/quay/quiz/"))
    answer_quiz(watched)
    watched.evaluate(STIR)
    _assert_nothing_ran(watched, payload_server.origin)


def test_no_payload_runs_in_search_results(watched, payload_server):
    open_page(watched, payload_server.url(""))
    box = watched.locator("input.md-search__input")
    # The theme builds its index when the box is first used; a query typed before
    # it is ready can be lost, so wait for "Initializing search" to go, then type.
    box.click()
    watched.wait_for_function(
        "() => !/Initializing/i.test(document.querySelector('.md-search-result__meta')"
        ".textContent)")
    box.press_sequentially("PAYLOAD")
    watched.locator(".md-search-result__item").first.wait_for()
    assert "<script>" in watched.locator(".md-search-result").inner_text()
    watched.evaluate(STIR)
    _assert_nothing_ran(watched, payload_server.origin)


def test_the_watch_would_see_a_payload_run(watched, payload_server):
    """The assertions can fail: a script that does run is caught."""
    open_page(watched, payload_server.url(""))
    watched.evaluate("() => { window.__pwned = 'test'; alert('x'); }")
    assert watched.evaluate("() => window.__pwned") == "test"
    assert watched.evaluate("() => window.__dialogs") == ["x"]
