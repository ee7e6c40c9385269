"""Each source file is read from disk once per check, articles included.

An article's front matter and its body used to be read separately; a newsroom's
thousands of articles made that a second pass over the disk for nothing.
"""

from __future__ import annotations

from collections import Counter

import marginalia.load as load
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES


def test_every_source_file_is_read_once(monkeypatch):
    reads: Counter[str] = Counter()
    real = load.read_text

    def counting(path, name):
        reads[name] += 1
        return real(path, name)

    monkeypatch.setattr(load, "read_text", counting)  # YAML files read through it
    monkeypatch.setattr("marginalia.validate.articles.read_text", counting)
    root = FIXTURES / "lesson-project"
    load_project(Paths(root, root / "docs", root / "annotations"))
    articles = [name for name in reads if name.startswith("docs/articles/")]
    assert articles, "no article was read"
    assert {name: n for name, n in reads.items() if n != 1} == {}
