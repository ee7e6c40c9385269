"""Site URLs for generated pages, and links relative to the page that holds them.

Relative links keep the site working from a sub-path and from `file://` (the zip
build), where absolute `/people/x/` would point at the root of the disk.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """`people/x.md` → `people/x/` (or `people/x.html`); `index.md` → `` (or `index.html`)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_url: str, to_url: str) -> str:
    """The href that leads from the page at `from_url` to `to_url` (both site-relative)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    base = base.rstrip("/") or "."
    target = to_url or "."
    rel = posixpath.relpath(target, base)
    if to_url.endswith("/") or not to_url:
        rel = rel.rstrip("/") + "/"
    return "./" if rel == "./" else rel


# Source paths of the pages Marginalia generates: made here, so no module
# rebuilds or re-parses them.
GLOSSARY_PATH = "glossary.md"


def lang_prefix(lang: str | None) -> str:
    """`es/` for pages in a language other than the site's, else nothing."""
    from marginalia.model.languages import SITE_LANG, base

    return "" if not lang or base(lang) == base(SITE_LANG) else f"{lang}/"


def entity_path(key: str, lang: str | None = None) -> str:
    """`people/x.md`; in another language `es/people/x.md` (DESIGN §3 translations)."""
    return f"{lang_prefix(lang)}{key}.md"


def glossary_path(lang: str | None = None) -> str:
    return f"{lang_prefix(lang)}{GLOSSARY_PATH}"


def article_path(slug: str) -> str:
    return f"articles/{slug}.md"


def quiz_path(slug: str) -> str:
    return f"articles/{slug}/quiz.md"


def lesson_path(slug: str) -> str:
    return f"lessons/{slug}.md"


def worksheet_path(slug: str) -> str:
    return f"lessons/{slug}/worksheet.md"


def guided_path(slug: str) -> str:
    return f"lessons/{slug}/guided.md"


def answer_key_path(slug: str) -> str:
    return f"lessons/{slug}/answer-key.md"


def export_path(slug: str, name: str) -> str:
    """Where the teacher site keeps one export file, relative to the site root."""
    return f"lessons/{slug}/exports/{name}"


@dataclass(frozen=True)
class Urls:
    """Site-relative URLs of every page kind for one build's URL style, and links between."""

    directory_urls: bool = True

    def page(self, src_path: str) -> str:
        return page_url(src_path, self.directory_urls)

    def entity(self, key: str, lang: str | None = None) -> str:
        return self.page(entity_path(key, lang))

    def article(self, slug: str) -> str:
        return self.page(article_path(slug))

    def quiz(self, slug: str) -> str:
        return self.page(quiz_path(slug))

    def lesson(self, slug: str) -> str:
        return self.page(lesson_path(slug))

    def glossary(self) -> str:
        return self.page(GLOSSARY_PATH)

    @staticmethod
    def link(from_url: str, to_url: str) -> str:
        return relative(from_url, to_url)
