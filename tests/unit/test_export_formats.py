"""LMS exports of a lesson: valid per the official schemas, and faithful to the quiz.

Two real projects: the seed lesson, and tests/fixtures/lesson-project, whose quiz
has every question type plus a question full of GIFT and XML syntax characters.
Every file is checked by the shared, independent validator; then read back
(lxml, zipfile, an independent GIFT parser from PyPI) and compared with the
quiz it came from: questions, choices, answers and feedback, evidence included.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from pygiftparser import parser as gift_parser

from marginalia.exports import ALL_FORMATS, FORMATS, export_lesson, file_name, file_names
from marginalia.exports.common import ORDER_AS_MATCH_NOTE, pairs
from marginalia.exports.gift import escape
from marginalia.model import Project, Question, Quiz
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, REPO, SHARED, run_cli
from tests.site.test_editions import normalise, teacher_phrases

VALIDATOR = SHARED / "tools" / "validate_lms.py"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
PROJECTS = {"seed": (REPO, "ceasefire-talks-cairo"),
            "fixture": (FIXTURES / "lesson-project", "river-bridge")}


@dataclass
class Exported:
    project: Project
    quiz: Quiz
    files: dict[str, Path]
    warnings: dict[str, list]
    lesson: str


def _load(root: Path) -> tuple[Project, dict[str, str]]:
    report = load_project(Paths(root, root / "docs", root / "annotations"))
    assert report.project is not None, report.diagnostics
    return report.project, report.article_bodies


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def exported(request, tmp_path_factory) -> Exported:
    root, slug = PROJECTS[request.param]
    project, bodies = _load(root)
    lesson = project.lessons[slug]
    out = tmp_path_factory.mktemp(f"exports-{request.param}")
    results = export_lesson(project, slug, FORMATS, out, article_body=bodies[lesson.article])
    files = {fmt: out / file_name(slug, fmt) for fmt in FORMATS}
    assert sorted(p for p, _ in results) == sorted(files.values())
    warnings = {fmt: w for fmt, (_p, w) in zip(FORMATS, results, strict=True)}
    return Exported(project, project.quizzes[lesson.quiz], files, warnings, slug)


# ------------------------------------------------------------------ validity

@pytest.mark.parametrize("fmt", FORMATS)
def test_export_passes_the_shared_validator(exported, fmt):
    result = subprocess.run([sys.executable, str(VALIDATOR), "-v", str(exported.files[fmt])],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK ")


# ------------------------------------------------------------------ round trips

def _unescape_gift(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _for_pygiftparser(text: str) -> str:
    """pygiftparserrgmf rejects an essay's general feedback (`{####…}`), which Moodle reads
    (test_import_rules_gift.py checks it the way Moodle does): drop it for this parser."""
    return re.sub(r"\{####(?:\\.|[^}\\])*\}", "{}", text)


def _parser_text(text: str) -> str:
    """Question text from pygiftparserrgmf: drop the [plain] format marker (Moodle reads it,
    this parser keeps it) and unescape `\\\\`, the one escape it leaves as written."""
    assert text.startswith("[plain]"), text
    return text[len("[plain]"):].replace("\\\\", "\\")


def _expected_prompt(q: Question) -> str:
    return q.prompt + (ORDER_AS_MATCH_NOTE if q.type == "order" else "")


def _qti_items(xml: bytes) -> list[etree._Element]:
    return etree.fromstring(xml).findall(f".//{QTI}item")


def _mattexts(el: etree._Element) -> list[str]:
    return [m.text for m in el.iter(f"{QTI}mattext")]


def _feedback(item: etree._Element) -> dict[str, str]:
    return {fb.get("ident"): "".join(_mattexts(fb)) for fb in item.iter(f"{QTI}itemfeedback")}


def test_qti_round_trip(exported):
    with zipfile.ZipFile(exported.files["qti"]) as zf:
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        href = manifest.find(".//{*}file").get("href")
        items = _qti_items(zf.read(href))
    assert len(items) == len(exported.quiz.questions)
    for item, q in zip(items, exported.quiz.questions, strict=True):
        prompt = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text
        assert prompt == _expected_prompt(q)
        feedback = _feedback(item)
        assert q.evidence in feedback["general_fb"]
        if q.type in ("single", "multiple"):
            labels = item.findall(f".//{QTI}response_label")
            assert [_mattexts(label)[0] for label in labels] == list(q.choices)
            right = {v.text for c in item.iter(f"{QTI}respcondition")
                     if c.findtext(f"{QTI}setvar") == "100"
                     for v in c.iter(f"{QTI}varequal") if v.getparent().tag != f"{QTI}not"}
            chosen = {_mattexts(label)[0] for label in labels if label.get("ident") in right}
            assert chosen == set(q.answer_list)
            assert feedback["correct_fb"] == (q.feedback_correct or "Correct.")
            assert feedback["general_incorrect_fb"].startswith(q.feedback_incorrect[:20])
        elif q.type in ("match", "order"):
            lids = item.findall(f".//{QTI}response_lid")
            assert [_mattexts(lid)[0] for lid in lids] == [left for left, _ in pairs(q)]
        elif q.type == "short":
            assert [v.text for v in item.iter(f"{QTI}varequal")] == q.answer_list


def test_common_cartridge_round_trip(exported):
    with zipfile.ZipFile(exported.files["cc"]) as zf:
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        types = {r.get("type"): r.find("{*}file").get("href")
                 for r in manifest.iter("{*}resource")}
        page = zf.read(types["webcontent"]).decode("utf-8")
        items = _qti_items(zf.read(types["imsqti_xmlv1p2/imscc_xmlv1p1/assessment"]))
    lesson = exported.project.lessons[exported.lesson]
    assert html.escape(lesson.title, quote=True) in page or lesson.title in page
    text = normalise(page)
    assert [p for p in teacher_phrases(lesson, exported.quiz) if p in text] == []
    assert len(items) == len(exported.quiz.questions)
    for item, q in zip(items, exported.quiz.questions, strict=True):
        mattext = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert mattext.get("texttype") == "text/html"  # Moodle reads every mattext as HTML
        assert html.unescape(mattext.text) == q.prompt
        general = html.unescape(_feedback(item)["general_fb"])
        assert q.evidence in general
        if q.type in ("match", "order"):  # essays in CC, with the answer in the feedback
            assert all(left in general for left, _ in pairs(q))


def test_moodle_xml_round_trip(exported):
    root = etree.parse(str(exported.files["moodle"])).getroot()
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert len(questions) == len(exported.quiz.questions)
    for el, q in zip(questions, exported.quiz.questions, strict=True):
        assert el.findtext("idnumber") == q.id
        text = html.unescape(el.findtext("questiontext/text"))
        assert text == f"<p>{_expected_prompt(q)}</p>"
        assert q.evidence in html.unescape(el.findtext("generalfeedback/text"))
        answers = {html.unescape(a.findtext("text")): float(a.get("fraction"))
                   for a in el.findall("answer")}
        if q.type in ("single", "multiple"):
            assert list(answers) == list(q.choices)
            assert {c for c, f in answers.items() if f > 0} == set(q.answer_list)
        elif q.type == "true-false":
            assert {c for c, f in answers.items() if f > 0} == set(q.answer_list)
        elif q.type == "short":  # and Moodle's catch-all `*`, worth 0, for the wrong feedback
            assert list(answers) == [*q.answer_list, "*"]
            assert answers["*"] == 0
        elif q.type in ("match", "order"):
            subs = [(html.unescape(s.findtext("text")), s.findtext("answer/text"))
                    for s in el.findall("subquestion")]
            assert subs == pairs(q)
        elif q.type == "open":
            assert el.get("type") == "essay"
            assert html.unescape(el.findtext("graderinfo/text")) == q.model_answer


def test_gift_round_trip_through_an_independent_parser(exported):
    parsed = gift_parser.parse(_for_pygiftparser(exported.files["gift"].read_text("utf-8")))
    assert [p.name for p in parsed.questions] == [q.id for q in exported.quiz.questions]
    for p, q in zip(parsed.questions, exported.quiz.questions, strict=True):
        assert _parser_text(p.text) == _expected_prompt(q)
        options = getattr(p.answer, "options", []) or []
        if q.type in ("single", "multiple"):
            assert [_unescape_gift(o.text) for o in options] == list(q.choices)
            assert {_unescape_gift(o.text) for o in options if o.percentage > 0} == \
                set(q.answer_list)
            feedback = _unescape_gift(options[-1].feedback or "")
            assert q.evidence in feedback  # general feedback (####) follows the last answer
        elif q.type == "true-false":
            assert [o.text.lower() for o in options] == q.answer_list
        elif q.type == "short":
            assert [_unescape_gift(o.text) for o in options if o.percentage > 0] == \
                q.answer_list
        elif q.type in ("match", "order"):
            got = [tuple(_unescape_gift(x).strip() for x in o.text.split(" -> "))
                   for o in options]
            assert got == pairs(q)
        elif q.type == "open":
            assert type(p.answer).__name__ == "Essay"


# ------------------------------------------------------------------ warnings

@pytest.mark.parametrize(("fmt", "qtype", "warned"), [
    ("qti", "order", True), ("qti", "match", False), ("qti", "open", True),  # model answer
    ("cc", "order", True), ("cc", "match", True), ("cc", "short", True),  # Moodle: feedback
    ("moodle", "order", True), ("moodle", "match", False), ("moodle", "open", False),
    ("gift", "order", True), ("gift", "open", True), ("gift", "multiple", False),
])
def test_reshaped_question_types_are_warned_about_by_question_and_format(exported, fmt,
                                                                        qtype, warned):
    ids = {q.id for q in exported.quiz.questions if q.type == qtype}
    named = {w.question for w in exported.warnings[fmt]}
    assert all(w.format == fmt for w in exported.warnings[fmt])
    assert bool(ids & named) is warned
    for w in exported.warnings[fmt]:
        assert str(w).startswith(f"warning: {fmt}: question '{w.question}'")


# ------------------------------------------------------------------ escaping

@pytest.mark.parametrize(("text", "expected"), [
    ("plain words", "plain words"),
    ("a = b", "a \\= b"),
    ("~tilde~", "\\~tilde\\~"),
    ("#1", "\\#1"),
    ("{brace}", "\\{brace\\}"),
    ("key: value", "key\\: value"),
    ("back\\slash", "back\\\\slash"),
    ("two\n\nparagraphs", "two paragraphs"),
])
def test_gift_escapes_its_syntax_characters(text, expected):
    assert escape(text) == expected


def test_syntax_characters_survive_every_format():
    project, bodies = _load(FIXTURES / "lesson-project")
    q = next(q for q in project.quizzes["river-bridge"].questions if q.id == "syntax-soup")
    root = FIXTURES / "lesson-project"
    assert "syntax-soup" in (root / "annotations/quizzes/river-bridge.yml").read_text()
    from marginalia.exports import render

    gift_text = render(project, "river-bridge", "gift")[0].decode("utf-8")
    parsed = {p.name: p for p in
              gift_parser.parse(_for_pygiftparser(gift_text)).questions}["syntax-soup"]
    assert _parser_text(parsed.text) == q.prompt
    assert [_unescape_gift(o.text) for o in parsed.answer.options] == list(q.choices)
    moodle = etree.fromstring(render(project, "river-bridge", "moodle")[0])
    el = next(e for e in moodle if e.findtext("idnumber") == "syntax-soup")
    assert [html.unescape(a.findtext("text")) for a in el.findall("answer")] == list(q.choices)
    assert html.unescape(el.findtext("correctfeedback/text")) == q.feedback_correct
    with zipfile.ZipFile(__import__("io").BytesIO(render(project, "river-bridge",
                                                         "qti")[0])) as zf:
        name = next(n for n in zf.namelist() if n != "imsmanifest.xml")
        item = next(i for i in _qti_items(zf.read(name)) if i.get("title").startswith("Which"))
    assert _mattexts(item)[0] == q.prompt
    assert bodies  # the article was read too


# ------------------------------------------------------------------ command line

def test_cli_export_writes_every_format_and_prints_warnings(tmp_path):
    out = tmp_path / "out"
    result = run_cli(REPO, "export", "ceasefire-talks-cairo", "--format", "all", "-o", str(out))
    assert result.returncode == 0, result.stderr
    slug = "ceasefire-talks-cairo"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        name for fmt in ALL_FORMATS for name in file_names(slug, fmt))
    assert "warning: gift: question 'sequence-of-events'" in result.stderr
    assert "warning: cc: question 'people-and-roles'" in result.stderr


@pytest.mark.parametrize(("args", "code", "message"), [
    (["export", "no-such-lesson", "-o", "OUT"], 1, "error: no lesson 'no-such-lesson'"),
    (["export", "ceasefire-talks-cairo", "--format", "pptx", "-o", "OUT"], 2, "invalid choice"),
])
def test_cli_export_fails_clearly(tmp_path, args, code, message):
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = run_cli(REPO, *args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
