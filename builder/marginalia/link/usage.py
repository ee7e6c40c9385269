"""Where an article uses a name the way the site would link it, as source offsets.

The ambiguous-name rule needs to know which uses of a shared name the site would
have to link: a name in a heading, in inline code or in a code block is never
linked, so asking the editor to settle it there (with `[name](@type/id)`, which
cannot be written inside code) is a false error. Rather than a second, regex-made
idea of "a use", this renders the article with Python-Markdown and walks it with
the linker's own walk (`walk_linkable`), so the check and the site agree by
construction.

Source positions survive rendering through sentinels: before rendering, each
candidate occurrence in the Markdown gets an invisible private-use marker with its
number; after rendering, the walk takes the markers out of each linkable text,
matches it as the page would, and a match starting at a marker is a real use.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown

from marginalia.link.extension import mark_evidence, walk_linkable
from marginalia.link.linker import Linker

MARKDOWN_EXTENSIONS = ("fenced_code", "tables", "attr_list", "md_in_html")
"""Enough of Markdown to know what is code, a heading or a link: the structures that
hide text from the linker, which every Markdown flavour MkDocs uses agrees on."""

_OPEN, _CLOSE = "\ue000", "\ue001"
_SENTINEL = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def linked_uses(body: str, linker: Linker, wanted: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) of each match of a key in `wanted` that the site would link.

    `linker` is the build's whole index (so a longer name still wins over a shorter
    one inside it, as on the page); `wanted` are the keys to report — for the
    ambiguity rule, the stand-in keys of names two entries claim. Candidates are
    read from the raw Markdown with capitals accepted anywhere (a superset); each
    counts where the page's own walk, matching the rendered text as the page does
    (sentence starts, hyphens, line breaks), finds a name starting at its marker.
    """
    candidates = [m for m in linker.find(body, at_start=True, capitals_anywhere=True)
                  if m.key in wanted]
    if not candidates:
        return []
    pieces, at = [], 0
    for number, match in enumerate(candidates):
        pieces += [body[at:match.start], f"{_OPEN}{number}{_CLOSE}"]
        at = match.start
    pieces.append(body[at:])
    used: dict[int, str] = {}

    def collect(parent: ET.Element, child: ET.Element | None, at_start: bool) -> None:
        text = (parent.text if child is None else child.tail) or ""
        if _OPEN not in text:
            return
        plain: list[str] = []
        marker_at: dict[int, int] = {}
        at = length = 0
        for marker in _SENTINEL.finditer(text):
            plain.append(text[at:marker.start()])
            length += marker.start() - at
            marker_at[length] = int(marker.group(1))
            at = marker.end()
        plain.append(text[at:])
        for m in linker.find("".join(plain), at_start):
            if m.key in wanted and m.start in marker_at:
                used[marker_at[m.start]] = m.key

    _walk_rendered("".join(pieces),
                   lambda root: walk_linkable(root, collect, lambda _explicit: None))
    return [(m.start, m.end, used[n]) for n, m in enumerate(candidates) if n in used]


def unmarkable_evidence(body: str, passages: list[tuple[str, str]]) -> list[str]:
    """Ids of the (id, passage) pairs the page could not mark as evidence.

    A passage can occur in the article's text and still not be markable, e.g. when
    it quotes a heading or a code block, where the page marks nothing: the quiz's
    "see the evidence" link would then lead nowhere. This asks the page's own
    marker, on the article rendered as the page renders it.
    """
    missing: list[str] = []

    def mark_all(root: ET.Element) -> None:
        missing.extend(qid for qid, passage in passages if not mark_evidence(root, qid, passage))

    if passages:
        _walk_rendered(body, mark_all)
    return missing


def _walk_rendered(text: str, visit) -> None:
    """Render Markdown and hand its tree, after inline processing, to `visit`."""
    md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))

    class _Visitor(markdown.treeprocessors.Treeprocessor):
        def run(self, root: ET.Element) -> None:
            visit(root)

    md.treeprocessors.register(_Visitor(md), "marginalia-check", 7)
    md.convert(text)
