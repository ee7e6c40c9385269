"""Commands read mkdocs.yml the way MkDocs does, so `!ENV` paths mean what MkDocs says.

A project MkDocs builds fine must not get false errors from `marginalia check`:
`docs_dir: !ENV [MY_DOCS, docs]` is the docs folder MY_DOCS names, or `docs`
when MY_DOCS is unset. Each case runs the real command in a copy of
tests/fixtures/lesson-project whose docs folder is moved where the tag points.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project

ENV_DOCS = "docs_dir: !ENV [MY_DOCS, docs]\n"

CASES = {
    # name: (MY_DOCS or None for unset, the folder the docs must then be in)
    "MY_DOCS set": ("pages", "pages"),
    "MY_DOCS unset": (None, "docs"),
}


def env_project(tmp_path: Path, folder: str) -> Path:
    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    if folder != "docs":
        shutil.move(project / "docs", project / folder)
    config = project / "mkdocs.yml"
    config.write_text(ENV_DOCS + config.read_text(encoding="utf-8"), encoding="utf-8")
    return project


def run(project: Path, my_docs: str | None, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MY_DOCS"}
    if my_docs is not None:
        env["MY_DOCS"] = my_docs
    return subprocess.run([sys.executable, "-m", "marginalia.cli", *args], cwd=project,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("my_docs", "folder"), CASES.values(), ids=CASES.keys())
def test_check_accepts_an_env_docs_dir(tmp_path, my_docs, folder):
    project = env_project(tmp_path, folder)
    result = run(project, my_docs, "check")
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    assert result.stdout.startswith("ok: 1 articles")


@pytest.mark.parametrize(("my_docs", "folder"), CASES.values(), ids=CASES.keys())
def test_build_builds_a_project_with_an_env_docs_dir(tmp_path, my_docs, folder):
    project = env_project(tmp_path, folder)
    result = run(project, my_docs, "build")
    assert result.returncode == 0, result.stderr
    page = project / "site" / "articles" / "river-bridge" / "index.html"
    assert "Ada Okafor" in page.read_text(encoding="utf-8")


def test_build_goes_to_the_site_dir_mkdocs_yml_names(tmp_path):
    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text("site_dir: !ENV [MY_SITE, public]\n" + config.read_text("utf-8"),
                      encoding="utf-8")
    result = run(project, None, "build")
    assert result.returncode == 0, result.stderr
    assert (project / "public" / "glossary" / "index.html").is_file()
    assert not (project / "site").exists()
