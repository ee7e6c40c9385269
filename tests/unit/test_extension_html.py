"""The article tree walk, Markdown in → exact HTML out (one row per rule of the walk).

The Markdown extension links glossary names (first mention carries the id a
card's "Back to text" returns to), converts explicit mentions, leaves headings,
code and existing links alone, and marks quiz evidence. Each row pins the
exact HTML a page gets, in the manner of Python-Markdown's own test tables.
"""

from __future__ import annotations

import markdown
import pytest

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import build_linker
from marginalia.model.anchors import card_id

NAMES = {"Gaza": ["places/gaza"], "Hamas": ["organizations/hamas"],
         "Antony Blinken": ["people/antony-blinken"], "Blinken": ["people/antony-blinken"]}
KNOWN = frozenset(key for keys in NAMES.values() for key in keys)


def to_html(text: str, evidence: tuple[tuple[str, str], ...] = ()) -> str:
    ext = MarginaliaExtension(build_linker(NAMES))
    ext.state = PageState(href=lambda key: "#" + card_id(key), evidence=list(evidence),
                          known=KNOWN)
    return markdown.markdown(text, extensions=[ext])


FIRST = ('<a class="mg-mention mg-first mg-para-first" data-entity="{key}" '
         'href="#{card}" id="mention-{card_id}">{text}</a>')


def first(key: str, text: str) -> str:
    slug = key.replace("/", "-")
    return FIRST.format(key=key, card=f"ctx-{slug}", card_id=slug, text=text)


GAZA_AGAIN = '<a class="mg-mention" data-entity="places/gaza" href="#ctx-places-gaza">Gaza</a>'


@pytest.mark.parametrize(("text", "html"), [
    ("Talks in Gaza.", f"<p>Talks in {first('places/gaza', 'Gaza')}.</p>"),
    ("Gaza and Gaza.", f"<p>{first('places/gaza', 'Gaza')} and {GAZA_AGAIN}.</p>"),
    ("Antony Blinken met Hamas.",
     f"<p>{first('people/antony-blinken', 'Antony Blinken')} met "
     f"{first('organizations/hamas', 'Hamas')}.</p>"),
    ("Blinken spoke.", f"<p>{first('people/antony-blinken', 'Blinken')} spoke.</p>"),
    ("# Gaza\n\nGaza.", f"<h1>Gaza</h1>\n<p>{first('places/gaza', 'Gaza')}.</p>"),
    ("Use `Gaza` here.", "<p>Use <code>Gaza</code> here.</p>"),
    ("    Gaza in code", "<pre><code>Gaza in code\n</code></pre>"),
    ("[Gaza](https://example.org) and Gaza.",
     f'<p><a href="https://example.org">Gaza</a> and {first("places/gaza", "Gaza")}.</p>'),
    ("[the Strip](@places/gaza) and Gaza.",
     '<p><a class="mg-mention mg-first mg-explicit mg-para-first" data-entity="places/gaza" '
     'href="#ctx-places-gaza" id="mention-places-gaza">the Strip</a> and '
     f"{GAZA_AGAIN}.</p>"),
    ("Gazans are not Gaza.", f"<p>Gazans are not {first('places/gaza', 'Gaza')}.</p>"),
    ("*Gaza* talks.", f"<p><em>{first('places/gaza', 'Gaza')}</em> talks.</p>"),
], ids=["one mention", "repeat is plain mention", "two entries", "alias", "heading skipped",
        "inline code skipped", "code block skipped", "existing link skipped", "explicit mention",
        "whole words only", "inside emphasis"])
def test_markdown_to_html(text, html):
    assert to_html(text) == html


def test_evidence_is_marked_around_the_passage_and_its_mentions():
    assert to_html("Talks resumed in Gaza on Saturday.", (("q1", "resumed in Gaza"),)) == (
        f'<p>Talks <mark class="mg-evidence" id="ev-q1">resumed in '
        f"{first('places/gaza', 'Gaza')}</mark> on Saturday.</p>")
