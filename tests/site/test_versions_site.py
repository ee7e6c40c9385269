"""Versions of a story and entries in other languages, on the HTML contract
(DESIGN §5 "versions of a story", §3 translations), built from tests/fixtures/versions:
an English original, an easier English version (level 1) and a Spanish version."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build

EN, EASY, ES = "articles/harbour/", "articles/harbour-level-1/", "articles/harbour-es/"
NAV = '//nav[@class="mg-versions"]'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build(FIXTURES / "versions", tmp_path_factory.mktemp("versions"))
    assert built.returncode == 0, built.stderr
    return built


def page(site, url):
    return lxml_html.fromstring(site.html(url))


def card(site, url, key):
    return page(site, url).xpath(f'//section[@class="mg-card"][@data-entity="{key}"]')[0]


@pytest.mark.parametrize(("url", "hrefs"), [
    (EN, ["./", "../harbour-level-1/", "../harbour-es/"]),
    (EASY, ["../harbour/", "./", "../harbour-es/"]),
    (ES, ["../harbour/", "../harbour-level-1/", "./"]),
])
def test_every_version_links_all_versions_original_first(site, url, hrefs):
    assert page(site, url).xpath(NAV + "//a/@href") == hrefs


@pytest.mark.parametrize(("url", "current"), [(EN, 0), (EASY, 1), (ES, 2)])
def test_the_current_version_is_marked(site, url, current):
    links = page(site, url).xpath(NAV + "//a")
    assert [a.get("aria-current") for a in links] == \
        ["page" if i == current else None for i in range(3)]


def test_language_links_name_the_language_in_itself_with_hreflang(site):
    links = page(site, EN).xpath(NAV + "//a")
    assert [(a.get("hreflang"), a.xpath("string(*[@lang]/@lang)")) for a in links] == \
        [("en", "en"), ("en", "en"), ("es", "es")]
    assert links[2].text_content().startswith("Español")
    assert links[0].text_content().startswith("English")


def test_level_links_carry_their_level_and_measured_grade(site):
    links = page(site, EN).xpath(NAV + "//a")
    assert [a.get("data-level") for a in links] == [None, "1", None]
    assert "Level 1" in links[1].text_content()
    assert "(grade " in links[1].text_content()
    assert "(INFLESZ " in links[2].text_content()


def test_a_story_of_one_article_has_no_versions_menu(tmp_path):
    built = build(FIXTURES / "story-over-time", tmp_path)
    assert built.returncode == 0, built.stderr
    assert not lxml_html.fromstring(built.html("articles/port-opens/")).xpath(NAV)


@pytest.mark.parametrize(("url", "alternates"), [
    (EN, [("es", "../harbour-es/")]),
    (EASY, [("es", "../harbour-es/")]),
    (ES, [("en", "../harbour/")]),
])
def test_the_head_names_the_story_in_other_languages(site, url, alternates):
    links = page(site, url).xpath('//head/link[@rel="alternate"][@hreflang]')
    assert [(a.get("hreflang"), a.get("href")) for a in links] == alternates


@pytest.mark.parametrize(("url", "lang"), [(ES, "es"), (EN, None), (EASY, None)])
def test_the_content_of_a_page_in_another_language_says_so(site, url, lang):
    assert page(site, url).xpath('//div[@class="mg-layout"]/@lang') == \
        ([lang] if lang else [])


def test_the_spanish_quiz_and_lesson_are_in_spanish(site):
    assert page(site, "articles/harbour-es/quiz/").xpath(
        '//div[@class="mg-quiz-page"]/@lang') == ["es"]
    assert page(site, "lessons/harbour-es/").xpath('//article[@class="mg-lesson"]/@lang') \
        == ["es"]


def test_spanish_short_answers_are_graded_in_spanish(site):
    data = json.loads(page(site, "articles/harbour-es/quiz/").xpath(
        '//script[@class="mg-quiz-data"]')[0].text)
    assert data["questions"]["donde"]["lang"] == "es"


def test_a_spanish_card_uses_the_translation_and_marks_the_fallback(site):
    place = card(site, ES, "places/port-lune")
    assert place.xpath('string(.//h3/a)') == "Puerto Luna"
    assert place.xpath('.//h3/a/@lang') == []
    assert place.xpath('.//div[@class="mg-card__summary"]/@lang') == []
    role = place.xpath('.//p[@class="mg-card__role"]/span[@dir="auto"]')[0]
    assert (role.text, role.get("lang")) == ("Harbour city of the fictional Coastland", "en")


def test_a_dated_versions_translation_speaks_for_its_date(site):
    person = card(site, ES, "people/ada-moreau")
    assert "desde marzo de 2022" in person.xpath('string(.//div[@class="mg-card__summary"])')
    assert person.xpath('string(.//p[@class="mg-card__role"]/span[@dir="auto"])') == \
        "Ministra de Puertos"


def test_an_untranslated_entry_is_all_marked_english(site):
    us = card(site, ES, "places/united-states")
    assert us.xpath('.//h3/a/@lang') == ["en"]
    assert us.xpath('.//div[@class="mg-card__summary"]/@lang') == ["en"]


def test_english_cards_carry_no_language_marks(site):
    assert not page(site, EN).xpath('//section[@class="mg-card"]//*[@lang]')


@pytest.mark.parametrize(("url", "linked"), [
    (ES, True),   # "Estados Unidos" is a Spanish alias
    (EN, False),  # the same words in an English article stay text
])
def test_spanish_aliases_link_only_in_spanish_articles(site, url, linked):
    texts = page(site, url).xpath('//a[@data-entity="places/united-states"]/text()')
    assert ("Estados Unidos" in texts) is linked


def test_a_spanish_pages_cards_lead_to_spanish_entity_pages(site):
    href = card(site, ES, "places/port-lune").xpath('.//h3/a/@href')[0]
    assert href == "../../es/places/port-lune/"
    entity = page(site, "es/places/port-lune/")
    assert entity.xpath('//article[@class="mg-entity"]/@lang') == ["es"]
    assert entity.xpath('string(//article[@class="mg-entity"]/h1)') == "Puerto Luna"
    assert entity.xpath('//p[@class="mg-entity__role"]/span/@lang') == ["en"]


def test_the_english_entity_page_stays_english(site):
    entity = page(site, "places/port-lune/")
    assert entity.xpath('string(//article[@class="mg-entity"]/h1)') == "Port Lune"
    assert not entity.xpath('//article[@class="mg-entity"]/@lang')


def test_the_spanish_glossary_lists_spanish_names(site):
    glossary = page(site, "es/glossary/")
    assert glossary.xpath('//div[@class="mg-glossary"]/@lang') == ["es"]
    names = glossary.xpath('//dl[@class="mg-glossary__entries"]/dt/a/text()')
    assert "Puerto Luna" in names and "Port Lune" not in names


def test_the_spanish_glossary_is_titled_in_spanish(site):
    glossary = page(site, "es/glossary/")
    assert glossary.xpath("string(//title)").startswith("Glosario (Español)")


def test_spanish_lesson_vocabulary_is_spanish_with_marked_fallbacks(site):
    lesson = page(site, "lessons/harbour-es/")
    vocab = lesson.xpath('//section[contains(@class, "mg-vocab")]')
    assert [v.xpath('string(.//h3/a)') for v in vocab] == ["Puerto Luna", "United States"]
    assert vocab[1].xpath('.//h3/a/@lang') == ["en"]
    assert lesson.xpath('string(//section[@class="mg-reading-level"]//dt)') == \
        "INFLESZ (Szigriszt-Pazos)"
    assert lesson.xpath('//section[@class="mg-reading-level"]//nav[@class="mg-versions"]')


@pytest.mark.parametrize(("url", "label"), [
    ("es/places/port-lune/", "Also called"), ("es/places/port-lune/", "Country")])
def test_fields_no_translation_gives_are_marked_in_the_entrys_language(site, url, label):
    """Aliases and facts (a place's country) are the entry's own on every page: on a
    Spanish page, a screen reader must read them in English."""
    from marginalia.render.i18n import gettext

    dd = page(site, url).xpath(f'//dl[@class="mg-facts"]/dt[.="{gettext("es", label)}"]'
                               '/following-sibling::dd[1]')[0]
    assert dd.get("lang") == "en"


def test_the_english_entity_page_marks_no_fact(site):
    assert not page(site, "places/port-lune/").xpath('//dl[@class="mg-facts"]//@lang')


@pytest.mark.parametrize(("url", "marked"), [
    # An entity page in one language quotes articles in others: each quotation and
    # title carries its article's language, its own language's need none.
    ("places/port-lune/", {"harbour": None, "harbour-level-1": None, "harbour-es": "es"}),
    ("es/places/port-lune/", {"harbour": "en", "harbour-level-1": "en", "harbour-es": None}),
])
def test_backlinks_carry_their_articles_language(site, url, marked):
    found = {}
    for item in page(site, url).xpath('//ul[@class="mg-backlinks"]/li'):
        (link,) = item.xpath("./a")
        slug = link.get("href").split("/articles/")[1].split("/")[0]
        quote = item.xpath("./blockquote")[0]
        assert quote.get("lang") == link.get("lang"), slug
        found[slug] = link.get("lang")
    assert found == marked
