"""A lesson's guided-reading page: the article part by part, a question after each.

The student reads a part, answers the checkpoint question under it, and reads on
(CommonLit's guided reading, Actively Learn's checkpoints). The parts are the
article's paragraphs as the worksheet prints them; each checkpoint follows the
paragraph holding its passage. The questions are the lesson quiz's own, shown
and graded by the same partial and script as on the quiz page, under their own
progress key so that answering here does not tick the quiz. With the teacher's
`gate: true`, guided.js keeps each part closed until the question before it is
answered; without JavaScript every part is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from marginalia.model import Lesson, Quiz
from marginalia.render import Renderer
from marginalia.render.quiz import (
    QuestionView,
    question_views,
    quiz_data,
    quiz_strings,
    script_json,
)
from marginalia.render.reading import ReadingText
from marginalia.render.urls import lesson_path


@dataclass(frozen=True)
class Part:
    """Paragraphs read in one go, then the questions asked about them."""

    paragraphs: tuple[str, ...]
    questions: tuple[QuestionView, ...]


def guided_parts(paragraphs: tuple[str, ...], after: list[int],
                 views: list[QuestionView]) -> list[Part]:
    """Cut the paragraphs after each checkpoint's paragraph (`after`, in reading
    order, one per view); questions on the same paragraph share one stop."""
    parts: list[Part] = []
    start = 0
    for index, view in zip(after, views, strict=True):
        if parts and index < start:  # same paragraph as the stop before
            last = parts[-1]
            parts[-1] = Part(last.paragraphs, (*last.questions, view))
            continue
        parts.append(Part(paragraphs[start:index + 1], (view,)))
        start = index + 1
    if start < len(paragraphs):
        parts.append(Part(paragraphs[start:], ()))
    return parts


def render_guided_page(renderer: Renderer, lesson: Lesson, url: str, *,
                       reading: ReadingText | None = None) -> str:
    """The body of `/lessons/<slug>/guided/`."""
    project = renderer.project
    guided = lesson.guided_reading
    quiz = project.quizzes.get(lesson.quiz or "")
    article = project.articles.get(lesson.article)
    if guided is None or quiz is None or article is None:
        raise ValueError(f"lesson '{lesson.slug}' has no guided reading to render")
    by_id = {q.id: q for q in quiz.questions}
    questions = [by_id[c.question] for c in guided.checkpoints]
    article_href = renderer.link(url, renderer.article_url(article.slug))
    views = question_views(renderer, questions, url, article_href, article.lang)
    parts = guided_parts(reading.paragraphs if reading else (),
                         [c.paragraph for c in guided.checkpoints], views)
    data = quiz_data(Quiz(slug=f"{lesson.slug}-guided", title=quiz.title,
                          questions=tuple(questions)), article.lang)
    return renderer.render(
        "guided.html", lesson=lesson, article=article, lang=article.lang, article_href=article_href,
        gate=guided.gate, parts=parts, data=Markup(script_json(data)),
        strings=Markup(script_json(quiz_strings(renderer, renderer.lang_of(article)))),
        graded=sum(1 for q in questions if q.graded),
        lesson_href=renderer.link(url, renderer.url(lesson_path(lesson.slug))))
