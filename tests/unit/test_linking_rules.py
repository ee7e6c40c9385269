"""DESIGN §4's linking rules for how names are written, Markdown in → exact HTML out.

Plurals link as the whole word; a line break inside a name is a space; a name joined
by a hyphen to another word is part of a different name (with the exceptions the
README's editor section gives); a lowercase term also matches capitalised where a
sentence starts; `[text](@none)` keeps a name from being marked; a page can leave
entries unlinked (an entity's own page, a vocabulary question's term).
"""

from __future__ import annotations

import re

import markdown
import pytest

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import build_linker

NAMES = {
    "hostage": ["terms/hostage"], "ceasefire": ["terms/ceasefire"], "party": ["terms/party"],
    "tax": ["terms/tax"], "veto": ["terms/veto"], "sovereigntist": ["terms/sovereigntist"],
    "Kennedy": ["people/kennedy"], "Israeli": ["places/israel"], "Israel": ["places/israel"],
    "Hamas": ["organizations/hamas"], "Canada": ["places/canada"], "US": ["places/us"],
    "CIA": ["organizations/cia"], "Quebec": ["places/quebec"],
    "Quebec Liberal Party": ["organizations/plq"], "Gaza": ["places/gaza"],
    "Gaza Strip": ["places/gaza"],
}
KNOWN = frozenset(key for keys in NAMES.values() for key in keys)
LINKER = build_linker(NAMES)


def to_html(text: str, unlinked: frozenset[str] = frozenset()) -> str:
    """The page's HTML with every mention reduced to `[text|key]`, so rows stay readable."""
    ext = MarginaliaExtension(LINKER)
    ext.state = PageState(href=lambda key: "#" + key, known=KNOWN, unlinked=unlinked)
    html = markdown.markdown(text, extensions=[ext])
    return re.sub(r'<a class="mg-mention[^"]*" data-entity="([^"]+)"[^>]*>(.*?)</a>',
                  r"[\2|\1]", html, flags=re.S)


def linked(text: str, at_start: bool = True) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.key) for m in LINKER.find(text, at_start)]


@pytest.mark.parametrize(("text", "html"), [
    ("The hostages were freed.", "<p>The [hostages|terms/hostage] were freed.</p>"),
    ("Two ceasefires held.", "<p>Two [ceasefires|terms/ceasefire] held.</p>"),
    ("All parties met.", "<p>All [parties|terms/party] met.</p>"),
    ("New taxes.", "<p>New [taxes|terms/tax].</p>"),
    ("Both vetoes and vetos.", "<p>Both [vetoes|terms/veto] and [vetos|terms/veto].</p>"),
    ("The Kennedys came.", "<p>The [Kennedys|people/kennedy] came.</p>"),
    ("Israelis voted.", "<p>[Israelis|places/israel] voted.</p>"),
    ("The hostages’ families.", "<p>The [hostages|terms/hostage]’ families.</p>"),
    ("The hostage's family.", "<p>The [hostage|terms/hostage]'s family.</p>"),
    ("Two CIAs and USes.", "<p>Two CIAs and USes.</p>"),
    ("The hostagess.", "<p>The hostagess.</p>"),
], ids=["plural s", "plural of a compound", "y becomes ies", "es after x", "o takes es or s",
        "a proper name takes s", "an alias's plural", "plural possessive outside",
        "possessive outside", "no plural after an acronym", "no other ending"])
def test_a_plural_is_one_mention_of_the_whole_word(text, html):
    assert to_html(text) == html


@pytest.mark.parametrize(("text", "html"), [
    ("The Quebec Liberal\nParty won.", "<p>The [Quebec Liberal\nParty|organizations/plq] won.</p>"),
    ("The Quebec\n  Liberal  Party won.",
     "<p>The [Quebec\n  Liberal  Party|organizations/plq] won.</p>"),
    ("The Quebec\u00a0Liberal\u2009Party won.",
     "<p>The [Quebec\u00a0Liberal\u2009Party|organizations/plq] won.</p>"),
    ("In the Gaza\nStrip.", "<p>In the [Gaza\nStrip|places/gaza].</p>"),
    ("In Quebec.\n\nLiberal Party.", "<p>In [Quebec|places/quebec].</p>\n<p>Liberal Party.</p>"),
], ids=["line break", "runs of spaces", "no-break and thin space", "two-word alias",
        "a paragraph break is no space"])
def test_white_space_inside_a_name_matches_any_white_space(text, html):
    assert to_html(text) == html


@pytest.mark.parametrize(("text", "expected"), [
    ("Radio-Canada reported.", []),
    ("A Canada-wide vote.", [("Canada", "places/canada")]),
    ("A pro-Israel rally.", [("Israel", "places/israel")]),
    ("Pro-Israel groups rallied.", [("Israel", "places/israel")]),
    ("The anti-Hamas protest.", [("Hamas", "organizations/hamas")]),
    ("The Hamas-led government.", [("Hamas", "organizations/hamas")]),
    ("A US-brokered deal.", [("US", "places/us")]),
    ("The Israel-Hamas war.", [("Israel", "places/israel"), ("Hamas", "organizations/hamas")]),
    ("The Israel–Hamas war.", [("Israel", "places/israel"), ("Hamas", "organizations/hamas")]),
    ("Acts of hostage-taking.", []),
    ("An anti-ceasefire march.", []),
    ("Saint-Israel Street.", []),
    ("COVID-Canada-19.", []),
    ("Canada- and US-based.", [("Canada", "places/canada"), ("US", "places/us")]),
], ids=["capitalised word joined: other name", "lowercase word after", "lowercase prefix",
        "prefix at a sentence start", "anti", "led", "acronym before a lowercase word",
        "two names joined", "en dash is no hyphen", "lowercase term joined",
        "lowercase term after a prefix", "capitalised word before", "numbers around",
        "hanging hyphen"])
def test_a_name_joined_by_a_hyphen_is_part_of_a_different_name(text, expected):
    assert linked(text) == expected


@pytest.mark.parametrize(("text", "html"), [
    ("Ceasefire talks resumed.", "<p>[Ceasefire|terms/ceasefire] talks resumed.</p>"),
    ("They met. Ceasefire talks resumed.",
     "<p>They met. [Ceasefire|terms/ceasefire] talks resumed.</p>"),
    ("Done! “Ceasefire now,” they said.",
     "<p>Done! “[Ceasefire|terms/ceasefire] now,” they said.</p>"),
    ("# Talks\nCeasefire talks.", "<h1>Talks</h1>\n<p>[Ceasefire|terms/ceasefire] talks.</p>"),
    ("- Ceasefire talks", "<ul>\n<li>[Ceasefire|terms/ceasefire] talks</li>\n</ul>"),
    ("**Ceasefire** talks.", "<p><strong>[Ceasefire|terms/ceasefire]</strong> talks.</p>"),
    ("Sovereigntists say no.", "<p>[Sovereigntists|terms/sovereigntist] say no.</p>"),
    ("The Ceasefire Committee met.", "<p>The Ceasefire Committee met.</p>"),
    ("In Gaza Ceasefire talks.", "<p>In [Gaza|places/gaza] Ceasefire talks.</p>"),
    ("*Gaza* Ceasefire talks.", "<p><em>[Gaza|places/gaza]</em> Ceasefire talks.</p>"),
    ("They met.Ceasefire", "<p>They met.Ceasefire</p>"),
], ids=["paragraph start", "after a full stop", "inside opening quotes", "after a heading",
        "list item", "inside emphasis at the start", "capital and plural",
        "not mid-sentence", "not after a name", "not after an element", "needs a space"])
def test_a_lowercase_term_matches_capitalised_at_a_sentence_start(text, html):
    assert to_html(text) == html


@pytest.mark.parametrize(("text", "html"), [
    ("[Gaza](@none) and Gaza.",
     '<p><span class="mg-nolink">Gaza</span> and [Gaza|places/gaza].</p>'),
    ("The [Gaza Strip](@none) coast.",
     '<p>The <span class="mg-nolink">Gaza Strip</span> coast.</p>'),
    ("The [hostages](@none) and hostages.",
     '<p>The <span class="mg-nolink">hostages</span> and [hostages|terms/hostage].</p>'),
], ids=["one use kept plain", "no shorter name inside", "a plural"])
def test_an_editor_keeps_a_name_from_being_marked_with_at_none(text, html):
    assert to_html(text) == html


@pytest.mark.parametrize(("text", "html"), [
    ("Gaza and Hamas.", "<p>Gaza and [Hamas|organizations/hamas].</p>"),
    ("The Gaza Strip.", "<p>The Gaza Strip.</p>"),
    ("[the Strip](@places/gaza) and Hamas.",
     "<p><span>the Strip</span> and [Hamas|organizations/hamas].</p>"),
], ids=["own name plain", "no shorter name inside it", "explicit mention of itself"])
def test_a_page_does_not_link_the_entries_it_leaves_unlinked(text, html):
    assert to_html(text, unlinked=frozenset({"places/gaza"})) == html


def test_text_is_not_a_sentence_start_unless_the_caller_says_so():
    assert linked("Ceasefire talks", at_start=False) == []
    assert linked("Ceasefire talks", at_start=True) == [("Ceasefire", "terms/ceasefire")]


def test_an_alias_the_editor_wrote_capitalised_matches_anywhere():
    linker = build_linker({"ceasefire": ["terms/ceasefire"], "Ceasefire": ["terms/ceasefire"]})
    assert [m.key for m in linker.find("The Ceasefire held.")] == ["terms/ceasefire"]


def test_a_plural_two_entries_would_share_links_neither():
    linker = build_linker({"box": ["terms/box"], "boxe": ["terms/boxe"]})
    assert linker.find("the boxes") == []
    assert [m.key for m in linker.find("a box and a boxe")] == ["terms/box", "terms/boxe"]


def test_another_language_gets_no_english_plurals():
    linker = build_linker({"rehén": ["terms/hostage"]}, language="es")
    assert linker.find("los rehéns") == []
    assert "Rehén" in linker.forms
