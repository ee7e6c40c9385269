"""Canvas's QTI import, rule by rule, applied to our QTI zip (and the cartridge's feedback).

Canvas (gems/plugins/qti_exporter/lib/qti/assessment_item_converter.rb) reads, once its
QTI 1.2 tool has converted the package:

| rule | what Canvas does |
|---|---|
| kind | the item's `question_type` metadata, when it is one of Canvas's own types |
| feedback | each `itemfeedback` by identifier: `wrong`, `incorrect` or a `_IC` ending is the |
|          | wrong-answer comment; then `correct` or `_C`: the right-answer comment; then |
|          | `general_` or `_all`: the comment shown to everyone |
| text | `mattext` in its `texttype` (`text/html` is markup, `text/plain` text) |
| key | the choices a condition setting SCORE names (not under `<not>`) |
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
from tests.unit.lms_readers import CANVAS_TYPES, Imported, read_qti_in_canvas

KIND = {"single": "multiple_choice_question", "multiple": "multiple_answers_question",
        "true-false": "true_false_question", "short": "short_answer_question",
        "match": "matching_question", "order": "matching_question", "open": "essay_question"}

BROKEN: frozenset[str] = frozenset()
"""Tests that fail today for issue 15's bugs; strict, so each fix must strike its names."""


@pytest.fixture(autouse=True)
def _known_broken(request):
    if request.node.name in BROKEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="issue 15"))


NAMES = ["seed", "fixture", "syntax"]


def imported(name: str, qid: str) -> Imported:
    parsed = read_qti_in_canvas(case(name).qti_items_xml())
    assert len(parsed) == len(case(name).questions)
    return parsed[[x["id"] for x in case(name).questions].index(qid)]


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_question_text_and_kind_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert got.qtype in CANVAS_TYPES
    assert (got.qtype, got.text) == (KIND[q["type"]], prompt(q))


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_comments_arrive_by_kind(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert flat(q["evidence"]) in got.general
    if q["type"] != "open":
        assert feedback(q, "correct") in got.correct
        assert feedback(q, "incorrect") in got.incorrect


CHOICE = questions("single", "multiple")


@pytest.mark.parametrize(("name", "qid"), CHOICE, ids=ids(CHOICE))
def test_choices_and_key_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert [a.text for a in got.answers] == [flat(c) for c in q["choices"]]
    assert {a.text for a in got.answers if a.fraction > 0} == correct_choices(q)


SHORT = questions("short")


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_every_accepted_answer_arrives(name, qid):
    got = sorted(a.text for a in imported(name, qid).answers)
    assert got == sorted(accepted(question(name, qid)))


MATCH = questions("match", "order")


@pytest.mark.parametrize(("name", "qid"), MATCH, ids=ids(MATCH))
def test_matching_pairs_arrive(name, qid):
    assert imported(name, qid).subquestions == pairs(question(name, qid))
