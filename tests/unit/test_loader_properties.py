"""The loader and validator never crash: any text, any glossary, only Diagnostics.

Hypothesis writes arbitrary YAML-ish text (built from YAML's own punctuation,
indentation, tabs, anchors, tags and quotes, plus arbitrary characters) and
arbitrary glossary structures into each kind of file of a small project, then
runs the validator. Whatever comes in, `load_project` returns a report; every
diagnostic names a file of the project, a line and a column of at least 1, and a
message; nothing raises.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marginalia.load import parse_yaml
from marginalia.validate import Paths, load_project

YAML_BITS = st.sampled_from([
    "- ", ": ", "\n", "\n  ", "\n    ", "\t", "id", "name", "aliases", "summary", "sources",
    "questions", "answer", "choices", "evidence", "type", "single", "match", "title",
    "article", "quiz", "vocabulary", "&a ", "*a", "<<: *a", "!!python/object:os.system ",
    "!tag ", "!!str ", "!!binary ", "'", '"', "[", "]", "{", "}", ",", "#", "|", ">",
    "---", "...", "~", "null", "yes", "2024-05-04", "1e9", "0x1F", "people/x", "?", "%YAML 1.1",
    "é", "\u200b", "\ufeff", "\r\n", "\u2028", "\x00", "\U0001f600",
])
yamlish = st.lists(st.one_of(YAML_BITS, st.text(max_size=6)), max_size=60).map("".join)

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=20), st.dates())
keys = st.one_of(st.sampled_from(["id", "name", "aliases", "role", "summary", "details",
                                  "as_of", "related", "sources", "title", "url", "country",
                                  "coordinates"]), st.text(max_size=8))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)), max_leaves=20)
glossaries = st.lists(st.dictionaries(keys, values, max_size=9), max_size=5)

FILES = ["annotations/people.yml", "annotations/places.yml", "annotations/quizzes/a.yml",
         "annotations/lessons/a.yml", "docs/articles/a.md"]
ARTICLE = "---\ntitle: A\ndate: 2024-05-04\n---\n\nMara Quill opened the quay.\n"


def check_project(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = {"docs/articles/a.md": ARTICLE, **files}
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        report = load_project(Paths(root, root / "docs", root / "annotations"))
        for d in report.diagnostics:
            assert d.origin.file in files, d
            assert d.origin.line >= 1 and d.origin.column >= 1, d
            assert d.message, d
            assert str(d).startswith(f"{d.origin.file}:{d.origin.line}:{d.origin.column}: ")
        assert (report.project is None) == bool(report.errors)


@settings(deadline=None)
@given(yamlish)
def test_parsing_any_text_returns_a_value_or_diagnostics(text):
    loaded = parse_yaml(text, "x.yml")
    for d in loaded.diagnostics:
        assert d.origin.file == "x.yml" and d.origin.line >= 1 and d.origin.column >= 1
        assert d.message and d.hint, d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), yamlish)
def test_any_text_in_any_file_gives_only_diagnostics(rel, text):
    if rel.endswith(".md"):
        text = "---\n" + text + "\n---\n\nBody.\n"
    check_project({rel: text})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(glossaries, st.sampled_from(FILES[:4]))
def test_any_glossary_structure_gives_only_diagnostics(entries, rel):
    check_project({rel: yaml.safe_dump(entries, allow_unicode=True)})
