"""The Zensical adapter's own rules: links handed over from the source file's folder,
and a core that builds without MkDocs."""

from __future__ import annotations

import subprocess
import sys

import pytest

from marginalia.zensical_markdown import from_source_folder


@pytest.mark.parametrize(
    ("href", "url", "src_path", "handed_over"),
    [
        ("../../people/a/", "articles/x/", "articles/x.md", "../people/a/"),  # card → entity
        ("quiz/", "articles/x/", "articles/x.md", "x/quiz/"),                 # below the page
        ("../#ev-1", "articles/x/quiz/", "articles/x/quiz.md", "./#ev-1"),   # quiz → evidence
        ("../people/a/", "glossary/", "glossary.md", "people/a/"),
        ("../../", "articles/x/", "articles/x.md", "../"),                   # home
        ("x/exports/a.pdf", "lessons/x/", "lessons/x.md", "x/x/exports/a.pdf"),
        ("people/a/", "", "index.md", "people/a/"),                          # home page: same
        ("../people/a.html", "articles/x.html", "articles/x.md", "../people/a.html"),
        ("#ctx-people-a", "articles/x/", "articles/x.md", "#ctx-people-a"),
        ("https://example.org/", "articles/x/", "articles/x.md", "https://example.org/"),
        ("/abs/", "articles/x/", "articles/x.md", "/abs/"),
        ("mailto:a@b.c", "articles/x/", "articles/x.md", "mailto:a@b.c"),
    ],
)
def test_a_relative_link_is_handed_to_zensical_from_the_source_folder(
        href, url, src_path, handed_over):
    html = f'<a class="k" href="{href}">t</a><img src="{href}">'
    assert from_source_folder(html, url, src_path) == (
        f'<a class="k" href="{handed_over}">t</a><img src="{handed_over}">')


def test_text_that_looks_like_an_attribute_is_left_alone():
    html = '<p>write href="../x/" in the text</p>'
    assert from_source_folder(html, "articles/x/", "articles/x.md") == html


ADAPTERS = ("marginalia.plugin", "marginalia.cli")
"""The MkDocs adapter and the command line (which offers both engines) may import MkDocs."""


def test_the_zensical_engine_and_every_core_module_import_no_mkdocs():
    # Module names from the files: walking packages would import the adapters' too.
    code = ("import importlib, pathlib, sys, marginalia\n"
            "root = pathlib.Path(marginalia.__file__).parent\n"
            "for f in sorted(root.rglob('*.py')):\n"
            "    name = '.'.join(('marginalia', *f.relative_to(root).with_suffix('').parts))\n"
            "    name = name.removesuffix('.__init__')\n"
            f"    if not name.startswith({ADAPTERS!r}):\n"
            "        importlib.import_module(name)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('mkdocs', 'material', 'properdocs')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
