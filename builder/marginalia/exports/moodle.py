"""Moodle XML, the richest format Moodle imports.

Every core type we need exists except ordering (a plugin, not in every Moodle),
so order questions become matching (each item with its position), with a
warning. Open questions become essays whose model answer goes into
`graderinfo`, which Moodle shows to graders only. A short answer's accepted
answers are matched literally (`*`, Moodle's wildcard, is written `\\*`), and
its incorrect feedback rides on a catch-all answer `*` worth 0. Text is written in Moodle's
`html` format after HTML-escaping, and the tree is serialised by lxml, so both
layers of escaping are done by code that knows them.
"""

from __future__ import annotations

import html

from lxml import etree

from marginalia.model import (
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

from . import common
from .common import ExportWarning

_GRADES = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333,
           30.0, 25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0)
"""Moodle's allowed answer grades in percent (the positive half of its list)."""


def grade(share: float) -> str:
    """The Moodle grade nearest to `share` percent, written as Moodle writes it."""
    nearest = min(_GRADES, key=lambda g: abs(g - abs(share)))
    value = -nearest if share < 0 else nearest
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _text(parent: etree._Element, tag: str, value: str, fmt: str | None = "html",
          paragraph: bool = False):
    el = etree.SubElement(parent, tag)
    if fmt:
        el.set("format", fmt)
    body = html.escape(value, quote=False)
    etree.SubElement(el, "text").text = f"<p>{body}</p>" if paragraph and body else body
    return el


def _plain(parent: etree._Element, tag: str, value: str) -> None:
    etree.SubElement(parent, tag).text = value


def _answer(parent: etree._Element, text: str, fraction: str, feedback: str = "",
            fmt: str = "html") -> etree._Element:
    a = etree.SubElement(parent, "answer", fraction=fraction, format=fmt)
    etree.SubElement(a, "text").text = html.escape(text, quote=False) if fmt == "html" \
        else text
    if feedback:
        _text(a, "feedback", feedback)
    return a


def question(quiz_el: etree._Element, q: Question, warnings: list[ExportWarning]) -> None:
    carried = common.carried_as(q, "moodle", warnings)
    el = etree.SubElement(quiz_el, "question", type=q.kind.moodle_type)
    _text(el, "name", f"{q.id}: {common.title(q, 60)}", fmt=None)
    _text(el, "questiontext", common.prompt(q, carried), paragraph=True)
    _text(el, "generalfeedback", common.general_feedback(q))
    _plain(el, "defaultgrade", "1")
    _plain(el, "idnumber", q.id)
    right, wrong = common.correct_feedback(q), common.incorrect_feedback(q)
    match q.answer:
        case SingleChoice(options=options):
            _choices(el, q, options, single=True)
        case MultipleAnswer(options=options):
            _choices(el, q, options, single=False)
        case TrueFalse(value=value):
            for shown in (True, False):
                ok = value is shown
                _answer(el, "true" if shown else "false", "100" if ok else "0",
                        right if ok else wrong, fmt="moodle_auto_format")
        case ShortAnswer(accepted=accepted):
            _plain(el, "usecase", "0")
            for a in accepted:  # `*` is Moodle's wildcard: a typed star is `\*`
                _answer(el, common.moodle_literal(a), "100", right, fmt="moodle_auto_format")
            # Moodle's wildcard, worth nothing: the incorrect feedback for every other answer
            _answer(el, common.CATCH_ALL, "0", wrong, fmt="moodle_auto_format")
        case Match() | Order():  # an order question arrives here carried as matching
            _plain(el, "shuffleanswers", "true")
            _feedbacks(el, right, wrong)
            for left, right_ in common.pairs(q):
                sub = _text(el, "subquestion", left)
                answer = etree.SubElement(sub, "answer")
                etree.SubElement(answer, "text").text = right_
        case Open(model_answer=model):  # → essay; the model answer is for graders only
            _plain(el, "responseformat", "editor")
            _plain(el, "responserequired", "1")
            _plain(el, "responsefieldlines", "10")
            _text(el, "graderinfo", model)
        case _:
            raise TypeError(f"moodle: no export for {type(q.answer).__name__}")


def _feedbacks(el: etree._Element, right: str, wrong: str) -> None:
    _text(el, "correctfeedback", right)
    _text(el, "partiallycorrectfeedback", wrong)
    _text(el, "incorrectfeedback", wrong)


def _choices(el: etree._Element, q: Question, options: tuple[str, ...], *,
             single: bool) -> None:
    """A multichoice question: one right option (single) or a share for each (multiple)."""
    correct = [c for c in options if common.is_correct(q, c)]
    share = 100 / max(len(correct), 1)
    _plain(el, "single", "true" if single else "false")
    _plain(el, "shuffleanswers", "true")
    _plain(el, "answernumbering", "abc")
    _feedbacks(el, common.correct_feedback(q), common.incorrect_feedback(q))
    for c in options:
        ok = c in correct
        fraction = ("100" if ok else "0") if single else grade(share if ok else -share)
        _answer(el, c, fraction)


def document(quiz: Quiz, category: str) -> tuple[bytes, list[ExportWarning]]:
    """The quiz as Moodle XML under one question-bank category."""
    warnings: list[ExportWarning] = []
    root = etree.Element("quiz")
    cat = etree.SubElement(root, "question", type="category")
    cat_el = etree.SubElement(cat, "category")  # as written: category_name escapes it
    etree.SubElement(cat_el, "text").text = f"$course$/top/{common.category_name(category)}"
    for q in quiz.questions:
        question(root, q, warnings)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True), warnings
