"""Moodle's Common Cartridge 1.1 import (and Canvas's reading of feedback), rule by rule.

Moodle's converter (backup/cc/entity11.quiz.class.php) turns each QTI item of a
cartridge into a Moodle question. Its rules, as `tests/unit/lms_readers.py`
implements them:

| rule | what Moodle does |
|---|---|
| kind | by the item's `cc_profile`; a profile it does not know is skipped |
| true/false | the choices must be identified `true` and `false`, else the whole import aborts |
| score | a choice is right (1) when a condition whose first `varequal` names it sets SCORE |
| multiple response | each choice in the 100-point condition with `case="Yes"` gets 1/n; |
|                   | every other choice 0: ticking every box scores full marks |
| answer feedback | the feedback a condition shows whose first `varequal` names the choice |
| general feedback | all feedback shown by conditions with `continue="Yes"`: every student sees it |
| short answer | accepted answers: the `varequal`s of the first condition setting SCORE to 100; |
|              | no feedback is kept on them |
| essay | keeps no answer, so only the general feedback reaches students |

Canvas reads the same cartridge's feedback by identifier (see test_import_rules_canvas.py).
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
    prompt,
    question,
    questions,
)
from tests.unit.lms_readers import Imported, MoodleCCError, read_cc_in_moodle

KIND = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
        "short": "shortanswer", "match": "essay", "order": "essay", "open": "essay"}

BROKEN: frozenset[str] = frozenset()
"""Tests that fail today for issue 15's bugs; strict, so each fix must strike its names."""


@pytest.fixture(autouse=True)
def _known_broken(request):
    if request.node.name in BROKEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="issue 15"))


NAMES = ["seed", "fixture", "syntax"]


def imported(name: str, qid: str) -> Imported:
    parsed = read_cc_in_moodle(case(name).files["cc"], abort=False)
    q = question(name, qid)
    index = [x["id"] for x in case(name).questions].index(qid)
    got = parsed[index]
    assert got.text.startswith(flat(q["prompt"])[:20])
    return got


@pytest.mark.parametrize("name", NAMES)
def test_the_cartridge_imports_with_every_question(name):
    try:
        parsed = read_cc_in_moodle(case(name).files["cc"])
    except MoodleCCError as exc:
        pytest.fail(f"Moodle aborts the import: {exc}")
    assert len(parsed) == len(case(name).questions)


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_question_text_and_kind_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert (got.qtype, got.text) == (KIND[q["type"]], prompt(q, reshaped_order=False))


@pytest.mark.parametrize(("name", "qid"), questions(), ids=ids(questions()))
def test_general_feedback_quotes_the_evidence(name, qid):
    assert flat(question(name, qid)["evidence"]) in imported(name, qid).general


GRADED = questions("single", "multiple", "true-false", "short")


@pytest.mark.parametrize(("name", "qid"), GRADED, ids=ids(GRADED))
def test_incorrect_feedback_stays_out_of_what_every_student_sees(name, qid):
    wrong = feedback(question(name, qid), "incorrect")
    if wrong:
        assert wrong not in imported(name, qid).general


CHOICE = questions("single", "multiple")


@pytest.mark.parametrize(("name", "qid"), CHOICE, ids=ids(CHOICE))
def test_choices_and_key_arrive(name, qid):
    q, got = question(name, qid), imported(name, qid)
    assert [a.text for a in got.answers] == [flat(c) for c in q["choices"]]
    assert {a.text for a in got.answers if a.fraction > 0} == correct_choices(q)


MULTIPLE = questions("multiple")


@pytest.mark.parametrize(("name", "qid"), MULTIPLE, ids=ids(MULTIPLE))
def test_multiple_answer_scoring_moodle_cannot_hold_is_warned(name, qid):
    got = imported(name, qid)
    if sum(a.fraction for a in got.answers) >= 1 - 1e-4:  # every box ticked: full marks
        assert case(name).warned("cc", qid, "moodle", "every")


FEEDBACK = questions("single", "true-false")


@pytest.mark.parametrize(("name", "qid"), FEEDBACK, ids=ids(FEEDBACK))
def test_each_choice_carries_its_feedback(name, qid):
    q, got = question(name, qid), imported(name, qid)
    for a in got.answers:
        wanted = feedback(q, "correct" if a.fraction > 0 else "incorrect")
        if wanted:
            assert wanted in a.feedback, (a.text, a.feedback)


TF = questions("true-false")


@pytest.mark.parametrize(("name", "qid"), TF, ids=ids(TF))
def test_true_false_key_arrives(name, qid):
    got = imported(name, qid)
    right = [a.text for a in got.answers if a.fraction == 1]
    assert right == ["true" if question(name, qid)["answer"] is True else "false"]


SHORT = questions("short")


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_every_accepted_answer_arrives(name, qid):
    full = [a.text for a in imported(name, qid).answers if a.fraction == 1]
    assert full == accepted(question(name, qid))


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_short_answer_feedback_moodle_drops_is_warned(name, qid):
    q = question(name, qid)
    if feedback(q, "correct") or feedback(q, "incorrect"):
        assert case(name).warned("cc", qid, "moodle", "feedback")


MATCH = questions("match", "order")


@pytest.mark.parametrize(("name", "qid"), MATCH, ids=ids(MATCH))
def test_matching_travels_as_an_essay_with_its_key_and_a_warning(name, qid):
    got = imported(name, qid)
    assert case(name).warned("cc", qid, "essay")
    assert all(flat(str(left)) in got.general for left in
               (question(name, qid)["answer"]))


OPEN = questions("open")


@pytest.mark.parametrize(("name", "qid"), OPEN, ids=ids(OPEN))
def test_essay_guidance_arrives_in_general_feedback(name, qid):
    q, got = question(name, qid), imported(name, qid)
    for which in ("correct", "incorrect"):
        assert feedback(q, which) in got.general
    assert flat(q.get("model_answer", "")) not in got.general or not q.get("model_answer")
