"""The first mention of each entry in each paragraph carries `mg-para-first`.

The reader's default setting ("names marked: first in each paragraph") shows only
these; the class is written into the HTML so the stylesheet can apply the setting
before the page is first drawn. Run through the real article pipeline (our Markdown
extension and a linker built from glossary claims).
"""

from __future__ import annotations

import re

import markdown
import pytest

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import build_linker

NAMES = {"Gaza": "places/gaza", "Hamas": "organizations/hamas"}


def firsts(text: str) -> list[tuple[str, bool]]:
    """(linked text, carries mg-para-first) for every mention, in page order."""
    ext = MarginaliaExtension(build_linker({name: [key] for name, key in NAMES.items()}))
    ext.state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    html = markdown.markdown(text, extensions=[ext, "tables"])
    return [(m.group(2), "mg-para-first" in m.group(1).split())
            for m in re.finditer(r'<a class="([^"]*)"[^>]*>(.*?)</a>', html)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Gaza and Gaza.", [("Gaza", True), ("Gaza", False)]),
    ("Gaza, Hamas, Gaza, Hamas.", [("Gaza", True), ("Hamas", True), ("Gaza", False),
                                   ("Hamas", False)]),
    ("Gaza.\n\nGaza again.", [("Gaza", True), ("Gaza", True)]),
    ("- Gaza and *Gaza*\n- Gaza", [("Gaza", True), ("Gaza", False), ("Gaza", True)]),
    ("> Gaza\n>\n> Gaza", [("Gaza", True), ("Gaza", True)]),
    ("| a | b |\n|---|---|\n| Gaza | Gaza |", [("Gaza", True), ("Gaza", True)]),
], ids=["repeat in a paragraph", "two entries", "new paragraph", "list items and emphasis",
        "quoted paragraphs", "table cells"])
def test_first_mention_in_each_block_is_marked(text, expected):
    assert firsts(text) == expected
