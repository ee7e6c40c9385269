"""Every question kind through every LMS export, against the kind table.

`KINDS` (model/questions.py) names each kind's Canvas, Moodle and cartridge
type and which formats reshape it into another kind. This table exports one
question of each kind in each format and checks that the item carries the
table's type name and has the shape of the kind it is carried as (its own, or
the reshaped one, with a warning giving the table's reason). A kind added to
the model without a row, a sample here, or an arm in an exporter fails here.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from marginalia.exports import gift, moodle, qti
from marginalia.model import (
    KINDS,
    Answer,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Question,
    Quiz,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.render.quiz import controls_template, quiz_data, worksheet_template

SAMPLES: dict[type[Answer], Answer] = {
    SingleChoice: SingleChoice(("a", "b", "c"), "b"),
    MultipleAnswer: MultipleAnswer(("a", "b", "c"), ("a", "c")),
    TrueFalse: TrueFalse(True),
    ShortAnswer: ShortAnswer(("1.4 million", "1,400,000")),
    Order: Order(("first", "second", "third"), shown=("second", "third", "first")),
    Match: Match((("x", "Zed"), ("y", "alpha"))),
    Open: Open("A model answer."),
}
FORMATS = ("qti", "cc", "moodle", "gift")
QTI = f"{{{qti.QTI_NS}}}"
PAIRS = "one per pair"
"""In an expected shape: as many as the question has pairs (an order question's items)."""


def _question(kind: type[Answer]) -> Question:
    return Question(f"q-{KINDS[kind].name}", "Prompt", SAMPLES[kind], evidence="the passage",
                    feedback_correct="Right.", feedback_incorrect="Reread it.")


def _carried(kind: type[Answer], fmt: str) -> type[Answer]:
    reshape = KINDS[kind].reshaped.get(fmt)
    return reshape.as_kind if reshape else kind


CASES = [(kind, fmt) for kind in KINDS for fmt in FORMATS]
IDS = [f"{KINDS[kind].name}-{fmt}" for kind, fmt in CASES]


def test_every_answer_class_has_a_row_and_a_sample():
    assert set(KINDS) == set(Answer.__subclasses__()) == set(SAMPLES)
    names = [facts.name for facts in KINDS.values()]
    assert len(set(names)) == len(names)


def test_a_reshaped_kind_is_typed_as_the_kind_it_becomes():
    # an order question carried as matching is a matching question to the LMS
    columns = {"qti": "canvas_type", "cc": "cc_profile", "moodle": "moodle_type"}
    for kind, facts in KINDS.items():
        for fmt, reshape in facts.reshaped.items():
            assert fmt in FORMATS, (kind, fmt)
            if fmt in columns:
                column = columns[fmt]
                assert getattr(facts, column) == getattr(KINDS[reshape.as_kind], column)


@pytest.mark.parametrize("kind", KINDS, ids=[f.name for f in KINDS.values()])
def test_every_kind_has_quiz_controls_a_worksheet_space_and_grading_data(kind):
    q = _question(kind)
    assert controls_template(q).startswith("quiz/")
    assert worksheet_template(q).startswith("worksheet/")
    entry = quiz_data(Quiz("s", "T", (q,)))["questions"][q.id]
    assert entry["type"] == KINDS[kind].name
    assert ("answer" in entry) == KINDS[kind].graded


def _qti_shape(item: etree._Element) -> tuple:
    lids = item.findall(f".//{QTI}response_lid")
    if len(lids) == 1:
        labels = lids[0].findall(f".//{QTI}response_label")
        return ("choice", lids[0].get("rcardinality"), len(labels))
    if lids:
        return ("matching", len(lids))
    fib = item.find(f".//{QTI}response_str/{QTI}render_fib")
    return ("essay",) if fib.get("rows") else ("fill-in",)


QTI_SHAPES = {
    SingleChoice: ("choice", "Single", 3), MultipleAnswer: ("choice", "Multiple", 3),
    TrueFalse: ("choice", "Single", 2), ShortAnswer: ("fill-in",),
    Match: ("matching", PAIRS), Open: ("essay",),
}
"""The item each carried kind becomes; a matching item has one response per left item."""


def _moodle_shape(el: etree._Element) -> tuple:
    return (el.findtext("single"), len(el.findall("answer")), len(el.findall("subquestion")),
            el.find("graderinfo") is not None)


MOODLE_SHAPES = {
    SingleChoice: ("true", 3, 0, False), MultipleAnswer: ("false", 3, 0, False),
    TrueFalse: (None, 2, 0, False), ShortAnswer: (None, 3, 0, False),  # and the catch-all
    Match: (None, 0, PAIRS, False), Open: (None, 0, 0, True),
}


def _gift_shape(record: str) -> tuple:
    block = record.split(" {", 1)[1].rstrip().removesuffix("}")
    lines = [line.strip() for line in block.splitlines()
             if line.strip() and not line.strip().startswith("####")]
    if re.match(r"(TRUE|FALSE)#", block):
        return ("true-false",)
    if not lines:
        return ("essay",)
    if all(" -> " in line for line in lines):
        return ("matching", len(lines))
    if all(line.startswith("~%") for line in lines):
        return ("weighted", len(lines))
    if all(line.startswith("=%") for line in lines):
        return ("short", len(lines))
    return ("choice", len(lines))


GIFT_SHAPES = {
    SingleChoice: ("choice", 3), MultipleAnswer: ("weighted", 3), TrueFalse: ("true-false",),
    ShortAnswer: ("short", 3), Match: ("matching", PAIRS), Open: ("essay",),
}


def _expected(shapes: dict, kind: type[Answer], fmt: str, q: Question) -> tuple:
    carried = _carried(kind, fmt)
    return tuple(len(q.answer.as_list()) if part is PAIRS else part
                 for part in shapes[carried])


@pytest.mark.parametrize(("kind", "fmt"), CASES, ids=IDS)
def test_each_kind_exports_as_the_table_says(kind, fmt):
    q = _question(kind)
    quiz = Quiz("s", "T", (q,))
    facts = KINDS[kind]
    if fmt in ("qti", "cc"):
        profile = "cc" if fmt == "cc" else "canvas"
        xml, warnings = qti.assessment(quiz, "T", profile=profile, fmt=fmt)
        item = etree.fromstring(xml).find(f".//{QTI}item")
        meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                for f in item.iter(f"{QTI}qtimetadatafield")}
        if fmt == "cc":
            assert meta["cc_profile"] == facts.cc_profile
        else:
            assert meta["question_type"] == facts.canvas_type
        assert _qti_shape(item) == _expected(QTI_SHAPES, kind, fmt, q)
    elif fmt == "moodle":
        xml, warnings = moodle.document(quiz, "Lesson")
        el = etree.fromstring(xml).findall("question")[1]  # after the category
        assert el.get("type") == facts.moodle_type
        assert _moodle_shape(el) == _expected(MOODLE_SHAPES, kind, fmt, q)
    else:
        warnings = []
        record = gift.question(q, warnings)
        assert _gift_shape(record) == _expected(GIFT_SHAPES, kind, fmt, q)
    reshaped = [w.message for w in warnings if " question exported as " in w.message]
    reshape = facts.reshaped.get(fmt)
    if reshape is None:
        assert reshaped == []
    else:
        assert len(reshaped) == 1 and reshape.reason in reshaped[0]
        assert reshaped[0].startswith(f"{facts.name} question exported as ")
