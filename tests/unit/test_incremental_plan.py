"""Which edits `serve` redraws incrementally, and why the others are full builds.

`incremental_plan` compares two loaded projects by value: the hostile/base
fixture, and the same with one change made to its records.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from marginalia.render.changes import Plan, incremental_plan
from marginalia.render.site import SiteBuild
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES

BASE = FIXTURES / "hostile" / "base"
KEY = "people/mara-quill"


@pytest.fixture(scope="module")
def project():
    report = load_project(Paths(BASE, BASE / "docs", BASE / "annotations"))
    assert report.project is not None
    return report.project


def with_entry(project, **fields):
    entries = dict(project.glossary.entries)
    entries[KEY] = replace(entries[KEY], **fields)
    return replace(project, glossary=replace(project.glossary, entries=entries))


def plan(old, new, edited=(), kept=()):
    return incremental_plan(old, new, old_claims=SiteBuild.name_claims(old),
                            new_claims=SiteBuild.name_claims(new), edited_articles=edited,
                            bodies_kept=kept)


FULL = {
    "a renamed entry": (lambda p: with_entry(p, name="Mara Quell"), "a name or alias"),
    "a new alias": (lambda p: with_entry(p, aliases=("Quill", "MQ")), "a name or alias"),
    "a removed entry": (lambda p: replace(p, glossary=replace(p.glossary, entries={
        k: v for k, v in p.glossary.entries.items() if k != KEY})), "added, removed or moved"),
    "an article's title": (lambda p: replace(p, articles={
        k: replace(a, title="New") for k, a in p.articles.items()}), "front matter"),
    "a quiz": (lambda p: replace(p, quizzes={k: replace(q, title="New")
                                             for k, q in p.quizzes.items()}), "a quiz"),
    "a lesson": (lambda p: replace(p, lessons={k: replace(x, title="New")
                                               for k, x in p.lessons.items()}), "a lesson"),
}


@pytest.mark.parametrize(("change", "why"), FULL.values(), ids=FULL.keys())
def test_edits_that_reach_other_pages_are_full_builds(project, change, why):
    reason = plan(project, change(project))
    assert isinstance(reason, str) and why in reason


def test_an_entrys_text_is_redrawn_by_key(project):
    assert plan(project, with_entry(project, summary="Changed.")) == Plan(frozenset({KEY}))


def test_an_articles_body_is_redrawn_unless_other_pages_measure_it(project):
    assert plan(project, project, edited=["harbour-opens"]) == Plan(
        articles=frozenset({"harbour-opens"}))
    assert isinstance(plan(project, project, edited=["harbour-opens"],
                           kept=["harbour-opens"]), str)
