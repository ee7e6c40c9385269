"""What every export shares: warnings, feedback text, and question reshaping.

Formats differ in which question types they hold. Each exporter asks this module
for the same feedback wording (the evidence from the article is always part of
it) and for the same fallback when it must reshape a question, so a teacher
gets one story across Canvas, Moodle and the rest, and a warning every time.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from marginalia.model import Question


@dataclass(frozen=True)
class ExportWarning:
    """A question a format could not hold as written, and what was done instead."""

    format: str
    question: str
    message: str

    def __str__(self) -> str:
        return f"warning: {self.format}: question '{self.question}': {self.message}"


def evidence_line(q: Question) -> str:
    return f"From the article: “{q.evidence}”" if q.evidence else ""


def _with_evidence(text: str, q: Question) -> str:
    line = evidence_line(q)
    return f"{text} {line}".strip() if line else text


def correct_feedback(q: Question) -> str:
    return q.feedback_correct or "Correct."


def incorrect_feedback(q: Question) -> str:
    return q.feedback_incorrect or "Not quite: check the article."


def general_feedback(q: Question) -> str:
    """Shown whatever the answer: the evidence (and, for open questions, the guidance).

    The evidence goes here rather than into every answer's feedback, so each
    format shows it once, after any attempt. An open question is graded by a
    person, so no LMS can tell a strong answer from a weak one: both pieces of
    its feedback (what a strong answer does, what to reread) are guidance for
    everyone, and go here too.
    """
    if q.type == "open":
        guidance = " ".join(t for t in (q.feedback_correct, q.feedback_incorrect) if t)
        return _with_evidence(guidance, q) if guidance else evidence_line(q)
    return evidence_line(q)


def category_name(title: str) -> str:
    """A lesson title as one Moodle question-bank category (Moodle XML and GIFT).

    Moodle splits a category path at every single `/`; `//` is a slash inside a
    name, and a name must not begin or end with one (Moodle's own exporter pads
    those with a space). Moodle also drops anything that looks like a tag from a
    category name and shows the name as HTML, so `<`, `>` and `&` are written
    as entities. Line breaks fold to spaces.
    """
    name = html.escape(" ".join(title.split()), quote=False).replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return name


def moodle_literal(answer: str) -> str:
    """A short answer as Moodle matches it literally: `*` is its wildcard, `\\*` a star."""
    return answer.replace("*", "\\*")


CATCH_ALL = "*"
"""Moodle's short-answer wildcard: an answer `*` worth 0 catches every other response,
which is where a short answer's incorrect feedback goes."""


def order_positions(q: Question) -> list[tuple[str, str]]:
    """An order question as matching pairs: each item with its place, 1 = first."""
    answer = q.answer if isinstance(q.answer, list) else []
    return [(item, str(number)) for number, item in enumerate(answer, start=1)]


ORDER_AS_MATCH_NOTE = " (Match each item with its position: 1 = first.)"


def pairs(q: Question) -> list[tuple[str, str]]:
    """Left/right pairs of a match question, or of an order question reshaped as one."""
    if q.type == "order":
        return order_positions(q)
    if isinstance(q.answer, dict):
        return [(str(k), str(v)) for k, v in q.answer.items()]
    return []


def choices_of(q: Question) -> list[str]:
    """Choices of a single/multiple question (the correct ones marked by `is_correct`)."""
    return list(q.choices)


def is_correct(q: Question, choice: str) -> bool:
    answer = q.answer
    if isinstance(answer, list):
        return choice in answer
    return choice == answer


def accepted(q: Question) -> list[str]:
    """Accepted strings of a short-answer question."""
    a = q.answer
    if isinstance(a, str):
        return [a]
    if isinstance(a, list):
        return [str(x) for x in a]
    return []


def title(q: Question, limit: int = 80) -> str:
    """A short name for the question in an LMS question bank."""
    text = " ".join(q.prompt.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
