"""`marginalia report`: names with no entry, stale cards, unmentioned entries, reading level.

The names rule is a table of text → names; the command runs for real on
tests/fixtures/report-project (one article, a stale place card, an entry no
article mentions), in the terminal and as JSON.
"""

from __future__ import annotations

import json

import pytest

from marginalia.link.candidates import unknown_names
from marginalia.link.linker import Linker
from tests.conftest import FIXTURES, copy_project, run_cli

PROJECT = FIXTURES / "report-project"
KNOWN = Linker({"Mara Quill": "people/mara-quill", "Quill": "people/mara-quill",
                "Gaza": "places/gaza", "Hamas": "organizations/hamas"})
A = "docs/articles/harbour-opens.md"


@pytest.mark.parametrize(("text", "names"), [
    ("Tom Ledger spoke.", ["Tom Ledger"]),
    ("Mara Quill spoke to Quill.", []),                       # known name and alias
    ("The mayor spoke. The Mayor spoke.", []),                # common words
    ("Negotiations resumed. The negotiations stalled.", []),  # sentence start, lower elsewhere
    ("Ferries left. A ferry came.", []),                      # … also as a plural
    ("Nearly all came.", []),                                 # a sentence-initial adverb
    ("They met on Saturday in November.", []),                # days and months
    ("The Bank of England cut rates.", ["Bank of England"]),  # joining word inside
    ("Emily Damari and Doron Steinbrecher", ["Emily Damari", "Doron Steinbrecher"]),
    ("President Joe Biden said so.", ["Joe Biden"]),          # a title before a name
    ("The Prime Minister said so.", []),                      # a title alone
    ("Fighting in Gaza City went on.", ["Gaza City"]),        # a known name's longer name
    ("Hamas’s Yahya Sinwar", ["Yahya Sinwar"]),
    ("They met the CIA.", ["CIA"]),                           # an acronym
    ("Use `Code Name` and [x](https://e.org/Not_A_Name).", []),  # code and link targets
    ("```\nFenced Name\n```\n", []),
    ("El secretario de Estado habló.", []),                  # Spanish: the state in a title
    ("Tom Ledger y el jefe de Estado.", ["Tom Ledger"]),
    ("*Más adelante:* [Entra en vigor](x.md) el acuerdo.", []),  # a link opens a sentence
    ("¿Quién habló? ¡Nadie!", []),                           # Spanish opening marks
    ("Dijo: «Llegan hoy».", []),
])
def test_names_that_look_like_names_and_have_no_entry(text, names):
    assert [c.name for c in unknown_names(text, KNOWN)] == names


def test_a_name_is_found_at_its_offset():
    assert [(c.name, c.start) for c in unknown_names("So, Tom Ledger.", KNOWN)] == \
        [("Tom Ledger", 4)]


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    project = copy_project(PROJECT, tmp_path_factory.mktemp("report") / "project")
    text = run_cli(project, "report", timeout=60)
    data = run_cli(project, "report", "--json", timeout=60)
    return text, data


def test_the_report_as_json(reported):
    _text, result = reported
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["names_without_entry"] == [
        {"name": "Tom Ledger", "uses": [{"file": A, "line": 6, "column": 65},
                                        {"file": A, "line": 9, "column": 38}]},
        {"name": "Le Havre", "uses": [{"file": A, "line": 7, "column": 42}]},
    ]
    assert [(s["file"], s["line"]) for s in data["stale_cards"]] == [(A, 5)]
    assert "places/portsmouth" in data["stale_cards"][0]["message"]
    assert data["unmentioned_entries"] == [
        {"entry": "people/ada-finch", "file": "annotations/people.yml", "line": 7,
         "column": 3}]
    [level] = data["reading_level"]
    assert level["article"] == "harbour-opens" and level["words"] == 49
    assert level["grade"] >= 0 and level["minutes"] == 1


def test_the_report_in_the_terminal(reported):
    result, _data = reported
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Names with no glossary entry (2):\n  Tom Ledger  (2×: " \
           f"{A}:6:65, {A}:9:38)\n  Le Havre  (1×: {A}:7:42)" in out
    assert "Stale cards (1):\n  docs/articles/harbour-opens.md:5:1: the card for " \
           "places/portsmouth" in out
    assert "Entries no article mentions (1):\n  people/ada-finch  " \
           "(annotations/people.yml:7:3)" in out
    assert "\n  harbour-opens  grade " in out


def test_a_project_with_errors_gets_its_errors_not_a_report(tmp_path):
    project = copy_project(PROJECT, tmp_path / "project")
    people = project / "annotations" / "people.yml"
    people.write_text(people.read_text().replace("summary:", "sumary:", 1))
    result = run_cli(project, "report", timeout=60)
    assert result.returncode == 1
    assert "unknown key 'sumary'" in result.stderr and result.stdout == ""


def test_a_spanish_article_is_measured_on_the_spanish_scale(tmp_path):
    project = copy_project(FIXTURES / "versions", tmp_path / "project")
    result = run_cli(project, "report", "--json", timeout=60)
    assert result.returncode == 0, result.stderr
    levels = {r["article"]: r for r in json.loads(result.stdout)["reading_level"]}
    spanish, english = levels["harbour-es"], levels["harbour"]
    assert (spanish["lang"], spanish["grade"]) == ("es", None)
    assert spanish["level"].startswith("INFLESZ ") and spanish["ease"] > 0
    assert english["level"] == f"grade {english['grade']:.1f}" and english["ease"] is None
