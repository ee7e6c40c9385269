"""Names are claimed per language: a Spanish alias shared by two entries must be settled
in the Spanish articles that use it, and means nothing in English ones (DESIGN §3)."""

from __future__ import annotations

from tests.unit.test_rules_versions_of_articles import check

SHARED_ALIAS = ("annotations/places.yml", "      name: Puerto Luna\n",
                "      name: Puerto Luna\n      aliases: [Estados Unidos]\n")


def test_a_shared_spanish_alias_is_an_error_where_a_spanish_article_uses_it(tmp_path):
    messages, _ = check(tmp_path, SHARED_ALIAS)
    assert messages == [
        "docs/articles/harbour-es.md:7:75: error: 'Estados Unidos' is claimed by "
        "places/port-lune and places/united-states "
        "(fix: mark it explicitly, e.g. [Estados Unidos](@places/port-lune))"]


def test_the_same_words_in_an_english_article_are_not_a_name(tmp_path):
    # harbour.md says "Estados Unidos" too: no error points at it.
    messages, _ = check(tmp_path, SHARED_ALIAS)
    assert not [m for m in messages if m.startswith("docs/articles/harbour.md")]


def test_an_unused_shared_spanish_alias_warns_once_naming_the_language(tmp_path):
    messages, _ = check(tmp_path, SHARED_ALIAS,
                        ("docs/articles/harbour-es.md", "Estados Unidos", "EE. UU."))
    assert messages == [
        "annotations/places.yml:15:3: warning: the name 'Estados Unidos' is claimed by "
        "places/port-lune and places/united-states in articles in 'es' (fix: give each "
        "entry its own names, or settle every use with an explicit mention [text](@type/id))"]
