"""`marginalia export` speaks the lesson's language by the build's rule (issue 14):
the words we add to a handout are its article version's language, else the site's
`theme.language`, exactly as on the built worksheet page (tests/site/test_spanish_site.py).

Two fixtures: `spanish-site` (theme.language es, an article without `lang`) and
`versions` (an English site, a lesson on the Spanish version `harbour-es`).
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import docx
import pypdf
import pytest
from lxml import etree

from tests.conftest import FIXTURES, build, copy_project, run_cli

LESSONS = {"spanish-site": "puerto", "versions": "harbour-es"}
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each fixture's lesson, exported in every format by the real CLI."""
    out: dict[str, Path] = {}
    for name, lesson in LESSONS.items():
        project = copy_project(FIXTURES / name, tmp_path_factory.mktemp(name))
        result = run_cli(project, "export", lesson, "-o", "out")
        assert result.returncode == 0, result.stderr
        out[name] = project / "out"
    return out


@cache
def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
                    .split())


@pytest.mark.parametrize(("fixture", "words"), [
    *[(f, w) for f in LESSONS for w in ("Nombre:", "Fecha:", "Vocabulario")],
    ("spanish-site", "Debate"),  # the versions lesson has no discussion
])
def test_the_pdf_worksheet_words_are_spanish(exported, fixture, words):
    text = pdf_text(exported[fixture] / f"{LESSONS[fixture]}-worksheet-a4.pdf")
    assert words in text
    assert not re.search(r"\b(Name|Date|Vocabulary|Discussion):?\s", text)


@pytest.mark.parametrize("fixture", list(LESSONS))
def test_the_pdf_page_footer_is_spanish(exported, fixture):
    text = pdf_text(exported[fixture] / f"{LESSONS[fixture]}-worksheet-a4.pdf")
    assert re.search(r"Ficha de trabajo: .* · página 1 de \d", text), text[-300:]


@pytest.mark.parametrize("fixture", list(LESSONS))
def test_the_pdf_answer_key_is_spanish(exported, fixture):
    text = pdf_text(exported[fixture] / f"{LESSONS[fixture]}-answer-key-a4.pdf")
    assert text.startswith("Clave de respuestas:")
    assert "Answer" not in text


@pytest.mark.parametrize("fixture", list(LESSONS))
def test_the_docx_worksheet_words_and_language_are_spanish(exported, fixture):
    doc = docx.Document(str(exported[fixture] / f"{LESSONS[fixture]}-worksheet.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert doc.core_properties.language == "es"
    assert doc.core_properties.title.startswith("Ficha de trabajo: ")
    assert paragraphs[1].startswith("Nombre: ") and "Fecha: " in paragraphs[1]
    assert "Vocabulario" in paragraphs
    assert not {"Vocabulary", "Discussion"} & set(paragraphs)


def test_the_docx_dateline_is_in_the_sites_language(exported):
    doc = docx.Document(str(exported["spanish-site"] / "puerto-worksheet.docx"))
    assert "4 de mayo de 2024 · Noticias de Costa" in [p.text for p in doc.paragraphs]


def test_the_cartridge_of_a_spanish_site_says_spanish(exported):
    with zipfile.ZipFile(exported["spanish-site"] / "puerto.imscc") as zf:
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        page = next(zf.read(n) for n in zf.namelist() if n.endswith("lesson.html")).decode()
    assert manifest.findtext(f".//{{{LOM}}}general/{{{LOM}}}language") == "es"
    assert '<html lang="es">' in page and "Objetivos" in page


def test_the_teacher_sites_files_use_the_same_rule(tmp_path):
    built = build(FIXTURES / "spanish-site", tmp_path, "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    text = pdf_text(built.site / "lessons/puerto/exports/puerto-worksheet-a4.pdf")
    assert "Nombre:" in text and "Vocabulario" in text

