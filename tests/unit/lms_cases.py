"""The lessons the import-rule tests export, and what their YAML promises a teacher.

Three real projects: the seed lesson, tests/fixtures/lesson-project (every
question kind) and tests/fixtures/lms-syntax (every text written to trip an
importer: GIFT syntax, a leading `[html]`, `->` in matching items, `/`, `*`,
`&`, `<`, quotes). Each is exported once per test session, in memory.
Expectations come from the YAML files themselves (plain dicts), never from
Marginalia's model, so the tests judge the exports from outside.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from marginalia.exports import FORMATS, render
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, REPO

PROJECTS = {"seed": (REPO, "ceasefire-talks-cairo"),
            "fixture": (FIXTURES / "lesson-project", "river-bridge"),
            "syntax": (FIXTURES / "lms-syntax", "syntax-bridge")}

ORDER_NOTE = " (Match each item with its position: 1 = first.)"
"""How an order question is asked once it travels as matching (formats without ordering)."""


@dataclass
class Case:
    name: str
    title: str
    """The lesson's title, as written."""
    questions: list[dict]
    """The quiz's questions, as written in YAML."""
    files: dict[str, bytes]
    warnings: dict[str, list]

    def warned(self, fmt: str, qid: str, *words: str) -> bool:
        """A warning for this question and format whose text names every word."""
        return any(w.format == fmt and w.question == qid
                   and all(word.lower() in w.message.lower() for word in words)
                   for w in self.warnings[fmt])

    def qti_items_xml(self) -> bytes:
        with zipfile.ZipFile(io.BytesIO(self.files["qti"])) as zf:
            name = next(n for n in zf.namelist() if n != "imsmanifest.xml")
            return zf.read(name)


@functools.cache
def case(name: str) -> Case:
    root, slug = PROJECTS[name]
    root = Path(root)
    report = load_project(Paths(root, root / "docs", root / "annotations"))
    assert report.project is not None, report.diagnostics
    project = report.project
    lesson = project.lessons[slug]
    files, warnings = {}, {}
    for fmt in FORMATS:
        files[fmt], warnings[fmt] = render(project, slug, fmt,
                                           article_body=report.article_bodies[lesson.article])
    annotations = root / "annotations"
    lesson_yaml = yaml.safe_load((annotations / "lessons" / f"{slug}.yml").read_text("utf-8"))
    quiz_yaml = yaml.safe_load((annotations / "quizzes" / f"{lesson_yaml['quiz']}.yml")
                               .read_text("utf-8"))
    return Case(name, lesson_yaml["title"], quiz_yaml["questions"], files, warnings)


def questions(*kinds: str) -> list[tuple[str, str]]:
    """(project, question id) of every question of these kinds, for parametrize."""
    return [(name, q["id"]) for name in PROJECTS for q in case(name).questions
            if not kinds or q["type"] in kinds]


def question(name: str, qid: str) -> dict:
    return next(q for q in case(name).questions if q["id"] == qid)


def feedback(q: dict, which: str) -> str:
    """The YAML's own `correct` or `incorrect` feedback (empty when not written)."""
    return flat(str((q.get("feedback") or {}).get(which, "")))


def flat(text: str) -> str:
    """Text with its whitespace folded, as every format keeps it (one line)."""
    return " ".join(text.split())


def accepted(q: dict) -> list[str]:
    a = q["answer"]
    return [flat(a)] if isinstance(a, str) else [flat(str(x)) for x in a]


def correct_choices(q: dict) -> set[str]:
    a = q["answer"]
    return {flat(a)} if isinstance(a, str) else {flat(str(x)) for x in a}


def prompt(q: dict, reshaped_order: bool = True) -> str:
    """The prompt as it must arrive (an order question reshaped as matching says so)."""
    note = ORDER_NOTE if q["type"] == "order" and reshaped_order else ""
    return flat(q["prompt"] + note)


def pairs(q: dict) -> list[tuple[str, str]]:
    """What a matching question must pair: YAML pairs, or an order question's positions."""
    if q["type"] == "order":
        return [(flat(item), str(n)) for n, item in enumerate(q["answer"], start=1)]
    return [(flat(str(k)), flat(str(v))) for k, v in q["answer"].items()]


def ids(params) -> list[str]:
    return [f"{p}-{q}" for p, q in params]
