"""HTML for everything Marginalia adds to a site, from Jinja2 templates.

Templates live in `templates/` (autoescaping on; annotation Markdown arrives
already sanitised as `Markup`). A user's `overrides/marginalia/` folder, when
given, is searched first so a site can restyle any piece. An entry's summary is
rendered from Markdown once per build; its card, which also carries the
article's date, is kept in a small LRU cache, so articles of the same day share
cards and a newsroom of thousands of dates does not keep every card it drew.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import Linker
from marginalia.model import ENTITY_TYPES, TYPE_SINGULAR, ArticleMeta, Entity, Project
from marginalia.render.safe_markdown import SafeMarkdown
from marginalia.render.urls import page_url, relative

TYPE_TITLES = {"people": "People", "places": "Places", "organizations": "Organizations",
               "terms": "Terms", "events": "Events"}
BACKLINKS_PLACEHOLDER = "<!--mg-backlinks:{key}-->"
NO_CACHE_ENV = "MARGINALIA_NO_CACHE"
CARD_CACHE_SIZE = 2048
"""Cards kept: a day's articles at every page depth, a few MB at the most."""


@dataclass(frozen=True)
class Backlink:
    """One article that mentions an entry, with the sentence it first does so in."""

    slug: str
    title: str
    date: dt.date
    sentence: str
    count: int


def human_date(value: dt.date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


class Renderer:
    """Renders cards, entity pages, glossary and lists for one build and edition."""

    def __init__(self, project: Project, linker: Linker | None, *, edition: str = "student",
                 directory_urls: bool = True, overrides: Path | None = None,
                 cache: bool | None = None):
        self.project = project
        self.cache = os.environ.get(NO_CACHE_ENV, "") in ("", "0") if cache is None else cache
        """False renders every card and summary afresh: the unoptimised reference that
        tests compare the cached build with (set `MARGINALIA_NO_CACHE=1`)."""
        self.edition = edition
        self.directory_urls = directory_urls
        loaders: list[jinja2.BaseLoader] = []
        if overrides is not None and overrides.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(overrides)))
        loaders.append(jinja2.PackageLoader("marginalia", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["human_date"] = human_date
        self.plain_md = SafeMarkdown()
        self.linking_md = SafeMarkdown(MarginaliaExtension(linker))
        self._cards: OrderedDict[tuple[str, str, dt.date | None], str] = OrderedDict()
        self._plain: dict[tuple[str, bool], Markup] = {}
        """Annotation Markdown rendered without links depends only on its text: an
        entry's summary is shown on every card, whatever the article's date."""

    # ------------------------------------------------------------------ URLs
    def url(self, src_path: str) -> str:
        return page_url(src_path, self.directory_urls)

    def entity_url(self, key: str) -> str:
        return self.url(key + ".md")

    def article_url(self, slug: str) -> str:
        return self.url(f"articles/{slug}.md")

    def link(self, from_url: str, to_url: str) -> str:
        return relative(from_url, to_url)

    def page_state(self, from_url: str) -> PageState:
        """Linking for generated pages: mentions go straight to the entity page."""
        return PageState(href=lambda key: self.link(from_url, self.entity_url(key)),
                         known=frozenset(self.project.glossary.entries))

    def markdown(self, text: str, from_url: str | None = None, inline: bool = False) -> Markup:
        """Annotation Markdown, sanitised; with `from_url`, glossary names are linked."""
        if from_url is None:
            if not self.cache:
                return self.plain_md.render(text, inline=inline)
            cached = self._plain.get((text, inline))
            if cached is None:
                cached = self._plain[text, inline] = self.plain_md.render(text, inline=inline)
            return cached
        return self.linking_md.render(text, self.page_state(from_url), inline=inline)

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(
            edition=self.edition, teacher=self.edition == "teacher", **context)

    # ------------------------------------------------------------------ article pieces
    def card(self, entity: Entity, from_url: str, as_of: dt.date | None) -> str:
        href = self.link(from_url, self.entity_url(entity.key))
        cache_key = (entity.key, href, entity.as_of or as_of)
        cached = self._cards.get(cache_key) if self.cache else None
        if cached is not None:
            self._cards.move_to_end(cache_key)
            return cached
        card = self._render(
            "card.html", entity=entity, href=href,
            summary=self.markdown(entity.summary), as_of=entity.as_of or as_of,
            kind=TYPE_SINGULAR[entity.type])
        if self.cache:
            self._cards[cache_key] = card
            if len(self._cards) > CARD_CACHE_SIZE:
                self._cards.popitem(last=False)
        return card

    def sidebar(self, keys: Iterable[str], from_url: str, article: ArticleMeta | None) -> str:
        as_of = article.date if article else None
        cards = [Markup(self.card(self.project.glossary[k], from_url, as_of)) for k in keys
                 if k in self.project.glossary]
        if not cards:
            return ""
        return self._render("sidebar.html", cards=cards)

    def article_page(self, html: str, keys: list[str], from_url: str,
                     article: ArticleMeta) -> str:
        """Wrap the rendered article with its header line, quiz link and sidebar."""
        quiz = self.project.quizzes.get(article.slug)
        return self._render(
            "article.html", body=Markup(html), article=article,
            sidebar=Markup(self.sidebar(keys, from_url, article)),
            quiz_href=self.link(from_url, self.url(f"articles/{article.slug}/quiz.md"))
            if quiz else None,
            source_url=article.source_url if article.source_url.startswith(("http://",
                                                                             "https://"))
            else "")

    # ------------------------------------------------------------------ entity pages
    def entity_page(self, entity: Entity) -> str:
        from_url = self.entity_url(entity.key)
        related = [(self.project.glossary[r], self.link(from_url, self.entity_url(r)))
                   for r in entity.related if r in self.project.glossary]
        return self._render(
            "entity.html", entity=entity, kind=TYPE_SINGULAR[entity.type],
            summary=self.markdown(entity.summary, from_url),
            details=self.markdown(entity.details, from_url), related=related,
            backlinks_placeholder=Markup(BACKLINKS_PLACEHOLDER.format(key=entity.key)),
            glossary_href=self.link(from_url, self.url("glossary.md")))

    def backlinks(self, entity: Entity, backlinks: list[Backlink]) -> str:
        from_url = self.entity_url(entity.key)
        items = [(b, self.link(from_url, self.article_url(b.slug))
                  + "#mention-" + entity.key.replace("/", "-")) for b in backlinks]
        return self._render("backlinks.html", entity=entity, items=items)

    # ------------------------------------------------------------------ glossary, home
    def glossary_page(self) -> str:
        from_url = self.url("glossary.md")
        groups = []
        for type_ in ENTITY_TYPES:
            entries = sorted(self.project.glossary.of_type(type_),
                             key=lambda e: e.name.casefold())
            if not entries:
                continue
            letters: dict[str, list] = {}
            for e in entries:
                letter = e.name[:1].upper() if e.name[:1].isalpha() else "#"
                letters.setdefault(letter, []).append(
                    (e, self.link(from_url, self.entity_url(e.key)), self.markdown(e.summary)))
            groups.append((type_, TYPE_TITLES[type_], letters, len(entries)))
        return self._render("glossary.html", groups=groups)

    def article_list(self, from_url: str) -> str:
        articles = sorted(self.project.articles.values(), key=lambda a: (a.date, a.title),
                          reverse=True)
        items = [(a, self.link(from_url, self.article_url(a.slug)),
                  self.link(from_url, self.url(f"articles/{a.slug}/quiz.md"))
                  if a.slug in self.project.quizzes else None) for a in articles]
        lessons = [(lesson, self.link(from_url, self.url(f"lessons/{lesson.slug}.md")))
                   for lesson in self.project.lessons.values()]
        return self._render("article_list.html", items=items, lessons=lessons)
