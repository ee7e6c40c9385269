"""The quiz page of an article: questions, feedback, and the data the browser grades with.

Everything a reader needs is in the HTML, so the page is useful without
JavaScript: each question reveals its answer and evidence in a `<details>`.
With JavaScript (`assets/quiz.js`) the same markup becomes a self-grading form
that reads the answers from a JSON block embedded in the page. Choices travel as
indices, so the JSON never has to repeat (or escape) the choice texts twice.
Open questions are never graded; their model answer exists only in the teacher
edition, in the HTML and nowhere else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from marginalia.model import ArticleMeta, Question, Quiz
from marginalia.model.anchors import evidence_id
from marginalia.render import Renderer

TYPE_HINTS = {
    "single": "Choose one answer.",
    "multiple": "Choose every answer that applies.",
    "true-false": "Choose true or false.",
    "short": "Type a short answer.",
    "order": "Put the items in order: choose an item for each position.",
    "match": "Match each item with its partner: choose it in the list under the item.",
    "open": "Write your answer. It is not graded: compare it with the passage in the article.",
}
SKILL_LABELS = {"recall": "Recall", "vocabulary": "Vocabulary", "inference": "Inference",
                "main-idea": "Main idea", "cause-effect": "Cause and effect"}


@dataclass(frozen=True)
class QuestionView:
    """One question as the template shows it: texts rendered, controls numbered."""

    q: Question
    number: int
    prompt: Markup
    hint: str
    skill: str
    options: tuple[str, ...] = ()
    """Choices of single/multiple/order, the right-hand partners of match."""
    left: tuple[str, ...] = ()
    """Left-hand items of match (in the order the author wrote them)."""
    answer_items: tuple[str, ...] = ()
    """The right answer in words, one line each, for the no-JS reveal."""
    evidence_href: str = ""
    correct: Markup = field(default_factory=Markup)
    incorrect: Markup = field(default_factory=Markup)
    model_answer: Markup | None = None


def render_quiz_page(renderer: Renderer, quiz: Quiz, article: ArticleMeta, url: str) -> str:
    """The body of `/articles/<slug>/quiz/` for the renderer's edition."""
    article_href = renderer.link(url, renderer.article_url(article.slug))
    views = [_view(renderer, q, n, url, article_href)
             for n, q in enumerate(quiz.questions, start=1)]
    return renderer.render(
        "quiz.html", quiz=quiz, article=article, article_href=article_href,
        questions=views, graded=sum(1 for q in quiz.questions if q.graded),
        data=Markup(script_json(quiz_data(quiz))))


def _view(r: Renderer, q: Question, number: int, url: str, article_href: str) -> QuestionView:
    options, left = _options(q)
    teacher = r.teacher
    return QuestionView(
        q=q, number=number, prompt=r.markdown(q.prompt, url, inline=True),
        hint=TYPE_HINTS[q.type], skill=SKILL_LABELS.get(q.skill, q.skill),
        options=options, left=left, answer_items=tuple(answer_in_words(q)),
        evidence_href=f"{article_href}#{evidence_id(q.id)}" if q.evidence else "",
        correct=r.markdown(q.feedback_correct, url),
        incorrect=r.markdown(q.feedback_incorrect, url),
        model_answer=r.markdown(q.model_answer, url) if teacher and q.model_answer else None)


def _options(q: Question) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if q.type == "match" and isinstance(q.answer, dict):
        return match_partners(q.answer), tuple(q.answer)
    if q.type in ("single", "multiple", "order"):
        return q.choices, ()
    return (), ()


def match_partners(answer: dict[str, str]) -> tuple[str, ...]:
    """Right-hand items of a match, sorted so their order gives nothing away."""
    return tuple(sorted(set(answer.values()), key=str.casefold))


def answer_in_words(q: Question) -> list[str]:
    """The right answer as lines of text (empty for open questions)."""
    a = q.answer
    if q.type == "true-false":
        return ["True" if a else "False"]
    if q.type == "match" and isinstance(a, dict):
        return [f"{left} → {right}" for left, right in a.items()]
    if q.type == "short" and isinstance(a, list):
        return a[:1] + ([f"Also accepted: {'; '.join(a[1:])}"] if len(a) > 1 else [])
    return q.answer_list


def quiz_data(quiz: Quiz) -> dict:
    """What quiz.js needs to grade: types and answers, never an open question's model."""
    questions = {}
    for q in quiz.questions:
        entry: dict[str, object] = {"type": q.type}
        if q.type in ("single", "multiple", "order"):
            wanted = [q.answer] if isinstance(q.answer, str) else list(q.answer or [])
            indices = [q.choices.index(a) for a in wanted if a in q.choices]
            entry["answer"] = indices[0] if q.type == "single" and indices else indices
        elif q.type == "true-false":
            entry["answer"] = bool(q.answer)
        elif q.type == "short":
            entry["answer"] = list(q.answer or [])
        elif q.type == "match" and isinstance(q.answer, dict):
            partners = match_partners(q.answer)
            entry["answer"] = [partners.index(v) for v in q.answer.values()]
        questions[q.id] = entry
    return {"quiz": quiz.slug, "questions": questions}


def script_json(data: dict) -> str:
    """JSON safe inside `<script type="application/json">`: no `</script>` can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
