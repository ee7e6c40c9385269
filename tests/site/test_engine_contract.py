"""The HTML contract of DESIGN §5, held by the seed site whichever engine builds it.

Every test here runs for MkDocs, ProperDocs (the plugin unchanged, through
ProperDocs' own command) and Zensical (our plugin-free adapter). What differs
between engines is marked where it is tested, with the reason:

- the search index: MkDocs and ProperDocs write `search/search_index.json`,
  Zensical `search.json`, each in its own shape (the theme's JavaScript reads it);
- the teacher edition: our CLI chooses it for MkDocs and Zensical; ProperDocs
  builds what mkdocs.yml says, so it is given the edition there.
"""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html

from marginalia.site_files import ASSETS
from tests.conftest import REPO, Built
from tests.site.engines import ENGINES, build_with

ARTICLE = "articles/ceasefire-talks-cairo/"
LATER_ARTICLE = "articles/ceasefire-takes-effect/"
QUIZ = "articles/ceasefire-talks-cairo/quiz/"
LESSON = "lessons/ceasefire-talks-cairo/"


@pytest.fixture(scope="module", params=ENGINES)
def site(request, tmp_path_factory) -> Built:
    built = build_with(request.param, REPO, tmp_path_factory.mktemp(f"seed-{request.param}"))
    assert built.returncode == 0, built.stderr
    built.engine = request.param  # type: ignore[attr-defined]
    return built


def page(site: Built, url: str):
    return lxml_html.fromstring(site.html(url))


def mentions(doc, key: str | None = None):
    path = '//a[contains(concat(" ", @class, " "), " mg-mention ")]'
    return doc.xpath(path + (f'[@data-entity="{key}"]' if key else ""))


def test_mentions_carry_the_contract_markup(site):
    doc = page(site, ARTICLE)
    found = mentions(doc)
    assert len({m.get("data-entity") for m in found}) >= 15
    for m in found:
        key = m.get("data-entity")
        assert m.get("href") == "#ctx-" + key.replace("/", "-")
    firsts = [m for m in found if "mg-first" in m.get("class").split()]
    assert [m.get("id") for m in firsts] == [
        "mention-" + m.get("data-entity").replace("/", "-") for m in firsts]


def test_the_sidebar_holds_one_card_per_entity_in_order_of_first_mention(site):
    doc = page(site, ARTICLE)
    (aside,) = doc.xpath('//aside[contains(@class, "mg-context")]')
    cards = aside.xpath('./section[contains(@class, "mg-card")]')
    order = list(dict.fromkeys(m.get("data-entity") for m in mentions(doc)))
    assert [c.get("data-entity") for c in cards] == order
    for card in cards:
        key = card.get("data-entity")
        assert card.get("id") == "ctx-" + key.replace("/", "-")
        assert card.xpath(f'.//a[@href="../../{key}/"]'), key


def test_every_card_leads_to_an_entity_page_with_backlink_sentences(site):
    for key in [c.get("data-entity") for c in page(site, ARTICLE).xpath(
            '//section[contains(@class, "mg-card")]')]:
        doc = page(site, key + "/")
        assert doc.xpath(f'//article[contains(@class,"mg-entity")][@data-entity="{key}"]')
        items = doc.xpath('//ul[contains(@class,"mg-backlinks")]/li')
        assert items, key
        assert all(li.xpath(".//blockquote")[0].text_content().strip() for li in items), key


def test_the_glossary_lists_every_entry_with_its_summary(site):
    doc = page(site, "glossary/")
    names = doc.xpath("//dl/dt/a")
    assert len(names) >= 19
    assert all(dd.text_content().strip() for dd in doc.xpath("//dl/dd"))
    for link in names:
        assert (site.site / "glossary" / link.get("href") / "index.html").resolve().is_file()


def test_the_quiz_is_a_form_of_fieldsets_with_feedback_linking_to_evidence(site):
    doc = page(site, QUIZ)
    (form,) = doc.xpath('//form[contains(@class,"mg-quiz")]')
    assert form.get("data-quiz") == "ceasefire-talks-cairo"
    questions = form.xpath('.//fieldset[contains(@class,"mg-question")]')
    assert questions and all(q.get("data-question") and q.get("data-type") for q in questions)
    article = page(site, ARTICLE)
    feedbacks = form.xpath('.//div[contains(concat(" ", @class, " "), " mg-feedback ")]')
    assert all(f.get("role") == "status" for f in feedbacks)
    evidence = [h for f in feedbacks for h in f.xpath('.//a[contains(@href,"#ev-")]/@href')]
    assert evidence
    for href in evidence:
        assert href.startswith("../"), href  # the article, one level up
        (mark,) = article.xpath(f'//*[@id="{href.split("#", 1)[1]}"]')
        assert mark.tag == "mark" and "mg-evidence" in mark.get("class")


def test_the_lesson_page_is_the_students(site):
    doc = page(site, LESSON)
    (lesson,) = doc.xpath('//article[contains(@class,"mg-lesson")]')
    assert lesson.get("data-lesson") == "ceasefire-talks-cairo"
    assert not doc.xpath('//*[contains(concat(" ", @class, " "), " mg-teacher ")]')


def test_an_older_card_points_to_what_changed_and_the_entity_page_has_a_timeline(site):
    doc = page(site, ARTICLE)
    later = doc.xpath('//section[contains(@class,"mg-card")]//p[contains(@class,"mg-later")]')
    assert later
    entity = page(site, "people/antony-blinken/")
    dates = [li.xpath(".//time/@datetime")[0]
             for li in entity.xpath('//ol[contains(@class,"mg-timeline")]/li')]
    assert len(dates) >= 2


def test_articles_offer_listening_provenance_and_reader_settings(site):
    doc = page(site, LATER_ARTICLE)
    assert doc.xpath('//button[contains(@class,"mg-listen")]')
    assert doc.xpath('//p[contains(@class,"mg-provenance")]')
    for url in (ARTICLE, "glossary/", QUIZ, LESSON, "people/antony-blinken/"):
        assert page(site, url).xpath('//div[contains(@class,"mg-settings")]'), url


def test_every_page_loads_our_assets_and_nothing_from_other_sites(site):
    doc = page(site, ARTICLE)
    urls = doc.xpath("//link[not(@rel='canonical')]/@href | //script/@src | //img/@src"
                     " | //iframe/@src")
    for name in ASSETS:
        (href,) = [u for u in urls if u.split("?")[0].endswith(f"assets/marginalia/{name}")]
        assert (site.site / "articles" / "ceasefire-talks-cairo" / href.split("?")[0]
                ).resolve().is_file(), name
    assert not [u for u in urls if re.match(r"(https?:)?//", u)]


def test_the_home_page_lists_every_article(site):
    links = page(site, "").xpath('//ul[contains(@class,"mg-article-list")]//a/@href')
    assert {"articles/ceasefire-talks-cairo/", "articles/ceasefire-takes-effect/"} <= set(links)


def test_the_navigation_lists_the_glossary_and_lessons_but_no_entity_page(site):
    nav = page(site, ARTICLE).xpath('//nav[contains(@class,"md-nav--primary")]//a/@href')
    assert any("glossary/" in href for href in nav), nav
    assert any("lessons/" in href for href in nav), nav
    assert not [h for h in nav if re.search(r"(^|/)(people|places|organizations)/", h)], nav


def test_the_build_writes_nothing_into_the_sources(site):
    docs = sorted(str(p.relative_to(site.project)) for p in (site.project / "docs").rglob("*"))
    assert docs == sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").rglob("*"))
    assert not (site.project / "site").exists()


def _search_locations(site: Built) -> set[str]:
    """Engine-specific: each engine writes its own search index for its theme's script."""
    if site.engine == "zensical":  # type: ignore[attr-defined]
        items = json.loads((site.site / "search.json").read_text())["items"]
    else:
        items = json.loads((site.site / "search" / "search_index.json").read_text())["docs"]
    return {item["location"] for item in items}


def test_generated_pages_are_in_the_search_index(site):
    locations = _search_locations(site)
    assert {"glossary/", "people/antony-blinken/", QUIZ} <= locations


@pytest.fixture(scope="module", params=ENGINES)
def teacher_site(request, tmp_path_factory) -> Built:
    engine = request.param
    dest = tmp_path_factory.mktemp(f"seed-teacher-{engine}")
    if engine == "properdocs":  # engine-specific: ProperDocs builds the config's edition
        built = build_with(engine, REPO, dest / "pre")
        config = built.project / "mkdocs.yml"
        config.write_text(config.read_text().replace("edition: student", "edition: teacher"))
        built = build_with(engine, built.project, dest / "teacher")
    else:
        built = build_with(engine, REPO, dest, "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


def test_the_teacher_lesson_page_has_teacher_parts_and_its_files(teacher_site):
    doc = page(teacher_site, LESSON)
    assert doc.xpath('//*[contains(concat(" ", @class, " "), " mg-teacher ")]')
    files = [h for h in doc.xpath("//a/@href") if "exports/" in h]
    assert files
    for href in files:
        assert (teacher_site.site / LESSON / href).resolve().is_file(), href


def test_zensical_refuses_invalid_sources_with_every_error_and_writes_nothing(tmp_path):
    from tests.conftest import copy_project, run_cli

    project = copy_project(REPO, tmp_path / "project")
    people = project / "annotations" / "people.yml"
    people.write_text(people.read_text().replace("summary:", "sumary:", 1))
    site = tmp_path / "out-site"
    site.mkdir()
    (site / "old.html").write_text("previous site")
    result = run_cli(project, "build", "--engine", "zensical", "-d", str(site))
    assert result.returncode == 1
    assert "annotations/people.yml:" in result.stderr and "sumary" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["old.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


SPANISH = "articles/ceasefire-talks-cairo-es/"


@pytest.mark.parametrize(("url", "lang"), [
    (ARTICLE, "en"),
    (SPANISH, "es"),
    (SPANISH + "quiz/", "es"),
    ("es/places/cairo/", "es"),
    ("places/cairo/", "en"),
])
def test_a_page_declares_its_own_language_on_the_html_element(site, url, lang):
    assert page(site, url).get("lang") == lang


def test_the_theme_speaks_a_spanish_pages_language(site):
    def words(doc):
        return (" ".join(doc.xpath('string(//a[@class="md-skip"])').split()),
                doc.xpath('string(//button[@class="mg-settings__button"])'))

    (skip_en, settings_en), (skip_es, settings_es) = words(page(site, ARTICLE)), words(
        page(site, SPANISH))
    assert (settings_en, settings_es) == ("Reading settings", "Opciones de lectura")
    assert skip_es and skip_es != skip_en
