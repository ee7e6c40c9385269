"""WCAG 2.1 AA, as axe-core checks it, on every kind of page in both palettes.

axe-core (bundled by axe-playwright-python) runs inside real Chromium on the built
seed site, limited to the WCAG 2.0/2.1 A and AA rules. Every page must report zero
violations in the light (`default`) and the dark (`slate`) palette, including the
states a reader creates: a card preview open, a quiz after answering.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site_pages import (
    ARTICLE,
    QUIZ,
    STUDENT_PAGES,
    TEACHER_PAGES,
    answer_quiz,
    open_page,
    serve,
)

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
PALETTES = {"light": "default", "dark": "slate"}

_axe = Axe()


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


def violations(page) -> list[str]:
    """axe's WCAG A/AA violations on the page, one readable line per element."""
    results = _axe.run(page, options=AXE_OPTIONS).response
    return [f"{v['id']} ({v['impact']}): {v['help']} at {node['target']}"
            f" — {node['failureSummary']}"
            for v in results["violations"] for node in v["nodes"]]


def in_palette(page, palette: str) -> None:
    """Ask for the palette the way a reader's system does; the site follows it."""
    page.emulate_media(color_scheme=palette)


def assert_palette(page, palette: str) -> None:
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == PALETTES[palette], "the site did not switch palette"


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_student_page_has_no_wcag_violations(page, seed_server, name, palette):
    in_palette(page, palette)
    open_page(page, seed_server.url(STUDENT_PAGES[name]))
    assert_palette(page, palette)
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_teacher_page_has_no_wcag_violations(page, teacher_server, name, palette):
    in_palette(page, palette)
    open_page(page, teacher_server.url(TEACHER_PAGES[name]))
    assert_palette(page, palette)
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_quiz_after_answering_has_no_wcag_violations(page, seed_server, palette):
    in_palette(page, palette)
    open_page(page, seed_server.url(QUIZ))
    answer_quiz(page)
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_article_with_a_card_preview_open_has_no_wcag_violations(page, seed_server, palette):
    in_palette(page, palette)
    open_page(page, seed_server.url(ARTICLE))
    page.locator("a.mg-mention").first.focus()
    page.locator(".mg-preview").wait_for()
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_article_on_a_phone_has_no_wcag_violations(page, seed_server, palette):
    page.set_viewport_size({"width": 390, "height": 844})
    in_palette(page, palette)
    open_page(page, seed_server.url(ARTICLE))
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_article_with_the_reader_settings_open_has_no_wcag_violations(page, seed_server,
                                                                       palette):
    in_palette(page, palette)
    open_page(page, seed_server.url(ARTICLE))
    page.locator(".mg-settings__button").click()
    page.locator("#mg-settings-panel").wait_for()
    assert violations(page) == []


@pytest.mark.parametrize("palette", PALETTES)
def test_article_on_a_phone_with_a_card_sheet_open_has_no_wcag_violations(browser, seed_server,
                                                                          palette):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, color_scheme=palette)
    phone = context.new_page()
    open_page(phone, seed_server.url(ARTICLE))
    phone.locator('.mg-article a.mg-mention[data-entity="places/rafah"]').first.tap()
    phone.locator("dialog.mg-sheet").wait_for()
    try:
        assert violations(phone) == []
    finally:
        context.close()
