"""`marginalia build` reads the sources once: the plugin reuses the CLI's validation.

Loading a 5,000-entry glossary takes seconds and tens of MB; validating first
(so that nothing is written on error) must not mean loading twice and holding
both copies through the build. `mkdocs build`, with no CLI in front, still
loads on its own.
"""

from __future__ import annotations

import pytest

from marginalia import cli, plugin, validate
from tests.conftest import FIXTURES, copy_project


@pytest.fixture
def loads(monkeypatch) -> list[object]:
    """Every call of load_project, wherever it is made from."""
    calls: list[object] = []
    real = validate.load_project

    def counting(paths):
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(cli, "load_project", counting)
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
