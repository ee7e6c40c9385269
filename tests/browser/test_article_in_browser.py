"""The seed article in real Chromium: previews on focus, Esc, and no foreign requests."""

from __future__ import annotations

from tests.browser.conftest import foreign_requests

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


def test_following_a_mention_lands_on_its_card(page, seed_server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(seed_server.url(ARTICLE))
    page.locator('a.mg-mention[data-entity="places/rafah"]').first.click()
    assert page.evaluate("location.hash") == "#ctx-places-rafah"
    card = page.locator("#ctx-places-rafah")
    assert card.is_visible()
    box = card.bounding_box()
    assert box is not None and 0 <= box["y"] < 844


def test_no_request_leaves_the_site_origin(page, seed_server):
    page.goto(seed_server.url(ARTICLE))
    page.wait_for_load_state("networkidle")
    assert foreign_requests(page, seed_server.origin) == []
