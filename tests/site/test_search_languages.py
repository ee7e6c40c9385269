"""The site search lists each entry once, in the site's language (issue 14).

An entry has a page per language its articles are written in (`people/x/` and
`es/people/x/`). Where two of them would show the same title, the search index
keeps the one in the site's `theme.language`; a page whose title differs
(`Puerto Luna` beside `Port Lune`) stays findable by that name, and the glossary
is indexed once. Fixture: tests/fixtures/versions (an English site with a Spanish
version), built as it is and with `theme.language: es`.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import yaml

from tests.conftest import FIXTURES, build, copy_project


def index_of(built) -> dict[str, str]:
    """Page-level search entries (no `#section`): location → title."""
    docs = json.loads((built.site / "search/search_index.json").read_text("utf-8"))["docs"]
    return {d["location"]: d["title"] for d in docs if "#" not in d["location"]}


@pytest.fixture(scope="module")
def english(tmp_path_factory):
    built = build(FIXTURES / "versions", tmp_path_factory.mktemp("search-en"))
    assert built.returncode == 0, built.stderr
    return index_of(built)


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    root = copy_project(FIXTURES / "versions", tmp_path_factory.mktemp("search-es") / "src")
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["theme"]["language"] = "es"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), "utf-8")
    built = build(root, root.parent)
    assert built.returncode == 0, built.stderr
    return index_of(built)


@pytest.mark.parametrize("site", ["english", "spanish"])
def test_no_two_search_hits_share_a_title(site, request):
    titles = Counter(request.getfixturevalue(site).values())
    assert [t for t, n in titles.items() if n > 1] == []


@pytest.mark.parametrize(("site", "kept", "left_out"), [
    ("english", "people/ada-moreau/", "es/people/ada-moreau/"),
    ("english", "places/united-states/", "es/places/united-states/"),
    ("english", "glossary/", "es/glossary/"),
    ("spanish", "es/people/ada-moreau/", "people/ada-moreau/"),
    ("spanish", "es/places/united-states/", "places/united-states/"),
    ("spanish", "es/glossary/", "glossary/"),
])
def test_an_entrys_twin_pages_are_indexed_once_in_the_sites_language(site, kept, left_out,
                                                                     request):
    index = request.getfixturevalue(site)
    assert kept in index
    assert left_out not in index


@pytest.mark.parametrize("site", ["english", "spanish"])
@pytest.mark.parametrize(("location", "title"), [
    ("places/port-lune/", "Port Lune"),
    ("es/places/port-lune/", "Puerto Luna"),
])
def test_a_page_with_its_own_title_stays_findable(site, location, title, request):
    assert request.getfixturevalue(site).get(location) == title


@pytest.mark.parametrize("location", ["articles/harbour-es/", "articles/harbour-es/quiz/",
                                      "lessons/harbour-es/", "articles/harbour/"])
def test_every_version_and_its_lesson_pages_are_indexed(english, location):
    assert location in english
