"""Linking never breaks HTML: arbitrary text, arbitrary glossaries, balanced output.

Hypothesis invents glossaries (names with markup characters, quotes,
ampersands, accents, CJK, emoji, spaces and hyphens) and texts built from those
names and Markdown punctuation, then renders them through our Markdown
extension, as articles are, and through the annotation renderer (`SafeMarkdown`),
as summaries are. Linking adds no unbalanced tag (annotation text, whose raw HTML
is escaped, is always balanced), every mention is an
`<a class="mg-mention">` naming a known entry, and the text outside mentions is
exactly what Markdown makes of the same source with no glossary at all.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import Linker
from marginalia.render.safe_markdown import SafeMarkdown

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}

name_chars = st.sampled_from([*"AbcÉéßZ<>&\"'*_`[]()#-. 東京😀ñ", "\u200f", "ا", "ل"])
names = st.text(name_chars, min_size=1, max_size=8).map(str.strip).filter(bool)
glossaries = st.dictionaries(names, st.sampled_from(["people/a", "places/b", "terms/c"]),
                             min_size=1, max_size=6)
PUNCT = ["", " ", "\n", "\n\n", "*", "**", "_", "`", "[", "](#x)", "<", ">", "&", "# ",
         "- ", "> ", "'s", "’s", ".", ",", "\u00a0", "\u200b", "<b>", "</i>", "&amp;"]


@st.composite
def linked_texts(draw):
    glossary = draw(glossaries)
    pieces = st.one_of(st.sampled_from(sorted(glossary)), st.sampled_from(PUNCT),
                       st.text(max_size=4))
    return glossary, "".join(draw(st.lists(pieces, max_size=30)))


class _Balance(HTMLParser):
    """Checks that every element closes in order; collects text and mention links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.mentions: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and "mg-mention" in (dict(attrs).get("class") or ""):
            self.mentions.append(dict(attrs).get("data-entity"))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def balance(html: str) -> _Balance:
    parser = _Balance()
    parser.feed(html)
    parser.close()
    if parser.stack:
        parser.errors.append(f"left open: {parser.stack}")
    return parser


def _render(text: str, linker: Linker | None) -> str:
    exts = [MarginaliaExtension(linker)] if linker is not None else []
    md = markdown.Markdown(extensions=exts)
    if linker is not None:
        exts[0].state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    return md.convert(text)


@settings(max_examples=300, deadline=None)
@given(linked_texts())
def test_linking_any_text_gives_balanced_html_and_keeps_the_text(case):
    glossary, text = case
    linked = balance(_render(text, Linker(glossary)))
    plain = balance(_render(text, None))
    # Raw HTML an author writes in an article passes through Markdown as written,
    # balanced or not; linking must add no imbalance of its own.
    assert linked.errors == plain.errors
    assert "".join(linked.text) == "".join(plain.text)
    assert set(linked.mentions) <= set(glossary.values())


@settings(max_examples=200, deadline=None)
@given(linked_texts())
def test_annotation_markdown_with_any_glossary_is_balanced_and_sanitised(case):
    glossary, text = case
    renderer = SafeMarkdown(MarginaliaExtension(Linker(glossary)))
    state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    html = str(renderer.render(text, state))
    parsed = balance(html)
    assert parsed.errors == []
    assert "<script" not in html.lower() and "<b>" not in html
    assert set(parsed.mentions) <= set(glossary.values())
