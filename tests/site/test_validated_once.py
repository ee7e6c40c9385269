"""`marginalia build` reads the sources once: the plugin reuses the CLI's validation.

Loading a 5,000-entry glossary takes seconds and tens of MB; validating first
(so that nothing is written on error) must not mean loading twice and holding
both copies through the build. `mkdocs build`, with no CLI in front, still
loads on its own.
"""

from __future__ import annotations

import pytest

from marginalia import cli, plugin, validate
from marginalia.cli import project as cli_project
from tests.conftest import FIXTURES, copy_project


@pytest.fixture
def loads(monkeypatch) -> list[object]:
    """Every call of load_project, wherever it is made from."""
    calls: list[object] = []
    real = validate.load_project

    def counting(paths):
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(cli_project, "load_project", counting)
    monkeypatch.setattr(plugin, "load_project", counting)
    return calls


@pytest.mark.parametrize("args", [["build"], ["build", "--zip"]], ids=["site", "zip"])
def test_the_cli_build_loads_the_annotations_once(tmp_path, loads, args):
    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    out = tmp_path / ("site.zip" if "--zip" in args else "site")
    code = cli.main(["-f", str(project / "mkdocs.yml"), *args, "-d", str(out)])
    assert code == 0
    assert out.exists()
    assert len(loads) == 1


def test_mkdocs_build_without_the_cli_loads_them_itself(tmp_path, loads):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    assert len(loads) == 1
    assert (tmp_path / "site" / "glossary" / "index.html").is_file()


def test_only_the_bodies_of_articles_with_lessons_are_kept(tmp_path):
    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    (project / "docs" / "articles" / "other-news.md").write_text(
        "---\ntitle: Other news\ndate: 2024-05-05\n---\n\nNothing to teach here.\n",
        encoding="utf-8")
    report = validate.load_project(
        validate.Paths(project, project / "docs", project / "annotations"))
    assert report.project is not None, report.diagnostics
    assert set(report.project.articles) == {"river-bridge", "other-news"}
    assert set(report.article_bodies) == {"river-bridge"}
    assert "Nothing to teach" not in "".join(report.article_bodies.values())


@pytest.mark.parametrize(("src_path", "owned"), [
    ("articles/river-bridge.md", True),            # rewritten whole: text, cards
    ("people/ada-okafor.md", True),                 # generated entity page
    ("glossary.md", True),
    ("articles/river-bridge/quiz.md", True),
    ("lessons/river-bridge.md", True),
    ("index.md", False),                            # hand-written: other plugins may read it
    ("articles/not-an-article.md", False),
    ("about.md", False),
])
def test_the_core_owns_the_bodies_it_rendered_whole(src_path, owned):
    from marginalia.render.site import SiteBuild

    root = FIXTURES / "lesson-project"
    report = validate.load_project(validate.Paths(root, root / "docs", root / "annotations"))
    assert report.project is not None
    assert SiteBuild(report.project).owns_body(src_path) is owned


def test_a_written_body_the_core_owns_is_let_go_and_others_are_kept(tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    seen: dict[str, object] = {}

    class Spy(BasePlugin):
        @event_priority(-100)  # after Marginalia's own on_post_page
        def on_post_page(self, output, *, page, config):
            seen[page.file.src_uri] = page
            return output

    project = copy_project(FIXTURES / "lesson-project", tmp_path / "project")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins["spy"] = Spy()
    build(config)
    assert seen["articles/river-bridge.md"].content is None
    assert seen["people/ada-okafor.md"].content is None
    assert seen["index.md"].content  # hand-written: kept for whoever reads it
    assert "Ada Okafor" in (tmp_path / "site" / "people" / "ada-okafor" / "index.html"
                            ).read_text(encoding="utf-8")
