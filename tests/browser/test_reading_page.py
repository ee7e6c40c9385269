"""The article as a reader meets it: context beside the line being read, previews in
place, and on phones the card in a sheet over the text.

Measured in real Chromium on the seed article (19 entities in eight paragraphs):

- 1280×900: with each entity's first mention scrolled to the middle of the window,
  its (compact) card is in the window without a click; no two cards overlap; the
  column of cards ends near the article, not thousands of pixels below it;
- a compact card opens to its whole summary, date and links;
- a preview opened near the window's edges flips or shifts to stay inside it;
- 390×844 and 320×568: a tap on a mention shows its card in the window, the text
  stays where it was (±100 px), and Esc, the close button or a tap outside give
  focus back to the mention;
- without JavaScript, every card is whole, in order of first mention, and a mention
  is a link to its card.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import ARTICLE, open_page

PHONES = {"390x844": (390, 844), "320x568": (320, 568)}

CARDS_AT_THEIR_MENTIONS = """() => {
  // Scroll each entity's first mention to the middle of the window: is its card in it?
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  const missed = [];
  for (const card of document.querySelectorAll(".mg-context .mg-card")) {
    const key = card.dataset.entity;
    const mention = document.querySelector(`.mg-article a.mg-mention[data-entity="${key}"]`);
    const m = mention.getBoundingClientRect();
    window.scrollTo(0, m.top + window.scrollY + m.height / 2 - window.innerHeight / 2);
    const r = card.getBoundingClientRect();
    if (!(r.top >= header && r.bottom <= window.innerHeight && r.height > 0))
      missed.push(`${key}: card at ${Math.round(r.top)}..${Math.round(r.bottom)}px`);
  }
  window.scrollTo(0, 0);
  return missed;
}"""

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll(".mg-context .mg-card")]
    .map(c => [c.dataset.entity, c.getBoundingClientRect()]);
  const found = [];
  boxes.forEach(([a, r], i) => boxes.slice(i + 1).forEach(([b, s]) => {
    if (r.top < s.bottom && s.top < r.bottom) found.push(`${a} overlaps ${b}`);
  }));
  return found;
}"""


@pytest.fixture
def wide(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    return page


@pytest.fixture(params=PHONES, ids=list(PHONES))
def phone(browser, seed_server, request):
    width, height = PHONES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=True, has_touch=True)
    p = context.new_page()
    open_page(p, seed_server.url(ARTICLE))
    yield p
    context.close()


@pytest.fixture
def no_js(browser, seed_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  java_script_enabled=False)
    p = context.new_page()
    open_page(p, seed_server.url(ARTICLE))
    yield p
    context.close()


def heights(page) -> dict[str, float]:
    return page.evaluate("""() => {
      const bottom = s => document.querySelector(s).getBoundingClientRect().bottom + scrollY;
      return {article: bottom(".mg-article"), cards: bottom(".mg-context"),
              page: document.documentElement.scrollHeight};
    }""")


# ---------------------------------------------------------------- wide screens

def test_each_card_is_in_the_window_when_its_first_mention_is_in_the_middle(wide):
    assert wide.evaluate(CARDS_AT_THEIR_MENTIONS) == []


def test_cards_beside_the_text_never_overlap(wide):
    assert wide.evaluate(OVERLAPS) == []
    wide.locator(".mg-card__toggle").nth(2).click()  # an opened card pushes the rest down
    wide.wait_for_function(f"({OVERLAPS})().length === 0")


def test_the_column_of_cards_ends_near_the_article(wide):
    h = heights(wide)
    assert h["cards"] <= h["article"] + 450, h  # half a window at the most


def test_a_compact_card_opens_to_its_whole_summary(wide):
    card = wide.locator('.mg-context .mg-card[data-entity="places/rafah"]')
    summary = card.locator(".mg-card__summary")
    toggle = card.locator(".mg-card__toggle")
    expect(card.locator(".mg-card__name a")).to_be_visible()
    expect(summary).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(summary).to_be_visible()
    expect(card.locator(".mg-card__meta")).to_be_visible()


def test_clicking_a_mention_opens_its_card_beside_the_text_without_moving_it(wide):
    mention = wide.locator('.mg-article a.mg-mention[data-entity="places/rafah"]').first
    mention.scroll_into_view_if_needed()
    before = wide.evaluate("scrollY")
    mention.click()
    card = wide.locator('.mg-context .mg-card[data-entity="places/rafah"]')
    expect(card).to_be_focused()
    expect(card.locator(".mg-card__summary")).to_be_visible()
    expect(card.locator(".mg-card__name")).to_be_in_viewport()
    expect(mention).to_be_in_viewport()
    assert abs(wide.evaluate("scrollY") - before) <= 100


@pytest.mark.parametrize("where", ["bottom", "right"])
def test_a_preview_near_the_edge_stays_inside_the_window(wide, where):
    wide.set_viewport_size({"width": 1280 if where == "bottom" else 1000, "height": 900})
    mention = wide.locator(".mg-article a.mg-mention").last if where == "bottom" else \
        wide.locator('.mg-article a.mg-mention[data-entity="places/gaza-strip"]').first
    mention.scroll_into_view_if_needed()
    if where == "bottom":  # the mention on the window's last line
        wide.evaluate("m => window.scrollBy(0, m.getBoundingClientRect().bottom -"
                      " window.innerHeight + 4)", mention.element_handle())
    mention.hover()
    box = wide.locator(".mg-preview").bounding_box()
    width = wide.evaluate("document.documentElement.clientWidth")
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 900, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box


# ---------------------------------------------------------------- phones

def tap_in_text(phone, key: str):
    mention = phone.locator(f'.mg-article a.mg-mention[data-entity="{key}"]').first
    mention.scroll_into_view_if_needed()
    before = phone.evaluate("scrollY")
    mention.tap()
    return mention, before


def test_a_tap_shows_the_card_over_the_text_and_keeps_the_place(phone):
    _, before = tap_in_text(phone, "places/rafah")
    sheet = phone.locator("dialog.mg-sheet")
    expect(sheet).to_be_visible()
    expect(sheet.locator(".mg-card__summary")).to_contain_text("Rafah")
    expect(sheet.locator(".mg-card__name")).to_be_in_viewport()
    assert abs(phone.evaluate("scrollY") - before) <= 100
    assert phone.evaluate("document.activeElement.closest('dialog.mg-sheet') !== null")
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]


@pytest.mark.parametrize("how", ["escape", "close button", "tap outside"])
def test_closing_the_sheet_returns_to_the_mention(phone, how):
    mention, before = tap_in_text(phone, "organizations/cia")
    sheet = phone.locator("dialog.mg-sheet")
    expect(sheet).to_be_visible()
    if how == "escape":
        phone.keyboard.press("Escape")
    elif how == "close button":
        sheet.locator(".mg-sheet__close").tap()
    else:
        phone.mouse.click(phone.viewport_size["width"] / 2, 60)
    expect(sheet).to_be_hidden()
    expect(mention).to_be_focused()
    assert abs(phone.evaluate("scrollY") - before) <= 100


def test_every_card_is_shown_by_tapping_its_mention(phone):
    keys = [c.get_attribute("data-entity")
            for c in phone.locator(".mg-context .mg-card").all()]
    sheet = phone.locator("dialog.mg-sheet")
    for key in keys:
        tap_in_text(phone, key)
        expect(sheet.locator(f".mg-card[data-entity='{key}'] .mg-card__name")).to_be_in_viewport()
        phone.keyboard.press("Escape")
        expect(sheet).to_be_hidden()


# ---------------------------------------------------------------- without JavaScript

def test_without_javascript_every_card_is_whole_and_in_order_of_first_mention(no_js):
    cards = no_js.eval_on_selector_all(".mg-context .mg-card", "els => els.map(e =>"
                                       " [e.dataset.entity, e.querySelector("
                                       "'.mg-card__summary').checkVisibility()])")
    first = no_js.eval_on_selector_all(
        ".mg-article a.mg-mention", "els => [...new Set(els.map(e => e.dataset.entity))]")
    assert [key for key, _ in cards] == first
    assert all(shown for _, shown in cards)
    assert no_js.locator(".mg-card__toggle:visible").count() == 0


def test_without_javascript_a_mention_goes_to_its_card(no_js):
    no_js.set_viewport_size({"width": 390, "height": 844})
    no_js.locator('a.mg-mention[data-entity="places/rafah"]').first.click()
    assert no_js.evaluate("location.hash") == "#ctx-places-rafah"
    expect(no_js.locator("#ctx-places-rafah")).to_be_in_viewport()
