"""The Python-Markdown extension Zensical loads by name, with our linker in it.

Zensical has no plugin events: it converts each page with a fresh `Markdown`
built from the names in `markdown_extensions`, and tells extensions which page
it is through its context preprocessor (the way glossary extensions written for
Zensical learn the current page). So this extension does, inside one
conversion, what the MkDocs adapter does around it: before the text is parsed
it tells the core which page this is (`SiteBuild.begin_page`), the core's own
tree processor marks mentions, and after the HTML is serialised the core turns
it into the published body (`SiteBuild.finish_page`).

The build to serve is set by the Zensical engine (`activate`) before Zensical
runs, in the same process; without one the extension does nothing.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from marginalia.render.site import SiteBuild

_ACTIVE: SiteBuild | None = None
_TAG = re.compile(r"<[A-Za-z][^<>]*>")
_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)"')
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:|[/#?]|$")


def from_source_folder(html: str, url: str, src_path: str) -> str:
    """Relative links of `html`, written for the page at `url`, re-based on its source file.

    The core writes links relative to the page's URL (`articles/x/` → `../../people/y/`),
    as MkDocs publishes them; Zensical reads every relative link in a page's HTML as
    relative to the Markdown file's folder (`articles/`) and rewrites it for the URL,
    so each is handed over relative to that folder and arrives where it pointed.
    """
    page_dir = url if url.endswith("/") or not url else posixpath.dirname(url) + "/"
    source_dir = posixpath.dirname(src_path)
    if page_dir.rstrip("/") == source_dir:
        return html

    def rebase(match: re.Match) -> str:
        href = match.group(2)
        if _ABSOLUTE.match(href):
            return match.group(0)
        cut = min((i for i in (href.find("#"), href.find("?")) if i >= 0), default=len(href))
        path, rest = href[:cut], href[cut:]
        target = posixpath.normpath(posixpath.join(page_dir, path))
        rel = posixpath.relpath(target, source_dir or ".")
        if path.endswith("/") or path in ("", "."):
            rel = "./" if rel == "." else rel + "/"
        return f'{match.group(1)}{rel}{rest}"'

    return _TAG.sub(lambda tag: _LINK.sub(rebase, tag.group(0)), html)


def activate(site: SiteBuild | None) -> None:
    """Make `site` the build every page Zensical converts from now on belongs to."""
    global _ACTIVE
    _ACTIVE = site


def current_page(md: Markdown) -> tuple[str, str, dict] | None:
    """(source path, URL, front matter) of the page Zensical is converting with `md`."""
    from zensical.extensions.context import ContextPreprocessor

    context = ContextPreprocessor.from_markdown(md)
    if context is None:
        return None
    page = context.page
    return page.path, page.url, page.meta


class _BeginPage(Preprocessor):
    """Tells the core which page follows, before any text is parsed."""

    def __init__(self, md: Markdown, site: SiteBuild, pages: list[tuple[str, str]]):
        super().__init__(md)
        self.site = site
        self.pages = pages

    def run(self, lines: list[str]) -> list[str]:
        page = current_page(self.md)
        if page is None:
            return lines
        src_path, url, meta = page
        self.site.escape_meta(meta)
        for key, value in self.site.meta_defaults(src_path).items():
            meta.setdefault(key, value)
        self.site.begin_page(src_path, url)
        self.pages.append((src_path, url))
        return lines


class _TreeDone(Treeprocessor):
    """Marks the tree finished, so that only the document's own serialisation is finished
    as a page (the toc extension also runs the postprocessors, on each heading)."""

    def __init__(self, md: Markdown, pages: list[tuple[str, str]], done: list[bool]):
        super().__init__(md)
        self.pages = pages
        self.done = done

    def run(self, root) -> None:
        self.done[:] = [bool(self.pages)]


class _FinishPage(Postprocessor):
    """Turns the serialised HTML into the page body the core publishes."""

    def __init__(self, md: Markdown, site: SiteBuild, pages: list[tuple[str, str]],
                 done: list[bool]):
        super().__init__(md)
        self.site = site
        self.pages = pages
        self.done = done

    def run(self, text: str) -> str:
        if not (self.pages and self.done and self.done[0]):
            return text
        self.done[:] = []
        src_path, url = self.pages.pop()
        result = self.site.finish_page(src_path, url, text)
        if result.skip_target and not getattr(self.md, "toc_tokens", None):
            # "Skip to content" is drawn only for a page with a TOC entry.
            self.md.toc_tokens = [{"level": 1, "id": result.skip_target, "name": "",
                                   "html": "", "data-toc-label": "", "children": []}]
        return from_source_folder(result.html, url, src_path)


class ZensicalExtension(Extension):
    """Our linker plus the two steps that bracket one page's conversion."""

    def __init__(self, site: SiteBuild, **kwargs: Any):
        super().__init__(**kwargs)
        self.site = site

    def extendMarkdown(self, md: Markdown) -> None:
        pages: list[tuple[str, str]] = []
        done: list[bool] = []
        self.site.extension.extendMarkdown(md)
        md.preprocessors.register(_BeginPage(md, self.site, pages), "marginalia-begin", 100)
        md.treeprocessors.register(_TreeDone(md, pages, done), "marginalia-done", -100)
        # Last of all: after raw HTML and entities are put back.
        md.postprocessors.register(_FinishPage(md, self.site, pages, done),
                                   "marginalia-finish", -100)


class _Inert(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        """No build is active: leave the page as Markdown made it."""


def makeExtension(**kwargs: Any) -> Extension:
    """What Python-Markdown calls for `markdown_extensions: [marginalia.zensical_markdown]`."""
    if _ACTIVE is None:
        return _Inert(**kwargs)
    return ZensicalExtension(_ACTIVE, **kwargs)
