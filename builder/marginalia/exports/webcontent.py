"""The lesson as one self-contained HTML page, for Common Cartridge web content.

This is the student-facing lesson (students open it inside the LMS): article
text, vocabulary, activities and discussion questions. Teacher notes and model
answers are never included. The page has no scripts, fonts or outside links
besides the glossary sources, and its CSS is inline, so any LMS shows it as is.
"""

from __future__ import annotations

from markupsafe import Markup

from marginalia.model import Lesson, Project
from marginalia.render import Renderer
from marginalia.render.reading import ReadingText


def lesson_html(project: Project, lesson: Lesson, reading: ReadingText | None) -> str:
    renderer = Renderer(project, None, edition="student")
    article = project.articles.get(lesson.article)
    paragraphs = reading.paragraphs if reading else ()
    md = renderer.markdown
    return renderer._render(
        "lesson_webcontent.html", lesson=lesson, article=article, paragraphs=paragraphs,
        vocabulary=[(project.glossary[k], md(project.glossary[k].summary))
                    for k in lesson.vocabulary if k in project.glossary],
        before=md(lesson.before_reading), during=md(lesson.during_reading),
        after=md(lesson.after_reading),
        discussion=[md(d.question, inline=True) for d in lesson.discussion],
        empty=Markup(""))
