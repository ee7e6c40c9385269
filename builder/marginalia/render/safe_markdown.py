"""Markdown for untrusted annotation text: no raw HTML, then an allow-list sanitiser.

Two layers on purpose. Python-Markdown's raw-HTML block and inline processors are
removed, so `<script>` in a summary is text, not markup; then nh3 (ammonia)
cleans the output against an allow-list of tags, attributes and URL schemes
(`http`, `https` and site-relative only), in case a construct we did not think
of produces markup anyway.
"""

from __future__ import annotations

import threading

import markdown
import nh3
from markupsafe import Markup

from marginalia.link.extension import MarginaliaExtension, PageState

ALLOWED_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "br",
                "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "hr", "del", "sup",
                "sub"}
ALLOWED_ATTRIBUTES = {"a": {"href", "class", "data-entity", "title"}}
URL_SCHEMES = {"http", "https"}


class SafeMarkdown:
    """Converts annotation text to sanitised HTML, optionally linking glossary names."""

    def __init__(self, extension: MarginaliaExtension | None = None):
        self.extension = extension
        self._local = threading.local()

    def _md(self) -> markdown.Markdown:
        md = getattr(self._local, "md", None)
        if md is None:
            exts: list = ["sane_lists"]
            # Our own copy per thread; kept at hand because Python-Markdown lists
            # only extensions that register themselves in `registeredExtensions`.
            self._local.ext = None
            if self.extension is not None:
                self._local.ext = MarginaliaExtension(self.extension.linker)
                exts.append(self._local.ext)
            md = markdown.Markdown(extensions=exts, output_format="html")
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            self._local.md = md
        return md

    def render(self, text: str, state: PageState | None = None, inline: bool = False) -> Markup:
        if not text:
            return Markup("")
        md = self._md()
        ext: MarginaliaExtension | None = self._local.ext
        if ext is not None:
            ext.state = state
        try:
            html = md.reset().convert(text)
        finally:
            if ext is not None:
                ext.state = None
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(sanitize(html))


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
