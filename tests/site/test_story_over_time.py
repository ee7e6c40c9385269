"""A story over time (DESIGN §3 dated versions, §5 card as of a date, timeline,
provenance): two articles a year apart, one entry whose office ended between them."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build

OLD, NEW = "articles/port-opens/", "articles/port-one-year/"
CARD = './/section[@class="mg-card"][@data-entity="people/ada-moreau"]'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    built = build(FIXTURES / "story-over-time", tmp_path_factory.mktemp("story"))
    assert built.returncode == 0, built.stderr
    return built


def page(site, url):
    return lxml_html.fromstring(site.html(url))


@pytest.mark.parametrize(("url", "role", "summary", "as_of"), [
    (OLD, "Minister of Ports", "since March 2022", "2024-05-04"),
    (NEW, "Former Minister of Ports", "until June 2024", "2025-05-04"),
])
def test_each_articles_card_shows_the_version_of_its_date(site, url, role, summary, as_of):
    card = page(site, url).xpath(CARD)[0]
    assert card.xpath('string(.//p[@class="mg-card__role"])').endswith(role)
    assert summary in card.xpath('string(.//div[@class="mg-card__summary"])')
    assert card.xpath('.//p[@class="mg-card__meta"]/time/@datetime') == [as_of]


def test_the_older_card_says_what_changed_later_and_links_to_the_timeline(site):
    later = page(site, OLD).xpath(CARD + '//p[@class="mg-later"]')
    assert len(later) == 1
    assert "Former Minister of Ports" in later[0].text_content()
    assert later[0].xpath(".//a/@href")[0].endswith("people/ada-moreau/#timeline")


def test_the_newest_card_has_no_later_note(site):
    assert page(site, NEW).xpath(CARD + '//p[@class="mg-later"]') == []


def test_an_entry_without_versions_keeps_its_own_as_of_and_no_note(site):
    card = page(site, OLD).xpath('.//section[@data-entity="people/lio-brand"]')[0]
    assert card.xpath('.//p[@class="mg-card__meta"]/time/@datetime') == ["2024-05-01"]
    assert card.xpath('.//p[@class="mg-later"]') == []


def test_the_entity_page_timeline_lists_versions_newest_first(site):
    items = page(site, "people/ada-moreau/").xpath('.//ol[@class="mg-timeline"]/li')
    assert [li.xpath("string(.//time[1]/@datetime)") for li in items] == [
        "2024-07-01", "2022-03-01"]
    assert "Former Minister of Ports" in items[0].text_content()
    assert "until June 2024" in items[0].text_content()


def test_an_entry_without_versions_has_no_timeline(site):
    assert page(site, "people/lio-brand/").xpath('.//ol[@class="mg-timeline"]') == []


def test_backlinks_run_in_date_order_with_the_role_of_each_date(site):
    items = page(site, "people/ada-moreau/").xpath('.//ul[@class="mg-backlinks"]/li')
    roles = [li.xpath('string(.//span[@class="mg-backlinks__role"])') for li in items]
    assert [li.xpath("string(.//time/@datetime)") for li in items] == [
        "2025-05-04", "2024-05-04"]
    assert roles == ["Ada Moreau then: Former Minister of Ports",
                     "Ada Moreau then: Minister of Ports"]


def test_the_stale_card_warning_names_the_article_and_entry(site):
    assert "people/lio-brand" not in site.stderr  # 3 days apart: not stale


def test_the_article_carries_its_provenance(site):
    found = page(site, OLD).xpath('.//p[@class="mg-provenance"]')
    assert len(found) == 1
    text = " ".join(found[0].text_content().split())
    assert text == ("By A. Writer, B. Editor. Source: Coastland Wire. Licence: CC BY 4.0.")
    assert found[0].xpath(".//a/@href") == ["https://example.org/wire/port"]


def test_an_article_without_provenance_has_no_line(site):
    assert page(site, NEW).xpath('.//p[@class="mg-provenance"]') == []
