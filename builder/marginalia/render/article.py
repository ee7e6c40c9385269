"""The article page (the story with its context panel) and the home page's list.

The article's own HTML comes from MkDocs, linked by the Markdown extension;
this wraps it with its header line, quiz link and the cards of the entries it
mentions, in the order they are first mentioned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from marginalia.model import ArticleMeta
from marginalia.model.languages import SITE_LANG, native_name
from marginalia.render import Renderer

if TYPE_CHECKING:
    from marginalia.render.reading import ReadingText
from marginalia.render.urls import lesson_path, quiz_path


def sidebar(r: Renderer, keys: Iterable[str], from_url: str, article: ArticleMeta | None) -> str:
    """The context panel: one card per mentioned entry (in the article's language),
    or "" when there is none."""
    as_of = article.date if article else None
    lang = article.lang if article else SITE_LANG
    cards = [Markup(r.card(r.project.glossary[k], from_url, as_of, lang)) for k in keys
             if k in r.project.glossary]
    if not cards:
        return ""
    return r.render("sidebar.html", cards=cards, lang=lang)


@dataclass(frozen=True)
class VersionLink:
    """One entry of `nav.mg-versions`."""

    href: str
    lang: str
    name: str
    """The language's name in itself (`Español`)."""
    level: int | None
    measured: str
    """The measured level in the page's language (`grade 7.1`; `INFLESZ 51,6, algo
    difícil` on a Spanish page), or "" if unmeasured."""
    current: bool


def versions_nav(r: Renderer, article: ArticleMeta, from_url: str,
                 readings: Mapping[str, ReadingText] | None = None) -> str:
    """`nav.mg-versions` linking every version of the article's story, or "" for a
    story of one article."""
    versions = r.project.versions_of(article.slug)
    if len(versions) < 2:
        return ""
    readings = readings or {}
    ui = r.lang_of(article)
    links = [VersionLink(r.link(from_url, r.article_url(v.slug)), v.lang, native_name(v.lang),
                         v.level, readings[v.slug].level.level_label(ui)
                         if v.slug in readings else "", v.slug == article.slug)
             for v in versions]
    return r.render("versions.html", versions=links, ui_lang=ui)


def article_page(r: Renderer, html: str, keys: list[str], from_url: str,
                 article: ArticleMeta,
                 readings: Mapping[str, ReadingText] | None = None) -> str:
    """Wrap the rendered article with its header line, versions, quiz link and sidebar."""
    quiz = r.project.quizzes.get(article.slug)
    return r.render(
        "article.html", body=Markup(html), article=article,
        versions=Markup(versions_nav(r, article, from_url, readings)),
        sidebar=Markup(sidebar(r, keys, from_url, article)),
        quiz_href=r.link(from_url, r.url(quiz_path(article.slug))) if quiz else None)


def article_list(r: Renderer, from_url: str) -> str:
    """The home page's list: stories newest first (with quiz links and their other
    versions), then lessons."""
    project = r.project
    # One item per story: its other versions (languages, easier levels) are linked
    # under the original, so a reader meets each story once.
    articles = sorted((a for a in project.articles.values() if not a.version_of),
                      key=lambda a: (a.date, a.title), reverse=True)
    items = [(a, r.link(from_url, r.article_url(a.slug)),
              r.link(from_url, r.url(quiz_path(a.slug))) if a.slug in project.quizzes else None,
              [VersionLink(r.link(from_url, r.article_url(v.slug)), v.lang,
                           native_name(v.lang), v.level, "", False)
               for v in project.versions_of(a.slug) if v.slug != a.slug])
             for a in articles]
    lessons = [(lesson, r.link(from_url, r.url(lesson_path(lesson.slug))))
               for lesson in project.lessons.values()]
    return r.render("article_list.html", items=items, lessons=lessons)
