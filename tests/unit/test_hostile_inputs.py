"""Bad input, case by case: every mistake ends in a clear message and nothing else.

Each row breaks the small valid project in tests/fixtures/hostile/base in one way
and runs the real `marginalia check` as a subprocess, bounded in time (a
subprocess timeout) and in memory (RLIMIT_AS). The contract for every row:
exit status 1, the expected message at the expected file:line:col, every error
line shaped `file:line:col: error: … (fix …)` or `(did you mean …)`, and never a
Python traceback. Rows whose input is fine despite looking odd (a BOM, CRLF)
must pass the check instead.
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project

BASE = FIXTURES / "hostile" / "base"
PEOPLE = (BASE / "annotations" / "people.yml").read_text(encoding="utf-8")
PLACES = (BASE / "annotations" / "places.yml").read_text(encoding="utf-8")
ARTICLE = (BASE / "docs" / "articles" / "harbour-opens.md").read_text(encoding="utf-8")
QUIZ = (BASE / "annotations" / "quizzes" / "harbour-opens.yml").read_text(encoding="utf-8")
LESSON = (BASE / "annotations" / "lessons" / "harbour-opens.yml").read_text(encoding="utf-8")

P, PL = "annotations/people.yml", "annotations/places.yml"
Q, L = "annotations/quizzes/harbour-opens.yml", "annotations/lessons/harbour-opens.yml"
A = "docs/articles/harbour-opens.md"

MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space for one check: far above what a good project needs, far below a bomb."""
TIMEOUT = 20
"""Seconds before a check counts as hung (a few seconds of work, plus start-up on a busy CI)."""

ERROR_LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: error: .+ \((fix|did you mean)\b.*\)$")

BILLION_LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]"
       for i in range(8)]
) + "\n"
BIG = b"- id: big\n  name: Big\n  summary: '" + b"x" * (50 * 1024 * 1024) + b"'\n"


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"fixture text changed: {old!r} not found"
    return text.replace(old, new, 1)


# (case id, files to write over the base project, expected message fragments)
CASES: list[tuple[str, dict[str, str | bytes], list[str]]] = [
    ("yaml-tab-indent",
     {P: _replace(PEOPLE, "  name: Mara Quill", "\tname: Mara Quill")},
     [f"{P}:2:1: error: invalid YAML", "indent with spaces"]),
    ("yaml-unclosed-quote",
     {P: _replace(PEOPLE, "role: Harbour master of Portsmouth",
                  'role: "Harbour master of Portsmouth')},
     [f"{P}:", "error: invalid YAML", "fix: close the quotation mark"]),
    ("yaml-bad-indentation",
     {P: _replace(PEOPLE, "  role: Harbour", "    role: Harbour")},
     [f"{P}:4:", "error: invalid YAML", "fix: check the indentation"]),
    ("top-level-mapping-not-list",
     {PL: "id: portsmouth\nname: Portsmouth\n"},
     [f"{PL}:1:1: error: expected a list of entries, found a mapping"]),
    ("quiz-is-a-list",
     {Q: "- who-opened\n"},
     [f"{Q}:1:1: error: a quiz must be a mapping, found a list"]),
    ("wrong-type-name-is-list",
     {P: _replace(PEOPLE, "name: Mara Quill", "name: [Mara, Quill]")},
     [f"{P}:2:9: error: 'name' must be text, not a list"]),
    ("wrong-type-minutes-is-text",
     {L: _replace(LESSON, "minutes: 30", "minutes: half an hour")},
     [f"{L}:4:10: error: 'minutes' must be a whole number, got 'half an hour'"]),
    ("missing-required-key",
     {PL: _replace(PLACES, "  role: Port city in England\n", "")},
     [f"{PL}:1:3: error: places entry is missing required key 'role' (fix: add `role:`)"]),
    ("unknown-key-did-you-mean",
     {P: _replace(PEOPLE, "summary:", "sumary:")},
     [f"{P}:5:3: error: unknown key 'sumary' in people entry (did you mean 'summary'?)"]),
    ("unknown-question-type",
     {Q: _replace(QUIZ, "type: single", "type: singel")},
     [f"{Q}:4:11: error: unknown question type 'singel' (did you mean 'single'?)"]),
    ("duplicate-yaml-key",
     {P: _replace(PEOPLE, "  role:", "  name: Mara\n  role:")},
     [f"{P}:4:3: error: duplicate key 'name' (first at line 2)"]),
    ("duplicate-id",
     {PL: PLACES + PLACES},
     [f"{PL}:7:7: error: duplicate id 'portsmouth' in places (first at line 1)"]),
    ("bad-id-characters",
     {PL: _replace(PLACES, "id: portsmouth", "id: Ports mouth!")},
     [f"{PL}:1:7: error: 'id' 'Ports mouth!' is not a valid id", "e.g. 'ports-mouth'"]),
    ("dangling-related-reference",
     {P: _replace(PEOPLE, "organizations/harbour-board", "organizations/harbor-board")},
     [f"{P}:6:13: error: 'organizations/harbor-board' in related names no glossary entry "
      "(did you mean 'organizations/harbour-board'?)"]),
    ("dangling-explicit-mention",
     {A: ARTICLE + "\n[She](@people/mara-quil) smiled.\n"},
     [f"{A}:10:7: error: 'people/mara-quil' in an explicit mention names no glossary entry"]),
    ("dangling-lesson-vocabulary",
     {L: _replace(LESSON, "[people/mara-quill]", "[places/southampton]")},
     [f"{L}:7:", "error: 'places/southampton' in vocabulary names no glossary entry"]),
    ("alias-claimed-by-two-entries",
     # "Quill" alone: inside "Mara Quill" the longer name wins, as on the page.
     {PL: PLACES + "  aliases: [Quill]\n", A: ARTICLE + "\nQuill waved.\n"},
     [f"{A}:10:1:", "error: 'Quill' is claimed by people/mara-quill and places/portsmouth",
      "fix: mark it explicitly"]),
    ("quiz-answer-not-among-choices",
     {Q: _replace(QUIZ, "answer: Mara Quill", "answer: Mara Quil")},
     [f"{Q}:7:13: error: answer 'Mara Quil' is not among the choices "
      "(did you mean 'Mara Quill'?)"]),
    ("evidence-not-in-article",
     {Q: _replace(QUIZ, "evidence: Mara Quill opened the new quay",
                  "evidence: Mara Quill closed the old quay")},
     [f"{Q}:8:15:", "error: evidence of question 'who-opened' does not occur in article",
      "closest passage"]),
    ("lesson-names-missing-quiz",
     {L: _replace(LESSON, "quiz: harbour-opens", "quiz: harbour-closes")},
     [f"{L}:12:7: error: 'quiz' 'harbour-closes' names no quiz"]),
    ("lesson-article-is-a-path",
     {L: _replace(LESSON, "article: harbour-opens", "article: ../../etc/passwd")},
     [f"{L}:2:10: error: 'article' must be a slug, not a path"]),
    ("empty-quiz-file",
     {Q: ""},
     [f"{Q}:1:1: error: quiz file is empty"]),
    ("empty-glossary-file-is-fine-but-empty-lesson-is-not",
     {L: "\n"},
     [f"{L}:1:1: error: a lesson must be a mapping of keys"]),
    ("not-utf8",
     {P: PEOPLE.replace("Runs the harbour", "Runs the h\xe2rbour").encode("latin-1")},
     [f"{P}:5:", "error: file is not valid UTF-8 (byte 0xe2)", "fix: save the file as UTF-8"]),
    ("control-character",
     {P: _replace(PEOPLE, "Runs the harbour", "Runs the\x1f harbour")},
     [f"{P}:5:20: error: invalid YAML: control character U+001F is not allowed"]),
    ("fifty-megabyte-file",
     {P: BIG},
     [f"{P}:1:1: error: file is 50.0 MB, larger than the"]),
    ("yaml-alias-bomb",
     {PL: BILLION_LAUGHS},
     [f"{PL}:", "error: YAML expands to more than", "fix: write the data out"]),
    ("deeply-nested-flow",
     {PL: "- " + "[" * 5000 + "]" * 5000 + "\n"},
     [f"{PL}:1:43: error: data is nested more than 40 levels deep"]),
    ("deeply-nested-block",
     {PL: "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"},
     [f"{PL}:", "error: data is nested more than"]),
    ("unknown-tag-python-object",
     {P: _replace(PEOPLE, "name: Mara Quill",
                  "name: !!python/object/apply:os.system ['echo pwned']")},
     [f"{P}:2:9: error: unsupported YAML tag '!!python/object/apply:os.system'"]),
    ("unknown-local-tag",
     {P: _replace(PEOPLE, "name: Mara Quill", "name: !shout Mara Quill")},
     [f"{P}:2:9: error: unsupported YAML tag '!shout'"]),
    ("front-matter-not-closed",
     {A: ARTICLE.replace("---\n\nMara", "\nMara", 1)},
     [f"{A}:1:1: error: front matter is not closed"]),
    ("front-matter-bad-yaml",
     {A: _replace(ARTICLE, "title: A new harbour", "title: [A new harbour")},
     [f"{A}:", "error: invalid YAML"]),
    ("front-matter-missing",
     {A: ARTICLE.split("---\n", 2)[2]},
     [f"{A}:1:1: error: article has no front matter"]),
    ("front-matter-bad-date",
     {A: _replace(ARTICLE, "date: 2024-05-04", "date: 4 May")},
     [f"{A}:3:7: error: 'date' must be a date like 2024-05-04, got '4 May'"]),
    ("javascript-url",
     {P: _replace(PEOPLE, '"https://example.org/harbour"', "'javascript:alert(1)'")},
     [f"{P}:8:34: error: 'url' 'javascript:alert(1)' is not a web address"]),
]

# Rows whose odd-looking input is fine: the check must pass.
FINE: list[tuple[str, dict[str, str | bytes]]] = [
    ("utf8-bom", {P: b"\xef\xbb\xbf" + PEOPLE.encode(), A: b"\xef\xbb\xbf" + ARTICLE.encode()}),
    ("crlf-line-endings", {P: PEOPLE.replace("\n", "\r\n").encode(),
                           Q: QUIZ.replace("\n", "\r\n").encode(),
                           A: ARTICLE.replace("\n", "\r\n").encode()}),
    ("empty-glossary-file", {PL: ""}),
]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(project: Path) -> subprocess.CompletedProcess:
    """The real `marginalia check`, in its own process with a memory ceiling."""
    return subprocess.run(
        [sys.executable, "-m", "marginalia.cli", "check"],
        cwd=project, capture_output=True, text=True, timeout=TIMEOUT,
        preexec_fn=_limit_memory,
    )


def write_project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    project = copy_project(BASE, tmp_path / "project")
    for rel, content in files.items():
        path = project / rel
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return project


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_input_gives_a_clear_error(tmp_path, files, expected):
    result = check(write_project(tmp_path, files))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    error_lines = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert error_lines, output
    for line in error_lines:
        assert ERROR_LINE.match(line), f"not shaped file:line:col: error: … (fix …): {line}"
    assert any(all(part in line for part in expected) for line in error_lines) or \
        all(part in output for part in expected), output


@pytest.mark.parametrize("files", [c[1] for c in FINE], ids=[c[0] for c in FINE])
def test_odd_but_valid_input_passes(tmp_path, files):
    result = check(write_project(tmp_path, files))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_every_error_is_reported_at_once(tmp_path):
    files = {P: _replace(PEOPLE, "summary:", "sumary:"),
             PL: _replace(PLACES, "id: portsmouth", "id: Portsmouth"),
             Q: _replace(QUIZ, "answer: Mara Quill", "answer: Nobody"),
             L: _replace(LESSON, "quiz: harbour-opens", "quiz: nope"),
             A: _replace(ARTICLE, "date: 2024-05-04", "date: soon")}
    result = check(write_project(tmp_path, files))
    assert result.returncode == 1
    reported = {line.split(":", 1)[0] for line in result.stderr.splitlines()
                if ": error: " in line}
    assert reported == {P, PL, Q, L, A}, result.stderr
    assert result.stderr.rstrip().endswith("errors found.")


def test_the_check_writes_nothing(tmp_path):
    project = write_project(tmp_path, {P: "- [\n"})
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    check(project)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
