"""Keyboard and screen-reader use: tab order, focus rings, previews, landmarks.

A reader who cannot use a mouse tabs through an article and a quiz in real
Chromium. Every mention, card link and quiz control must be reached, in the order
of the page, each showing a visible focus ring; a card preview opens on focus and
closes on Esc, and Tab moves on past it. Every page has one `h1`, and the context
sidebar is a complementary region with a name.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import ARTICLE, QUIZ, STUDENT_PAGES, open_page

MAX_TABS = 400

MARK_TABBABLES = """(scope) => {
  // Number the elements of `scope` that should be reachable by Tab, in page order.
  const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
              "[tabindex]:not([tabindex='-1'])";
  const els = [...document.querySelector(scope).querySelectorAll(sel)]
    .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.disabled &&
                  el.getAttribute("tabindex") !== "-1" && !el.closest("[inert]"));
  els.forEach((el, i) => el.setAttribute("data-tab-order", i));
  return els.length;
}"""

FOCUSED = """() => {
  // Where focus is now, and whether it is drawn: an outline or a box-shadow ring.
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 1) ||
               (s.boxShadow && s.boxShadow !== "none");
  return {order: el.getAttribute("data-tab-order"), entity: el.dataset.entity || null,
          mention: el.matches("a.mg-mention"), card: !!el.closest(".mg-context .mg-card"),
          ring, what: `${el.tagName.toLowerCase()}.${el.className} ` +
                      `"${el.textContent.trim().slice(0, 30)}"`};
}"""


def tab_through(page) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it; where it went each time."""
    page.locator("body").focus()
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or (stops and stop == stops[0]):
            break
        if not stop["ring"]:
            stop["ring"] = focus_changes_the_picture(page)
        stops.append(stop)
    return stops


def focus_changes_the_picture(page) -> bool:
    """For focus shown some other way than a ring on the element itself (the theme
    outlines the label of its hidden palette switch, and opens the search box): does
    the screen look different with focus than without? Text carets are hidden."""
    focused = page.screenshot(animations="disabled", caret="hide")
    page.evaluate("window.__mgFocus = document.activeElement; window.__mgFocus.blur()")
    blurred = page.screenshot(animations="disabled", caret="hide")
    page.evaluate("window.__mgFocus.focus()")
    return focused != blurred


def reached_in_order(stops: list[dict]) -> list[int]:
    """The numbered elements focus reached, checked to be in page order."""
    orders = [int(s["order"]) for s in stops if s["order"] is not None]
    assert orders == sorted(orders), "Tab left page order"
    return orders


@pytest.fixture
def article_stops(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    count = page.evaluate(MARK_TABBABLES, ".md-content")
    stops = tab_through(page)
    # Every check below is about these stops: with none, each would pass vacuously.
    assert count > 0 and any(s["mention"] for s in stops), "Tab reached no mention"
    return count, stops, page


def test_tab_reaches_every_mention_and_card_control_in_page_order(article_stops):
    count, stops, page = article_stops
    orders = reached_in_order(stops)
    assert orders == list(range(count))
    mentions = page.locator(".mg-article a.mg-mention[href]").count()  # names marked
    card_controls = page.locator(".mg-context .mg-card :is(a, button):visible").count()
    assert sum(s["mention"] for s in stops) == mentions
    assert sum(s["card"] for s in stops) == card_controls


def test_cards_come_after_the_text_they_explain(article_stops):
    _, stops, _ = article_stops
    kinds = [("card" if s["card"] else "mention") for s in stops if s["card"] or s["mention"]]
    assert kinds == sorted(kinds, key=lambda k: k == "card")


def test_every_stop_shows_a_focus_ring(article_stops):
    _, stops, _ = article_stops
    assert [s["what"] for s in stops if not s["ring"]] == []


def test_quiz_controls_are_reached_in_order_with_a_focus_ring(page, seed_server):
    open_page(page, seed_server.url(QUIZ))
    page.evaluate(MARK_TABBABLES, "form.mg-quiz")
    stops = tab_through(page)
    in_quiz = [s for s in stops if s["order"] is not None]
    reached_in_order(in_quiz)
    questions = page.locator("fieldset.mg-question").all()
    assert questions and in_quiz, "Tab reached no quiz control"
    for question in questions:
        marks = {c.get_attribute("data-tab-order")
                 for c in question.locator("[data-tab-order]").all()}
        assert marks & {s["order"] for s in in_quiz}, "a question was skipped"
    assert [s["what"] for s in in_quiz if not s["ring"]] == []


def test_preview_opens_on_focus_and_esc_closes_it_without_moving_focus(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    first = page.locator(".mg-article a.mg-mention").first
    first.focus()
    expect(page.locator(".mg-preview")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator(".mg-preview")).to_have_count(0)
    expect(first).to_be_focused()


def test_tab_moves_past_an_open_preview(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    mentions = page.locator(".mg-article a.mg-mention[href]")
    mentions.nth(0).focus()
    expect(page.locator(".mg-preview")).to_be_visible()
    page.keyboard.press("Tab")
    expect(mentions.nth(1)).to_be_focused()
    expect(page.locator(".mg-preview")).to_have_count(1)
    page.keyboard.press("Shift+Tab")
    expect(mentions.nth(0)).to_be_focused()


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_every_page_has_one_h1(page, seed_server, name):
    open_page(page, seed_server.url(STUDENT_PAGES[name]))
    assert page.locator("h1").count() == 1


def test_context_sidebar_is_a_named_complementary_region(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    region = page.get_by_role("complementary", name="Who and what")
    expect(region).to_have_count(1)
    expect(region.locator(".mg-card").first).to_be_visible()
