"""Students' browsers talk to nobody but the site: no fonts, CDNs, analytics or APIs.

Each kind of page is loaded in real Chromium from a local server; every request
the browser makes (documents, styles, scripts, fonts, images, workers, search
index) is recorded and must stay on the site's own origin. A failure lists the
requests that did not.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import foreign_requests
from tests.browser.site_pages import (
    ARTICLE,
    STUDENT_PAGES,
    TEACHER_PAGES,
    open_page,
    serve,
)


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_student_page_requests_stay_on_the_origin(page, seed_server, name):
    open_page(page, seed_server.url(STUDENT_PAGES[name]))
    assert foreign_requests(page, seed_server.origin) == []


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_teacher_page_requests_stay_on_the_origin(page, teacher_server, name):
    open_page(page, teacher_server.url(TEACHER_PAGES[name]))
    assert foreign_requests(page, teacher_server.origin) == []


def test_searching_stays_on_the_origin(page, seed_server):
    open_page(page, seed_server.url(""))
    page.locator("input.md-search__input").press_sequentially("Cairo")
    page.locator(".md-search-result__item").first.wait_for()
    assert foreign_requests(page, seed_server.origin) == []


def test_reading_an_article_stays_on_the_origin(page, seed_server):
    """Previews, following mentions to cards and on to an entity page."""
    open_page(page, seed_server.url(ARTICLE))
    page.locator("a.mg-mention").first.hover()
    page.locator(".mg-preview").wait_for()
    page.locator("a.mg-mention").first.click()
    page.locator(".mg-context .mg-card__name a").first.click()
    page.locator("article.mg-entity").wait_for()
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page, seed_server.origin) == []


def test_the_check_sees_a_foreign_request(page, seed_server):
    """The recorder itself works: a page that does call out is caught and named."""
    open_page(page, seed_server.url(""))
    page.route("https://fonts.example.invalid/**", lambda route: route.abort())
    page.evaluate("fetch('https://fonts.example.invalid/x.woff2').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page, seed_server.origin) == ["https://fonts.example.invalid/x.woff2"]
