"""Page URLs and the relative links between pages, as exact input → output tables.

Every link Marginalia writes is relative, so a site works from a sub-path and
from `file://` (the zip build), where `/people/x/` would point at the root of
the disk. Each row is one case a built page depends on.
"""

from __future__ import annotations

import posixpath

import pytest

from marginalia.render.urls import Urls, page_url, relative


@pytest.mark.parametrize(("src_path", "directory_urls", "url"), [
    ("index.md", True, ""),
    ("index.md", False, "index.html"),
    ("people/antony-blinken.md", True, "people/antony-blinken/"),
    ("people/antony-blinken.md", False, "people/antony-blinken.html"),
    ("glossary.md", True, "glossary/"),
    ("articles/talks.md", True, "articles/talks/"),
    ("articles/talks/quiz.md", True, "articles/talks/quiz/"),
    ("articles/talks/quiz.md", False, "articles/talks/quiz.html"),
    ("lessons/talks/worksheet.md", True, "lessons/talks/worksheet/"),
    ("about/index.md", True, "about/"),
    ("about/index.md", False, "about/index.html"),
])
def test_page_url(src_path, directory_urls, url):
    assert page_url(src_path, directory_urls) == url


@pytest.mark.parametrize(("from_url", "to_url", "href"), [
    # directory URLs: a page is a folder, so its own depth counts
    ("articles/talks/", "people/antony-blinken/", "../../people/antony-blinken/"),
    ("people/antony-blinken/", "articles/talks/", "../../articles/talks/"),
    ("people/antony-blinken/", "people/hamas/", "../hamas/"),
    ("people/antony-blinken/", "glossary/", "../../glossary/"),
    ("articles/talks/", "articles/talks/quiz/", "quiz/"),
    ("articles/talks/quiz/", "articles/talks/", "../"),
    ("lessons/talks/", "lessons/talks/worksheet/", "worksheet/"),
    ("lessons/talks/", "lessons/talks/exports/talks-gift.txt", "exports/talks-gift.txt"),
    ("lessons/talks/worksheet/", "lessons/talks/", "../"),
    ("glossary/", "glossary/", "./"),
    # the home page is the root: "" on both sides
    ("", "articles/talks/", "articles/talks/"),
    ("", "", "./"),
    ("articles/talks/", "", "../../"),
    # .html URLs (use_directory_urls: false): a page is a file in its folder
    ("articles/talks.html", "people/antony-blinken.html", "../people/antony-blinken.html"),
    ("people/antony-blinken.html", "people/hamas.html", "hamas.html"),
    ("index.html", "glossary.html", "glossary.html"),
    ("articles/talks/quiz.html", "articles/talks.html", "../talks.html"),
    ("lessons/talks.html", "lessons/talks/worksheet.html", "talks/worksheet.html"),
])
def test_relative_link(from_url, to_url, href):
    assert relative(from_url, to_url) == href


@pytest.mark.parametrize("from_url", ["", "articles/talks/", "people/antony-blinken/",
                                      "articles/talks/quiz/", "lessons/talks/worksheet/"])
@pytest.mark.parametrize("to_url", ["", "glossary/", "people/hamas/", "articles/talks/quiz/"])
def test_a_relative_link_resolves_to_its_target(from_url, to_url):
    # What a browser does with the href, from the folder of the page that holds it.
    resolved = posixpath.normpath(posixpath.join(from_url or ".", relative(from_url, to_url)))
    assert resolved == (posixpath.normpath(to_url) if to_url else ".")


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (True, ("people/hamas/", "articles/talks/", "articles/talks/quiz/", "lessons/talks/",
            "glossary/")),
    (False, ("people/hamas.html", "articles/talks.html", "articles/talks/quiz.html",
             "lessons/talks.html", "glossary.html")),
])
def test_urls_of_each_page_kind(directory_urls, expected):
    urls = Urls(directory_urls)
    assert (urls.entity("people/hamas"), urls.article("talks"), urls.quiz("talks"),
            urls.lesson("talks"), urls.glossary()) == expected
