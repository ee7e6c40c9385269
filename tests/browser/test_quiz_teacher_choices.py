"""The teacher's choices on a quiz, as a student meets them in real Chromium.

The quiz project is built twice: as written (the defaults: "Show the answer"
from the start, evidence quoted on every wrong answer) and with
`show_answer: after-attempt` and `quote_evidence: after-second-try` added to
its quiz file. Each test reads one setting's behaviour off the page.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import SiteServer
from tests.conftest import FIXTURES, copy_project, run_cli

QUIZ = "articles/river-bridge/quiz/"
QUIZ_FILE = "annotations/quizzes/river-bridge.yml"
CHOSEN = "show_answer: after-attempt\nquote_evidence: after-second-try\n"


def _serve(tmp_path_factory, head: str) -> SiteServer:
    project = copy_project(FIXTURES / "quiz-project", tmp_path_factory.mktemp("choices"))
    quiz = project / QUIZ_FILE
    quiz.write_text(head + quiz.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(project, "build", "-d", str(project / "out-site"))
    assert result.returncode == 0, result.stderr
    return SiteServer(project / "out-site")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    both = {"default": _serve(tmp_path_factory, ""), "chosen": _serve(tmp_path_factory, CHOSEN)}
    yield both
    for server in both.values():
        server.close()


def open_quiz(page: Page, server: SiteServer) -> None:
    page.goto(server.url(QUIZ))
    expect(page.locator(".mg-quiz__actions")).to_be_visible()  # quiz.js has run


def type_and_check(page: Page, text: str) -> None:
    box = page.locator("#q-bridge-cost-text")
    box.fill(text)
    page.locator("#q-bridge-cost button[data-action=check]").click()


REVEAL = "#q-bridge-cost details.mg-reveal"
EVIDENCE = "#q-bridge-cost .mg-feedback__evidence"
VERDICT = "#q-bridge-cost .mg-feedback__verdict"


def test_show_the_answer_is_offered_from_the_start_by_default(page, servers):
    open_quiz(page, servers["default"])
    expect(page.locator(REVEAL)).to_be_visible()


def test_show_the_answer_after_attempt_waits_for_a_checked_answer(page, servers):
    open_quiz(page, servers["chosen"])
    expect(page.locator(REVEAL)).to_be_hidden()
    page.locator("#q-bridge-cost button[data-action=check]").click()  # nothing typed yet
    expect(page.locator(REVEAL)).to_be_hidden()
    type_and_check(page, "1.5 million")
    expect(page.locator(REVEAL)).to_be_visible()
    page.reload()  # the attempt is remembered with the answers
    expect(page.locator(REVEAL)).to_be_visible()
    expect(page.locator("#q-who-opened details.mg-reveal")).to_be_hidden()


def test_a_wrong_answer_quotes_the_evidence_at_once_by_default(page, servers):
    open_quiz(page, servers["default"])
    type_and_check(page, "1.5 million")
    expect(page.locator(EVIDENCE)).to_be_visible()


def test_evidence_after_second_try_waits_for_a_second_wrong_answer(page, servers):
    open_quiz(page, servers["chosen"])
    type_and_check(page, "1.5 million")
    expect(page.locator(VERDICT)).to_have_text("Not quite. Reread the article and try again.")
    expect(page.locator("#q-bridge-cost .mg-feedback__incorrect")).to_be_visible()
    expect(page.locator(EVIDENCE)).to_be_hidden()
    page.locator("#q-bridge-cost button[data-action=check]").click()  # same answer again
    expect(page.locator(EVIDENCE)).to_be_hidden()
    type_and_check(page, "2 million")
    expect(page.locator(VERDICT)).to_have_text("Not quite. Here is what the article says:")
    expect(page.locator(EVIDENCE)).to_be_visible()


def test_a_right_first_answer_quotes_the_evidence_whatever_the_choice(page, servers):
    open_quiz(page, servers["chosen"])
    type_and_check(page, "1.4 million")
    expect(page.locator(VERDICT)).to_have_text("Correct.")
    expect(page.locator(EVIDENCE)).to_be_visible()
