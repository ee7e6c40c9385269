"""A real MkDocs build of an article and glossary the toolkit has never seen (the
newsroom fixture), asserted against the HTML contract of DESIGN.md §5."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build

ARTICLE = "articles/juice-launch/"


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    built = build(FIXTURES / "newsroom", tmp_path_factory.mktemp("newsroom"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def article(newsroom):
    return lxml_html.fromstring(newsroom.html(ARTICLE))


def mentions(doc, key=None):
    path = './/a[contains(concat(" ", @class, " "), " mg-mention ")]'
    if key:
        path += f'[@data-entity="{key}"]'
    return doc.xpath(path)


@pytest.mark.parametrize(
    ("key", "first_text"),
    [
        ("organizations/esa", "European Space Agency"),
        ("places/kourou", "Kourou"),
        ("places/french-guiana", "French Guiana"),
        ("people/josef-aschbacher", "Josef Aschbacher"),
        ("organizations/arianespace", "Arianespace"),
    ],
)
def test_every_entity_is_marked_with_the_contract_markup(article, key, first_text):
    found = mentions(article, key)
    assert found, key
    first = found[0]
    assert first.text_content() == first_text
    assert first.get("href") == "#ctx-" + key.replace("/", "-")
    assert "mg-first" in first.get("class")
    assert all("mg-first" not in m.get("class") for m in found[1:])


def test_a_possessive_links_the_name_and_leaves_the_suffix_outside(article):
    esa = [m for m in mentions(article, "organizations/esa") if m.text_content() == "ESA"]
    assert esa[0].tail.startswith("'s Director General")


def test_nothing_is_linked_in_headings_code_or_existing_links(article):
    for el in article.xpath("//h1|//h2|//code|//a[not(contains(@class,'mg-mention'))]"):
        assert not mentions(el), lxml_html.tostring(el)


def test_an_explicit_mention_links_a_title_to_its_entry(article):
    explicit = [m for m in mentions(article, "people/josef-aschbacher")
                if m.text_content() == "the director"]
    assert explicit and "mg-explicit" in explicit[0].get("class")


def test_the_sidebar_holds_one_card_per_entity_in_order_of_first_mention(article):
    (aside,) = article.xpath('//aside[contains(@class, "mg-context")]')
    cards = aside.xpath('.//section[contains(@class, "mg-card")]')
    keys = [c.get("data-entity") for c in cards]
    order = list(dict.fromkeys(m.get("data-entity") for m in mentions(article)))
    assert keys == order
    for card in cards:
        key = card.get("data-entity")
        assert card.get("id") == "ctx-" + key.replace("/", "-")
        assert card.xpath(f'.//a[@href="../../{key}/"]'), key
        assert "As of" in card.text_content()
    assert aside.get("aria-labelledby")


def test_the_card_is_dated_as_of_the_article(article):
    card = article.get_element_by_id("ctx-places-kourou")
    assert card.xpath(".//time/@datetime") == ["2023-04-14"]


@pytest.mark.parametrize(
    "url", ["people/josef-aschbacher/", "places/kourou/", "places/french-guiana/",
            "organizations/esa/", "organizations/arianespace/"])
def test_each_entity_has_a_page_with_sources_and_a_backlink_sentence(newsroom, url):
    doc = lxml_html.fromstring(newsroom.html(url))
    (entity,) = doc.xpath('//article[contains(@class, "mg-entity")]')
    assert entity.get("data-entity") == url.rstrip("/")
    assert entity.xpath('.//ul[contains(@class,"mg-sources")]/li/a[starts-with(@href,"https://")]')
    (backlinks,) = entity.xpath('.//ul[contains(@class, "mg-backlinks")]')
    link = backlinks.xpath(".//a")[0]
    assert link.get("href").startswith("../../articles/juice-launch/#mention-")
    assert link.text_content() == "Juice sets off for Jupiter's icy moons"
    assert backlinks.xpath(".//blockquote")[0].text_content().strip()


def test_a_backlink_quotes_the_sentence_that_mentions_the_entity(newsroom):
    doc = lxml_html.fromstring(newsroom.html("organizations/arianespace/"))
    quote = doc.xpath('//ul[contains(@class,"mg-backlinks")]//blockquote')[0].text_content()
    assert quote.strip() == "Aschbacher said the team was proud; the director thanked Arianespace."


def test_the_glossary_lists_every_entry_grouped_by_type_with_summaries(newsroom):
    doc = lxml_html.fromstring(newsroom.html("glossary/"))
    assert [h.text_content() for h in doc.xpath("//section/h2")] == [
        "People", "Places", "Organizations"]
    names = [a.text_content() for a in doc.xpath("//dl/dt/a")]
    assert names == ["Josef Aschbacher", "French Guiana", "Kourou", "Arianespace",
                     "European Space Agency"]
    assert all(dd.text_content().strip() for dd in doc.xpath("//dl/dd"))


def test_the_home_page_lists_the_article(newsroom):
    doc = lxml_html.fromstring(newsroom.html(""))
    links = doc.xpath('//ul[contains(@class,"mg-article-list")]//a/@href')
    assert "articles/juice-launch/" in links


def test_generated_pages_are_in_the_search_index(newsroom):
    index = json.loads((newsroom.site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert "organizations/esa/" in locations
    esa = next(d for d in index["docs"] if d["location"] == "organizations/esa/")
    assert "No article mentions" not in esa["text"]
    assert "mg-backlinks" not in esa["text"]


def test_text_outside_mentions_is_the_article_text(newsroom, article):
    body = article.xpath('//div[contains(@class,"mg-article")]')[0]
    text = re.sub(r"\s+", " ", body.text_content())
    assert "The European Space Agency launched its Jupiter Icy Moons Explorer on Friday" in text


def test_the_build_writes_nothing_into_the_sources(newsroom):
    assert not (newsroom.project / "site").exists()
    assert sorted(p.name for p in (newsroom.project / "docs").rglob("*")) == [
        "articles", "index.md", "juice-launch.md"]
