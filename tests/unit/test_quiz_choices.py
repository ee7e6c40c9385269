"""The teacher's choices in a quiz file: known values kept, others named at file:line:col.

`show_answer` (always | after-attempt) and `quote_evidence` (at-once |
after-second-try) sit at the top of annotations/quizzes/<article>.yml; left
out, the quiz behaves as it always did.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.model import QUIZ_CHOICES, QuizSettings
from marginalia.validate import Paths, load_project

ARTICLE = """\
---
title: Bridge opens
date: 2024-03-02
---

The town opened a new footbridge on Saturday.
"""
QUESTIONS = """\
questions:
  - id: good
    type: single
    prompt: When did it open?
    choices: [Saturday, Sunday]
    answer: Saturday
    evidence: opened a new footbridge on Saturday
"""
FILE = "annotations/quizzes/bridge.yml"


def load(tmp_path: Path, head: str):
    (tmp_path / "annotations" / "quizzes").mkdir(parents=True)
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "docs" / "articles" / "bridge.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / FILE).write_text("title: Check\n" + head + QUESTIONS, encoding="utf-8")
    return load_project(Paths(tmp_path, tmp_path / "docs", tmp_path / "annotations"))


@pytest.mark.parametrize(("head", "settings"), [
    ("", QuizSettings("always", "at-once")),
    ("show_answer: after-attempt\n", QuizSettings("after-attempt", "at-once")),
    ("quote_evidence: after-second-try\n", QuizSettings("always", "after-second-try")),
    ("show_answer: always\nquote_evidence: at-once\n", QuizSettings("always", "at-once")),
], ids=["defaults", "answer-after-attempt", "evidence-after-second-try", "defaults-written"])
def test_known_values_are_the_quiz_settings(tmp_path, head, settings):
    report = load(tmp_path, head)
    assert report.diagnostics == []
    assert report.project.quizzes["bridge"].settings == settings


@pytest.mark.parametrize(("head", "expected"), [
    ("show_answer: after_attempt\n",
     [f"{FILE}:2:14: error: unknown show_answer 'after_attempt' (did you mean "
      "'after-attempt'? fix: write `show_answer:` as one of always, after-attempt)"]),
    ("quote_evidence: later\n",
     [f"{FILE}:2:17: error: unknown quote_evidence 'later' (fix: write `quote_evidence:` "
      "as one of at-once, after-second-try)"]),
    ("show_answer: never\nquote_evidence: never\n",  # both at once
     [f"{FILE}:2:14: error: unknown show_answer 'never' (fix: write `show_answer:` as one "
      "of always, after-attempt)",
      f"{FILE}:3:17: error: unknown quote_evidence 'never' (fix: write `quote_evidence:` "
      "as one of at-once, after-second-try)"]),
], ids=["near-miss", "unknown", "both"])
def test_an_unknown_value_is_an_error_with_the_fix(tmp_path, head, expected):
    report = load(tmp_path, head)
    assert [str(d) for d in report.diagnostics] == expected
    assert report.project is None


def test_every_choice_has_a_teacher_sentence_and_a_valid_default():
    for choice in QUIZ_CHOICES:
        assert choice.default in choice.values
        assert choice.attribute.startswith("data-")
        assert all(sentence.endswith(".") for sentence in choice.values.values())
