"""Guided reading in real Chromium (issue 15): with the teacher's gate, the seed
lesson's article opens part by part as each checkpoint question is answered; the
part that opens takes the focus; progress survives a reload; "Start again" closes
the parts again; without JavaScript every part is shown."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.site_pages import GUIDED

PARTS = "section.mg-guided__part"


def open_guided(page: Page, server) -> None:
    page.goto(server.url(GUIDED))
    expect(page.locator(".mg-quiz__actions")).to_be_visible()  # quiz.js has run


def answer_first_checkpoint(page: Page) -> None:
    first = page.locator(".mg-guided__checkpoint").first
    first.locator("input[type=radio]").first.check()
    first.get_by_role("button", name="Check this answer").click()


def test_only_the_first_part_and_its_question_are_open_at_first(page, seed_server):
    open_guided(page, seed_server)
    expect(page.locator(PARTS).nth(0)).to_be_visible()
    expect(page.locator(".mg-guided__checkpoint").nth(0)).to_be_visible()
    expect(page.locator(".mg-guided__locked").nth(0)).to_be_visible()
    expect(page.locator(PARTS).nth(1)).to_be_hidden()


def test_answering_opens_the_next_part_and_moves_focus_into_it(page, seed_server):
    open_guided(page, seed_server)
    answer_first_checkpoint(page)
    second = page.locator(PARTS).nth(1)
    expect(second).to_be_visible()
    expect(second).to_be_focused()
    expect(page.locator(".mg-guided__locked").nth(0)).to_be_hidden()
    expect(page.locator(PARTS).nth(2)).to_be_hidden()


def test_progress_is_kept_across_a_reload_and_start_again_closes_the_parts(page,
                                                                           seed_server):
    open_guided(page, seed_server)
    answer_first_checkpoint(page)
    page.reload()
    expect(page.locator(".mg-quiz__actions")).to_be_visible()
    expect(page.locator(PARTS).nth(1)).to_be_visible()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator(PARTS).nth(1)).to_be_hidden()
    assert page.requests and not [r for r in page.requests if r.startswith("pageerror")]


def test_without_javascript_every_part_is_shown(browser, seed_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(seed_server.url(GUIDED))
    parts = page.locator(PARTS)
    assert parts.count() == 5
    for i in range(parts.count()):
        expect(parts.nth(i)).to_be_visible()
    context.close()
