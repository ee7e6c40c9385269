"""LMS exports of a lesson: QTI 1.2 (Canvas), Common Cartridge 1.1, Moodle XML, GIFT,
and its handouts as files: the worksheet and answer key as PDF, the worksheet as .docx.

`export_lesson` is the one entry point for the CLI and for the teacher site.
Each format module turns the typed quiz into bytes and reports, as
`ExportWarning`s, every question it had to reshape; nothing is dropped
silently. Files are written whole (`marginalia.publish.write_atomically`), so
an interrupted export never leaves half a zip behind.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from marginalia.model import Project
from marginalia.model.formats import (
    ALL_FORMATS,
    FORMATS,
    HANDOUT_FORMATS,
    file_name,
    file_names,
    handout_files,
)
from marginalia.model.languages import SITE_LANG, words_lang
from marginalia.publish import write_atomically
from marginalia.render.reading import ReadingText, reading_text

from . import cc, gift, moodle, pdf, qti, word
from .common import ExportWarning


class ExportError(Exception):
    """A lesson that cannot be exported as asked (the message says how to fix it)."""


def render_handouts(project: Project, lesson_slug: str, fmt: str, *,
                    reading: ReadingText | None = None, site_lang: str = SITE_LANG
                    ) -> list[tuple[str, bytes]]:
    """(file name, bytes) of a lesson's handout files in `fmt` (pdf or docx), their
    words in the language the site's pages give the lesson (`words_lang`)."""
    lesson = project.lessons.get(lesson_slug)
    if lesson is None:
        known = ", ".join(sorted(project.lessons)) or "none"
        raise ExportError(f"no lesson '{lesson_slug}' (fix: use one of: {known})")
    if fmt == "docx":
        try:
            return [(word.file_name(lesson.slug), word.worksheet(project, lesson, reading,
                                                                  site_lang))]
        except ImportError as exc:
            raise ExportError(f"the .docx worksheet needs python-docx ({exc}) (fix: run "
                              "`make .venv/.installed` to install the project's dependencies)"
                              ) from exc
    try:
        return pdf.handouts(project, lesson, reading, site_lang)
    except pdf.HandoutError as exc:
        raise ExportError(str(exc)) from exc


def render(project: Project, lesson_slug: str, fmt: str, *, article_body: str | None = None,
           reading: ReadingText | None = None, cartridge_page: str | None = None,
           site_lang: str = SITE_LANG) -> tuple[bytes, list[ExportWarning]]:
    """One export's bytes and warnings, without touching the disk.

    The language a format records is the lesson's as the site's pages have it
    (`words_lang` of its article version's `lang` on a site in `site_lang`), so a
    Spanish site's cartridge says `es` even for an article that names no language.

    The article comes as its `reading` text, or as Markdown (`article_body`) read here.
    The cartridge holds the lesson page the render stage drew (`cartridge_page`);
    without one, it is drawn here by render.lesson, never by an exporter.
    """
    if reading is None:
        reading = reading_text(article_body)
    lesson = project.lessons.get(lesson_slug)
    if lesson is None:
        known = ", ".join(sorted(project.lessons)) or "none"
        raise ExportError(f"no lesson '{lesson_slug}' (fix: use one of: {known})")
    quiz = project.quizzes.get(lesson.quiz) if lesson.quiz else None
    article = project.articles.get(lesson.article)
    lang = words_lang(article.lang if article else None, site_lang)
    if fmt == "cc":
        if cartridge_page is None:
            from marginalia.render.lesson import cartridge_page as render_page

            cartridge_page = render_page(project, lesson, reading, site_lang)
        return cc.package(lesson, quiz, cartridge_page, lang)
    if quiz is None:
        raise ExportError(f"lesson '{lesson_slug}' has no quiz, so there is nothing to "
                          f"export as {fmt} (fix: add `quiz:` to "
                          f"annotations/lessons/{lesson_slug}.yml, or use --format cc)")
    if fmt == "qti":
        return qti.package(quiz, quiz.title, lang if lang != SITE_LANG else "")
    if fmt == "moodle":
        return moodle.document(quiz, lesson.title)
    if fmt == "gift":
        text, warnings = gift.document(quiz, lesson.title)
        return text.encode("utf-8"), warnings
    raise ExportError(f"unknown format '{fmt}' (fix: use one of: {', '.join(FORMATS)}, all)")


def export_lesson(project: Project, lesson_slug: str, formats: Iterable[str], out_dir: Path,
                  *, article_body: str | None = None, reading: ReadingText | None = None,
                  site_lang: str = SITE_LANG) -> list[tuple[Path, list[ExportWarning]]]:
    """Write each format's file into `out_dir`; return (path, warnings) per file.

    `site_lang` is the site's `theme.language`: with the article version's `lang` it
    gives the files' words and language fields by the rule the site's pages follow.

    The article's text comes as its `reading` text, or as its Markdown
    `article_body`, read here once for every file that prints it.

    Everything is rendered before anything is written, so a failing format
    leaves no partial set of files behind.
    """
    chosen = list(dict.fromkeys(ALL_FORMATS if "all" in formats else formats))
    if reading is None:
        reading = reading_text(article_body)
    rendered: list[tuple[str, bytes, list[ExportWarning]]] = []
    for fmt in chosen:
        if fmt in HANDOUT_FORMATS:
            rendered += [(name, data, []) for name, data in
                         render_handouts(project, lesson_slug, fmt, reading=reading,
                                                         site_lang=site_lang)]
        else:
            data, warnings = render(project, lesson_slug, fmt, reading=reading,
                                    site_lang=site_lang)
            rendered.append((file_name(lesson_slug, fmt), data, warnings))
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for name, data, warnings in rendered:
        path = out_dir / name
        write_atomically(path, data)
        results.append((path, warnings))
    return results


__all__ = ["ALL_FORMATS", "FORMATS", "HANDOUT_FORMATS", "ExportError", "ExportWarning",
           "export_lesson", "file_name", "file_names", "handout_files", "render",
           "render_handouts"]
