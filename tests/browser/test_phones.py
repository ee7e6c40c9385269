"""On phones (320×568 and 390×844): no sideways scrolling, 16px text, 24px targets.

Every kind of page is opened in real Chromium emulating a touch phone. Checks:

- nothing is wider than the screen (apart from off-canvas drawers the theme slides
  in on demand, and content inside its own scroll box, such as code);
- every text node in the page content is at least 16 CSS px;
- every tap target is at least 24×24 CSS px, with the two exceptions WCAG 2.5.8
  makes: links inline in a sentence, and small targets spaced so that a 24px
  circle centred on each touches no other target;
- (a tap on a mention shows its card: test_reading_page.py).
"""

from __future__ import annotations

import pytest

from tests.browser.site_pages import STUDENT_PAGES, open_page

PHONES = {"320x568": (320, 568), "390x844": (390, 844)}

TOO_WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const drawers = ".md-sidebar, .md-search, .md-tabs";
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(el).visibility === "hidden") continue;
    if (r.right <= width + 1 && r.left >= -1) continue;
    if (el.closest(drawers)) continue;
    let box = el.parentElement, scrolls = false;
    for (; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow === "auto" || overflow === "scroll") { scrolls = true; break; }
    }
    if (!scrolls) found.push(`${el.tagName.toLowerCase()}.${el.className} ` +
                             `${Math.round(r.left)}..${Math.round(r.right)}px`);
  }
  window.scrollTo(200, window.scrollY);
  if (window.scrollX !== 0) found.push(`the page scrolls sideways by ${window.scrollX}px`);
  return found;
}"""

SMALL_TEXT = """() => {
  const found = [];
  const walker = document.createTreeWalker(document.querySelector(".md-content"),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.checkVisibility()) continue;
    if (el.closest(".mg-sr-only")) continue;  // text for screen readers only
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) found.push(`${size}px: "${node.textContent.trim().slice(0, 40)}"`);
  }
  return found;
}"""

SMALL_TARGETS = """() => {
  const MIN = 24;
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
                   "label[for]";
  const hittable = (el) => {
    // A target a finger can reach: shown, and on top where it is drawn.
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return null;
    el.scrollIntoView({block: "center", inline: "center"});
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) return null;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el.contains(hit) || hit.contains(el) || hit.closest("label") ===
        el.closest("label"))) return null;
    return {x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height};
  };
  const inSentence = (el) => {
    // WCAG 2.5.8 "inline": a link within a line of other text.
    if (el.tagName !== "A" || getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) {
      block = block.parentElement;
    }
    const rest = block.textContent.replace(el.textContent, "");
    return /[A-Za-z0-9]/.test(rest);
  };
  const targets = [];
  const seen = new Set();
  for (const el of document.querySelectorAll(selector)) {
    // A choice's target is its label, which a tap on the text also toggles.
    const choice = el.matches("input[type=radio], input[type=checkbox]");
    const label = choice && (el.closest("label") ||
                             (el.id && document.querySelector(`label[for="${el.id}"]`)));
    const target = label || el;
    if (seen.has(target)) continue;
    seen.add(target);
    const box = hittable(target);
    if (box) targets.push({el: target, box});
  }
  const small = targets.filter(t => (t.box.w < MIN || t.box.h < MIN) && !inSentence(t.el));
  const centre = (b) => [b.x + b.w / 2, b.y + b.h / 2];
  const distToBox = ([cx, cy], b) => Math.hypot(Math.max(b.x - cx, 0, cx - (b.x + b.w)),
                                                 Math.max(b.y - cy, 0, cy - (b.y + b.h)));
  const found = [];
  for (const t of small) {
    const c = centre(t.box);
    const crowded = targets.some(o => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) &&
      (distToBox(c, o.box) < MIN / 2 ||
       (small.includes(o) && Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1]) < MIN)));
    if (crowded) {
      found.push(`${t.el.tagName.toLowerCase()}.${t.el.className} ` +
                 `"${t.el.textContent.trim().slice(0, 30)}" ` +
                 `${Math.round(t.box.w)}x${Math.round(t.box.h)}px`);
    }
  }
  window.scrollTo(0, 0);
  return found;
}"""


@pytest.fixture(params=PHONES, ids=list(PHONES))
def phone(browser, request):
    width, height = PHONES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_no_page_scrolls_sideways(phone, seed_server, name):
    open_page(phone, seed_server.url(STUDENT_PAGES[name]))
    assert phone.evaluate(TOO_WIDE) == []


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_text_is_at_least_16px(phone, seed_server, name):
    open_page(phone, seed_server.url(STUDENT_PAGES[name]))
    assert phone.evaluate(SMALL_TEXT) == []


@pytest.mark.parametrize("name", STUDENT_PAGES)
def test_tap_targets_are_at_least_24px(phone, seed_server, name):
    open_page(phone, seed_server.url(STUDENT_PAGES[name]))
    assert phone.evaluate(SMALL_TARGETS) == []


def test_the_target_check_catches_crowded_small_buttons(phone):
    """The rule itself: two 12px buttons side by side fail; a link in a sentence does not."""
    phone.set_content("<main class='md-content'><p>Read <a href='#a'>this</a> first.</p>"
                      "<button style='width:12px;height:12px;padding:0'>a</button>"
                      "<button style='width:12px;height:12px;padding:0'>b</button></main>")
    found = phone.evaluate(SMALL_TARGETS)
    assert [f.split(" ")[1] for f in found] == ['"a"', '"b"']
