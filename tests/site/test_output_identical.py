"""The optimised build publishes exactly what the unoptimised one does.

`MARGINALIA_NO_CACHE=1` is the reference: every card and every summary is
rendered afresh for each page instead of being reused from the build's caches.
Both builds run the real CLI on a synthetic newsroom (tests/fixtures/synthetic-
newsroom, made by bench/corpus.py: 12 articles × 60 entries, three articles on
the same date so cached cards are reused, a page in a subfolder so relative
links differ) and must agree byte for byte on every file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from marginalia.render import NO_CACHE_ENV, Renderer
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, copy_project

CORPUS = FIXTURES / "synthetic-newsroom"


def _build(dest: Path, *, cache: bool) -> Path:
    project = copy_project(CORPUS, dest)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1714780800"}  # same sitemap date and gzip stamp
    env.pop(NO_CACHE_ENV, None)
    if not cache:
        env[NO_CACHE_ENV] = "1"
    result = subprocess.run([sys.executable, "-m", "marginalia.cli", "build", "-d", "out"],
                            cwd=project, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return project / "out"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def both(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    optimised = _files(_build(tmp_path_factory.mktemp("optimised"), cache=True))
    reference = _files(_build(tmp_path_factory.mktemp("reference"), cache=False))
    return optimised, reference


def test_both_builds_publish_the_same_files(both):
    optimised, reference = both
    assert sorted(optimised) == sorted(reference)


def test_every_file_is_byte_for_byte_the_same(both):
    optimised, reference = both
    differing = [name for name in reference if optimised.get(name) != reference[name]]
    assert differing == []


def test_the_corpus_exercises_cards_entity_pages_and_the_glossary(both):
    optimised, _ = both
    article = optimised["articles/story-00001/index.html"].decode()
    assert article.count('<section class="mg-card"') >= 10
    assert '<article class="mg-entity"' in optimised[
        next(n for n in optimised if n.startswith("people/"))].decode()
    assert "glossary/index.html" in optimised


@pytest.mark.parametrize(("cache", "kept"), [(True, 1), (False, 0)])
def test_the_switch_really_turns_the_card_cache_off(cache, kept):
    report = load_project(Paths(CORPUS, CORPUS / "docs", CORPUS / "annotations"))
    assert report.project is not None
    project = report.project
    renderer = Renderer(project, None, cache=cache)
    entity = next(iter(project.glossary))
    first = renderer.card(entity, "articles/story-00000/", None)
    again = renderer.card(entity, "articles/story-00000/", None)
    assert first == again
    assert len(renderer._cards) == kept


def test_the_card_cache_keeps_the_most_recent_cards_only(monkeypatch):
    # Every article date makes new cards; a newsroom of thousands of dates must
    # not keep every card it ever drew until the build ends.
    import datetime as dt

    from marginalia import render

    monkeypatch.setattr(render, "CARD_CACHE_SIZE", 3)
    report = load_project(Paths(CORPUS, CORPUS / "docs", CORPUS / "annotations"))
    assert report.project is not None
    renderer = Renderer(report.project, None, cache=True)
    entity = next(iter(report.project.glossary))
    days = [dt.date(2024, 5, day) for day in range(1, 6)]
    cards = [renderer.card(entity, "articles/story-00000/", day) for day in days]
    assert len(renderer._cards) == 3
    assert renderer.card(entity, "articles/story-00000/", days[0]) == cards[0]
    assert [key[2] for key in renderer._cards] == [days[3], days[4], days[0]]


@pytest.mark.parametrize(("value", "cache"), [("1", False), ("0", True), (None, True)])
def test_no_cache_is_read_from_the_environment(monkeypatch, value, cache):
    if value is None:
        monkeypatch.delenv(NO_CACHE_ENV, raising=False)
    else:
        monkeypatch.setenv(NO_CACHE_ENV, value)
    report = load_project(Paths(CORPUS, CORPUS / "docs", CORPUS / "annotations"))
    assert report.project is not None
    assert Renderer(report.project, None).cache is cache
