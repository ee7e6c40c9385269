"""Ordering and matching on a 320 px phone: a long chosen answer is shown in full."""

from __future__ import annotations

from tests.browser.site_pages import QUIZ, open_page


def test_a_long_chosen_answer_is_shown_in_full_on_a_small_phone(browser, seed_server):
    context = browser.new_context(viewport={"width": 320, "height": 568}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    try:
        open_page(page, seed_server.url(QUIZ))
        select = page.locator(".mg-order select, .mg-match select").first
        longest = max(select.locator("option").all_inner_texts(), key=len)
        select.select_option(label=longest)
        shown = select.locator("xpath=following-sibling::*[contains(@class,'mg-chosen')]")
        assert shown.inner_text() == longest
        box = shown.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 320
        assert shown.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    finally:
        context.close()
