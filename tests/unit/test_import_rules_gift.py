"""Moodle's GIFT import, rule by rule, applied to our GIFT files.

The rules (Moodle question/format/gift/format.php, question/format.php), as
`tests/unit/lms_readers.py` implements them:

| rule | what Moodle does |
|---|---|
| escapes | `\\:` `\\#` `\\=` `\\{` `\\}` `\\~` `\\n` are literal; `\\\\` is one backslash |
| category | `$CATEGORY:` text is taken as written (never unescaped), split at single `/` |
| format tag | text starting `[moodle]`, `[html]`, `[plain]` or `[markdown]` loses it as a format |
| answers | `{` … first `}`; `####` starts the general feedback; `#` an answer's feedback |
| kind | empty: essay; `~`: multichoice (single if any `=`); `=` and `->`: matching; |
|      | `T`/`TRUE`/`F`/`FALSE`: true/false; else short answer |
| matching | each `=` item splits at its *first* `->`; no per-outcome feedback exists |
| true/false | `{TRUE#feedback if wrong#feedback if right}` |
| short answer | `=%n%answer#feedback`; an answer `*` matches anything (`\\*` a literal star) |

Each test states one promise per question; the question's export either keeps
it, or a warning names the question, `gift` and what is lost.
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
from tests.unit.lms_readers import Imported, read_gift

KIND = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
        "short": "shortanswer", "match": "match", "order": "match", "open": "essay"}

BROKEN: frozenset[str] = frozenset()
"""Tests that fail today for issue 15's bugs; strict, so each fix must strike its names."""


@pytest.fixture(autouse=True)
def _known_broken(request):
    if request.node.name in BROKEN:
        request.applymarker(pytest.mark.xfail(strict=True, reason="issue 15"))


NAMES = ["seed", "fixture", "syntax"]


def imported(name: str, qid: str) -> Imported:
    _categories, parsed = read_gift(case(name).files["gift"].decode("utf-8"))
    found = [p for p in parsed if p.name == qid]
    assert len(found) == 1, [p.name for p in parsed]
    return found[0]


@pytest.mark.parametrize("name", NAMES)
def test_category_is_the_lesson_title_under_the_course_top(name):
    categories, _ = read_gift(case(name).files["gift"].decode("utf-8"))
    assert categories == [["$course$", "top", flat(case(name).title)]]


@pytest.mark.parametrize("name", NAMES)
def test_every_question_arrives_once_by_its_id(name):
    _, parsed = read_gift(case(name).files["gift"].decode("utf-8"))
    assert [p.name for p in parsed] == [q["id"] for q in case(name).questions]


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
    right = {a.text for a in got.answers if a.fraction > 0}
    assert right == correct_choices(q)
    assert got.single is (q["type"] == "single")


MULTIPLE = questions("multiple")


@pytest.mark.parametrize(("name", "qid"), MULTIPLE, ids=ids(MULTIPLE))
def test_multiple_answer_gives_full_marks_only_for_the_right_set(name, qid):
    got = imported(name, qid)
    right = sum(a.fraction for a in got.answers if a.fraction > 0)
    every_box = sum(a.fraction for a in got.answers)
    assert right == pytest.approx(1, abs=1e-4)
    assert every_box < 1 - 1e-4


FEEDBACK = questions("single", "multiple", "true-false")


@pytest.mark.parametrize(("name", "qid"), FEEDBACK, ids=ids(FEEDBACK))
def test_each_answer_carries_its_feedback(name, qid):
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


def _literal(answer: str) -> str:
    assert "*" not in answer.replace("\\*", ""), f"{answer!r} would be a wildcard"
    return answer.replace("\\*", "*")


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_every_accepted_answer_arrives_exactly(name, qid):
    got = imported(name, qid)
    full = [_literal(a.text) for a in got.answers if a.fraction == 1]
    assert full == accepted(question(name, qid))


@pytest.mark.parametrize(("name", "qid"), SHORT, ids=ids(SHORT))
def test_short_answer_feedback_arrives_right_and_wrong(name, qid):
    q, got = question(name, qid), imported(name, qid)
    if feedback(q, "correct"):
        assert all(feedback(q, "correct") in a.feedback for a in got.answers if a.fraction == 1)
    if feedback(q, "incorrect"):
        other = [a for a in got.answers if a.text == "*" and a.fraction == 0]
        assert other and feedback(q, "incorrect") in other[0].feedback


MATCH = questions("match", "order")


@pytest.mark.parametrize(("name", "qid"), MATCH, ids=ids(MATCH))
def test_matching_pairs_arrive_split_where_written(name, qid):
    assert imported(name, qid).subquestions == pairs(question(name, qid))


@pytest.mark.parametrize(("name", "qid"), MATCH, ids=ids(MATCH))
def test_matching_feedback_lost_is_warned(name, qid):
    q = question(name, qid)
    if feedback(q, "correct") or feedback(q, "incorrect"):
        assert case(name).warned("gift", qid, "feedback")


OPEN = questions("open")


@pytest.mark.parametrize(("name", "qid"), OPEN, ids=ids(OPEN))
def test_essay_guidance_arrives_in_general_feedback(name, qid):
    q, got = question(name, qid), imported(name, qid)
    for which in ("correct", "incorrect"):
        assert feedback(q, which) in got.general


@pytest.mark.parametrize(("name", "qid"), OPEN, ids=ids(OPEN))
def test_essay_model_answer_lost_is_warned(name, qid):
    if question(name, qid).get("model_answer"):
        assert case(name).warned("gift", qid, "model answer")
