"""`marginalia new`: a scaffold with every key explained, that passes `check` once filled in.

Runs the real command in a copy of the small valid project of tests/fixtures/hostile.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marginalia.model.keys import ARTICLE, LESSON, QUESTION, QUIZ
from marginalia.schemas import path_of
from tests.conftest import FIXTURES, copy_project, run_cli

BASE = FIXTURES / "hostile" / "base"
FILES = {"article": "docs/articles/{}.md", "quiz": "annotations/quizzes/{}.yml",
         "lesson": "annotations/lessons/{}.yml"}
SHAPES = {"article": (ARTICLE,), "quiz": (QUIZ, QUESTION), "lesson": (LESSON,)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(BASE, tmp_path / "project")


def _new(project: Path, kind: str, slug: str = "harbour-news"):
    return run_cli(project, "new", kind, slug, timeout=60)


@pytest.mark.parametrize("kind", FILES)
def test_the_scaffold_lists_every_key_with_a_comment(project, kind):
    result = _new(project, kind)
    assert result.returncode == 0, result.stderr
    lines = (project / FILES[kind].format("harbour-news")).read_text().splitlines()
    for shape in SHAPES[kind]:
        for key in shape.keys:
            if kind == "article" and key.doc.startswith("A key MkDocs"):
                continue
            at = [i for i, line in enumerate(lines)
                  if re.match(rf"^\s*(# )?(- )?{re.escape(key.name)}:", line)]
            assert at, f"{kind}: key '{key.name}' missing"
            assert lines[at[0] - 1].lstrip().startswith("# "), f"'{key.name}' has no comment"


@pytest.mark.parametrize("kind", ["quiz", "lesson"])
def test_a_yaml_scaffold_points_the_editor_at_its_schema(project, kind):
    _new(project, kind)
    target = project / FILES[kind].format("harbour-news")
    first = target.read_text().splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    assert (target.parent / match.group(1)).resolve() == path_of(kind).resolve()


def test_the_scaffolds_pass_check_once_filled_in(project):
    for kind in FILES:
        assert _new(project, kind).returncode == 0
    article = project / FILES["article"].format("harbour-news")
    text = article.read_text()
    article.write_text(text[:text.index("TODO The article")] + "The ferry came in June.\n")
    quiz = project / FILES["quiz"].format("harbour-news")
    quiz.write_text(quiz.read_text().replace(
        "TODO a passage quoted verbatim from the article", "The ferry came in June"))
    result = run_cli(project, "check", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("kind", FILES)
def test_new_never_overwrites(project, kind):
    target = project / FILES[kind].format("harbour-opens")
    before = target.read_text()
    result = _new(project, kind, "harbour-opens")
    assert result.returncode == 1
    assert result.stderr == (f"{FILES[kind].format('harbour-opens')}: error: file already "
                             "exists; nothing was written (fix: edit it, or choose another "
                             "slug)\n")
    assert target.read_text() == before


def test_a_slug_that_is_not_one_is_refused_with_its_folded_form(project):
    result = _new(project, "article", "Québec Talks")
    assert result.returncode == 2
    assert "e.g. 'quebec-talks'" in result.stderr
    assert not list((project / "docs" / "articles").glob("*uébec*"))
