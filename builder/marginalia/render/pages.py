"""The pages a site gets from its annotations, beside the articles editors write.

One list, read by both engines' adapters: an entity page per entry (and per
language articles are written in), the glossary, a quiz per article that has
one, and a lesson's page, guided reading and handouts. Each page is drawn when
its engine asks for it, so a build draws each once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

import yaml

from marginalia.model import Entity, Lesson, Project
from marginalia.model.languages import SITE_LANG, native_name
from marginalia.render.glossary import glossary_page
from marginalia.render.i18n import N_, gettext
from marginalia.render.urls import (
    GLOSSARY_PATH,
    answer_key_path,
    entity_path,
    glossary_path,
    guided_path,
    lesson_path,
    quiz_path,
)

if TYPE_CHECKING:
    from marginalia.render import Renderer
    from marginalia.render.reading import ReadingText
    from marginalia.render.site import SiteBuild


@dataclass(frozen=True)
class GeneratedPage:
    """A page the site gets from annotations: its path, title, nav status, and what draws it.

    `draw(url)` returns the page's body; `entity` is set on entity pages, whose
    backlinks are filled once every article has been seen.
    """

    src_path: str
    title: str
    draw: Callable[[str], str] = field(compare=False, repr=False)
    in_nav: bool = False
    entity: Entity | None = None
    lang: str = SITE_LANG
    """The language the page is in (entity pages and glossary exist per language)."""

    @property
    def content(self) -> str:
        # A stub only: the body is drawn by `draw`. The title goes into front
        # matter so MkDocs, the nav and the search index all know it.
        return "---\n" + yaml.safe_dump({"title": self.title}, allow_unicode=True) + "---\n"



def generated_pages(site: SiteBuild) -> list[GeneratedPage]:
    """Every page the annotations give the site, in the order the navigation lists
    them: entity pages and the glossary (in each language articles are written in),
    then quizzes, lessons, guided readings and handouts."""
    r = site.renderer
    project = site.project
    pages = [GeneratedPage(entity_path(e.key), e.name, partial(_entity_page, r, e),
                           entity=e) for e in project.glossary]
    if len(project.glossary):
        pages.append(GeneratedPage(GLOSSARY_PATH, r.gettext(N_("Glossary")),
                                   lambda _url: glossary_page(r), in_nav=True))
    # Entity pages and the glossary in each other language articles are written
    # in: a Spanish article's cards lead to Spanish pages (`es/people/x/`).
    for lang in project.languages():
        pages += [GeneratedPage(entity_path(e.key, lang), e.seen_in(lang, None).name,
                                partial(_entity_page, r, e, lang=lang), entity=e,
                                lang=lang) for e in project.glossary]
        if len(project.glossary):
            # In its own language, named so that it is told from the site's glossary
            # in a list of pages or search results ("Glosario (Español)").
            title = f"{gettext(lang, N_('Glossary'))} ({native_name(lang)})"
            pages.append(GeneratedPage(glossary_path(lang), title,
                                       partial(_glossary, r, lang), lang=lang))
    if project.quizzes:
        from marginalia.render.quiz import render_quiz_page

        for slug, quiz in project.quizzes.items():
            article = project.articles.get(slug)
            if article is None:
                continue
            pages.append(GeneratedPage(
                quiz_path(slug),
                r.gettext(N_("Quiz: %(title)s"), r.lang_of(article), title=article.title),
                partial(render_quiz_page, r, quiz, article), lang=article.lang))
    if project.lessons:
        # Imported only for sites with lessons: a newsroom without them pays
        # nothing for the lesson and reading-level code.
        from marginalia.render.handouts import (
            handout_pages,
            render_answer_key,
            render_worksheet,
        )
        from marginalia.render.lesson import render_lesson_page

        for lesson in project.lessons.values():
            reading = site.readings.get(lesson.article)
            pages.append(GeneratedPage(
                lesson_path(lesson.slug), lesson.title,
                partial(_lesson_page, site, render_lesson_page, lesson, reading), in_nav=True,
                lang=getattr(project.articles.get(lesson.article), "lang", SITE_LANG)))
        for lesson in project.lessons.values():
            if lesson.guided_reading is not None:
                from marginalia.render.guided import render_guided_page

                article = project.articles.get(lesson.article)
                pages.append(GeneratedPage(
                    guided_path(lesson.slug),
                    r.gettext(N_("Guided reading: %(title)s"), r.lang_of(article),
                              title=lesson.title),
                    partial(_with_reading, r, render_guided_page, lesson,
                            site.readings.get(lesson.article)),
                    lang=getattr(article, "lang", SITE_LANG)))
        for lesson in project.lessons.values():
            reading = site.readings.get(lesson.article)
            article = project.articles.get(lesson.article)
            lang = getattr(article, "lang", SITE_LANG)
            for path, title in handout_pages(lesson, site.edition, r.lang_of(article)):
                draw = (partial(render_answer_key, r, lesson)
                        if path == answer_key_path(lesson.slug)
                        else partial(_with_reading, r, render_worksheet, lesson, reading))
                pages.append(GeneratedPage(path, title, draw, lang=lang))
    return pages

def _entity_page(r: Renderer, entity: Entity, _url: str, lang: str = SITE_LANG) -> str:
    from marginalia.render.entity import entity_page

    return entity_page(r, entity, lang)

def _glossary(r: Renderer, lang: str, _url: str) -> str:
    return glossary_page(r, lang)

def _lesson_page(site: SiteBuild, draw: Callable, lesson: Lesson,
                 reading: ReadingText | None, url: str) -> str:
    return draw(site.renderer, lesson, url, reading=reading, site_url=site.site_url,
                readings=site.readings)

def _with_reading(r: Renderer, draw: Callable, lesson: Lesson, reading: ReadingText | None,
                  url: str) -> str:
    return draw(r, lesson, url, reading=reading)


def readings_of(project: Project, article_bodies: Mapping[str, str] | None
                ) -> dict[str, ReadingText]:
    """The reading text of each article whose Markdown body is given, by slug."""
    if not article_bodies:
        return {}
    from marginalia.render.reading import ReadingText

    return {slug: ReadingText.of_markdown(body, project.articles[slug].lang)
            for slug, body in article_bodies.items() if slug in project.articles}
