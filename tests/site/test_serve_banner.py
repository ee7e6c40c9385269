"""While the last save is broken, `serve` adds the terminal's messages to every page.

The preview loop is driven directly (as tests/site/test_serve_validated_once.py
does): after a bad save its `problems` are exactly the lines printed, and each
HTML page it serves carries them in a `role="alert"` banner first in the body,
escaped; a good save clears them. The browser side is tests/browser/
test_serve_overlay.py.
"""

from __future__ import annotations

import pytest

from marginalia.cli.overlay import BANNER_ID
from marginalia.cli.serve import Preview
from tests.conftest import FIXTURES, copy_project

PEOPLE = "annotations/people.yml"
PAGE = b"<html><body class='x'><p>page</p></body></html>"


@pytest.fixture
def preview(tmp_path):
    project = copy_project(FIXTURES / "hostile" / "base", tmp_path / "project")
    served = tmp_path / "served"
    served.mkdir()
    p = Preview(project / "mkdocs.yml", "127.0.0.1:8000", served)
    assert p.start() is not None
    return p


def edit(preview: Preview, old: str, new: str) -> None:
    path = preview.config_file.parent / PEOPLE
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


BAD_SAVES = {
    "unknown key": ("summary: Runs", "sumary: Runs", f"{PEOPLE}:5:3: error: unknown key"),
    "markup in the message is escaped": ("summary: Runs", "<b>: Runs", "&lt;b&gt;"),
}


@pytest.mark.parametrize(("old", "new", "shown"), BAD_SAVES.values(), ids=BAD_SAVES.keys())
def test_a_bad_save_puts_the_printed_lines_on_every_page(preview, capsys, old, new, shown):
    capsys.readouterr()
    edit(preview, old, new)
    preview.rebuild()
    printed = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert preview.problems == printed
    page = preview.page(PAGE).decode()
    assert page.startswith(f"<html><body class='x'><div id=\"{BANNER_ID}\" role=\"alert\"")
    assert shown in page
    assert "<b>" not in page


def test_a_good_save_takes_the_banner_away(preview):
    edit(preview, "summary: Runs", "sumary: Runs")
    preview.rebuild()
    assert preview.problems
    edit(preview, "sumary: Runs", "summary: Runs")
    preview.rebuild()
    assert preview.problems == []
    assert preview.page(PAGE) == PAGE
