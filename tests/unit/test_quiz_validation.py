"""Quiz validation: every malformed question is named with file:line:col and a fix.

Each case is one question (written after a valid one, so line numbers are
meaningful) and the exact diagnostic `marginalia check` prints for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.validate import Paths, load_project

ARTICLE = """\
---
title: Bridge opens
date: 2024-03-02
---

The town opened a new footbridge on Saturday. The bridge cost 1.4 million pounds.
"""
QUIZ_HEAD = """\
title: Check
questions:
  - id: good
    type: single
    prompt: When did it open?
    choices: [Saturday, Sunday]
    answer: Saturday
    evidence: opened a new footbridge on Saturday
"""
FILE = "annotations/quizzes/bridge.yml"


def check(tmp_path: Path, questions: str, article: str = ARTICLE) -> list[str]:
    """Diagnostics for a quiz made of the good question followed by `questions`."""
    (tmp_path / "annotations" / "quizzes").mkdir(parents=True)
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "docs" / "articles" / "bridge.md").write_text(article, encoding="utf-8")
    (tmp_path / FILE).write_text(QUIZ_HEAD + questions, encoding="utf-8")
    report = load_project(Paths(tmp_path, tmp_path / "docs", tmp_path / "annotations"))
    return [str(d) for d in report.diagnostics]


def test_a_valid_quiz_has_no_diagnostics(tmp_path):
    assert check(tmp_path, "") == []


CASES = {
    "answer-not-among-choices": (
        """\
  - id: cost
    type: single
    prompt: How much?
    choices: [1.4 million pounds, 2 million pounds]
    answer: 1.4 milion pounds
    evidence: cost 1.4 million pounds
""",
        f"{FILE}:13:13: error: answer '1.4 milion pounds' is not among the choices "
        "(did you mean '1.4 million pounds'?)"),
    "multiple-answer-not-among-choices": (
        """\
  - id: when
    type: multiple
    prompt: When?
    choices: [Saturday, Sunday, Monday]
    answer: [Saturday, Friday]
    evidence: on Saturday
""",
        f"{FILE}:13:13: error: answer 'Friday' is not among the choices "
        "(fix: copy the choices exactly)"),
    "duplicate-choices": (
        """\
  - id: when
    type: single
    prompt: When?
    choices: [Saturday, Sunday, Saturday]
    answer: Saturday
    evidence: on Saturday
""",
        f"{FILE}:12:33: error: 'Saturday' appears twice in 'choices' (fix: remove one)"),
    "one-choice": (
        """\
  - id: when
    type: single
    prompt: When?
    choices: [Saturday]
    answer: Saturday
    evidence: on Saturday
""",
        f"{FILE}:12:14: error: a 'single' question needs at least two choices "
        "(fix: add `choices: [first, second, …]`)"),
    "multiple-without-choices": (
        """\
  - id: when
    type: multiple
    prompt: When?
    answer: [Saturday]
    evidence: on Saturday
""",
        f"{FILE}:9:5: error: a 'multiple' question needs at least two choices "
        "(fix: add `choices: [first, second, …]`)"),
    "choices-on-true-false": (
        """\
  - id: opened
    type: true-false
    prompt: It opened.
    choices: [agreed, not agreed]
    answer: true
    evidence: opened a new footbridge
""",
        f"{FILE}:12:5: error: a 'true-false' question has no choices (fix: remove `choices:`)"),
    "true-false-not-boolean": (
        """\
  - id: opened
    type: true-false
    prompt: It opened.
    answer: yes please
    evidence: opened a new footbridge
""",
        f"{FILE}:12:13: error: a 'true-false' answer must be true or false, got 'yes please' "
        "(fix: write `answer: true` or `answer: false`)"),
    "order-items-differ-from-choices": (
        """\
  - id: steps
    type: order
    prompt: Order them.
    choices: [opened, cost, planned]
    answer: [planned, opened, paid]
    evidence: opened a new footbridge
""",
        f"{FILE}:12:14: error: the choices of an 'order' question must be the answer's "
        "items in another order (fix: list the same items in both)"),
    "order-with-one-item": (
        """\
  - id: steps
    type: order
    prompt: Order them.
    answer: [opened]
    evidence: opened a new footbridge
""",
        f"{FILE}:12:13: error: an 'order' answer lists at least two items in their right "
        "order (fix: write `answer: [first, second, …]`)"),
    "order-item-twice": (
        """\
  - id: steps
    type: order
    prompt: Order them.
    answer: [opened, paid, opened]
    evidence: opened a new footbridge
""",
        f"{FILE}:12:28: error: 'opened' appears twice in 'answer' (fix: remove one)"),
    "match-not-a-mapping": (
        """\
  - id: pairs
    type: match
    prompt: Match them.
    answer: [bridge, town]
    evidence: opened a new footbridge
""",
        f"{FILE}:12:13: error: a 'match' answer maps each left item to its partner (two or "
        "more) (fix: write `answer:` followed by indented `left: right` lines)"),
    "match-shared-partner": (
        """\
  - id: pairs
    type: match
    prompt: Match them.
    answer:
      bridge: Saturday
      town: Saturday
    evidence: opened a new footbridge
""",
        f"{FILE}:13:7: error: two left items share the same partner in 'match' "
        "(fix: make every right-hand item unique)"),
    "open-with-answer": (
        """\
  - id: why
    type: open
    prompt: Why?
    answer: Because.
""",
        f"{FILE}:12:13: error: an 'open' question has no answer "
        "(fix: move it to `model_answer:` (shown to teachers only))"),
    "model-answer-on-graded-question": (
        """\
  - id: opened
    type: true-false
    prompt: It opened.
    answer: true
    model_answer: It opened on Saturday.
    evidence: opened a new footbridge
""",
        f"{FILE}:13:5: error: a 'true-false' question has no model answer (fix: remove "
        "`model_answer:` (only `open` questions have one; the answer key comes from "
        "`answer:`))"),
    "duplicate-id": (
        """\
  - id: good
    type: true-false
    prompt: It opened.
    answer: true
    evidence: opened a new footbridge
""",
        f"{FILE}:9:9: error: duplicate question id 'good' (first at line 3) "
        "(fix: give each question its own id)"),
    "unknown-type": (
        """\
  - id: pick
    type: singel
    prompt: Pick.
    answer: x
""",
        f"{FILE}:10:11: error: unknown question type 'singel' (did you mean 'single'?)"),
    "unknown-skill": (
        """\
  - id: opened
    type: true-false
    prompt: It opened.
    answer: true
    evidence: opened a new footbridge
    skill: memory
""",
        f"{FILE}:14:12: error: unknown skill 'memory' (fix: use one of recall, vocabulary, "
        "inference, main-idea, cause-effect)"),
    "evidence-not-in-article": (
        """\
  - id: opened
    type: true-false
    prompt: It opened.
    answer: true
    evidence: opened a new bridge on Sunday
""",
        f"{FILE}:13:15: error: evidence of question 'opened' does not occur in article "
        "'bridge' (fix: quote the article verbatim; closest passage: \"opened a new "
        "footbridge on Saturday\"; you wrote 'bridge', the article has 'footbridge'; "
        "you wrote 'Sunday', the article has 'Saturday')"),
}


@pytest.mark.parametrize(("questions", "expected"), CASES.values(), ids=CASES.keys())
def test_a_malformed_question_is_reported_at_its_line(tmp_path, questions, expected):
    assert check(tmp_path, questions) == [expected]


@pytest.mark.parametrize(
    ("where", "article"),
    [("heading", ARTICLE + "\n## A second bridge is planned\n"),
     ("code-block", ARTICLE + "\n```\nA second bridge is planned\n```\n")],
    ids=["heading", "code-block"],
)
def test_evidence_the_page_cannot_mark_is_an_error(tmp_path, where, article):
    # The passage is in the article's text, but in a heading or code the page marks
    # nothing, so the quiz's link to its evidence would lead nowhere.
    question = """\
  - id: planned
    type: true-false
    prompt: A second bridge is planned.
    answer: true
    evidence: A second bridge is planned
"""
    assert check(tmp_path, question, article) == [
        f"{FILE}:13:15: error: evidence of question 'planned' is in article 'bridge' where the "
        "page cannot mark it (a heading or code) (fix: quote a passage from the article's "
        "paragraphs)"]


def test_every_error_of_a_quiz_is_reported_at_once(tmp_path):
    questions = "".join(q for q, _ in (CASES["duplicate-choices"], CASES["unknown-skill"],
                                       CASES["match-shared-partner"]))
    errors = check(tmp_path, questions)
    assert [e.split(": error: ")[1].split(" (")[0] for e in errors] == [
        "'Saturday' appears twice in 'choices'",
        "unknown skill 'memory'",
        "two left items share the same partner in 'match'",
    ]


ACROSS = """\
  - id: across
    type: true-false
    prompt: It cost money.
    answer: true
    evidence: new footbridge on Saturday. The bridge
"""


@pytest.mark.parametrize(("article", "found"), [
    (ARTICLE, True),
    (ARTICLE.replace("new footbridge", "new\nfootbridge"), True),
    (ARTICLE.replace("Saturday. The bridge", "Saturday.\n\nThe bridge"), False),
], ids=["one-line", "wrapped-line", "two-paragraphs"])
def test_evidence_may_cross_a_wrapped_line_but_not_a_paragraph(tmp_path, article, found):
    errors = check(tmp_path, ACROSS, article)
    assert (errors == []) is found, errors
