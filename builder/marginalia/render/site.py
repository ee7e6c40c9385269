"""What every page of the site becomes: the core of one build, free of MkDocs.

`SiteBuild` is driven by the adapter in page order: it lists the pages to
generate (`marginalia.render.pages`), prepares the linker before each page
converts (`begin_page`), turns converted HTML into the final page body
(`finish_page`), and, once every page has been seen, fills in what depends on
all of them (`fill`: backlinks)."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import build_linker
from marginalia.model import Project
from marginalia.model.anchors import card_id
from marginalia.model.edition import Edition
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer
from marginalia.render.article import article_list, article_page
from marginalia.render.changes import ReadRecord, TrackedGlossary
from marginalia.render.entity import Backlink
from marginalia.render.i18n import DEFAULT_LANG, PAGE_LANG_META
from marginalia.render.pages import GeneratedPage, generated_pages, readings_of
from marginalia.render.search import SEARCH_EXCLUDED, indexed_lang, is_twin
from marginalia.render.urls import entity_path, glossary_path
from marginalia.validate import name_claims

HOME_MARKER = "<!-- marginalia:articles -->"
MAIN_ID = "mg-main"
HTML_META_KEYS = ("title", "description", "subtitle")
"""Front-matter values the MkDocs theme prints unescaped (its templates treat them as HTML)."""


@dataclass(frozen=True)
class PageResult:
    """What `finish_page` made of one page: its body, and what the adapter must add."""

    html: str
    anchors: frozenset[str] = frozenset()
    """Ids added outside Markdown (cards), for MkDocs' link checking."""
    skip_target: str | None = None
    """Id "Skip to content" should reach, when the page needs a TOC entry for it."""


class SiteBuild:
    """State of one build: the linker, renderer, and what pages reported."""

    def __init__(self, project: Project, *, edition: Edition | str = Edition.STUDENT,
                 directory_urls: bool = True, overrides: Path | None = None,
                 article_bodies: Mapping[str, str] | None = None, site_url: str = "",
                 lang: str = DEFAULT_LANG):
        self.project = project
        self.readings = readings_of(project, article_bodies)
        """Reading text of each article a lesson teaches, made once: the lesson page shows
        its level, the worksheet and the teacher's files print its paragraphs."""
        self.site_url = site_url
        self.edition = Edition.parse(edition)
        self.claims = self.name_claims(project)
        """The names each language's linker indexes (an edit that keeps them keeps every
        page's links: see `marginalia.render.changes`)."""
        self.linker = build_linker(self.claims[SITE_LANG], SITE_LANG)
        self.linkers = {SITE_LANG: self.linker, **{
            lang: build_linker(self.claims[lang], lang) for lang in project.languages()}}
        """The linker index, built once per language an article is written in."""
        self.extension = MarginaliaExtension(self.linker)
        self.reads = ReadRecord()
        """Which entries each page read while drawn: what an entry's edit redraws."""
        self._options = {"edition": edition, "directory_urls": directory_urls,
                         "overrides": overrides, "lang": lang}
        self.renderer = self._renderer(project)
        self.mentions: dict[str, list[Backlink]] = defaultdict(list)
        self._state: PageState | None = None
        self._generated = {p.src_path: p for p in generated_pages(self)}

    @staticmethod
    def name_claims(project: Project) -> dict[str, dict]:
        return {SITE_LANG: name_claims(project.glossary),
                **{lang: name_claims(project.glossary, lang) for lang in project.languages()}}

    def _renderer(self, project: Project) -> Renderer:
        seen = replace(project, glossary=TrackedGlossary(project.glossary.entries, self.reads))
        return Renderer(seen, self.linker, linkers=self.linkers, **self._options)

    def renew(self, project: Project, article_bodies: Mapping[str, str] | None = None) -> None:
        """Carry this build over to `project`, an edit of the one it was made for that
        keeps every name (`self.claims`): the linkers, backlinks and read record stay,
        pages are drawn from the new records. Used by `serve` between rebuilds."""
        assert self.name_claims(project) == self.claims, "names changed: build afresh"
        self.project = project
        if article_bodies:
            self.readings = readings_of(project, article_bodies)
        old = self.renderer
        self.renderer = self._renderer(project)
        self.renderer.keep_markdown_of(old)
        self._generated = {p.src_path: p for p in generated_pages(self)}

    def forget_article(self, slug: str) -> dict[str, Backlink]:
        """Drop the backlinks an article gave (before it is drawn again); return them."""
        gone: dict[str, Backlink] = {}
        for key, links in self.mentions.items():
            kept = [b for b in links if b.slug != slug]
            if len(kept) != len(links):
                gone[key] = next(b for b in links if b.slug == slug)
                links[:] = kept
        return gone

    def entity_pages(self, keys: set[str]) -> set[str]:
        """Source paths of the pages (in every language) of the entries `keys`."""
        return {src for src, page in self._generated.items()
                if page.entity is not None and page.entity.key in keys}

    def backlinks_from(self, slug: str) -> dict[str, Backlink]:
        """The backlinks an article gives, by entry key."""
        return {key: b for key, links in self.mentions.items() for b in links
                if b.slug == slug}

    # ---------------------------------------------------------------- page list
    @staticmethod
    def escape_meta(meta: dict[str, object]) -> None:
        """Escape front-matter text the theme prints as HTML (title, description…).

        MkDocs treats a page title as HTML (one taken from a heading arrives escaped)
        and its theme templates print `page.title` and `page.meta.description`
        without autoescaping, so `<script>` in an article's or entry's title would run
        in every page that lists it in the navigation. Escaped once here, the text
        shows as typed in the page, the navigation and the search index.
        """
        for key in HTML_META_KEYS:
            value = meta.get(key)
            if isinstance(value, str):
                # Apostrophes stay: the theme quotes attributes with '"'.
                meta[key] = html.escape(value, quote=False).replace('"', "&quot;")

    def generated_pages(self) -> list[GeneratedPage]:
        """Every page the annotations give this site (`marginalia.render.pages`), as
        listed when the build began or was renewed: the adapters ask several times
        (files, staging, navigation, backlinks), and the list only changes with them."""
        return list(self._generated.values())

    def page_lang(self, src_path: str | None) -> str:
        """The language of the words we add to a page: its article's, the language a
        generated page was made in, else the site's (the 404 page has no path)."""
        slug = self.article_slug(src_path) if src_path else None
        if slug is not None:
            return self.renderer.lang_of(self.project.articles[slug])
        page = self._generated.get(src_path or "")
        return self.renderer.ui_lang(page.lang if page is not None else None)

    def article_slug(self, src_path: str) -> str | None:
        if src_path.startswith("articles/") and src_path.endswith(".md"):
            slug = src_path[len("articles/"):-3]
            if slug in self.project.articles:
                return slug
        return None

    # ---------------------------------------------------------------- per page
    def meta_defaults(self, src_path: str) -> dict[str, object]:
        """Front matter defaults: pages we render give the TOC's column to their content
        (articles to the cards); their only TOC entry is the skip link's target."""
        if not self.owns_body(src_path):
            return {}
        defaults: dict[str, object] = {"hide": ["toc"]}
        page = self._generated.get(src_path)
        if page is not None and self._search_twin(page):
            defaults.update(SEARCH_EXCLUDED)
        lang = self.page_lang(src_path)
        if lang != self.renderer.ui_lang(None):
            # The theme speaks it too (theme/partials/language.html reads this key).
            defaults[PAGE_LANG_META] = lang
        slug = self.article_slug(src_path)
        alternates = self.alternates(slug) if slug else []
        if alternates:
            defaults["mg_alternates"] = alternates
        return defaults

    def _search_twin(self, page: GeneratedPage) -> bool:
        """Whether an entity page or glossary repeats one the search indexes (the rule
        and why: `marginalia.render.search`)."""
        if page.entity is None and page.src_path != glossary_path(page.lang):
            return False
        kept = indexed_lang(self.renderer.lang, self.project.languages())
        twin = self._generated.get(entity_path(page.entity.key, kept) if page.entity
                                   else glossary_path(kept))
        return is_twin(page.lang, page.title, kept,
                       twin.title if twin is not None and page.entity else None)

    def alternates(self, slug: str) -> list[dict[str, str]]:
        """`<link rel="alternate" hreflang>` targets for an article's head: one version
        per other language of its story (the first in menu order), hrefs relative."""
        r = self.renderer
        article = self.project.articles[slug]
        from_url = r.article_url(slug)
        seen = {article.lang}
        out = []
        for version in self.project.versions_of(slug):
            if version.lang not in seen:
                seen.add(version.lang)
                out.append({"hreflang": version.lang,
                            "href": r.link(from_url, r.article_url(version.slug))})
        return out

    def begin_page(self, src_path: str, url: str) -> None:
        """Prepare the linker for the page about to be converted."""
        slug = self.article_slug(src_path)
        if src_path in self._generated:
            state = None  # generated pages are rendered whole in finish_page
        elif slug is not None:
            quiz = self.project.quizzes.get(slug)
            # The index of the article's language: Spanish aliases link only here.
            self.extension.linker = self.linkers.get(self.project.articles[slug].lang,
                                                     self.linker)
            state = PageState(
                href=lambda key: "#" + card_id(key),
                evidence=[(q.id, q.evidence) for q in quiz.questions if q.evidence]
                if quiz else [],
                known=frozenset(self.project.glossary.entries))
        else:
            state = self.renderer.page_state(url)
        self._state = state
        self.extension.state = state
        self.reads.begin()

    @property
    def has_teacher_files(self) -> bool:
        """Whether the built site gets exports and handouts: a teacher edition with
        lessons. Adapters ask before importing the exporters, which a newsroom without
        lessons (or any student build) should not pay for."""
        return self.edition.is_teacher and bool(self.project.lessons)

    def owns_body(self, src_path: str) -> bool:
        """Whether the page's body is wholly ours (generated pages and articles).

        Nothing reads such a body once the page is written (search indexed it,
        backlinks were filled), so the adapter may let it go: MkDocs otherwise
        keeps every page's HTML until the build ends, and with cards and backlinks
        ours are the largest (tens of MB across 1,000 articles and 5,000 entries).
        """
        return src_path in self._generated or self.article_slug(src_path) is not None

    def finish_page(self, src_path: str, url: str, html: str) -> PageResult:
        """The page body as it should be published, and the ids and skip target it needs."""
        state, self._state = self._state, None
        self.extension.state = None
        self.extension.linker = self.linker
        generated = self._generated.get(src_path)
        if generated is not None:
            result = self._main(generated.draw(url))
            self.reads.end(src_path, *([generated.entity.key] if generated.entity else []))
            return result
        slug = self.article_slug(src_path)
        if slug is not None and state is not None:
            article = self.project.articles[slug]
            for key in state.order:
                self.mentions[key].append(Backlink(
                    slug, article.title, article.date, state.sentences.get(key, ""),
                    state.counts.get(key, 1), article.lang))
            result = self._main(article_page(self.renderer, html, state.order, url, article,
                                             self.readings))
            self.reads.end(src_path)
            return PageResult(result.html, frozenset(card_id(k) for k in state.order),
                              result.skip_target)
        if HOME_MARKER in html:
            html = html.replace(HOME_MARKER, article_list(self.renderer, url))
        self.reads.end(src_path)
        return PageResult(html)

    @staticmethod
    def _main(html: str) -> PageResult:
        """Wrap a body we rendered so "Skip to content" has a target: the theme draws
        that link only for pages with a TOC entry, and these pages have no headings
        MkDocs saw (the adapter adds the entry, see `PageResult.skip_target`)."""
        return PageResult(f'<div class="mg-main" id="{MAIN_ID}">\n{html}\n</div>',
                          skip_target=MAIN_ID)

    # ---------------------------------------------------------------- after all pages
    def fill(self, src_path: str, html: str) -> str:
        """Replace placeholders that needed every page (backlinks on entity pages)."""
        page = self._generated.get(src_path)
        if page is None or page.entity is None:
            return html
        from marginalia.render.entity import fill_backlinks

        return fill_backlinks(self.renderer, page.entity, html,
                              self.mentions.get(page.entity.key, []), page.lang)
