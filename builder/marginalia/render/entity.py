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
from marginalia.model.versions import newest_first
from marginalia.render import Renderer
from marginalia.render.urls import GLOSSARY_PATH

BACKLINKS_PLACEHOLDER = "<!--mg-backlinks:{key}-->"


@dataclass(frozen=True)
class Backlink:
    """One article that mentions an entry, with the sentence it first does so in."""

    slug: str
    title: str
    date: dt.date
    sentence: str
    count: int


def entity_page(r: Renderer, entity: Entity) -> str:
    """The body of `/<type>/<id>/`, with a placeholder where backlinks go."""
    from_url = r.entity_url(entity.key)
    related = [(r.project.glossary[k], r.link(from_url, r.entity_url(k)))
               for k in entity.related if k in r.project.glossary]
    return r.render(
        "entity.html", entity=entity, kind=TYPE_SINGULAR[entity.type],
        summary=r.markdown(entity.summary, from_url),
        details=r.markdown(entity.details, from_url), related=related,
        timeline=[(v, v.summary and r.markdown(v.summary, from_url))
                  for v in newest_first(entity.versions)],
        backlinks_placeholder=Markup(BACKLINKS_PLACEHOLDER.format(key=entity.key)),
        glossary_href=r.link(from_url, r.url(GLOSSARY_PATH)))


def backlinks(r: Renderer, entity: Entity, links: list[Backlink]) -> str:
    """The "Mentioned in" list: each article, linked to the entry's first mention there."""
    from_url = r.entity_url(entity.key)
    items = [(b, r.link(from_url, r.article_url(b.slug)) + "#" + mention_id(entity.key),
              entity.at(b.date).role if entity.versions else "") for b in links]
    return r.render("backlinks.html", entity=entity, items=items)


def fill_backlinks(r: Renderer, entity: Entity, html: str, links: list[Backlink]) -> str:
    """The entity page with its placeholder replaced by the sorted backlinks."""
    ordered = sorted(links, key=lambda b: (b.date, b.slug), reverse=True)
    return html.replace(BACKLINKS_PLACEHOLDER.format(key=entity.key),
                        backlinks(r, entity, ordered))
