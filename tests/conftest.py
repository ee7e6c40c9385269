"""Shared fixtures: real MkDocs builds of real fixture projects into temp dirs.

A "project" is a folder with mkdocs.yml, docs/ and annotations/ — the repository
root (the seed site) or one under tests/fixtures/. `build_site` copies it into a
temp dir (so nothing in the repo is ever written) and runs the real
`marginalia build`, returning where the HTML went.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO.parent / "shared"


@dataclass
class Built:
    """A finished build: the project copy it came from and the site folder."""

    project: Path
    site: Path
    returncode: int
    stderr: str

    def html(self, url_path: str) -> str:
        """The HTML of a page by its URL path (`articles/x/` or `glossary/`)."""
        path = self.site / url_path
        if url_path.endswith("/") or not url_path:
            path = path / "index.html"
        return path.read_text(encoding="utf-8")


def copy_project(source: Path, dest: Path) -> Path:
    """Copy a project's sources (not its built sites or caches) into `dest`."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "annotations", "overrides"):
        src = source / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


def run_cli(project: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real `marginalia` command in a project folder."""
    return subprocess.run(
        [sys.executable, "-m", "marginalia.cli", *args],
        cwd=project, capture_output=True, text=True, timeout=timeout,
    )


def build(source: Path, dest: Path, *args: str) -> Built:
    project = copy_project(source, dest)
    site = dest / "out-site"
    result = run_cli(project, "build", "-d", str(site), *args)
    return Built(project, site, result.returncode, result.stderr)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Built:
    """The seed site (student edition), built once per test session."""
    built = build(REPO, tmp_path_factory.mktemp("seed"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="session")
def seed_teacher_site(tmp_path_factory) -> Built:
    built = build(REPO, tmp_path_factory.mktemp("seed-teacher"), "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture
def make_project(tmp_path):
    """Write a small project from strings: `make_project({"docs/articles/a.md": "…"})`."""

    def _make(files: dict[str, str | bytes], base: Path | None = None) -> Path:
        root = tmp_path / "project"
        if base is not None:
            copy_project(base, root)
        root.mkdir(exist_ok=True)
        if not (root / "mkdocs.yml").exists():
            (root / "mkdocs.yml").write_text(MINIMAL_MKDOCS, encoding="utf-8")
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return _make


MINIMAL_MKDOCS = """\
site_name: Test site
theme:
  name: material
  font: false
plugins:
  - search
  - marginalia
"""
