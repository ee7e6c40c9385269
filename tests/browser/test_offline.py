"""The zip a teacher hands out works opened from a folder, with no server at all.

`marginalia build --zip` builds the seed site for `file://` (pages end in `.html`,
the theme's offline plugin inlines the search index, our own worker shim lets
search run without a CDN) and packs it, with MkDocs or with Zensical
(`--engine zensical`). The tests unzip it and read it in real Chromium from
`file://`: navigation, cards, the quiz and search all work, and the browser asks
nothing of any server. Where the engines differ is the search index's file.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.site_pages import answer_quiz
from tests.conftest import REPO, copy_project, run_cli

SLUG = "ceasefire-talks-cairo"


SEARCH_INDEX = {"mkdocs": "search/search_index.js", "zensical": "search.js"}
"""The search index each engine inlines for file:// (a script, not a fetched JSON)."""


@dataclass
class Unzipped:
    zip_path: Path
    root: Path
    engine: str

    def url(self, path: str) -> str:
        return (self.root / path).as_uri()


@pytest.fixture(scope="module", params=list(SEARCH_INDEX))
def unzipped(request, tmp_path_factory) -> Unzipped:
    tmp = tmp_path_factory.mktemp(f"zip-{request.param}")
    project = copy_project(REPO, tmp / "project")
    result = run_cli(project, "build", "--zip", "--engine", request.param,
                     "-d", str(tmp / "handout.zip"))
    assert result.returncode == 0, result.stderr
    root = tmp / "unzipped"
    with zipfile.ZipFile(tmp / "handout.zip") as zf:
        zf.extractall(root)
    return Unzipped(tmp / "handout.zip", root, request.param)


@pytest.fixture
def reader(page):
    """A page that records every request that is not a file of the unzipped site."""
    yield page
    assert [u for u in page.requests
            if not u.startswith(("file://", "data:", "about:", "blob:"))] == []


def test_pages_are_files_ending_in_html(unzipped):
    names = set(zipfile.ZipFile(unzipped.zip_path).namelist())
    assert {"index.html", f"articles/{SLUG}.html", f"articles/{SLUG}/quiz.html",
            "glossary.html", "people/antony-blinken.html",
            SEARCH_INDEX[unzipped.engine]} <= names
    assert not any(n.endswith("/index.html") for n in names)


def test_links_lead_from_home_to_article_to_entity_page(reader, unzipped):
    reader.goto(unzipped.url("index.html"))
    reader.locator(f'a.mg-article-list__title[href*="{SLUG}"]').click()
    expect(reader).to_have_url(unzipped.url(f"articles/{SLUG}.html"))
    reader.locator('.mg-context .mg-card[data-entity="places/cairo"] .mg-card__name a').click()
    expect(reader).to_have_url(unzipped.url("places/cairo.html"))
    expect(reader.locator("article.mg-entity h1")).to_have_text("Cairo")


def test_mentions_open_previews_and_lead_to_cards(reader, unzipped):
    reader.goto(unzipped.url(f"articles/{SLUG}.html"))
    mention = reader.locator('a.mg-mention[data-entity="places/rafah"]').first
    mention.focus()
    expect(reader.locator(".mg-preview")).to_contain_text("Rafah")
    mention.click()
    expect(reader.locator("#ctx-places-rafah")).to_be_in_viewport()


def test_the_quiz_grades_answers(reader, unzipped):
    reader.goto(unzipped.url(f"articles/{SLUG}/quiz.html"))
    answer_quiz(reader)
    expect(reader.locator(".mg-feedback").first).to_be_visible()


def search(page, engine: str, words: str):
    """Type into the theme's search and return its first result: mkdocs-material has
    a box in the header; Zensical a button opening a dialog drawn in a shadow root
    (its results carry no stable class, so a result is a link naming the words)."""
    if engine == "mkdocs":
        page.locator("input.md-search__input").press_sequentially(words)
        return page.locator(".md-search-result__link").first
    page.locator("button.md-search__button").click()
    page.keyboard.type(words)
    return page.locator(f"a:has-text('{words}')").first


def test_search_finds_pages_from_the_folder(reader, unzipped):
    reader.goto(unzipped.url("index.html"))
    result = search(reader, unzipped.engine, "Blinken")
    expect(result).to_be_visible()
    assert result.get_attribute("href").startswith(unzipped.url(""))
    result.click()
    expect(reader.locator("h1")).to_be_visible()


def test_a_broken_project_writes_no_zip(tmp_path):
    project = copy_project(REPO, tmp_path / "project")
    people = project / "annotations" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("summary:", "sumary:", 1),
                      encoding="utf-8")
    result = run_cli(project, "build", "--zip")
    assert result.returncode == 1
    assert "people.yml:" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "site.zip").exists()
