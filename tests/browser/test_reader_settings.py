"""Reader settings (`div.mg-settings`): names marked, text size, line spacing.

Names marked is "first in each paragraph" unless the reader chooses otherwise; a
repeat that is not marked reads as plain text and is no tab stop. Choices are kept
in localStorage and applied by the page's <head> (checked here with marginalia.js
blocked, so nothing that runs after the first paint can be what applied them). The
panel is operated by keyboard alone.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import ARTICLE, open_page

PLAIN = """els => els.map(e => {
  const s = getComputedStyle(e), p = getComputedStyle(e.parentElement);
  e.focus({preventScroll: true});  // only a focusable element takes focus
  const tabbable = document.activeElement === e;
  e.blur();
  return {text: e.textContent, link: e.hasAttribute("href"), tabbable,
          plain: s.color === p.color && s.textDecorationLine === "none"};
})"""


def mentions(page, selector: str) -> list[dict]:
    return page.eval_on_selector_all(f".mg-article {selector}", PLAIN)


def choose(page, legend: str, label: str) -> None:
    if page.locator("#mg-settings-panel").is_hidden():
        page.locator(".mg-settings__button").click()
    group = page.locator(".mg-settings fieldset", has=page.locator("legend", has_text=legend))
    group.get_by_label(label, exact=True).check()


@pytest.fixture
def article(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    return page


def test_by_default_only_the_first_in_each_paragraph_is_marked(article):
    firsts = mentions(article, "a.mg-mention.mg-para-first")
    repeats = mentions(article, "a.mg-mention:not(.mg-para-first)")
    assert firsts and repeats
    assert all(m["link"] and m["tabbable"] and not m["plain"] for m in firsts)
    assert [m["text"] for m in repeats if m["link"] or m["tabbable"] or not m["plain"]] == []


@pytest.mark.parametrize(("label", "marked"), [("All", "all"), ("None", "none")])
def test_choosing_how_many_names_are_marked(article, label, marked):
    choose(article, "Names marked", label)
    found = mentions(article, "a.mg-mention")
    if marked == "all":
        assert all(m["link"] and m["tabbable"] and not m["plain"] for m in found)
    else:
        assert all(not m["link"] and not m["tabbable"] and m["plain"] for m in found)


def test_text_size_and_spacing_change_the_text(article):
    p = article.locator(".mg-article p").nth(1)
    size = lambda: float(p.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))  # noqa: E731
    line = lambda: float(p.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))  # noqa: E731
    size0, ratio0 = size(), line() / size()
    choose(article, "Text size", "Larger")
    assert size() >= size0 * 1.2
    choose(article, "Line spacing", "Wide (easier to read with dyslexia)")
    assert line() / size() >= 1.9 > ratio0


def test_settings_are_kept_and_applied_by_the_head_before_any_script(article, seed_server):
    choose(article, "Names marked", "None")
    choose(article, "Text size", "Large")
    size0 = article.evaluate("parseFloat(getComputedStyle(document.querySelector("
                             "'.mg-article p')).fontSize)")
    article.route("**/marginalia.js", lambda route: route.abort())
    open_page(article, seed_server.url(ARTICLE))
    assert article.evaluate("typeof window.__mgLoaded") == "undefined"
    assert all(m["plain"] for m in mentions(article, "a.mg-mention"))
    assert article.evaluate("parseFloat(getComputedStyle(document.querySelector("
                            "'.mg-article p')).fontSize)") == size0


def test_the_panel_works_from_the_keyboard(article):
    button = article.locator(".mg-settings__button")
    button.focus()
    article.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    panel = article.locator("#mg-settings-panel")
    expect(panel).to_be_visible()
    expect(panel).to_have_accessible_name("Reading settings")
    article.keyboard.press("Tab")
    focused = article.locator(":focus")
    expect(focused).to_have_attribute("name", "mg-names")
    article.keyboard.press("ArrowDown")  # radio groups move with the arrows
    expect(article.locator(":focus")).to_have_attribute("value", "none")
    expect(article.locator(":focus")).to_be_checked()
    article.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(button).to_be_focused()
    assert all(not m["link"] for m in mentions(article, "a.mg-mention"))


def test_every_page_offers_the_settings(article, seed_server):
    for path in ("", "glossary/", "people/antony-blinken/", ARTICLE + "quiz/"):
        open_page(article, seed_server.url(path))
        expect(article.locator("div.mg-settings .mg-settings__button")).to_be_visible()
