"""An entry's own page: summary, details, related entries, sources, and backlinks.

Backlinks (the articles that mention the entry) are known only once every
article has been converted, so the page is drawn with a placeholder that
`backlinks` fills at the end of the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from marginalia.model import TYPE_SINGULAR, Entity
from marginalia.model.anchors import mention_id
from marginalia.model.languages import SITE_LANG
from marginalia.model.versions import EntityVersion, newest_first
from marginalia.render import Renderer
from marginalia.render.urls import glossary_path

BACKLINKS_PLACEHOLDER = "<!--mg-backlinks:{key}-->"


@dataclass(frozen=True)
class Backlink:
    """One article that mentions an entry, with the sentence it first does so in."""

    slug: str
    title: str
    date: dt.date
    sentence: str
    count: int
    lang: str = SITE_LANG
    """The article's language: its title and sentence are marked with it on an entity
    page in another language."""


def entity_page(r: Renderer, entity: Entity, lang: str = SITE_LANG) -> str:
    """The body of `/<type>/<id>/` (or `/es/<type>/<id>/` in Spanish), with a
    placeholder where backlinks go. A page in another language shows the entry's
    translation in it and marks each field that falls back (`Entity.seen_in`)."""
    from_url = r.entity_url(entity.key, lang)
    own = frozenset({entity.key})  # no entity page links to itself
    shown = entity.seen_in(lang, None)
    related = [(r.project.glossary[k].seen_in(lang, None),
                r.link(from_url, r.entity_url(k, lang)))
               for k in entity.related if k in r.project.glossary]
    return r.render(
        "entity.html", entity=shown, kind=TYPE_SINGULAR[entity.type],
        summary=r.markdown(shown.summary, from_url, lang=lang, unlinked=own),
        details=r.markdown(shown.details, from_url, lang=lang, unlinked=own), related=related,
        timeline=[_timeline_item(r, entity, v, from_url, lang)
                  for v in newest_first(entity.versions)],
        backlinks_placeholder=Markup(BACKLINKS_PLACEHOLDER.format(key=entity.key)),
        glossary_href=r.link(from_url, r.url(glossary_path(lang))))


def _timeline_item(r: Renderer, entity: Entity, version: EntityVersion, from_url: str,
                   lang: str) -> tuple:
    """One version on the timeline: (version, role, summary, {field: lang when it falls
    back}), its text in `lang` where the version (or, for what it leaves, the entry)
    translates it."""
    seen = entity.seen_in(lang, version.first_day)
    fell = {name: SITE_LANG if seen.falls_back(name) else "" for name in ("role", "summary")}
    summary = seen.summary if version.summary else ""
    own = frozenset({entity.key})  # no entity page links to itself
    return (version, seen.role,
            summary and r.markdown(summary, from_url, lang=lang, unlinked=own), fell)


def backlinks(r: Renderer, entity: Entity, links: list[Backlink],
              lang: str = SITE_LANG) -> str:
    """The "Mentioned in" list: each article, linked to the entry's first mention there."""
    from_url = r.entity_url(entity.key, lang)
    shown = entity.seen_in(lang, None)
    items = [(b, r.link(from_url, r.article_url(b.slug)) + "#" + mention_id(entity.key),
              entity.seen_in(lang, b.date).role if entity.versions else "") for b in links]
    role_lang = Markup(' lang="{}"').format(SITE_LANG) \
        if any(entity.seen_in(lang, b.date).falls_back("role") for b in links) else Markup("")
    return r.render("backlinks.html", entity=shown, items=items, role_lang=role_lang)


def fill_backlinks(r: Renderer, entity: Entity, html: str, links: list[Backlink],
                   lang: str = SITE_LANG) -> str:
    """The entity page with its placeholder replaced by the sorted backlinks."""
    ordered = sorted(links, key=lambda b: (b.date, b.slug), reverse=True)
    return html.replace(BACKLINKS_PLACEHOLDER.format(key=entity.key),
                        backlinks(r, entity, ordered, lang))
