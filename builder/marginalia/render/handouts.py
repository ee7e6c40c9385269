"""Printable handouts for a lesson: the student worksheet and the teacher's answer key.

Both are ordinary site pages (`lessons/<slug>/worksheet/`, `…/answer-key/`)
styled for paper by `assets/lesson.css`, so a teacher prints them from the
browser on A4 or US Letter alike. The answer key is generated only for the
teacher edition; the worksheet has no answers in either edition.

The same pages also come as files for the teacher edition: PDF on a fixed
A4 or Letter page (exports/pdf.py) and an editable .docx (exports/word.py).
"""

from __future__ import annotations

from marginalia.model import Lesson
from marginalia.model.edition import Edition
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer, i18n
from marginalia.render.i18n import N_
from marginalia.render.lesson import answer_key, lesson_paths, vocabulary
from marginalia.render.quiz import worksheet_template
from marginalia.render.reading import ReadingText

WRITING_LINES = {"short": 2, "open": 6, "discussion": 4, "vocabulary": 2}
"""Ruled lines left for each kind of answer on the worksheet."""


def handout_pages(lesson: Lesson, edition: Edition,
                  lang: str = i18n.DEFAULT_LANG) -> list[tuple[str, str]]:
    """(source path, title in `lang`) of the handouts this edition gets for a lesson."""
    paths = lesson_paths(lesson.slug)
    title = {"title": lesson.title}
    pages = [(paths["worksheet"], i18n.gettext(lang, N_("Worksheet: %(title)s")) % title)]
    if edition.is_teacher:
        pages.append((paths["answer_key"],
                      i18n.gettext(lang, N_("Answer key: %(title)s")) % title))
    return pages


def _common(renderer: Renderer, lesson: Lesson, url: str,
            reading: ReadingText | None) -> dict[str, object]:
    project = renderer.project
    article = project.articles.get(lesson.article)
    quiz = project.quizzes.get(lesson.quiz) if lesson.quiz else None
    return {
        "lesson": lesson, "article": article, "quiz": quiz,
        "lesson_href": renderer.link(url, renderer.url(lesson_paths(lesson.slug)["page"])),
        "paragraphs": reading.paragraphs if reading else (),
        "vocabulary": vocabulary(renderer, lesson, url),
        "lines": WRITING_LINES,
        "controls": worksheet_template,
        "lang": article.lang if article else SITE_LANG,
    }


def render_worksheet(renderer: Renderer, lesson: Lesson, url: str, *,
                     reading: ReadingText | None = None) -> str:
    """Article, vocabulary and questions with space to write: no answers."""
    md = renderer.markdown
    return renderer.render(
        "handout_worksheet.html", **_common(renderer, lesson, url, reading),
        discussion=[md(d.question, inline=True) for d in lesson.discussion])


def render_answer_key(renderer: Renderer, lesson: Lesson, url: str) -> str:
    """The quiz key with evidence, model answers and discussion notes (teacher only)."""
    if not renderer.teacher:
        raise ValueError("the answer key exists only in the teacher edition")
    md = renderer.markdown
    context = _common(renderer, lesson, url, None)
    quiz = context["quiz"]
    return renderer.render(
        "handout_answer_key.html", **context,
        key=answer_key(renderer, quiz, url) if quiz else [],
        discussion=[(md(d.question, inline=True), md(d.teacher_notes) if d.teacher_notes
                     else "") for d in lesson.discussion])
