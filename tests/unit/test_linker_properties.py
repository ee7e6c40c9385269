"""Linker properties over arbitrary text (hypothesis): nothing outside a mention changes,
matches never overlap, and linking is idempotent."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import markdown
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marginalia.link.extension import MarginaliaExtension, MentionTreeprocessor, PageState
from marginalia.link.linker import INVISIBLE, Linker

NAMES = {"Israel": "places/israel", "Gaza": "places/gaza", "Gaza Strip": "places/gaza",
         "US": "places/us", "Blinken": "people/blinken", "Antony Blinken": "people/blinken"}
LINKER = Linker(NAMES)

words = st.sampled_from(["Israel", "Gaza", "Strip", "US", "us", "Blinken", "Antony", "’s",
                         "'s", " ", ", ", ".", "\n\n", "talks", "é", "-", "*", "`", "_"])
texts = st.lists(st.one_of(words, st.text(max_size=5)), max_size=40).map("".join)


@given(texts)
def test_matches_are_ordered_disjoint_and_point_at_names(text):
    matches = LINKER.find(text)
    ends = 0
    for m in matches:
        assert m.start >= ends
        # A written form of a name: white space inside it read as one space, a plural.
        # Zero-width characters are ignored inside names.
        written = "".join(ch for ch in text[m.start:m.end] if ch not in INVISIBLE)
        assert " ".join(written.split()) in LINKER.forms
        ends = m.end


def _link(text: str) -> tuple[str, PageState]:
    ext = MarginaliaExtension(LINKER)
    state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    ext.state = state
    html = markdown.markdown(text, extensions=[ext])
    return html, state


def _without_marginalia(text: str) -> str:
    return markdown.markdown(text)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def _text_of(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_text_outside_mentions_is_unchanged(text):
    html, _ = _link(text)
    assert _text_of(html) == _text_of(_without_marginalia(text))


@settings(max_examples=150, deadline=None)
@given(texts)
def test_removing_the_mention_anchors_gives_plain_markdown_byte_for_byte(text):
    html, _ = _link(text)
    unwrapped = re.sub(r'<a class="mg-mention[^"]*"[^>]*>(.*?)</a>', r"\1", html, flags=re.S)
    assert unwrapped == _without_marginalia(text)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_linking_twice_links_nothing_new(text):
    html, _first = _link(text)
    ext = MarginaliaExtension(LINKER)
    ext.state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    md = markdown.Markdown(extensions=[ext])
    try:
        root = ET.fromstring(f"<div>{_xml_safe(html)}</div>")
    except ET.ParseError:
        # Raw HTML in the text (`<A>`) passes through Markdown as written and is
        # not XML; the element tree the linker walks cannot be rebuilt from it here.
        assume(False)
    before = ET.tostring(root)
    MentionTreeprocessor(md, ext).run(root)
    assert ext.state.counts == {}
    assert ET.tostring(root) == before


def _xml_safe(html: str) -> str:
    # Python-Markdown emits HTML; the few control characters XML forbids are dropped
    # on both sides of the comparison, so they cannot hide a difference.
    return "".join(ch for ch in html if ch in "\t\n\r" or ord(ch) >= 0x20)
