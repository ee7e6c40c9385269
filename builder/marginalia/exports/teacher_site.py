"""The files a teacher site carries besides its pages: each lesson's exports and handouts.

The teacher edition's lesson page links to these files (their names come from
model/formats.py), so they are written into the built site once MkDocs has
finished. The student edition gets none: exports carry answers. This lives
with the exporters, not in the render stage, so that rendering never imports
an exporter.
"""

from __future__ import annotations

from pathlib import Path

from marginalia.exports import FORMATS, HANDOUT_FORMATS, ExportError, export_lesson
from marginalia.render.lesson import shareable
from marginalia.render.site import SiteBuild


def write_teacher_files(site: SiteBuild, site_dir: Path) -> list[str]:
    """Write each lesson's LMS exports and handouts into the site; return the warnings."""
    if not site.edition.is_teacher:
        return []
    project = site.project
    lang = site.renderer.lang  # the site's language: the files' words match its pages'
    messages: list[str] = []
    if project.lessons and not shareable(site.site_url):
        messages.append(
            f"warning: lessons: no 'Share to Google Classroom' link on the lesson pages: "
            f"site_url ({site.site_url or 'not set'}) is not an address students can "
            "open (fix: set site_url in mkdocs.yml, or MARGINALIA_SITE_URL, to where the "
            "student site is published)")
    for lesson in project.lessons.values():
        out = site_dir / "lessons" / lesson.slug / "exports"
        reading = site.readings.get(lesson.article)
        if lesson.quiz and lesson.quiz in project.quizzes:
            for _path, warnings in export_lesson(project, lesson.slug, FORMATS, out,
                                                 reading=reading, site_lang=lang):
                messages += [f"lesson {lesson.slug}: {w}" for w in warnings]
        try:  # PDFs need Pango: without it the site still builds, and says why
            export_lesson(project, lesson.slug, HANDOUT_FORMATS, out, reading=reading,
                          site_lang=lang)
        except ExportError as exc:
            messages.append(f"lesson {lesson.slug}: warning: handouts: {exc}")
    return messages
