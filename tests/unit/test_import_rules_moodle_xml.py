"""Moodle's Moodle XML import, rule by rule, applied to our Moodle XML files.

The rules (Moodle question/format/xml/format.php), as `tests/unit/lms_readers.py`
implements them:

| rule | what Moodle does |
|---|---|
| category | `<question type="category">`'s text, split at single `/` (`//` is a slash) |
| text | `<text>` in the element's `format` (`html`: markup; `plain_text`: as typed) |
| multichoice | `<single>`; each `<answer fraction>` in percent, with its `<feedback>`; |
|             | combined `correctfeedback` / `partiallycorrectfeedback` / `incorrectfeedback` |
| truefalse | answers whose text is exactly `true` and `false` |
| shortanswer | answer text taken raw (plain); `*` matches anything, `\\*` is a star |
| matching | `<subquestion>` text (with format) and `<answer><text>` raw; combined feedback |
| essay | general feedback and `graderinfo` only: no per-answer feedback exists |
"""

from __future__ import annotations

import pytest

from tests.unit.lms_cases import (
    accepted,
    case,
    correct_choices,
    feedback,
    flat,
    ids,
    pairs,
    prompt,
    question,
    questions,
)
from tests.unit.lms_readers import Imported, read_moodle_xml

KIND = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
        "short": "shortanswer", "match": "matching", "order": "matching", "open": "essay"}

BROKEN: frozenset[str] = frozenset()
"""Tests that fail today for issue 15's bugs; strict, so each fix must strike its names."""


@pytest.fixture(autouse=True)
def _known_broken(request):
    if request.node.name in BROKEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="issue 15"))


NAMES = ["seed", "fixture", "syntax"]


def imported(name: str, qid: str) -> Imported:
    _categories, parsed = read_moodle_xml(case(name).files["moodle"])
    found = [p for p in parsed if p.name.startswith(f"{qid}: ")]
    assert len(found) == 1, [p.name for p in parsed]
    return found[0]


@pytest.mark.parametrize("name", NAMES)
def test_category_is_the_lesson_title_under_the_course_top(name):
    categories, _ = read_moodle_xml(case(name).files["moodle"])
    assert categories == [["$course$", "top", flat(case(name).title)]]


@pytest.mark.parametrize("name", NAMES)
def test_every_question_arrives_once(name):
    _, parsed = read_moodle_xml(case(name).files["moodle"])
    assert len(parsed) == len(case(name).questions)


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_question_text_and_kind_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert (got.qtype, got.text) == (KIND[q["type"]], prompt(q))


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_general_feedback_quotes_the_evidence(name, qid):
    assert flat(question(name, qid)["evidence"]) in imported(name, qid).general


CHOICE = questions("single", "multiple")


@pytest.mark.parametrize(("name", "qid"), CHOICE, ids=ids(CHOICE))
def test_choices_and_key_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert [a.text for a in got.answers] == [flat(c) for c in q["choices"]]
    assert {a.text for a in got.answers if a.fraction > 0} == correct_choices(q)
    assert got.single is (q["type"] == "single")


MULTIPLE = questions("multiple")


@pytest.mark.parametrize(("name", "qid"), MULTIPLE, ids=ids(MULTIPLE))
def test_multiple_answer_gives_full_marks_only_for_the_right_set(name, qid):
    got = imported(name, qid)
    assert sum(a.fraction for a in got.answers if a.fraction > 0) == pytest.approx(1, abs=1e-4)
    assert sum(a.fraction for a in got.answers) < 1 - 1e-4


FEEDBACK = questions("single", "multiple", "match", "order")


@pytest.mark.parametrize(("name", "qid"), FEEDBACK, ids=ids(FEEDBACK))
def test_combined_feedback_arrives(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert feedback(q, "correct") in got.correct
    assert feedback(q, "incorrect") in got.incorrect


TF = questions("true-false")


@pytest.mark.parametrize(("name", "qid"), TF, ids=ids(TF))
def test_true_false_key_and_feedback_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert sorted(a.text for a in got.answers) == ["false", "true"]
    right = [a for a in got.answers if a.fraction == 1]
    assert [a.text for a in right] == ["true" if q["answer"] is True else "false"]
    assert feedback(q, "correct") in right[0].feedback
    assert all(feedback(q, "incorrect") in a.feedback for a in got.answers if a.fraction == 0)


SHORT = questions("short")


def _literal(answer: str) -> str:
    assert "*" not in answer.replace("\\*", ""), f"{answer!r} would be a wildcard"
    return answer.replace("\\*", "*")


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_every_accepted_answer_arrives_exactly(name, qid):
    full = [_literal(a.text) for a in imported(name, qid).answers if a.fraction == 1]
    assert full == accepted(question(name, qid))


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_short_answer_feedback_arrives_right_and_wrong(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert all(feedback(q, "correct") in a.feedback for a in got.answers if a.fraction == 1)
    if feedback(q, "incorrect"):
        other = [a for a in got.answers if a.text == "*" and a.fraction == 0]
        assert other and feedback(q, "incorrect") in other[0].feedback


MATCH = questions("match", "order")


@pytest.mark.parametrize(("name", "qid"), MATCH, ids=ids(MATCH))
def test_matching_pairs_arrive(name, qid):
    assert imported(name, qid).subquestions == pairs(question(name, qid))


OPEN = questions("open")


@pytest.mark.parametrize(("name", "qid"), OPEN, ids=ids(OPEN))
def test_essay_guidance_arrives_in_general_feedback(name, qid):
    q, got = question(name, qid), imported(name, qid)
    for which in ("correct", "incorrect"):
        assert feedback(q, which) in got.general


@pytest.mark.parametrize(("name", "qid"), OPEN, ids=ids(OPEN))
def test_essay_model_answer_arrives_for_graders_only(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert got.graderinfo == flat(q.get("model_answer", ""))
    assert flat(q.get("model_answer", "")) not in got.general
