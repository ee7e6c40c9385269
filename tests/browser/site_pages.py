"""The seed site's pages, one of each kind, for the reader-facing browser checks.

Accessibility, privacy, phone, print and screenshot tests all walk the same list,
so a new kind of page is added here once and every check covers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from playwright.sync_api import Page, expect

from tests.browser.conftest import SiteServer
from tests.conftest import Built

ARTICLE = "articles/ceasefire-talks-cairo/"
QUIZ = "articles/ceasefire-talks-cairo/quiz/"
LESSON = "lessons/ceasefire-talks-cairo/"
WORKSHEET = "lessons/ceasefire-talks-cairo/worksheet/"
ANSWER_KEY = "lessons/ceasefire-talks-cairo/answer-key/"
GUIDED = "lessons/ceasefire-talks-cairo/guided/"

ENTITY_PAGES = {
    "person": "people/antony-blinken/",
    "place": "places/cairo/",
    "organization": "organizations/hamas/",
    "term": "terms/ceasefire/",
    "event": "events/october-7-attack/",
}

STUDENT_PAGES: dict[str, str] = {
    "home": "",
    "article": ARTICLE,
    "quiz": QUIZ,
    "glossary": "glossary/",
    **{f"entity-{kind}": path for kind, path in ENTITY_PAGES.items()},
    "lesson-student": LESSON,
    "worksheet": WORKSHEET,
    "guided-reading": GUIDED,
}
"""Every kind of page in the student edition: name → URL path."""

TEACHER_PAGES: dict[str, str] = {
    "lesson-teacher": LESSON,
    "quiz-teacher": QUIZ,
    "answer-key": ANSWER_KEY,
}
"""Pages that differ in the teacher edition."""


def serve(built: Built) -> Iterator[SiteServer]:
    """Serve a built site for the length of a fixture."""
    server = SiteServer(built.site)
    try:
        yield server
    finally:
        server.close()


def open_page(page: Page, url: str) -> None:
    """Go to a page that must exist, and wait until its scripts have settled."""
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    page.wait_for_load_state("networkidle")


def answer_quiz(page: Page) -> None:
    """Answer every question of the quiz on the page (any answer), submit, await feedback.

    Picks the first choice of each choice question, types into text boxes and
    keeps drop-downs at their first real option, the way a hurried student would;
    the point is the page after grading, not the score.
    """
    form = page.locator("form.mg-quiz")
    for question in form.locator("fieldset.mg-question").all():
        choice = question.locator("input[type=radio], input[type=checkbox]")
        if choice.count():
            choice.first.check()
        for box in question.locator("input[type=text], textarea").all():
            box.fill("Cairo")
        for select in question.locator("select").all():
            values = [o.get_attribute("value") or "" for o in select.locator("option").all()]
            real = [v for v in values if v]
            if real:
                select.select_option(real[0])
    form.locator("button[type=submit], input[type=submit]").first.click()
    expect(form.locator(".mg-feedback").first).not_to_have_text(re.compile(r"^\s*$"),
                                                                use_inner_text=True)
