"""Versions of a story in real Chromium (tests/fixtures/versions): the versions menu
moves between versions and marks the current one, the Spanish pages pass axe-core's
WCAG 2.1 AA rules, and the Spanish quiz grades an answer typed without its accent."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import open_page, serve
from tests.browser.test_accessibility import violations
from tests.conftest import FIXTURES, build

ES = "articles/harbour-es/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    built = build(FIXTURES / "versions", tmp_path_factory.mktemp("versions-browser"))
    assert built.returncode == 0, built.stderr
    yield from serve(built)


def test_the_menu_moves_between_versions_and_marks_the_current_one(page, server):
    open_page(page, server.url(ES))
    page.locator('nav.mg-versions a[data-level="1"]').click()
    page.wait_for_url("**/articles/harbour-level-1/")
    expect(page.locator('nav.mg-versions a[aria-current="page"]')).to_have_attribute(
        "data-level", "1")
    page.locator('nav.mg-versions a[hreflang="es"]').click()
    page.wait_for_url("**/articles/harbour-es/")
    expect(page.locator('nav.mg-versions a[aria-current="page"]')).to_have_attribute(
        "hreflang", "es")


@pytest.mark.parametrize("path", [ES, "articles/harbour-es/quiz/", "es/places/port-lune/",
                                  "es/glossary/", "lessons/harbour-es/"])
def test_spanish_pages_have_no_wcag_violations(page, server, path):
    open_page(page, server.url(path))
    assert violations(page) == []


def test_the_spanish_quiz_accepts_an_answer_without_its_accent(page, server):
    open_page(page, server.url("articles/harbour-es/quiz/"))
    page.locator("#q-dia input[type=text]").fill("sabado")
    page.locator("#q-dia button[data-action=check]").click()
    expect(page.locator("#q-dia")).to_have_class(re.compile(r"\bmg-question--correct\b"))
