"""The measured reading levels that `nav.mg-versions` and the lesson page add are our
words, in the page's language (DESIGN §5 "versions of a story"): its decimal separator
(`51,6` on a Spanish page, `12.2` on an English one) and its `lang`, never the `lang`
of the version the link names. Built from the seed (the Cairo talks, in English, easier
English and Spanish) and tests/fixtures/versions (which has a Spanish lesson)."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build

SEED_EN, SEED_ES = "articles/ceasefire-talks-cairo/", "articles/ceasefire-talks-cairo-es/"
FIX_EN, FIX_ES = "articles/harbour/", "articles/harbour-es/"
NAV = '//nav[@class="mg-versions"]'
MEASURE = NAV + '//span[@class="mg-versions__measure"]'
FIGURE = re.compile(r"\d+[.,]\d+")


@pytest.fixture(scope="module")
def versions_site(tmp_path_factory):
    built = build(FIXTURES / "versions", tmp_path_factory.mktemp("version-labels"))
    assert built.returncode == 0, built.stderr
    return built


def page(request, site: str, url: str):
    return lxml_html.fromstring(request.getfixturevalue(site).html(url))


def figures(texts: list[str]) -> list[str]:
    found = [n for text in texts for n in FIGURE.findall(text)]
    assert found, texts
    return found


@pytest.mark.parametrize(("site", "url", "separator"), [
    ("seed_site", SEED_EN, "."),
    ("seed_site", SEED_ES, ","),
    ("seed_site", "lessons/ceasefire-talks-cairo/", "."),
    ("versions_site", "lessons/harbour-es/", ","),
])
def test_measured_levels_in_the_versions_menu_use_the_pages_separator(
        request, site, url, separator):
    numbers = figures(page(request, site, url).xpath(MEASURE + "/text()"))
    assert all(separator in n for n in numbers), numbers


@pytest.mark.parametrize(("site", "url", "separator"), [
    ("seed_site", "lessons/ceasefire-talks-cairo/", "."),
    ("versions_site", "lessons/harbour-es/", ","),
])
def test_the_lesson_reading_level_uses_the_pages_separator(request, site, url, separator):
    level = page(request, site, url).xpath(
        'string(//section[@class="mg-reading-level"]//dd[1])')
    assert all(separator in n for n in figures([level])), level


@pytest.mark.parametrize(("site", "url", "page_lang", "other"), [
    ("seed_site", SEED_ES, "es", "en"),
    ("seed_site", SEED_EN, "en", "es"),
    ("versions_site", FIX_ES, "es", "en"),
    ("versions_site", FIX_EN, "en", "es"),
])
def test_the_measured_level_is_not_marked_as_the_versions_language(
        request, site, url, page_lang, other):
    tree = page(request, site, url)
    measures = tree.xpath(MEASURE)
    assert measures
    foreign = [e.text_content() for e in tree.xpath(NAV + f'//*[@lang="{other}"]')]
    assert [m.text_content() for m in measures
            if any(m.text_content() in text for text in foreign)] == []
    assert {m.xpath("string(ancestor-or-self::*[@lang][1]/@lang)") for m in measures} \
        == {page_lang}


@pytest.mark.parametrize(("url", "names"), [
    (SEED_ES, [("English", "en"), ("English", "en"), ("Español", "es")]),
    (SEED_EN, [("English", "en"), ("English", "en"), ("Español", "es")]),
])
def test_each_version_is_named_in_its_own_language(seed_site, url, names):
    links = lxml_html.fromstring(seed_site.html(url)).xpath(NAV + "//a")
    assert [(a.xpath("string(*[@lang])"), a.xpath("string(*[@lang]/@lang)"))
            for a in links] == names
