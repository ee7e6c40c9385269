"""Python-Markdown extension that marks mentions and evidence in the element tree.

It runs after inline processing (like the abbr extension), walking `.text` and
`.tail` of each element so that code, pre, links, headings and HTML attributes
are never touched, and only text it inserts itself is marked atomic. What it
found on a page (entities in order of first mention, the sentence each one
appears in, evidence placed) is written into a `PageState` the caller reads
after conversion: the extension itself knows nothing of MkDocs.
"""

from __future__ import annotations

import itertools
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from marginalia.link import evidence as ev
from marginalia.link.linker import Linker
from marginalia.link.sentences import SENTENCE_END
from marginalia.link.syntax import NO_MENTION, TARGET_PREFIX
from marginalia.model.anchors import evidence_id, mention_id

SKIP_TAGS = frozenset({"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script",
                       "style", "kbd", "samp", "textarea", "svg", "math", "abbr"})
BLOCK_TAGS = frozenset({"p", "li", "td", "th", "dd", "dt", "figcaption", "blockquote"})
SENTENCE_BREAKS = BLOCK_TAGS | frozenset({"div", "ul", "ol", "dl", "table", "tr", "hr", "pre",
                                          "h1", "h2", "h3", "h4", "h5", "h6", "details",
                                          "summary", "section", "article", "aside", "figure"})
"""Elements a sentence never runs across: text after one starts a sentence."""
NOLINK_CLASS = "mg-nolink"
"""A name an editor kept from being marked (`[Jordan](@none)`), and any text the
walk must leave alone."""
PARAGRAPH_FIRST = "mg-para-first"


@dataclass
class PageState:
    """Per-page input (how to link, which evidence to mark) and output of a conversion."""

    href: Callable[[str], str]
    """Maps an entry key to the href of a mention (a card anchor or an entity page)."""
    evidence: list[tuple[str, str]] = field(default_factory=list)
    """(question id, passage) pairs to wrap in `mark.mg-evidence`."""
    known: frozenset[str] = frozenset()
    """Keys explicit mentions may name."""
    unlinked: frozenset[str] = frozenset()
    """Entries never marked on this page: an entity's own page, the term a vocabulary
    question asks about. Their names are still matched, so a shorter name inside one
    is not marked either; they stay plain text."""
    order: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sentences: dict[str, str] = field(default_factory=dict)
    """First sentence mentioning each entry, for backlinks."""

    def saw(self, key: str) -> bool:
        """Record a mention; True when it is the first one on the page."""
        first = key not in self.counts
        self.counts[key] = self.counts.get(key, 0) + 1
        if first:
            self.order.append(key)
        return first


def make_mention(el: ET.Element, key: str, state: PageState, *extra_classes: str) -> None:
    """Turn `el` into the contract's mention anchor; the page's first one gets an id."""
    first = state.saw(key)
    classes = ["mg-mention", *(["mg-first"] if first else []), *extra_classes]
    el.set("class", " ".join(classes))
    el.set("data-entity", key)
    el.set("href", state.href(key))
    if first:
        el.set("id", mention_id(key))
    isolate_rtl(el)


def isolate_rtl(el: ET.Element) -> None:
    """A mention holding right-to-left letters gets `dir="auto"`.

    The attribute isolates the name from the sentence around it, so an Arabic or
    Hebrew name in English text keeps its letters and the punctuation after it in
    the right order; left-to-right mentions keep the contract's markup unchanged.
    """
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in "".join(el.itertext())):
        el.set("dir", "auto")


def mention_element(key: str, text: str, state: PageState) -> ET.Element:
    el = ET.Element("a")
    make_mention(el, key, state)
    el.text = AtomicString(text)
    isolate_rtl(el)
    return el


class MentionTreeprocessor(Treeprocessor):
    def __init__(self, md, ext: MarginaliaExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: ET.Element) -> None:
        state, linker = self.ext.state, self.ext.linker
        if state is None:
            return
        # Validation has already made sure each passage is markable (the same
        # `mark_evidence` on the same tree), so a miss here cannot happen.
        for qid, passage in state.evidence:
            mark_evidence(root, qid, passage)
        _walk(root, linker, state)
        mark_paragraph_firsts(root)
        collect_sentences(root, state)


def _convert_explicit(el: ET.Element, state: PageState) -> None:
    """`[text](@type/id)` becomes a mention; `[text](@none)` stays plain text, marked
    `mg-nolink`; an unknown target, or an entry the page does not link, plain text."""
    key = el.get("href", "")[len(TARGET_PREFIX):]
    if key == NO_MENTION or key not in state.known or key in state.unlinked:
        del el.attrib["href"]
        el.tag = "span"
        if key == NO_MENTION:
            el.set("class", NOLINK_CLASS)
        return
    make_mention(el, key, state, "mg-explicit")


def _skipped(el: ET.Element) -> bool:
    if el.tag in SKIP_TAGS:
        return True
    cls = el.get("class", "")
    return "mg-context" in cls or NOLINK_CLASS in cls


TextVisitor = Callable[[ET.Element, "ET.Element | None", bool], None]
"""Called with (element, None, at_start) for an element's own text, (parent, child,
at_start) for a tail; `at_start` says a sentence starts where the text does."""


def walk_linkable(el: ET.Element, on_text: TextVisitor,
                  on_explicit: Callable[[ET.Element], None]) -> None:
    """Visit, in document order, every text the linker may mark, and every explicit mention.

    The one definition of where names are looked for: not in code, pre, links,
    headings or `.mg-nolink`, and not in text inserted as atomic; and of where a
    text starts a sentence (first in a paragraph, list item, cell…, after a heading).
    The site's linking and the ambiguous-name check both walk with it, so the check
    reports exactly the uses the site would have to link.
    """
    _walk_linkable(el, on_text, on_explicit, True)


def _walk_linkable(el: ET.Element, on_text: TextVisitor,
                   on_explicit: Callable[[ET.Element], None], starting: bool) -> bool:
    """`walk_linkable` below `el`; True when `el` holds text (what follows starts no sentence)."""
    if el.tag == "a" and el.get("href", "").startswith(TARGET_PREFIX):
        on_explicit(el)
        return True
    if _skipped(el):
        return any(t.strip() for t in el.itertext())
    starting = starting or el.tag in SENTENCE_BREAKS
    seen = False
    text = el.text
    if text and not isinstance(text, AtomicString):
        on_text(el, None, starting)
    if text and text.strip():
        starting, seen = False, True
    for child in list(el):
        if _walk_linkable(child, on_text, on_explicit, starting):
            starting, seen = False, True
        if child.tag in SENTENCE_BREAKS:
            starting = True
        tail = child.tail
        if tail and not isinstance(tail, AtomicString):
            on_text(el, child, starting)
        if tail and tail.strip():
            starting, seen = False, True
    return seen


def _walk(el: ET.Element, linker: Linker | None, state: PageState) -> None:
    """Link the page's text and convert its explicit mentions, first mention first."""
    def on_text(parent: ET.Element, child: ET.Element | None, at_start: bool) -> None:
        if linker is None:
            return
        if child is None:
            _link_text(parent, linker, state, at_start)
        else:
            _link_tail(parent, child, linker, state, at_start)

    walk_linkable(el, on_text, lambda a: _convert_explicit(a, state))


def _marked(linker: Linker, text: str, state: PageState, at_start: bool) -> list:
    """The matches the page marks: all but those of entries it does not link."""
    matches = linker.find(text, at_start)
    if state.unlinked:
        matches = [m for m in matches if m.key not in state.unlinked]
    return matches


def _link_text(el: ET.Element, linker: Linker, state: PageState, at_start: bool) -> None:
    text = el.text
    matches = _marked(linker, text, state, at_start)
    if not matches:
        return
    el.text = text[: matches[0].start]
    nodes = _nodes(text, matches, state)
    for i, node in enumerate(nodes):
        el.insert(i, node)


def _link_tail(parent: ET.Element, child: ET.Element, linker: Linker, state: PageState,
               at_start: bool) -> None:
    text = child.tail
    matches = _marked(linker, text, state, at_start)
    if not matches:
        return
    child.tail = text[: matches[0].start]
    at = list(parent).index(child) + 1
    for i, node in enumerate(_nodes(text, matches, state)):
        parent.insert(at + i, node)


def _nodes(text: str, matches, state: PageState) -> list[ET.Element]:
    nodes = []
    for i, m in enumerate(matches):
        node = mention_element(m.key, text[m.start:m.end], state)
        end = matches[i + 1].start if i + 1 < len(matches) else len(text)
        node.tail = text[m.end:end]
        nodes.append(node)
    return nodes


def mark_paragraph_firsts(el: ET.Element, seen: set[str] | None = None) -> None:
    """Class the first mention of each entry in each paragraph (or list item, cell…).

    The reader's "names marked: first in each paragraph" setting shows these and
    turns the repeats into plain text; the class is in the HTML so that the stylesheet
    applies the setting before the page is first drawn.
    """
    seen = set() if seen is None else seen
    for child in el:
        classes = child.get("class", "").split()
        if child.tag == "a" and "mg-mention" in classes:
            key = child.get("data-entity", "")
            if key not in seen:
                seen.add(key)
                if PARAGRAPH_FIRST not in classes:  # linking twice changes nothing
                    child.set("class", " ".join([*classes, PARAGRAPH_FIRST]))
        else:
            mark_paragraph_firsts(child, None if child.tag in BLOCK_TAGS else seen)


# ----------------------------------------------------------------------------- evidence

def _mark(qid: str) -> ET.Element:
    mark = ET.Element("mark")
    mark.set("class", "mg-evidence")
    mark.set("id", evidence_id(qid))
    return mark


def mark_evidence(root: ET.Element, qid: str, passage: str) -> bool:
    """Wrap the passage in `mark.mg-evidence#ev-<qid>`; True when it was found.

    The passage is looked for inside one text node first (the usual case, so
    mentions inside it are still linked afterwards); when it spans inline
    markup, the whole block that contains it is wrapped instead.
    """
    for parent in root.iter():
        if _skipped(parent):
            continue
        if parent.text and not isinstance(parent.text, AtomicString):
            at = ev.find(passage, parent.text)
            if at >= 0:
                text = parent.text
                mark = _mark(qid)
                mark.text = text[at: at + len(passage)]
                mark.tail = text[at + len(passage):]
                parent.text = text[:at]
                parent.insert(0, mark)
                return True
        for child in list(parent):
            tail = child.tail
            if tail and not isinstance(tail, AtomicString):
                at = ev.find(passage, tail)
                if at >= 0:
                    mark = _mark(qid)
                    mark.text = tail[at: at + len(passage)]
                    mark.tail = tail[at + len(passage):]
                    child.tail = tail[:at]
                    parent.insert(list(parent).index(child) + 1, mark)
                    return True
    for block in root.iter():
        if block.tag in BLOCK_TAGS and ev.find(passage, "".join(block.itertext())) >= 0:
            mark = _mark(qid)
            mark.text, block.text = block.text, None
            for child in list(block):
                block.remove(child)
                mark.append(child)
            block.insert(0, mark)
            return True
    return False


# ----------------------------------------------------------------------------- backlinks

def collect_sentences(root: ET.Element, state: PageState) -> None:
    """Remember, for each entry, the first sentence on the page that mentions it."""
    for block in root.iter():
        if block.tag not in BLOCK_TAGS or any(c.tag in BLOCK_TAGS for c in block):
            continue
        pieces: list[str] = []
        marks: list[tuple[int, str]] = []
        _flatten(block, pieces, marks, top=True)
        if not marks:
            continue
        text = "".join(pieces)
        bounds = [0] + [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
        for offset, key in marks:
            if key in state.sentences:
                continue
            for a, b in itertools.pairwise(bounds):
                if a <= offset < b:
                    state.sentences[key] = " ".join(text[a:b].split())
                    break


def _flatten(el: ET.Element, pieces: list[str], marks: list, top: bool = False) -> None:
    if not top and "mg-mention" in el.get("class", ""):
        marks.append((sum(map(len, pieces)), el.get("data-entity", "")))
    if el.text:
        pieces.append(el.text)
    for child in el:
        _flatten(child, pieces, marks)
        if child.tail:
            pieces.append(child.tail)


class MarginaliaExtension(Extension):
    """Holds the build's linker; the adapter sets `state` before each page converts."""

    def __init__(self, linker: Linker | None = None, **kwargs):
        super().__init__(**kwargs)
        self.linker = linker
        self.state: PageState | None = None

    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(MentionTreeprocessor(md, self), "marginalia", 7)
