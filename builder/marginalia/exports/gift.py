"""GIFT, Moodle's plain-text question format.

Questions are marked `[plain]`, so Moodle shows text exactly as typed (its
default reads GIFT text as HTML). Every piece of text goes through `escape`,
which backslash-escapes GIFT's syntax characters (`\\ ~ = # { } :`) and folds
line breaks to spaces (a blank line would end the question). GIFT has no
ordering type: order questions become matching (each item with its position),
with a warning. Open questions become
essays; their model answer is teacher-only and GIFT has no grader-only field,
so it is left out (the Moodle XML export carries it as grader information), and
so is their feedback, with a warning: `{####…}` on an essay is Moodle-only
syntax that other GIFT readers reject.
"""

from __future__ import annotations

from marginalia.model import Question, Quiz

from . import common
from .common import ExportWarning

_SPECIAL = "\\~=#{}:"
PLAIN = "[plain]"
"""Every question is marked plain text: Moodle's default GIFT format is HTML, so a
`<b>` typed in an annotation would arrive as markup; `[plain]` makes Moodle show
it as typed (answers and feedback inherit the question's format)."""


def escape(text: str) -> str:
    """Text as GIFT reads it literally: specials escaped, on one line."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)


def weight(share: float) -> str:
    """A percentage as GIFT writes it: whole numbers plainly, else five decimals."""
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return f"%{text}%"


def _answer(mark: str, text: str, feedback: str = "") -> str:
    line = f"    {mark}{escape(text)}"
    return line + (f"#{escape(feedback)}" if feedback else "")


def _block(q: Question, lines: list[str]) -> list[str]:
    general = common.general_feedback(q)
    if general:
        lines.append(f"    ####{escape(general)}")
    return lines


def question(q: Question, warnings: list[ExportWarning]) -> str:
    """One question as a GIFT record (title, text and answer block)."""
    head = f"::{escape(q.id)}::{PLAIN}{escape(q.prompt)}"
    right, wrong = common.correct_feedback(q), common.incorrect_feedback(q)
    lines: list[str]
    if q.type == "single":
        lines = [_answer("=" if common.is_correct(q, c) else "~", c,
                         right if common.is_correct(q, c) else wrong) for c in q.choices]
    elif q.type == "multiple":
        correct = [c for c in q.choices if common.is_correct(q, c)]
        share = 100 / max(len(correct), 1)
        lines = [_answer("~" + weight(share if c in correct else -share), c,
                         right if c in correct else wrong) for c in q.choices]
    elif q.type == "true-false":
        # {T#feedback if the student is wrong#feedback if right}
        value = "TRUE" if q.answer is True else "FALSE"
        general = common.general_feedback(q)
        tail = f"####{escape(general)}" if general else ""
        return f"{head} {{{value}#{escape(wrong)}#{escape(right)}{tail}}}\n"
    elif q.type == "short":
        lines = [_answer("=", a, right) for a in common.accepted(q)]
    elif q.type in ("match", "order"):
        if q.type == "order":
            head = (f"::{escape(q.id)}::{PLAIN}"
                    f"{escape(q.prompt + common.ORDER_AS_MATCH_NOTE)}")
            warnings.append(ExportWarning("gift", q.id, "order question exported as matching "
                                          "(each item with its position, 1 = first): GIFT "
                                          "has no ordering type"))
        lines = [f"    ={escape(left)} -> {escape(right_)}"
                 for left, right_ in common.pairs(q)]
    else:  # open → essay
        if common.general_feedback(q):
            warnings.append(ExportWarning("gift", q.id, "essay exported without its feedback "
                                          "and evidence: GIFT parsers other than Moodle's "
                                          "reject feedback on an essay (the Moodle XML and "
                                          "QTI exports keep it)"))
        return f"{head} {{}}\n"
    body = "\n".join(_block(q, lines))
    return f"{head} {{\n{body}\n}}\n"


def document(quiz: Quiz, category: str) -> tuple[str, list[ExportWarning]]:
    """The whole quiz as a GIFT file, under one question-bank category."""
    warnings: list[ExportWarning] = []
    parts = [f"// {' '.join(quiz.title.split())}: exported by Marginalia (GIFT format)",
             f"$CATEGORY: $course$/top/{escape(category)}", ""]
    for q in quiz.questions:
        parts.append(f"// {q.id} ({q.type})")
        parts.append(question(q, warnings))
    return "\n".join(parts), warnings
