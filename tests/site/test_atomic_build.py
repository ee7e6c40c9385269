"""A failed build changes nothing: the previous site stays, sources are never written.

Builds run the real CLI in a copy of tests/fixtures/hostile/base. Trees are
compared by a hash of every path and file's bytes, so "exactly as it was" means
it: no file added, removed or changed, no staging folder left behind.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project, run_cli

BASE = FIXTURES / "hostile" / "base"
PEOPLE = "annotations/people.yml"
LESSON = "annotations/lessons/harbour-opens.yml"


def tree_hash(root: Path) -> str:
    """One digest of every path under `root` and the bytes of every file."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def sources_hash(project: Path) -> str:
    return tree_hash(project / "docs") + tree_hash(project / "annotations")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(BASE, tmp_path / "project")


@pytest.fixture
def built(project) -> Path:
    """The project with a good student site already in site/."""
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    return project


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    "invalid annotation": (PEOPLE, "summary:", "sumary:", ()),
    "broken YAML": (PEOPLE, "  name: Mara Quill", "\tname: Mara Quill", ()),
    # Valid sources, but MkDocs itself fails half-way (strict mode, a dead link):
    # the staging folder was partly written when the build stopped.
    "MkDocs fails mid-build": ("docs/index.md", "A small valid project",
                               "A [dead link](missing.md) in a small valid project",
                               ("--strict",)),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(built, breakage):
    rel, old, new, args = breakage
    site_before = tree_hash(built / "site")
    _edit(built, rel, old, new)
    result = run_cli(built, "build", *args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert tree_hash(built / "site") == site_before


def test_a_failed_build_leaves_no_staging_folder(built):
    _edit(built, PEOPLE, "summary:", "sumary:")
    before = sorted(p.name for p in built.iterdir())
    run_cli(built, "build", "--strict")
    _edit(built, "docs/index.md", "A small valid project", "A [dead](missing.md) project")
    _edit(built, PEOPLE, "sumary:", "summary:")
    assert run_cli(built, "build", "--strict").returncode == 1
    assert sorted(p.name for p in built.iterdir()) == before


def test_a_failed_first_build_creates_no_site(project):
    _edit(project, PEOPLE, "summary:", "sumary:")
    assert run_cli(project, "build").returncode == 1
    assert not (project / "site").exists()


def test_a_good_build_replaces_the_site_whole(built):
    _edit(built, "docs/articles/harbour-opens.md", "first ferry", "first cruise ship")
    assert run_cli(built, "build").returncode == 0
    html = (built / "site" / "articles" / "harbour-opens" / "index.html").read_text("utf-8")
    assert "first cruise ship" in html


COMMANDS = {
    "check": ("check",),
    "student build": ("build",),
    "teacher build": ("build", "--edition", "teacher"),
    "zip build": ("build", "--zip"),
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
def test_commands_never_write_to_docs_or_annotations(project, command):
    before = sources_hash(project)
    assert run_cli(project, *command).returncode == 0
    assert sources_hash(project) == before


def test_a_failed_build_never_writes_to_docs_or_annotations(project):
    _edit(project, PEOPLE, "summary:", "sumary:")
    before = sources_hash(project)
    assert run_cli(project, "build").returncode == 1
    assert sources_hash(project) == before


TRAVERSALS = {
    "lesson article": (LESSON, "article: harbour-opens", "article: ../../etc/passwd",
                       "'article' must be a slug, not a path"),
    "lesson quiz": (LESSON, "quiz: harbour-opens", "quiz: ../quizzes/../../../etc/passwd",
                    "'quiz' must be a slug, not a path"),
    "lesson vocabulary": (LESSON, "[people/mara-quill]", "[../../etc/passwd]",
                          "'../../etc/passwd' in vocabulary is not a reference"),
    "glossary related": (PEOPLE, "[organizations/harbour-board]", "[people/../../etc/passwd]",
                         "'people/../../etc/passwd' in related is not a reference"),
    "glossary id": (PEOPLE, "id: mara-quill", "id: ../../etc/passwd",
                    "'id' '../../etc/passwd' is not a valid id"),
    "explicit mention": ("docs/articles/harbour-opens.md", "Mara Quill opened",
                         "[Mara Quill](@../../etc/passwd) opened",
                         "'../../etc/passwd' in an explicit mention is not a reference"),
    "question id": ("annotations/quizzes/harbour-opens.yml", "id: who-opened",
                    "id: ../../etc/passwd", "'id' '../../etc/passwd' is not a valid id"),
}


@pytest.mark.parametrize("traversal", TRAVERSALS.values(), ids=TRAVERSALS.keys())
def test_path_traversal_in_a_path_like_field_is_refused(project, traversal):
    rel, old, new, message = traversal
    _edit(project, rel, old, new)
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert message in result.stderr
    assert f"{rel}:" in result.stderr
    assert not (project / "site").exists()


def test_an_annotation_file_linked_from_outside_the_project_is_refused(project, tmp_path):
    outside = tmp_path / "outside.yml"
    outside.write_text((project / PEOPLE).read_text(encoding="utf-8"), encoding="utf-8")
    (project / PEOPLE).unlink()
    (project / PEOPLE).symlink_to(outside)
    result = run_cli(project, "build")
    assert result.returncode == 1
    assert f"{PEOPLE}:1:1: error: file is a link to" in result.stderr
    assert not (project / "site").exists()
