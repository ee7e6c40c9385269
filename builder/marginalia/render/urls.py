"""Site URLs for generated pages, and links relative to the page that holds them.

Relative links keep the site working from a sub-path and from `file://` (the zip
build), where absolute `/people/x/` would point at the root of the disk.
"""

from __future__ import annotations

import posixpath


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
