"""`marginalia serve` reads and validates the project once per rebuild.

Loading a newsroom's glossary takes seconds: the serve loop validates first (so a
bad save keeps the last good site) and hands that report to the plugin, which
would otherwise load everything a second time in the same rebuild. The loop is
driven directly (its first build, then the server's builder after an edit), with
every call of load_project counted wherever it is made from.
"""

from __future__ import annotations

import pytest

from marginalia import plugin, validate
from marginalia.cli import project as cli_project
from marginalia.cli.serve import Preview
from tests.conftest import FIXTURES, copy_project

ARTICLE = "docs/articles/harbour-opens.md"
PEOPLE = "annotations/people.yml"
PAGE = "articles/harbour-opens/index.html"


@pytest.fixture
def loads(monkeypatch) -> list[object]:
    """Every call of load_project, by the CLI or by the plugin."""
    calls: list[object] = []
    real = validate.load_project

    def counting(paths):
        calls.append(paths)
        return real(paths)

    monkeypatch.setattr(cli_project, "load_project", counting)
    monkeypatch.setattr(plugin, "load_project", counting)
    return calls


@pytest.fixture
def preview(tmp_path):
    project = copy_project(FIXTURES / "hostile" / "base", tmp_path / "project")
    served = tmp_path / "served"
    served.mkdir()
    return Preview(project / "mkdocs.yml", "127.0.0.1:8000", served)


def edit(preview: Preview, rel: str, old: str, new: str) -> None:
    path = preview.config_file.parent / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def page(preview: Preview) -> str:
    return (preview.served / PAGE).read_text(encoding="utf-8")


def test_the_first_build_reads_the_sources_once(preview, loads):
    config = preview.start()
    assert config is not None
    assert len(loads) == 1
    assert "first ferry" in page(preview)


EDITS = {
    "an article": (ARTICLE, "first ferry", "first cruise ship"),
    "a glossary entry": (PEOPLE, "Runs the harbour", "Leads the harbour"),
}


@pytest.mark.parametrize(("rel", "old", "new"), EDITS.values(), ids=EDITS.keys())
def test_a_rebuild_after_an_edit_reads_the_sources_once(preview, loads, rel, old, new):
    assert preview.start() is not None
    edit(preview, rel, old, new)
    loads.clear()
    preview.rebuild()
    assert len(loads) == 1
    assert new in page(preview)


def test_a_rebuild_after_a_bad_edit_reads_once_and_keeps_the_site(preview, loads, capsys):
    assert preview.start() is not None
    edit(preview, PEOPLE, "summary: Runs", "sumary: Runs")
    loads.clear()
    preview.rebuild()
    assert len(loads) == 1
    assert "still serving the last good site" in capsys.readouterr().err
    assert "Runs the harbour" in page(preview)
