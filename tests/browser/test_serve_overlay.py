"""While `marginalia serve` holds a bad save, every open page says so.

The real command serves a copy of tests/fixtures/hostile/base; real Chromium has
an article open. A file is broken for real: the page reloads by itself (live
reload) and shows a banner, announced as an alert, with the terminal's own
`file:line:col` message. Mending the file reloads the page without it. The
banner is dismissed from the keyboard, and nothing it shows is fetched from
anywhere but the preview server.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import foreign_requests
from tests.conftest import FIXTURES, copy_project
from tests.site.test_serve_live import ARTICLE, PEOPLE, WAIT, Server, edit, serving

BANNER = "#mg-serve-errors"
MESSAGE = (f"{PEOPLE}:5:3: error: unknown key 'sumary' in people entry "
           "(did you mean 'summary'?)")
BREAK = (PEOPLE, "summary: Runs", "sumary: Runs")
MEND = (PEOPLE, "sumary: Runs", "summary: Runs")
PAGE = "articles/harbour-opens/"


@pytest.fixture
def served(tmp_path) -> Iterator[Server]:
    with serving(copy_project(FIXTURES / "hostile" / "base", tmp_path / "project")) as srv:
        yield srv


def open_article(page, served: Server):
    page.goto(served.url + PAGE)
    expect(page.locator("article, .md-content").first).to_be_visible()
    # The page polls the server for the next build: only then can a save reload it.
    served.wait_for(r"Browser connected")


def break_it(page, served: Server) -> None:
    edit(served, *BREAK)
    served.wait_for(r"still serving the last good site")


def test_a_bad_save_shows_the_terminals_message_on_the_open_page(page, served):
    open_article(page, served)
    expect(page.locator(BANNER)).to_have_count(0)
    break_it(page, served)
    banner = page.locator(BANNER)
    expect(banner).to_be_visible(timeout=WAIT * 1000)
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_contain_text(MESSAGE)
    assert foreign_requests(page, served.url.rstrip("/")) == []


def test_mending_the_file_reloads_the_page_without_the_banner(page, served):
    open_article(page, served)
    break_it(page, served)
    expect(page.locator(BANNER)).to_be_visible(timeout=WAIT * 1000)
    edit(served, *MEND)
    edit(served, ARTICLE, "first ferry", "first cruise ship")
    served.wait_for(r"Reloading browsers")
    expect(page.get_by_text("first cruise ship")).to_be_visible(timeout=WAIT * 1000)
    expect(page.locator(BANNER)).to_have_count(0)


@pytest.mark.parametrize("how", ["Escape", "button"])
def test_the_banner_is_dismissed_from_the_keyboard(page, served, how):
    open_article(page, served)
    break_it(page, served)
    banner = page.locator(BANNER)
    expect(banner).to_be_visible(timeout=WAIT * 1000)
    if how == "Escape":
        page.keyboard.press("Escape")
    else:
        page.keyboard.press("Tab")  # the banner comes first in the body: its button first
        expect(banner.get_by_role("button")).to_be_focused()
        page.keyboard.press("Enter")
    expect(banner).to_have_count(0)
