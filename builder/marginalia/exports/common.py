"""What every export shares: warnings, feedback text, and question reshaping.

Formats differ in which question kinds they hold; the kind table
(`model/questions.py`, `KindFacts.reshaped`) says which format must reshape
which kind, and into what. Each exporter asks this module for the same
feedback wording (the evidence from the article is always part of it) and for
the same reshaping (`carried_as`), so a teacher gets one story across Canvas,
Moodle and the rest, and a warning every time.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from marginalia.model import (
    Answer,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Question,
    ShortAnswer,
    SingleChoice,
)


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
    if isinstance(q.answer, Open):
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


def carried_as(q: Question, fmt: str, warnings: list[ExportWarning],
               also_lost: str = "") -> type[Answer]:
    """The kind `fmt` exports `q` as: its own, or the one the kind table reshapes it to.

    A reshaped question is always reported, with the table's reason (and
    `also_lost`, what the format drops on top of the reshaping), so nothing
    changes shape silently.
    """
    reshape = q.kind.reshaped.get(fmt)
    if reshape is None:
        return type(q.answer)
    if reshape.as_kind is Open:
        how = (f"exported as an essay ({reshape.reason}); "
               "the correct answer is in the feedback, grade it by hand")
    elif reshape.as_kind is Match:
        how = f"exported as matching (each item with its position, 1 = first): {reshape.reason}"
    else:
        raise TypeError(f"no export reshapes a question into {reshape.as_kind.__name__}")
    warnings.append(ExportWarning(fmt, q.id, f"{q.kind.name} question {how}{also_lost}"))
    return reshape.as_kind


ORDER_AS_MATCH_NOTE = " (Match each item with its position: 1 = first.)"


def prompt(q: Question, carried: type[Answer]) -> str:
    """The prompt as exported: an order question carried as matching says how to match."""
    if isinstance(q.answer, Order) and carried is Match:
        return q.prompt + ORDER_AS_MATCH_NOTE
    return q.prompt


def pairs(q: Question) -> list[tuple[str, str]]:
    """Left/right pairs of a match question, or of an order question reshaped as one."""
    match q.answer:
        case Order() as order:
            return order.positions()
        case Match(pairs=written):
            return list(written)
    return []


def is_correct(q: Question, choice: str) -> bool:
    """Whether `choice` is a right option of a single-choice or multiple-answer question."""
    match q.answer:
        case SingleChoice(correct=correct):
            return choice == correct
        case MultipleAnswer() as answer:
            return answer.is_correct(choice)
    return False


def accepted(q: Question) -> list[str]:
    """Accepted strings of a short-answer question."""
    match q.answer:
        case ShortAnswer(accepted=texts):
            return list(texts)
    return []


def title(q: Question, limit: int = 80) -> str:
    """A short name for the question in an LMS question bank."""
    text = " ".join(q.prompt.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
