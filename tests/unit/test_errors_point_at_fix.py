"""Errors that point at the fix: exact messages, exact places, nothing else.

Each row breaks the small valid project in tests/fixtures/hostile/base one way
and runs the real `marginalia check`. Unlike the hostile-input table (which asks
that *a* line names the mistake), a row here pins the *whole* report: every line
`marginalia check` prints, in order, and its exit status. So a row also fails
when one mistake echoes into errors elsewhere (a lesson saying a quiz "does not
exist" because the quiz file has a syntax error), or when a name is reported twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project, run_cli

BASE = FIXTURES / "hostile" / "base"


def _text(rel: str) -> str:
    return (BASE / rel).read_text(encoding="utf-8")


P, PL, ORG = "annotations/people.yml", "annotations/places.yml", "annotations/organizations.yml"
EV = "annotations/events.yml"
Q, L = "annotations/quizzes/harbour-opens.yml", "annotations/lessons/harbour-opens.yml"
A = "docs/articles/harbour-opens.md"
PEOPLE, PLACES, ORGS, QUIZ, LESSON, ARTICLE = (_text(f) for f in (P, PL, ORG, Q, L, A))
UNREAD = "(file could not be read; its references are not checked)"


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"fixture text changed: {old!r} not found"
    return text.replace(old, new, 1)


def _entry(id_: str, name: str, aliases: str = "", extra: str = "") -> str:
    return (f"- id: {id_}\n  name: {name}\n" + (f"  aliases: [{aliases}]\n" if aliases else "")
            + "  role: Someone\n  summary: Someone in the story.\n" + extra
            + '  sources:\n    - {title: News, url: "https://example.org/news"}\n')


# Every file that refers to places/portsmouth: the article, a person, the lesson.
REFERS_TO_PORTSMOUTH = {
    A: ARTICLE + "\nThe [port](@places/portsmouth) grew.\n",
    P: _replace(PEOPLE, "[organizations/harbour-board]",
                "[organizations/harbour-board, places/portsmouth]"),
    L: _replace(LESSON, "[people/mara-quill]", "[people/mara-quill, places/portsmouth]"),
}
DUCHESNES = (_entry("pierre-duchesne", "Pierre Duchesne", "Duchesne")
             + _entry("pierre-duchesne-junior", "Pierre Duchesne", "Duchesne"))
QUEBEC_ORGS = ORGS + _entry("cia", "CIA") + _entry("plq", "Quebec Liberal Party")

# (case id, files over the base project, exit status, every line of stderr)
CASES: list[tuple[str, dict[str, str], int, list[str]]] = [
    ("wrongly-indented-key-is-one-error-not-one-per-reference",
     {**REFERS_TO_PORTSMOUTH,
      PL: _replace(PLACES, "  summary: A port", "   summary: A port")},
     1,
     [f"{PL}:4:4: error: invalid YAML: 'summary:' is indented 3 spaces, but 'role:' above "
      f"it 2 spaces {UNREAD} (fix: check the indentation: line 'summary:' up with 'role:' "
      "(2 spaces), or indent it under a key that ends with ':')",
      "1 error found."]),
    ("key-indented-less-than-its-siblings",
     {PL: _replace(PLACES, "  summary: A port", " summary: A port")},
     1,
     [f"{PL}:4:2: error: invalid YAML: 'summary:' is indented 1 space, but 'role:' above "
      f"it 2 spaces {UNREAD} (fix: check the indentation: line 'summary:' up with 'role:' "
      "(2 spaces), or indent it under a key that ends with ':')",
      "1 error found."]),
    ("quiz-that-does-not-parse-is-not-missing-for-its-lesson",
     {Q: _replace(QUIZ, "prompt: Who opened the new quay?", "prompt: [Who opened")},
     1,
     [f"{Q}:5:13: error: invalid YAML: a '[' opened here is not closed on its line "
      f"{UNREAD} (fix: close it with ']', or quote the text if it starts with '[')",
      "1 error found."]),
    ("article-whose-front-matter-does-not-parse-is-not-missing-for-quiz-or-lesson",
     {A: _replace(ARTICLE, "title: A new harbour", "title: [A new harbour")},
     1,
     [f"{A}:2:8: error: invalid YAML: a '[' opened here is not closed on its line "
      f"{UNREAD} (fix: close it with ']', or quote the text if it starts with '[')",
      "1 error found."]),
    ("comma-inside-a-flow-list-is-explained",
     {Q: _replace(QUIZ, "choices: [Mara Quill, The Harbour Board]\n    answer: Mara Quill",
                  "choices: [May 2, 2024, May 4, 2024]\n    answer: May 4, 2024")},
     1,
     [f"{Q}:6:14: error: a comma inside [...] separates items: quote the text ('choices' "
      "was read as 'May 2', '2024', 'May 4', '2024') (fix: write "
      '`choices: ["May 2, 2024", "May 4, 2024"]`)',
      "1 error found."]),
    ("evidence-error-is-at-the-evidence-line-with-the-sentence-and-the-differing-word",
     {A: ARTICLE + "\n## The quay in 2024\n\nThe quay first opened to ferries on 4 May 2024, "
                   "a spokesman said.\n",
      Q: _replace(QUIZ, "evidence: Mara Quill opened the new quay in Portsmouth",
                  "evidence: The quay first opened to ferries on 4 May 2023")},
     1,
     [f"{Q}:8:15: error: evidence of question 'who-opened' does not occur in article "
      "'harbour-opens' (fix: quote the article verbatim; closest passage: \"The quay first "
      "opened to ferries on 4 May 2024\"; you wrote '2023', the article has '2024')",
      "1 error found."]),
    ("did-you-mean-finds-the-entry-by-its-name",
     {ORG: QUEBEC_ORGS,
      P: _replace(PEOPLE, "organizations/harbour-board",
                  "organizations/quebec-liberal-party")},
     1,
     [f"{P}:6:13: error: 'organizations/quebec-liberal-party' in related names no glossary "
      "entry (did you mean 'organizations/plq'?)",
      "1 error found."]),
    ("did-you-mean-prefers-an-exact-id-of-another-type-to-a-near-one-of-this-type",
     {P: _replace(PEOPLE, "organizations/harbour-board", "people/harbour-board")
      + _entry("harbour-bord", "Harbour Bord")},
     1,
     [f"{P}:6:13: error: 'people/harbour-board' in related names no glossary entry "
      "(did you mean 'organizations/harbour-board'?)",
      "1 error found."]),
    ("id-with-an-accent-is-offered-its-ascii-folded-form",
     {ORG: ORGS + _entry("québec-solidaire", "Québec solidaire")},
     1,
     [f"{ORG}:7:7: error: 'id' 'québec-solidaire' is not a valid id (fix: use lowercase "
      "letters, digits and single hyphens, e.g. 'quebec-solidaire')",
      "1 error found."]),
    ("reference-with-an-accent-is-offered-its-ascii-folded-form",
     {ORG: ORGS + _entry("quebec-solidaire", "Québec solidaire"),
      P: _replace(PEOPLE, "organizations/harbour-board", "organizations/québec-solidaire")},
     1,
     [f"{P}:6:13: error: 'organizations/québec-solidaire' in related is not a reference "
      "like 'people/antony-blinken' (did you mean 'organizations/quebec-solidaire'? ids are "
      "lowercase ASCII letters, digits and hyphens)",
      "1 error found."]),
    ("date-on-an-event-hints-start",
     {EV: _entry("quay-opening", "Quay opening", extra="  date: 2024-05-04\n")},
     1,
     [f"{EV}:5:3: error: unknown key 'date' in events entry (fix: an event's dates are "
      "`start:` (and `end:` if it lasts more than a day), e.g. `start: 2024-05-04`)",
      "1 error found."]),
    ("shared-name-is-reported-once-for-the-longest-name",
     {P: PEOPLE + DUCHESNES, A: ARTICLE + "\nPierre Duchesne came.\n"},
     1,
     [f"{A}:10:1: error: 'Pierre Duchesne' is claimed by people/pierre-duchesne and "
      "people/pierre-duchesne-junior (fix: mark it explicitly, e.g. "
      "[Pierre Duchesne](@people/pierre-duchesne))",
      "1 error found."]),
    ("shared-name-across-a-line-break-is-the-long-name",
     {P: PEOPLE + DUCHESNES, A: ARTICLE + "\nThen Pierre\nDuchesne came.\n"},
     1,
     [f"{A}:10:6: error: 'Pierre Duchesne' is claimed by people/pierre-duchesne and "
      "people/pierre-duchesne-junior (fix: mark it explicitly, e.g. "
      "[Pierre Duchesne](@people/pierre-duchesne))",
      "1 error found."]),
    ("settled-shared-name-no-longer-warns",
     {P: PEOPLE + DUCHESNES,
      A: ARTICLE + "\n[Pierre Duchesne](@people/pierre-duchesne) came; later "
                   "[Duchesne](@people/pierre-duchesne-junior) left.\n"},
     0,
     []),
]


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    project = copy_project(BASE, tmp_path / "project")
    for rel, content in files.items():
        (project / rel).write_text(content, encoding="utf-8")
    return project


@pytest.mark.parametrize(("files", "status", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_the_report_is_exactly(tmp_path, files, status, expected):
    result = run_cli(_project(tmp_path, files), "check", timeout=60)
    assert result.stderr.splitlines() == expected
    assert result.returncode == status


@pytest.mark.parametrize(("ref", "expected"), [
    ("organizations/quebec-liberal-party", "organizations/plq"),   # by its name
    ("organizations/harbour-bord", "organizations/harbour-board"),  # a typo in the id
    ("people/harbour-board", "organizations/harbour-board"),       # right id, wrong type
    ("organizations/mara-quil", "people/mara-quill"),
    ("places/portsmuth", "places/portsmouth"),
    ("organizations/nothing-like-it", ""),
])
def test_a_reference_is_offered_the_entry_it_most_likely_means(ref, expected):
    from marginalia.model import Entity
    from marginalia.validate.refs import suggest_ref

    entries = {f"{t}/{i}": Entity(type=t, id=i, name=n, role="", summary="", sources=())
               for t, i, n in [("organizations", "harbour-board", "Harbour Board"),
                               ("organizations", "cia", "CIA"),
                               ("organizations", "plq", "Quebec Liberal Party"),
                               ("people", "mara-quill", "Mara Quill"),
                               ("places", "portsmouth", "Portsmouth")]}
    assert suggest_ref(ref, entries) == expected


def test_an_article_with_a_front_matter_error_is_not_missing_for_its_quiz_or_lesson(tmp_path):
    project = _project(tmp_path, {A: _replace(ARTICLE, "date: 2024-05-04\n", "")})
    result = run_cli(project, "check", timeout=60)
    assert result.stderr.splitlines() == [
        f"{A}:2:1: error: article front matter is missing required key 'date' "
        "(fix: add `date:`)", "1 error found."]
