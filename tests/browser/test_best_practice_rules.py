"""The ARIA rules Lighthouse's accessibility score adds to WCAG A/AA, on every page.

Lighthouse scores with axe-core rules that axe files under best practice (a role an
element may not take, a name on an element that may not have one, heading order, a
dialog's name), so the WCAG-only run in test_accessibility.py does not see them. They
run here at Lighthouse's phone width, where the theme's menu and search buttons show.
axe's "needs review" results count too: Lighthouse fails a page on them.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.site_pages import STUDENT_PAGES, TEACHER_PAGES, open_page, serve

RULES = ["aria-allowed-role", "aria-prohibited-attr", "heading-order", "aria-dialog-name"]
AXE_OPTIONS = {"runOnly": {"type": "rule", "values": RULES},
               "resultTypes": ["violations", "incomplete"]}
PHONE = {"width": 412, "height": 823}

_axe = Axe()


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


def findings(page) -> list[str]:
    """Each failing or doubtful element of the rules above, one line each."""
    results = _axe.run(page, options=AXE_OPTIONS).response
    return [f"{r['id']}: {node['html'][:120]}"
            for kind in ("violations", "incomplete") for r in results[kind]
            for node in r["nodes"]]


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_student_page_passes_lighthouse_aria_rules(page, seed_server, name):
    page.set_viewport_size(PHONE)
    open_page(page, seed_server.url(STUDENT_PAGES[name]))
    assert findings(page) == []


@pytest.mark.parametrize("name", TEACHER_PAGES)
def test_teacher_page_passes_lighthouse_aria_rules(page, teacher_server, name):
    page.set_viewport_size(PHONE)
    open_page(page, teacher_server.url(TEACHER_PAGES[name]))
    assert findings(page) == []


def test_the_theme_buttons_are_buttons_with_names(page, seed_server):
    page.set_viewport_size(PHONE)
    open_page(page, seed_server.url(""))
    labels = page.eval_on_selector_all(
        ".md-header label[role], .md-header label[aria-label]", "els => els.length")
    assert labels == 0
    for name in ("Menu", "Search"):
        assert page.locator(".md-header").get_by_role("button", name=name, exact=True).is_visible()


def test_the_theme_icons_are_hidden_from_assistive_tech(page, seed_server):
    open_page(page, seed_server.url("articles/ceasefire-talks-cairo/"))
    named = page.eval_on_selector_all(
        ".md-header svg, .md-search svg, .md-sidebar svg, .md-top svg",
        "els => els.filter(s => s.getAttribute('aria-hidden') !== 'true').length")
    assert named == 0
