"""Student and teacher editions: teacher-only text never reaches the student build.

The student build is scanned file by file (HTML, the search index, CSS, JS,
sitemaps: everything) for every sentence of the seed lesson's teacher notes,
discussion notes and the quiz's model answers. The teacher build must have all
of them, inside elements marked `mg-teacher`.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from marginalia.model import Lesson, Quiz
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, REPO, build

SEED = "ceasefire-talks-cairo"
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")


def normalise(text: str) -> str:
    """Text as compared: entities decoded, tags dropped, quotes straight, spaces single."""
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    text = text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))
    return " ".join(text.split())


def teacher_phrases(lesson: Lesson, quiz: Quiz | None) -> list[str]:
    """Every sentence (6+ words) of the lesson's teacher-only text, normalised."""
    sources = [lesson.teacher_notes, *(d.teacher_notes for d in lesson.discussion)]
    if quiz is not None:
        sources += [q.model_answer for q in quiz.questions]
    phrases = []
    for source in sources:
        plain = normalise(re.sub(r"[*_`]", "", source))
        phrases += [s.rstrip(".!?:;") for s in _SENTENCE_END.split(plain)
                    if len(s.split()) >= 6]
    return phrases


def seed_lesson() -> tuple[Lesson, Quiz | None]:
    report = load_project(Paths(REPO, REPO / "docs", REPO / "annotations"))
    assert report.project is not None
    lesson = report.project.lessons[SEED]
    return lesson, report.project.quizzes.get(lesson.quiz or "")


def site_text(site: Path) -> dict[str, str]:
    """Every text file of a site, normalised; JSON decoded first (the search index)."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        if path.suffix == ".json":
            text = " ".join(_strings(json.loads(text)))
        texts[path.relative_to(site).as_posix()] = normalise(text)
    return texts


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_the_seed_lesson_has_teacher_only_text_to_protect():
    lesson, quiz = seed_lesson()
    assert len(teacher_phrases(lesson, quiz)) >= 20


def test_student_build_holds_no_teacher_only_text_in_any_file(seed_site):
    lesson, quiz = seed_lesson()
    texts = site_text(seed_site.site)
    assert "search/search_index.json" in texts
    leaks = [(name, phrase) for phrase in teacher_phrases(lesson, quiz)
             for name, text in texts.items() if phrase in text]
    assert leaks == []


def test_teacher_build_holds_every_teacher_only_sentence(seed_teacher_site):
    lesson, quiz = seed_lesson()
    page = seed_teacher_site.html(f"lessons/{SEED}/")
    text = normalise(page)
    missing = [p for p in teacher_phrases(lesson, quiz) if p not in text]
    assert missing == []


def test_teacher_only_text_sits_inside_mg_teacher_elements(seed_teacher_site):
    lesson, quiz = seed_lesson()
    tree = lxml_html.fromstring(seed_teacher_site.html(f"lessons/{SEED}/"))
    marked = " ".join(normalise(lxml_html.tostring(el, encoding="unicode"))
                      for el in tree.find_class("mg-teacher"))
    assert [p for p in teacher_phrases(lesson, quiz) if p not in marked] == []


@pytest.mark.parametrize("marker", ["mg-teacher", "/exports/", "answer-key",
                                    "classroom.google.com"])
def test_student_lesson_page_has_no_teacher_parts(seed_site, marker):
    assert marker not in seed_site.html(f"lessons/{SEED}/")


@pytest.mark.parametrize(("path", "student", "teacher"), [
    (f"lessons/{SEED}/index.html", True, True),
    (f"lessons/{SEED}/worksheet/index.html", True, True),
    (f"lessons/{SEED}/answer-key/index.html", False, True),
    (f"lessons/{SEED}/exports/{SEED}-qti.zip", False, True),
    (f"lessons/{SEED}/exports/{SEED}.imscc", False, True),
    (f"lessons/{SEED}/exports/{SEED}-moodle.xml", False, True),
    (f"lessons/{SEED}/exports/{SEED}-gift.txt", False, True),
])
def test_which_edition_gets_which_file(seed_site, seed_teacher_site, path, student, teacher):
    assert (seed_site.site / path).is_file() is student
    assert (seed_teacher_site.site / path).is_file() is teacher


def test_teacher_lesson_page_links_every_export_that_exists(seed_teacher_site):
    tree = lxml_html.fromstring(seed_teacher_site.html(f"lessons/{SEED}/"))
    hrefs = tree.xpath("//ul[@class='mg-exports']//a/@href")
    assert len(hrefs) == 4
    folder = seed_teacher_site.site / "lessons" / SEED
    assert all((folder / href).is_file() for href in hrefs)


@pytest.fixture(scope="module")
def fixture_teacher_site(tmp_path_factory):
    built = build(FIXTURES / "lesson-project", tmp_path_factory.mktemp("lesson-teacher"),
                  "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


def test_share_to_classroom_is_a_plain_link_to_the_published_lesson(fixture_teacher_site):
    page = fixture_teacher_site.html("lessons/river-bridge/")
    tree = lxml_html.fromstring(page)
    links = [a for a in tree.iter("a") if a.text_content().strip() == "Share to Google Classroom"]
    assert [a.get("href") for a in links] == [
        "https://classroom.google.com/share?url="
        "https%3A%2F%2Fschool.example.org%2Freading%2Flessons%2Friver-bridge%2F"]
    assert links[0].xpath("ancestor::section[contains(@class,'mg-teacher-panel')]")
    assert not [s for s in tree.iter("script") if "classroom" in (s.get("src") or "")]


@pytest.fixture(scope="module")
def fixture_student_site(tmp_path_factory):
    built = build(FIXTURES / "lesson-project", tmp_path_factory.mktemp("lesson-student"))
    assert built.returncode == 0, built.stderr
    return built


def test_the_student_edition_has_no_share_link(fixture_student_site):
    page = fixture_student_site.html("lessons/river-bridge/")
    assert "classroom.google.com" not in page
    assert "Share to Google Classroom" not in page
