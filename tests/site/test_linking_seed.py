"""The seed site after DESIGN §4's linking rules: whole plurals, no entity page
linking to itself, no vocabulary prompt linking the word it asks about."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from tests.site.test_seed_site import SEED_ENTITIES

MENTION = '//a[contains(concat(" ", @class, " "), " mg-mention ")]'


@pytest.mark.parametrize("key", SEED_ENTITIES)
def test_no_entity_page_links_to_itself(seed_site, key):
    page = lxml_html.fromstring(seed_site.html(key + "/"))
    entity = page.xpath('//article[contains(@class,"mg-entity")]')[0]
    assert entity.xpath(f'.{MENTION}[@data-entity="{key}"]') == []


def test_other_entries_on_an_entity_page_are_still_linked(seed_site):
    page = lxml_html.fromstring(seed_site.html("organizations/hamas/"))
    assert page.xpath(f'{MENTION}[@data-entity="places/gaza-strip"]')


def test_the_article_links_hostages_as_one_word(seed_site):
    article = lxml_html.fromstring(seed_site.html("articles/ceasefire-talks-cairo/"))
    texts = [a.text for a in article.xpath(f'{MENTION}[@data-entity="terms/hostage"]')]
    assert "hostages" in texts
    assert not any((a.tail or "").startswith("s")
                   for a in article.xpath(f'{MENTION}[@data-entity="terms/hostage"]'))


def test_a_vocabulary_prompt_does_not_link_the_word_it_asks_about(seed_site):
    quiz = lxml_html.fromstring(seed_site.html("articles/ceasefire-talks-cairo/quiz/"))
    (question,) = quiz.xpath('//fieldset[@data-question="meaning-of-delegation"]')
    legend = question.xpath("./legend")[0]
    assert "delegation" in legend.text_content()
    assert legend.xpath(f'.{MENTION}[@data-entity="terms/delegation"]') == []
    assert legend.xpath(f'.{MENTION}[@data-entity="organizations/hamas"]')
