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
number; the markers found in linkable text after the walk are the real uses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown

from marginalia.link.extension import walk_linkable
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
    ambiguity rule, the stand-in keys of names two entries claim.
    """
    candidates = [m for m in linker.find(body) if m.key in wanted]
    if not candidates:
        return []
    pieces, at = [], 0
    for number, match in enumerate(candidates):
        pieces += [body[at:match.start], f"{_OPEN}{number}{_CLOSE}"]
        at = match.start
    pieces.append(body[at:])
    md = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    seen: set[int] = set()

    def collect(parent: ET.Element, child: ET.Element | None) -> None:
        text = parent.text if child is None else child.tail
        seen.update(int(n) for n in _SENTINEL.findall(text or ""))

    class _Collector(markdown.treeprocessors.Treeprocessor):
        def run(self, root: ET.Element) -> None:
            walk_linkable(root, collect, lambda _explicit: None)

    md.treeprocessors.register(_Collector(md), "marginalia-uses", 7)
    md.convert("".join(pieces))
    return [(m.start, m.end, m.key) for n, m in enumerate(candidates) if n in seen]
