"""The seed site: every person, place and organization of the Cairo article is marked,
carded and paged, with the content rules of the glossary (as of, sources)."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from tests.conftest import REPO, build, copy_project

ARTICLE = "articles/ceasefire-talks-cairo/"
ENTITY_FOLDERS = {"people", "places", "organizations", "terms", "events"}
SEED_ENTITIES = [
    "people/antony-blinken", "people/benjamin-netanyahu", "people/william-burns",
    "places/gaza-strip", "places/rafah", "places/cairo", "places/israel", "places/egypt",
    "places/qatar", "places/united-states", "organizations/hamas", "organizations/cia",
    "terms/palestinians", "terms/ceasefire", "terms/hostage", "terms/mediator",
    "terms/delegation", "events/october-7-attack", "events/november-2023-truce",
]


@pytest.fixture(scope="module")
def article(seed_site):
    return lxml_html.fromstring(seed_site.html(ARTICLE))


@pytest.mark.parametrize("key", SEED_ENTITIES)
def test_each_seed_entity_is_marked_carded_and_paged(seed_site, article, key):
    assert article.xpath(f'//a[contains(@class,"mg-mention")][@data-entity="{key}"]')
    anchor = "ctx-" + key.replace("/", "-")
    assert article.xpath(f'//aside[contains(@class,"mg-context")]'
                         f'/section[@id="{anchor}"][@data-entity="{key}"]')
    page = lxml_html.fromstring(seed_site.html(key + "/"))
    assert page.xpath(f'//article[contains(@class,"mg-entity")][@data-entity="{key}"]')
    assert page.xpath('//ul[contains(@class,"mg-backlinks")]/li')


def test_israels_with_a_curly_apostrophe_marks_israel(article):
    israel = article.xpath('//a[@data-entity="places/israel"]')
    assert any(a.text == "Israel" and (a.tail or "").startswith("’s") for a in israel)


def test_the_lowercase_word_us_would_not_mark_the_united_states(tmp_path):
    project = copy_project(REPO, tmp_path / "src")
    article_md = project / "docs" / "articles" / "ceasefire-talks-cairo.md"
    article_md.write_text(article_md.read_text(encoding="utf-8")
                          + "\nLet us hope the US keeps talking.\n", encoding="utf-8")
    rebuilt = build(project, tmp_path / "again")
    assert rebuilt.returncode == 0, rebuilt.stderr
    doc = lxml_html.fromstring(rebuilt.html(ARTICLE))
    last = doc.xpath('//div[contains(@class,"mg-article")]/p[not(@class)][last()]')[0]
    assert last.text_content() == "Let us hope the US keeps talking."
    assert [a.text for a in last.xpath(".//a")] == ["US"]


def test_every_card_says_as_of_the_article_date(article):
    dates = article.xpath('//section[contains(@class,"mg-card")]'
                          '//p[@class="mg-card__meta"]/time/@datetime')
    assert dates and set(dates) == {"2024-05-04"}


def test_the_article_text_is_the_seed_text_unchanged(article):
    seed = (REPO.parent / "shared" / "seed" / "article.txt").read_text(encoding="utf-8")
    paragraphs = [p.text_content() for p in
                  article.xpath('//div[contains(@class,"mg-article")]/p[not(@class)]')]
    assert paragraphs == [line for line in seed.strip().split("\n") if line.strip()]


def _search_docs(built) -> list[dict]:
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    return index["docs"]


def test_search_finds_an_entry_on_its_pages_not_in_every_articles_sidebar(seed_site):
    # Cards repeat their entity page; indexed on each article as well, every
    # entry would come back once per article that mentions it.
    summary_start = "Antony Blinken is the 71st Secretary of State"
    docs = _search_docs(seed_site)
    holding = {d["location"].split("#")[0] for d in docs if summary_start in d["text"]}
    assert holding == {"people/antony-blinken/", "glossary/"}
    article = [d for d in docs if d["location"].startswith(ARTICLE)
               and "/quiz/" not in d["location"]]
    assert article and not any("Who and what" in d["title"] + d["text"] for d in article)
    assert any("talks resuming in" in d["text"] for d in article)


def test_search_finds_a_sentence_on_its_article_not_on_the_entry_pages_quoting_it(seed_site):
    sentence = "emphasized the necessity of a"
    entity = seed_site.html("people/antony-blinken/")
    assert sentence in entity  # the backlink quotes it on the page…
    holding = {d["location"].split("#")[0] for d in _search_docs(seed_site)
               if sentence in d["text"]}
    assert ARTICLE in holding  # …but search sends readers to the article
    assert not [loc for loc in holding if loc.split("/")[0] in ENTITY_FOLDERS]


def test_search_finds_a_quiz_by_its_questions_without_giving_away_answers(seed_site):
    quiz = [d for d in _search_docs(seed_site) if d["location"].startswith(f"{ARTICLE}quiz/")]
    text = " ".join(d["text"] for d in quiz)
    assert "Where did the talks" in text or "Question 1." in text
    for giveaway in ("Correct.", "Answer:", "Show this passage in the article",
                     "Choose a match"):
        assert giveaway not in text


@pytest.mark.parametrize(("here", "there"), [
    ("ceasefire-talks-cairo", "ceasefire-takes-effect"),
    ("ceasefire-takes-effect", "ceasefire-talks-cairo"),
])
def test_the_two_seed_articles_link_to_each_other_as_one_story(seed_site, here, there):
    doc = lxml_html.fromstring(seed_site.html(f"articles/{here}/"))
    assert doc.xpath('//p[contains(@class,"mg-story")]//a/@href') == [f"../{there}/"]


def test_an_older_seed_card_points_to_what_changed_since(article):
    later = article.xpath('//section[@data-entity="people/antony-blinken"]'
                          '//p[@class="mg-later"]')
    assert len(later) == 1
    assert "Former United States Secretary of State" in later[0].text_content()
