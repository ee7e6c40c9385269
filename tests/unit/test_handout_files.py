"""Handouts as files: PDF worksheet and answer key (A4 and US Letter), the worksheet as .docx.

Each file is read back the way a teacher's software would: the PDF's text by
pypdf (an independent PDF reader), its layout by WeasyPrint's boxes, the .docx
as the Office Open XML inside the zip. Three lessons: the seed, the every-kind
fixture and the fixture whose texts are full of syntax characters.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import cache
from pathlib import Path

import pypdf
import pytest
import yaml
from lxml import etree

from marginalia.exports import export_lesson, file_names, handout_files, pdf, word
from marginalia.render.reading import ReadingText
from marginalia.validate import Paths, load_project
from tests.conftest import REPO, run_cli
from tests.unit.lms_cases import PROJECTS

PAPER_POINTS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def _project(name: str):
    root, slug = PROJECTS[name]
    report = load_project(Paths(Path(root), Path(root) / "docs", Path(root) / "annotations"))
    assert report.project is not None
    lesson = report.project.lessons[slug]
    return (report.project, lesson, ReadingText.of_markdown(report.article_bodies[lesson.article]),
            Path(root))


@cache
def _yaml(name: str) -> tuple[dict, dict]:
    _p, lesson, _b, root = _project(name)
    lesson_yaml = yaml.safe_load((root / "annotations/lessons" / f"{lesson.slug}.yml")
                                 .read_text("utf-8"))
    quiz = yaml.safe_load((root / "annotations/quizzes" / f"{lesson_yaml['quiz']}.yml")
                          .read_text("utf-8"))
    return lesson_yaml, quiz


@cache
def _pdf(name: str, kind: str, paper: str) -> bytes:
    project, lesson, body, _root = _project(name)
    return pdf.render_pdf(pdf.handout_html(project, lesson, kind, paper, body))


def _squash(text: str) -> str:
    """Text with every space and line break gone: PDF text breaks lines where it likes."""
    return re.sub(r"\s+", "", text)


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return _squash("".join(page.extract_text() for page in reader.pages))


def _secrets(name: str) -> list[str]:
    """Texts only a teacher may see: feedback, model answers, teacher notes."""
    lesson_yaml, quiz = _yaml(name)
    out = [lesson_yaml.get("teacher_notes", "")]
    out += [d.get("teacher_notes", "") for d in lesson_yaml.get("discussion", [])]
    for q in quiz["questions"]:
        out += [q.get("model_answer", ""), *(q.get("feedback") or {}).values()]
    return [" ".join(str(s).split()) for s in out if s]


def _must_show(name: str) -> list[str]:
    """What the worksheet must print whole: every prompt and choice, every paragraph."""
    reading = _project(name)[2]

    _lesson_yaml, quiz = _yaml(name)
    texts = list(reading.paragraphs)
    for q in quiz["questions"]:
        texts += [q["prompt"], *q.get("choices", [])]
    return [" ".join(str(t).split()) for t in texts]


NAMES = sorted(PROJECTS)
PAPERS = sorted(PAPER_POINTS)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", pdf.KINDS)
def test_pdf_pages_have_the_paper_size(kind, paper):
    reader = pypdf.PdfReader(io.BytesIO(_pdf("seed", kind, paper)))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx(PAPER_POINTS[paper], abs=1)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", NAMES)
def test_pdf_worksheet_prints_the_article_and_every_question_whole(name, paper):
    text = _pdf_text(_pdf(name, "worksheet", paper))
    missing = [t for t in _must_show(name) if _squash(t) not in text]
    assert missing == []


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("name", NAMES)
def test_pdf_worksheet_gives_no_answer_away(name, paper):
    text = _pdf_text(_pdf(name, "worksheet", paper))
    assert [s for s in _secrets(name) if _squash(s)[:60] in text] == []
    assert "Answerkey" not in text


@pytest.mark.parametrize("name", NAMES)
def test_pdf_answer_key_has_every_answer_and_its_evidence(name):
    text = _pdf_text(_pdf(name, "answer-key", "a4"))
    _lesson_yaml, quiz = _yaml(name)
    for q in quiz["questions"]:
        assert _squash(q["evidence"]) in text
        answers = q.get("answer")
        if isinstance(answers, dict):
            answers = [f"{k} → {v}" for k, v in answers.items()]
        elif isinstance(answers, bool):
            answers = ["true" if answers else "false"]
        elif isinstance(answers, str):
            answers = [answers]
        for a in answers or []:
            assert _squash(str(a)) in text, (q["id"], a)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("kind", pdf.KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_pdf_nothing_runs_off_the_page(name, kind, paper):
    from weasyprint import HTML

    project, lesson, body, _root = _project(name)
    document = HTML(string=pdf.handout_html(project, lesson, kind, paper, body)).render()
    over = []
    for number, page in enumerate(document.pages, start=1):
        for box in page._page_box.descendants():
            right = box.position_x + box.margin_width()
            if type(box).__name__ in ("TextBox", "LineBox") and right > page.width + 0.5:
                over.append((number, getattr(box, "text", "")[:40]))
    assert over == []


def _docx(name: str) -> etree._Element:
    project, lesson, body, _root = _project(name)
    with zipfile.ZipFile(io.BytesIO(word.worksheet(project, lesson, body))) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _paragraphs(doc: etree._Element) -> list[str]:
    return [" ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split())
            for p in doc.iter(f"{W}p")]


@pytest.mark.parametrize("name", NAMES)
def test_docx_worksheet_has_the_article_and_every_question(name):
    text = _squash(" ".join(_paragraphs(_docx(name))))
    assert [t for t in _must_show(name) if _squash(t) not in text] == []


@pytest.mark.parametrize("name", NAMES)
def test_docx_worksheet_gives_no_answer_away(name):
    text = _squash(" ".join(_paragraphs(_docx(name))))
    assert [s for s in _secrets(name) if _squash(s)[:60] in text] == []


@pytest.mark.parametrize("name", NAMES)
def test_docx_worksheet_leaves_ruled_lines_to_write_on(name):
    doc = _docx(name)
    ruled = [p for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None]
    _lesson_yaml, quiz = _yaml(name)
    written = sum({"short": 2, "open": 6}.get(q["type"], 0) for q in quiz["questions"])
    assert len(ruled) >= written > 0
    assert all(_paragraphs_of(p) == "" for p in ruled)


def _paragraphs_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def test_docx_is_the_same_bytes_every_time():
    project, lesson, body, _root = _project("seed")
    assert word.worksheet(project, lesson, body) == word.worksheet(project, lesson, body)


def test_handout_files_are_listed_and_written_by_name(tmp_path):
    project, lesson, body, _root = _project("fixture")
    written = export_lesson(project, lesson.slug, ["pdf", "docx"], tmp_path, reading=body)
    names = sorted(p.name for p, _w in written)
    assert names == sorted(file_names(lesson.slug, "pdf") + file_names(lesson.slug, "docx"))
    assert names == sorted(name for name, _label in handout_files(lesson.slug))
    assert all(p.stat().st_size > 1000 for p, _w in written)


def test_cli_export_pdf_and_docx(tmp_path):
    out = tmp_path / "out"
    result = run_cli(REPO, "export", "ceasefire-talks-cairo", "--format", "pdf",
                     "--format", "docx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        file_names("ceasefire-talks-cairo", "pdf") + file_names("ceasefire-talks-cairo", "docx"))


def test_a_missing_pdf_library_is_an_error_that_says_what_to_install(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(pdf.HandoutError, match=r"make pdf"):
        pdf.render_pdf("<p>x</p>")
