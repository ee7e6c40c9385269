"""The home page lists each story once (DESIGN §3 versions of an article): a
translation or an easier level is linked under its original, not listed as an
article of its own, so a reader meets the Cairo talks once, with its versions."""

from __future__ import annotations

from lxml import html as lxml_html


def test_each_story_is_listed_once_with_its_versions_under_it(seed_site):
    home = lxml_html.fromstring(seed_site.html(""))
    titles = home.xpath('.//a[@class="mg-article-list__title"]/@href')
    assert titles == ["articles/ceasefire-takes-effect/", "articles/ceasefire-talks-cairo/"]
    (cairo,) = [li for li in home.xpath('.//li[@class="mg-article-list__item"]')
                if "ceasefire-talks-cairo/" in li.xpath("string(a/@href)")]
    versions = cairo.xpath('.//p[@class="mg-article-list__versions"]/a')
    assert [(a.get("href"), a.get("hreflang"), a.get("data-level")) for a in versions] == [
        ("articles/ceasefire-talks-cairo-level-1/", "en", "1"),
        ("articles/ceasefire-talks-cairo-es/", "es", None)]
