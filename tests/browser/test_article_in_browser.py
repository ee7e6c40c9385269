"""The seed article in real Chromium: previews on focus, Esc, and no foreign requests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.browser.conftest import SiteServer, foreign_requests
from tests.conftest import REPO, copy_project

ARTICLE = "articles/ceasefire-talks-cairo/"


def test_focusing_a_mention_shows_its_card_and_esc_closes_it(page, seed_server):
    page.goto(seed_server.url(ARTICLE))
    mention = page.locator('a.mg-mention[data-entity="people/antony-blinken"]').first
    mention.focus()
    preview = page.locator(".mg-preview")
    assert preview.is_visible()
    assert "Antony Blinken" in preview.inner_text()
    assert mention.get_attribute("aria-describedby") == "mg-preview"
    page.keyboard.press("Escape")
    assert page.locator(".mg-preview").count() == 0
    assert page.evaluate("document.activeElement.dataset.entity") == "people/antony-blinken"


def test_no_request_leaves_the_site_origin(page, seed_server):
    page.goto(seed_server.url(ARTICLE))
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page, seed_server.origin) == []


def test_on_wide_screens_the_cards_sit_beside_the_text(page, seed_server):
    page.goto(seed_server.url(ARTICLE))
    text = page.locator(".mg-article").bounding_box()
    aside = page.locator("aside.mg-context").bounding_box()
    assert text and aside
    assert aside["x"] >= text["x"] + text["width"]
    assert aside["y"] < text["y"] + text["height"]


def test_on_phones_the_cards_follow_the_article(page, seed_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seed_server.url(ARTICLE))
    text = page.locator(".mg-article").bounding_box()
    aside = page.locator("aside.mg-context").bounding_box()
    assert text and aside
    assert aside["y"] >= text["y"] + text["height"]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The seed site built for the address it is served from, as when published:
    mkdocs-material only navigates instantly to URLs of the site_url's sitemap."""
    root = tmp_path_factory.mktemp("published")
    server = SiteServer(root / "out-site")
    project = copy_project(REPO, root / "src")
    env = {**os.environ, "MARGINALIA_SITE_URL": server.url("")}
    result = subprocess.run([sys.executable, "-m", "marginalia.cli", "build", "-d",
                             str(root / "out-site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    yield server
    server.close()


def test_previews_keep_working_after_instant_navigation(page, published):
    page.goto(published.url(""))
    page.wait_for_load_state("networkidle")  # instant navigation starts once the sitemap is in
    page.evaluate("window.__sameDocument = true")
    page.locator("a.mg-article-list__title", has_text="Ceasefire talks").click()
    page.wait_for_url("**/articles/ceasefire-talks-cairo/")
    # mkdocs-material swapped the content in place: the document was not reloaded.
    assert page.evaluate("window.__sameDocument === true")
    assert page.evaluate("location.pathname").endswith("/articles/ceasefire-talks-cairo/")
    page.locator('a.mg-mention[data-entity="places/rafah"]').first.hover()
    assert "Rafah" in page.locator(".mg-preview").inner_text()


def test_the_first_tab_stop_skips_to_the_article(page, seed_server):
    page.goto(seed_server.url(ARTICLE))
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.classList.contains('md-skip'),"
                         " document.activeElement.hash]")
    assert skip == [True, "#mg-main"]
    assert page.locator("#mg-main .mg-article").count() == 1
