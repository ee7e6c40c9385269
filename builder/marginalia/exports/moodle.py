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

from marginalia.model import Question, Quiz

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
    kinds = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
             "short": "shortanswer", "match": "matching", "order": "matching",
             "open": "essay"}
    el = etree.SubElement(quiz_el, "question", type=kinds[q.type])
    _text(el, "name", f"{q.id}: {common.title(q, 60)}", fmt=None)
    prompt = q.prompt
    if q.type == "order":
        prompt += common.ORDER_AS_MATCH_NOTE
        warnings.append(ExportWarning("moodle", q.id, "order question exported as matching "
                                      "(each item with its position, 1 = first): ordering "
                                      "is not a core Moodle question type"))
    _text(el, "questiontext", prompt, paragraph=True)
    _text(el, "generalfeedback", common.general_feedback(q))
    _plain(el, "defaultgrade", "1")
    _plain(el, "idnumber", q.id)
    right, wrong = common.correct_feedback(q), common.incorrect_feedback(q)
    if q.type in ("single", "multiple"):
        single = q.type == "single"
        correct = [c for c in q.choices if common.is_correct(q, c)]
        share = 100 / max(len(correct), 1)
        _plain(el, "single", "true" if single else "false")
        _plain(el, "shuffleanswers", "true")
        _plain(el, "answernumbering", "abc")
        _text(el, "correctfeedback", right)
        _text(el, "partiallycorrectfeedback", wrong)
        _text(el, "incorrectfeedback", wrong)
        for c in q.choices:
            ok = c in correct
            fraction = ("100" if ok else "0") if single else grade(share if ok else -share)
            _answer(el, c, fraction)
    elif q.type == "true-false":
        for value in (True, False):
            ok = q.answer is value
            _answer(el, "true" if value else "false", "100" if ok else "0",
                    right if ok else wrong, fmt="moodle_auto_format")
    elif q.type == "short":
        _plain(el, "usecase", "0")
        for a in common.accepted(q):  # `*` is Moodle's wildcard: a typed star is `\*`
            _answer(el, common.moodle_literal(a), "100", right, fmt="moodle_auto_format")
        # Moodle's wildcard, worth nothing: the incorrect feedback for every other answer
        _answer(el, common.CATCH_ALL, "0", wrong, fmt="moodle_auto_format")
    elif q.type in ("match", "order"):
        _plain(el, "shuffleanswers", "true")
        _text(el, "correctfeedback", right)
        _text(el, "partiallycorrectfeedback", wrong)
        _text(el, "incorrectfeedback", wrong)
        for left, right_ in common.pairs(q):
            sub = _text(el, "subquestion", left)
            answer = etree.SubElement(sub, "answer")
            etree.SubElement(answer, "text").text = right_
    else:  # open → essay; the model answer is for graders only
        _plain(el, "responseformat", "editor")
        _plain(el, "responserequired", "1")
        _plain(el, "responsefieldlines", "10")
        _text(el, "graderinfo", q.model_answer)


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
