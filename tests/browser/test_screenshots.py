"""Pictures for a person to look at: every kind of page, at desktop and phone width.

The run saves full-page PNGs into ./screenshots/ (git-ignored), named
`<page>-<width>.png` (plus the dark palette and print preview of the article), so
a change that breaks the look is easy to see by flipping through them.
"""

from __future__ import annotations

import struct

import pytest

from tests.browser.conftest import SCREENSHOTS
from tests.browser.site_pages import ARTICLE, STUDENT_PAGES, TEACHER_PAGES, open_page, serve

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


@pytest.fixture(params=WIDTHS, ids=list(WIDTHS))
def sized(browser, request):
    width, height = WIDTHS[request.param]
    phone = request.param == "phone"
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.width = width  # type: ignore[attr-defined]
    yield page
    context.close()


def png_width(data: bytes) -> int:
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    return struct.unpack(">I", data[16:20])[0]


def save(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide")
    assert png_width(path.read_bytes()) == page.viewport_size["width"]


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_screenshot_student_page(sized, seed_server, name):
    open_page(sized, seed_server.url(STUDENT_PAGES[name]))
    save(sized, f"{name}-{sized.width}")


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_screenshot_teacher_page(sized, teacher_server, name):
    open_page(sized, teacher_server.url(TEACHER_PAGES[name]))
    save(sized, f"{name}-{sized.width}")


def test_screenshot_article_dark(sized, seed_server):
    sized.emulate_media(color_scheme="dark")
    open_page(sized, seed_server.url(ARTICLE))
    save(sized, f"article-dark-{sized.width}")


def test_screenshot_article_with_preview(sized, seed_server):
    open_page(sized, seed_server.url(ARTICLE))
    sized.locator(".mg-article a.mg-mention").first.focus()
    sized.locator(".mg-preview").wait_for()
    save(sized, f"article-preview-{sized.width}")


def test_screenshot_article_print(sized, seed_server):
    sized.emulate_media(media="print")
    open_page(sized, seed_server.url(ARTICLE))
    save(sized, f"article-print-{sized.width}")
