"""Which of an entry's pages the site search indexes: one hit per title a reader sees.

An entry has a page per language the site's articles are written in
(`people/x/`, and `es/people/x/` once an article is in Spanish), and so has the
glossary. Indexed all, a search for "Ada Moreau" lists two hits with the same
title and near-identical text, and a student cannot tell which one to open.
So where two of an entry's pages would show the same title, only one is
indexed: the one in the site's language (mkdocs.yml `theme.language`) when the
site has pages in it, else the glossary's own (`SITE_LANG`). A page whose title
differs (`Puerto Luna` beside `Port Lune`) stays findable: whoever types that
name is looking for it. The glossary lists the same entries in every language,
so it is indexed once, by the same choice. Every other page (each article
version, its quiz, lesson and handouts) has its own text and is always indexed.

Pages are left out with the `search: exclude` front matter, which the
mkdocs-material search plugin (and Zensical) read.
"""

from __future__ import annotations

from collections.abc import Iterable

from marginalia.model.languages import SITE_LANG, base

SEARCH_EXCLUDED: dict[str, object] = {"search": {"exclude": True}}
"""Front matter that keeps a page out of the search index."""


def indexed_lang(site_lang: str, languages: Iterable[str]) -> str:
    """The language whose entity pages and glossary the search indexes first: the
    site's, when some article is written in it (so its pages exist), else the
    glossary's own."""
    return next((lang for lang in languages if base(lang) == base(site_lang)), SITE_LANG)


def is_twin(page_lang: str, title: str, kept_lang: str, kept_title: str | None) -> bool:
    """Whether an entity page or glossary in `page_lang` titled `title` repeats, for a
    reader of the search results, the indexed one in `kept_lang` (`kept_title`; None
    for a glossary, which repeats its twin whatever the title says)."""
    if base(page_lang) == base(kept_lang):
        return False
    return kept_title is None or kept_title == title
