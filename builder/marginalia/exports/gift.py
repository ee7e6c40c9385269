"""GIFT, Moodle's plain-text question format, written for Moodle's own GIFT import.

Questions are marked `[plain]`, so Moodle shows text exactly as typed (its
default reads GIFT text as HTML). Every piece of text goes through `escape`,
which backslash-escapes GIFT's syntax characters (`\\ ~ = # { } :`) and folds
line breaks to spaces (a blank line would end the question). Moodle also reads
a leading `[html]` (or `[plain]`, `[moodle]`, `[markdown]`) as a format tag, so
text starting with `[` gets `[plain]` first (`field`); and it splits a matching
pair at its first `->`, so a left item holding one is written as HTML, where
`>` is `&gt;` (`html_field`). The category line is never unescaped by Moodle:
only its backslashes are doubled, and `/` (which would nest categories) is
written `//`. A short answer's wrong feedback rides on Moodle's wildcard `*`
worth 0; a literal star is `\\*`. GIFT has no ordering type: order questions
become matching (each item with its position), and matching has no right or
wrong feedback, both with a warning. Open questions become essays whose
guidance is the general feedback (`{####…}`, which Moodle reads on an essay);
their model answer is teacher-only and GIFT has no grader-only field, so it is
left out with a warning (the Moodle XML export carries it as grader information).
"""

from __future__ import annotations

import html

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

_SPECIAL = "\\~=#{}:"
PLAIN = "[plain]"
"""Every question is marked plain text: Moodle's default GIFT format is HTML, so a
`<b>` typed in an annotation would arrive as markup; `[plain]` makes Moodle show
it as typed (answers and feedback inherit the question's format)."""


def escape(text: str) -> str:
    """Text as GIFT reads it literally: specials escaped, on one line."""
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in flat)


def _category(title: str) -> str:
    """Moodle takes the category line as written, never unescaped: only `\\` is read
    (as one backslash), so only backslashes are doubled; `/` is Moodle's own escape."""
    return common.category_name(title).replace("\\", "\\\\")


def weight(share: float) -> str:
    """A percentage as GIFT writes it: whole numbers plainly, else five decimals."""
    text = f"{share:.5f}".rstrip("0").rstrip(".")
    return f"%{text}%"


def field(text: str) -> str:
    """Text Moodle reads with a format check: a leading `[html]` (or any `[name]` it knows)
    would be taken as a format tag, so such text gets `[plain]` first, which Moodle strips."""
    escaped = escape(text)
    return PLAIN + escaped if escaped.startswith("[") else escaped


def html_field(text: str) -> str:
    """Text that must not show `->` to Moodle's parser (a matching item, feedback in a short
    answer's block): written as HTML, where `>` is `&gt;`, so it still reads as typed."""
    return "[html]" + escape(html.escape(" ".join(text.split()), quote=False))


def _block_field(text: str) -> str:
    return html_field(text) if "->" in text else field(text)


def _answer(mark: str, text: str, feedback: str = "") -> str:
    body = field(text)
    if mark == "~" and body.startswith("%"):
        mark = "~%0%"  # a choice starting %n% would be read as its weight
    line = f"    {mark}{body}"
    return line + (f"#{field(feedback)}" if feedback else "")


def _block(q: Question, lines: list[str]) -> list[str]:
    general = common.general_feedback(q)
    if general:
        lines.append(f"    ####{field(general)}")
    return lines


def _match_left(text: str) -> str:
    """Moodle splits a pair at its first `->`: one inside the left item goes as HTML."""
    return html_field(text) if "->" in text else field(text)


def question(q: Question, warnings: list[ExportWarning]) -> str:
    """One question as a GIFT record (title, text and answer block)."""
    carried = common.carried_as(q, "gift", warnings, also_lost=_lost_match_feedback(q))
    head = f"::{escape(q.id)}::{PLAIN}{escape(common.prompt(q, carried))}"
    right, wrong = common.correct_feedback(q), common.incorrect_feedback(q)
    lines: list[str]
    match q.answer:
        case SingleChoice(options=options, correct=correct):
            lines = [_answer("=" if c == correct else "~", c,
                             right if c == correct else wrong) for c in options]
        case MultipleAnswer(options=options) as answer:
            chosen = [c for c in options if answer.is_correct(c)]
            share = 100 / max(len(chosen), 1)
            lines = [_answer("~" + weight(share if c in chosen else -share), c,
                             right if c in chosen else wrong) for c in options]
        case TrueFalse(value=value):
            # {T#feedback if the student is wrong#feedback if right}
            general = common.general_feedback(q)
            tail = f"####{field(general)}" if general else ""
            return (f"{head} {{{'TRUE' if value else 'FALSE'}"
                    f"#{field(wrong)}#{field(right)}{tail}}}\n")
        case ShortAnswer(accepted=accepted):
            lines = []
            for a in accepted:
                if "->" in a:
                    warnings.append(ExportWarning(
                        "gift", q.id, f"accepted answer '{a}' left out: Moodle's GIFT import "
                        "reads '->' in a short answer as a matching pair (the Moodle XML "
                        "export keeps it)"))
                    continue
                lines.append(f"    =%100%{field(common.moodle_literal(a))}#{_block_field(right)}")
            # Moodle's wildcard, worth nothing: feedback for every other answer
            lines.append(f"    =%0%{common.CATCH_ALL}#{_block_field(wrong)}")
        case Match() | Order():  # an order question arrives here carried as matching
            if isinstance(q.answer, Match) and (q.feedback_correct or q.feedback_incorrect):
                warnings.append(ExportWarning(
                    "gift", q.id, "matching question exported without its correct and "
                    "incorrect feedback: GIFT has none for matching (the general feedback "
                    "with the evidence is kept; the Moodle XML export keeps both)"))
            lines = [f"    ={_match_left(left)} -> {escape(right_)}"
                     for left, right_ in common.pairs(q)]
        case Open(model_answer=model):  # → essay: guidance as general feedback
            if model:
                warnings.append(ExportWarning(
                    "gift", q.id, "essay exported without its model answer: GIFT has no "
                    "grader-only field (the Moodle XML export keeps it as grader information)"))
            general = common.general_feedback(q)
            return f"{head} {{####{field(general)}}}\n" if general else f"{head} {{}}\n"
        case _:
            raise TypeError(f"gift: no export for {type(q.answer).__name__}")
    body = "\n".join(_block(q, lines))
    return f"{head} {{\n{body}\n}}\n"


def _lost_match_feedback(q: Question) -> str:
    if not (q.feedback_correct or q.feedback_incorrect):
        return ""
    return ("; its correct and incorrect feedback are left out, as GIFT has none for "
            "matching (the general feedback with the evidence is kept)")


def document(quiz: Quiz, category: str) -> tuple[str, list[ExportWarning]]:
    """The whole quiz as a GIFT file, under one question-bank category."""
    warnings: list[ExportWarning] = []
    parts = [f"// {' '.join(quiz.title.split())}: exported by Marginalia (GIFT format)",
             f"$CATEGORY: $course$/top/{_category(category)}", ""]
    for q in quiz.questions:
        parts.append(f"// {q.id} ({q.kind.name})")
        parts.append(question(q, warnings))
    return "\n".join(parts), warnings
