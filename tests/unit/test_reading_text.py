"""An article's reading text, as worksheets and cartridge pages print it.

Authors hard-wrap their Markdown; a wrapped paragraph renders as one paragraph
on the article page, so every printed copy (the worksheet page, the cartridge's
lesson page, the .docx worksheet) must show it as one paragraph too: exactly one
`<p>` per paragraph of the article, and no empty one between them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from marginalia.exports import render as render_export
from marginalia.load.paths import Paths
from marginalia.render.reading import ReadingText
from marginalia.render.site import SiteBuild
from marginalia.validate import load_project

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lesson-project"
SLUG = "river-bridge"


def _article_paragraphs() -> list[str]:
    """The article's paragraphs as a reader sees them: blank-line blocks, lines joined."""
    body = (FIXTURE / "docs" / "articles" / f"{SLUG}.md").read_text("utf-8").split("---", 2)[2]
    return [" ".join(block.split()) for block in re.split(r"\n\s*\n", body) if block.strip()]


@pytest.fixture(scope="module")
def loaded():
    report = load_project(Paths(FIXTURE, FIXTURE / "docs", FIXTURE / "annotations"))
    assert report.project is not None
    return report


def _article_section_paragraphs(page: str, class_name: str) -> list[str]:
    root = lxml_html.fromstring(page)
    section = root.find_class(class_name)[0]
    return [p.text_content() for p in section.iter("p")
            if "mg-handout__dateline" not in (p.get("class") or "")]


def test_the_fixture_article_is_hard_wrapped():
    body = (FIXTURE / "docs" / "articles" / f"{SLUG}.md").read_text("utf-8")
    assert len(_article_paragraphs()) == 4
    assert body.count("\n") > 4 + 4 * 2  # more source lines than paragraphs


def test_reading_text_has_one_paragraph_per_article_paragraph(loaded):
    reading = ReadingText.of_markdown(loaded.article_bodies[SLUG])
    assert list(reading.paragraphs) == _article_paragraphs()


def test_worksheet_prints_one_p_per_article_paragraph_and_no_empty_one(loaded):
    site = SiteBuild(loaded.project, article_bodies=loaded.article_bodies)
    path = f"lessons/{SLUG}/worksheet.md"
    site.begin_page(path, f"lessons/{SLUG}/worksheet/")
    page = site.finish_page(path, f"lessons/{SLUG}/worksheet/", "").html
    assert _article_section_paragraphs(page, "mg-handout__article") == _article_paragraphs()


def test_cartridge_page_prints_one_p_per_article_paragraph_and_no_empty_one(loaded):
    data, _warnings = render_export(loaded.project, SLUG, "cc",
                                    reading=ReadingText.of_markdown(loaded.article_bodies[SLUG]))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        page = zf.read(f"{SLUG}/lesson.html").decode("utf-8")
    root = lxml_html.fromstring(page)
    texts = [p.text_content() for p in root.iter("p")]
    assert "" not in [t.strip() for t in texts]
    article = _article_paragraphs()
    assert [t for t in texts if t in article] == article
    assert not [t for t in texts if any(t and t in a and t != a for a in article)]


def test_docx_worksheet_has_one_paragraph_per_article_paragraph(loaded):
    from docx import Document

    from marginalia.exports import word

    reading = ReadingText.of_markdown(loaded.article_bodies[SLUG])
    data = word.worksheet(loaded.project, loaded.project.lessons[SLUG], reading)
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    article = _article_paragraphs()
    start = texts.index(article[0])
    assert texts[start:start + len(article)] == article
