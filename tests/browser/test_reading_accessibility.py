"""Accessibility found beyond axe-core: forced colours, focus under the sticky header,
the theme's side menu at tablet widths, text-only zoom, evidence jumps, headings.

Each is measured in real Chromium on the seed site:

- forced colours (Windows contrast themes, light and dark): every evidence passage's
  text stands out from its background, and the jumped-to card keeps a visible outline;
- tabbing backwards through the article, no focused element sits under the header;
- at 1000 px (≤ 1220, where the theme's menu becomes a drawer) the closed menu has no
  tab stops, and its button has a name, is reached by Tab and opens with Enter;
- with the root font size doubled (what reading tools do) the article column is at
  least 20 em wide at 1280 px;
- a quiz's evidence link lands with the passage in full view, below the header and
  the "Back to top" button, and offers a way back to the question;
- the answer key's headings go h1 → h2 and the glossary's anchors are valid fragments.
"""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import ANSWER_KEY, ARTICLE, QUIZ, open_page, serve

CONTRAST = """els => els.map(el => {
  // Contrast of the text colour against the first opaque background behind it.
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let bg = null;
  for (let n = el; n && !bg; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || c[3] > 0.5) bg = c;
  }
  bg = bg || [255, 255, 255];
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
})"""

UNDER_HEADER = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect().bottom;
  return {under: r.height > 0 && r.top < header - 1 && r.bottom > 0,
          what: `${el.tagName.toLowerCase()}.${el.className} ` +
                `"${el.textContent.trim().slice(0, 30)}"`};
}"""


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_forced_colours_keep_evidence_and_the_current_card_visible(browser, seed_server, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  forced_colors="active", color_scheme=scheme)
    page = context.new_page()
    try:
        open_page(page, seed_server.url(ARTICLE))
        ratios = page.eval_on_selector_all("mark.mg-evidence", CONTRAST)
        assert ratios and min(ratios) >= 4.5, ratios
        page.locator('.mg-article a.mg-mention[data-entity="places/rafah"]').first.click()
        card = page.locator('.mg-context .mg-card[data-entity="places/rafah"]')
        outline = card.evaluate("c => [getComputedStyle(c).outlineStyle,"
                                " parseFloat(getComputedStyle(c).outlineWidth)]")
        assert outline[0] != "none" and outline[1] >= 2
    finally:
        context.close()


@pytest.mark.parametrize("size", [(1280, 900), (320, 568)], ids=["1280", "320"])
def test_tabbing_backwards_never_hides_focus_under_the_header(browser, seed_server, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        open_page(page, seed_server.url(ARTICLE))
        page.locator(".md-footer").evaluate("f => f.setAttribute('tabindex', '-1')")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.locator(".mg-quiz-link a").focus()
        hidden = []
        for _ in range(250):
            page.keyboard.press("Shift+Tab")
            stop = page.evaluate(UNDER_HEADER)
            if stop is None or page.evaluate("!document.activeElement.closest('.md-content')"):
                break
            if stop["under"]:
                hidden.append(stop["what"])
        assert hidden == []
    finally:
        context.close()


def test_the_closed_menu_has_no_tab_stops_and_its_button_works_by_keyboard(page, seed_server):
    page.set_viewport_size({"width": 1000, "height": 800})
    open_page(page, seed_server.url(ARTICLE))
    stops = page.eval_on_selector_all(
        ".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]",
        "els => els.filter(e => e.checkVisibility({visibilityProperty: true})).length")
    assert stops == 0
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(page.get_by_role("dialog", name="Search", include_hidden=True)).to_have_count(1)
    menu.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a[href]").first).to_be_focused()
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    expect(menu).to_be_focused()


def test_text_only_zoom_keeps_the_article_column_readable(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    page.evaluate("""() => { const root = document.documentElement;
      root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * 2 + "px"; }""")
    width, em = page.locator(".mg-article").evaluate(
        "a => [a.getBoundingClientRect().width, parseFloat(getComputedStyle(a).fontSize)]")
    assert width >= 20 * em, f"{width}px is {width / em:.1f} em"


def test_an_evidence_jump_shows_the_whole_passage_and_the_way_back(page, seed_server):
    open_page(page, seed_server.url(ARTICLE))
    ids = page.eval_on_selector_all("mark.mg-evidence", "els => els.map(e => e.id)")
    assert ids
    for mark_id in ids:
        page.goto(seed_server.url(QUIZ))
        page.goto(seed_server.url(ARTICLE) + "#" + mark_id)
        mark = page.locator(f"#{mark_id}")
        box = mark.evaluate("""m => { const r = m.getBoundingClientRect();
          const covers = [".md-header", ".md-top"].map(s => document.querySelector(s))
            .filter(e => e && e.checkVisibility()).map(e => e.getBoundingClientRect().bottom);
          return {top: r.top, bottom: r.bottom, clear: Math.max(0, ...covers),
                  h: innerHeight}; }""")
        if box["bottom"] - box["top"] <= box["h"] - box["clear"]:
            assert box["top"] >= box["clear"] and box["bottom"] <= box["h"], (mark_id, box)
        back = page.locator(f"#{mark_id} + a.mg-evidence-back")
        expect(back).to_be_visible()
        question = mark_id.removeprefix("ev-")
        assert back.get_attribute("href").endswith(f"/quiz/#q-{question}")
    back.click()
    page.wait_for_url("**/quiz/**")
    assert page.url.split("#")[0] == seed_server.url(QUIZ)


def test_the_answer_key_headings_go_down_one_level_at_a_time(page, teacher_server):
    open_page(page, teacher_server.url(ANSWER_KEY))
    levels = page.eval_on_selector_all(".md-content :is(h1, h2, h3, h4, h5, h6)",
                                       "els => els.map(e => Number(e.tagName[1]))")
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels


def test_the_glossary_anchors_are_valid_fragments(page, seed_server):
    open_page(page, seed_server.url("glossary/"))
    # The theme rewrites in-page hrefs to absolute URLs: the fragment is after the first #.
    bad = page.eval_on_selector_all(
        ".mg-glossary a[href*='#']",
        "els => els.map(a => a.getAttribute('href')).filter(h => h.split('#')[0] === '' ||"
        " h.split('#')[0] === location.href.split('#')[0])"
        ".map(h => h.slice(h.indexOf('#') + 1))"
        ".filter(f => /[#\\s]/.test(f) || !document.getElementById(decodeURIComponent(f)))")
    assert bad == [] and page.locator(".mg-glossary__index a").count() > 0
