"""Printing: articles, quizzes and lessons come out as clean pages on paper.

Real Chromium renders each page with print media at the width of an A4 sheet.
Navigation chrome (header, sidebars, footer, search, previews) is gone, the
article's cards follow it as endnotes in order of first mention, nothing is wider
than the paper or clipped, and the page really prints (a PDF comes out).
"""

from __future__ import annotations

import pytest

from tests.browser.site_pages import (
    ANSWER_KEY,
    ARTICLE,
    LESSON,
    QUIZ,
    WORKSHEET,
    open_page,
    serve,
)

A4 = {"width": 794, "height": 1123}  # CSS px at 96 dpi
PRINTED = {"article": ARTICLE, "quiz": QUIZ, "lesson-student": LESSON, "worksheet": WORKSHEET}
TEACHER_PRINTED = {"lesson-teacher": LESSON, "answer-key": ANSWER_KEY}
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
          ".md-search", ".md-tabs", ".md-top", ".mg-preview"]

CUT_OFF = """() => {
  // Anything wider than the paper, or text hidden by a box too small for it.
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll(".md-content *")) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || !el.checkVisibility()) continue;
    if (el.closest(".mg-sr-only")) continue;  // text for screen readers only
    const s = getComputedStyle(el);
    const what = `${el.tagName.toLowerCase()}.${el.className}`;
    if (r.right > width + 1 || r.left < -1) found.push(`${what} is outside the paper`);
    const clips = s.overflowX !== "visible" || s.overflowY !== "visible";
    if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      found.push(`${what} cuts off its content`);
  }
  return found;
}"""


@pytest.fixture
def paper(browser):
    context = browser.new_context(viewport=A4)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def teacher_server(seed_teacher_site):
    yield from serve(seed_teacher_site)


def printed(page, url: str) -> None:
    """Open a page as the print preview renders it (print media from the start)."""
    page.emulate_media(media="print")
    open_page(page, url)


@pytest.mark.parametrize("name", PRINTED)
def test_print_has_no_navigation_chrome(paper, seed_server, name):
    printed(paper, seed_server.url(PRINTED[name]))
    shown = [sel for sel in CHROME
             if any(el.is_visible() for el in paper.locator(sel).all())]
    assert shown == []


@pytest.mark.parametrize("name", PRINTED)
def test_print_cuts_nothing_off(paper, seed_server, name):
    printed(paper, seed_server.url(PRINTED[name]))
    assert paper.evaluate(CUT_OFF) == []


@pytest.mark.parametrize("name", TEACHER_PRINTED)
def test_teacher_pages_print_cleanly(paper, teacher_server, name):
    printed(paper, teacher_server.url(TEACHER_PRINTED[name]))
    assert paper.evaluate(CUT_OFF) == []
    assert [sel for sel in CHROME if any(el.is_visible() for el in paper.locator(sel).all())
            ] == []


def test_cards_print_as_endnotes_after_the_article(paper, seed_server):
    printed(paper, seed_server.url(ARTICLE))
    text = paper.locator(".mg-article").bounding_box()
    notes = paper.locator(".mg-context").bounding_box()
    assert text is not None and notes is not None
    assert notes["y"] >= text["y"] + text["height"], "cards must follow the article"
    assert notes["width"] >= text["width"] - 1, "endnotes use the full width"
    first_mentions = paper.eval_on_selector_all(
        ".mg-article a.mg-mention", "els => [...new Set(els.map(e => e.dataset.entity))]")
    cards = paper.eval_on_selector_all(".mg-context .mg-card",
                                       "els => els.map(e => e.dataset.entity)")
    assert cards == first_mentions


def test_mentions_print_as_plain_text_and_evidence_is_not_highlighted(paper, seed_server):
    printed(paper, seed_server.url(ARTICLE))
    differ = paper.eval_on_selector_all(
        ".mg-article a.mg-mention",
        "els => els.filter(e => getComputedStyle(e).color !=="
        " getComputedStyle(e.parentElement).color).map(e => e.textContent)")
    assert differ == []
    backgrounds = paper.eval_on_selector_all(
        "mark.mg-evidence", "els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert set(backgrounds) <= {"rgba(0, 0, 0, 0)"}


@pytest.mark.parametrize("name", PRINTED)
def test_page_prints_to_pdf(paper, seed_server, name):
    printed(paper, seed_server.url(PRINTED[name]))
    pdf = paper.pdf(format="A4", print_background=False)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1
