"""What every page kind is drawn with: one `Renderer` per build and edition.

The renderer holds the build's `Templates` (the one way to fill a template),
its `Urls`, the two Markdown renderers (plain, and linking glossary names) and
the card cache. Each page kind has its own module that takes a renderer and
returns HTML: article.py (article page, sidebar, home list), entity.py,
glossary.py, quiz.py, lesson.py and handouts.py.

An entry's summary is rendered from Markdown once per build; its card, which
also carries the article's date, is kept in a small LRU cache, so articles of
the same day share cards and a newsroom of thousands of dates does not keep
every card it drew.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from pathlib import Path

from markupsafe import Markup

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import Linker
from marginalia.model import TYPE_SINGULAR, Entity, Project
from marginalia.model.edition import Edition
from marginalia.model.languages import SITE_LANG, base, words_lang
from marginalia.render import i18n
from marginalia.render.i18n import DEFAULT_LANG, human_date
from marginalia.render.safe_markdown import SafeMarkdown
from marginalia.render.templates import Templates
from marginalia.render.urls import Urls

NO_CACHE_ENV = "MARGINALIA_NO_CACHE"
CARD_CACHE_SIZE = 2048
"""Cards kept: a day's articles at every page depth, a few MB at the most."""


class Renderer:
    """Templates, URLs, Markdown and cards for one build and edition."""

    def __init__(self, project: Project, linker: Linker | None, *,
                 edition: Edition | str = Edition.STUDENT, directory_urls: bool = True,
                 overrides: Path | None = None, cache: bool | None = None,
                 linkers: dict[str, Linker | None] | None = None,
                 lang: str = DEFAULT_LANG):
        self.project = project
        self.lang = lang or DEFAULT_LANG
        """The site's language (mkdocs.yml `theme.language`): the words of pages that
        are not an article's, and of articles that do not name theirs."""
        self.cache = os.environ.get(NO_CACHE_ENV, "") in ("", "0") if cache is None else cache
        """False renders every card and summary afresh: the unoptimised reference that
        tests compare the cached build with (set `MARGINALIA_NO_CACHE=1`)."""
        self.templates = Templates(edition, overrides)
        self.edition: Edition = self.templates.edition
        self.urls = Urls(directory_urls)
        self.plain_md = SafeMarkdown()
        self.linking_md = SafeMarkdown(MarginaliaExtension(linker))
        self.linkers: dict[str, Linker | None] = {SITE_LANG: linker, **(linkers or {})}
        """One linker per language of the site's articles: an article in Spanish links
        Spanish names and aliases too, one in English only the entries' own."""
        self._linking_in: dict[str, SafeMarkdown] = {}
        self._cards: OrderedDict[tuple[str, str, dt.date | None, str], str] = OrderedDict()
        self._plain: dict[tuple[str, bool], Markup] = {}
        """Annotation Markdown rendered without links depends only on its text: an
        entry's summary is shown on every card, whatever the article's date."""
        self._linked: dict[tuple[str, str, bool, str, frozenset[str]], Markup] = {}
        """Linked annotation Markdown, by text and the page it is on (see `markdown`)."""

    @property
    def teacher(self) -> bool:
        return self.edition.is_teacher

    # ------------------------------------------------------------------ URLs
    def url(self, src_path: str) -> str:
        return self.urls.page(src_path)

    def entity_url(self, key: str, lang: str = SITE_LANG) -> str:
        """The entity page in `lang`: `people/x/`, or `es/people/x/` for Spanish pages."""
        return self.urls.entity(key, lang)

    def article_url(self, slug: str) -> str:
        return self.urls.article(slug)

    def link(self, from_url: str, to_url: str) -> str:
        return self.urls.link(from_url, to_url)

    def page_state(self, from_url: str, lang: str = SITE_LANG,
                   unlinked: frozenset[str] = frozenset()) -> PageState:
        """Linking for generated pages: mentions go straight to the entity page (in
        the page's language). `unlinked` are entries the text must not link: the
        page's own entry, the term a vocabulary question asks about."""
        return PageState(href=lambda key: self.link(from_url, self.entity_url(key, lang)),
                         known=frozenset(self.project.glossary.entries), unlinked=unlinked)

    def markdown(self, text: str, from_url: str | None = None, inline: bool = False,
                 lang: str = SITE_LANG, unlinked: frozenset[str] = frozenset()) -> Markup:
        """Annotation Markdown, sanitised; with `from_url`, glossary names are linked
        (to entity pages in `lang`, by the names an article in `lang` links), all but
        the `unlinked` entries."""
        if from_url is None:
            if not self.cache:
                return self.plain_md.render(text, inline=inline)
            cached = self._plain.get((text, inline))
            if cached is None:
                cached = self._plain[text, inline] = self.plain_md.render(text, inline=inline)
            return cached
        key = (text, from_url, inline, lang, unlinked)
        cached = self._linked.get(key) if self.cache else None
        if cached is None:
            cached = self._linked_markdown(text, from_url, inline, lang, unlinked)
            if self.cache:
                self._linked[key] = cached
        return cached

    def _linked_markdown(self, text: str, from_url: str, inline: bool, lang: str,
                         unlinked: frozenset[str]) -> Markup:
        if base(lang) == base(SITE_LANG):
            return self.linking_md.render(text, self.page_state(from_url, unlinked=unlinked),
                                          inline=inline)
        md = self._linking_in.get(lang)
        if md is None:
            md = self._linking_in[lang] = SafeMarkdown(MarginaliaExtension(self.linker_for(lang)))
        return md.render(text, self.page_state(from_url, lang, unlinked), inline=inline)

    def keep_markdown_of(self, old: Renderer) -> None:
        """Reuse `old`'s rendered annotation Markdown: `serve` renews the renderer after an
        edit that kept every name, so the same text on the same page links the same way
        (the linkers, entity URLs and known entries are the names'). Saves re-rendering
        every summary of the glossary page after one entry's edit."""
        self._plain.update(old._plain)
        self._linked.update(old._linked)

    def linker_for(self, lang: str) -> Linker | None:
        """The linker of articles in `lang` (built once per language, see `linkers`)."""
        return self.linkers.get(lang, self.linkers.get(SITE_LANG))

    def ui_lang(self, content: str | None) -> str:
        """The language of the words we add to a page whose content is in `content`
        (the rule is `words_lang`, shared with the handout and LMS files)."""
        return words_lang(content, self.lang)

    def lang_of(self, article: object | None) -> str:
        """The language of the words we add to a page about `article` (see `ui_lang`)."""
        return self.ui_lang(getattr(article, "lang", None))

    def gettext(self, message: str, lang: str | None = None, **values: object) -> str:
        """`message` in `lang` (default the site's), filled with `values` (`%(name)s`)."""
        text = i18n.gettext(lang or self.lang, message)
        return text % values if values else text

    def render(self, template: str, **context: object) -> str:
        """Fill one template for this renderer's edition (see `Templates.render`); our
        words in the language `ui_lang` gives for the page's content (its `lang`, else
        its article's)."""
        if "ui_lang" not in context:
            content = (context.get("lang") or getattr(context.get("article"), "lang", None)
                       or getattr(context.get("entity"), "lang", None))
            context["ui_lang"] = self.ui_lang(content)  # type: ignore[arg-type]
        return self.templates.render(template, **context)

    # ------------------------------------------------------------------ cards
    def card(self, entity: Entity, from_url: str, as_of: dt.date | None,
             lang: str = SITE_LANG) -> str:
        """An entry's context card as drawn on a page at `from_url` in `lang` (cached
        per day and language): the text in `lang` where translated, the rest marked
        as the site's language (see `Entity.seen_in`)."""
        href = self.link(from_url, self.entity_url(entity.key, lang))
        cache_key = (entity.key, href, as_of if entity.versions else entity.as_of or as_of,
                     lang)
        cached = self._cards.get(cache_key) if self.cache else None
        if cached is not None:
            self._cards.move_to_end(cache_key)
            return cached
        later = entity.later_than(as_of)
        seen = entity.seen_in(lang, as_of)
        card = self.render(
            "card.html", entity=seen, href=href,
            summary=self.markdown(seen.summary), as_of=seen.as_of or as_of,
            kind=TYPE_SINGULAR[entity.type], later=later[-1] if later else None, lang=lang)
        if self.cache:
            self._cards[cache_key] = card
            if len(self._cards) > CARD_CACHE_SIZE:
                self._cards.popitem(last=False)
        return card


__all__ = ["CARD_CACHE_SIZE", "NO_CACHE_ENV", "Renderer", "human_date"]
