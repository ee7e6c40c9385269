"""The teacher's choices on a quiz, in the built HTML of both editions.

The lesson project is built with `show_answer: after-attempt` and
`quote_evidence: after-second-try` added to its quiz file, and once as
written. The quiz form carries each choice as a data attribute for quiz.js;
without JavaScript the answer and the evidence stay in the page as always; the
teacher edition says, on the quiz page and the lesson page, what was chosen.
"""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from marginalia.model import QUIZ_CHOICES
from tests.conftest import FIXTURES, copy_project, run_cli

QUIZ = "articles/river-bridge/quiz/index.html"
LESSON = "lessons/river-bridge/index.html"
CHOSEN = {"show_answer": "after-attempt", "quote_evidence": "after-second-try"}


def _build(tmp_path_factory, head: str, *args: str):
    project = copy_project(FIXTURES / "lesson-project", tmp_path_factory.mktemp("choices"))
    quiz = project / "annotations" / "quizzes" / "river-bridge.yml"
    quiz.write_text(head + quiz.read_text(encoding="utf-8"), encoding="utf-8")
    site = project / "out-site"
    result = run_cli(project, "build", "-d", str(site), *args)
    assert result.returncode == 0, result.stderr
    return lambda path: lxml_html.fromstring((site / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    head = "".join(f"{key}: {value}\n" for key, value in CHOSEN.items())
    return {"student": _build(tmp_path_factory, head),
            "teacher": _build(tmp_path_factory, head, "--edition", "teacher"),
            "default": _build(tmp_path_factory, "")}


def _form(page):
    return page.xpath('//form[contains(@class, "mg-quiz")]')[0]


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_the_quiz_form_carries_each_choice_for_the_script(sites, edition):
    form = _form(sites[edition](QUIZ))
    for choice in QUIZ_CHOICES:
        assert form.get(choice.attribute) == CHOSEN[choice.key]


def test_a_quiz_that_chooses_nothing_carries_the_defaults(sites):
    form = _form(sites["default"](QUIZ))
    assert {c.attribute: form.get(c.attribute) for c in QUIZ_CHOICES} == {
        "data-show-answer": "always", "data-quote-evidence": "at-once"}


def test_without_javascript_the_answer_and_evidence_stay_in_the_page(sites):
    page = sites["student"](QUIZ)
    reveals = page.xpath('//details[contains(@class, "mg-reveal")]')
    assert reveals and all(r.get("hidden") is None for r in reveals)
    assert page.xpath('//*[contains(@class, "mg-feedback__evidence")]')


@pytest.mark.parametrize("path", [QUIZ, LESSON], ids=["quiz-page", "lesson-page"])
def test_the_teacher_edition_says_what_was_chosen(sites, path):
    notes = sites["teacher"](path).xpath('//*[contains(@class, "mg-quiz-choices")]')
    assert len(notes) == 1
    text = " ".join(notes[0].text_content().split())
    for choice in QUIZ_CHOICES:
        value = CHOSEN[choice.key]
        assert f"{choice.key}: {value}" in text
        assert choice.values[value] in text
    assert "annotations/quizzes/river-bridge.yml" in text


@pytest.mark.parametrize("path", [QUIZ, LESSON], ids=["quiz-page", "lesson-page"])
def test_the_student_edition_has_no_note_on_the_choices(sites, path):
    assert sites["student"](path).xpath('//*[contains(@class, "mg-quiz-choices")]') == []
