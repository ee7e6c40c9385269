"""Dated versions of an entry (DESIGN §3): which version a date picks, and every rule
`check` applies to versions, each reported once at file:line:col with its fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from marginalia.model import Entity, Source
from marginalia.model.versions import EntityVersion, newest_first
from marginalia.validate import Paths, load_project

D = dt.date.fromisoformat
ENTRY = Entity("people", "antony-blinken", "Antony Blinken", "Own role", "Own summary.",
               (Source("S", "https://example.org/"),),
               versions=(EntityVersion(D("2021-01-26"), D("2025-01-20"), role="Secretary"),
                         EntityVersion(D("2025-01-21"), None, role="Former secretary",
                                       summary="Left office.")))


@pytest.mark.parametrize(("day", "role", "summary", "as_of"), [
    ("2024-05-04", "Secretary", "Own summary.", "2024-05-04"),   # version 1, own summary
    ("2025-01-20", "Secretary", "Own summary.", "2025-01-20"),   # until is inclusive
    ("2025-01-21", "Former secretary", "Left office.", "2025-01-21"),  # from is inclusive
    ("2030-01-01", "Former secretary", "Left office.", "2030-01-01"),  # open end
    ("2020-01-01", "Own role", "Own summary.", None),            # no version: own fields
])
def test_an_entry_as_of_a_date_shows_the_version_holding_it(day, role, summary, as_of):
    seen = ENTRY.at(D(day))
    assert (seen.role, seen.summary) == (role, summary)
    assert seen.as_of == (D(as_of) if as_of else None)


def test_an_entry_without_versions_is_unchanged_on_any_date():
    plain = Entity("people", "x", "X", "R", "S.", ())
    assert plain.at(D("2024-05-04")) is plain


def test_later_versions_are_what_changed_since_a_date():
    assert [v.role for v in ENTRY.later_than(D("2024-05-04"))] == ["Former secretary"]
    assert ENTRY.later_than(D("2025-02-01")) == []


def test_the_timeline_is_newest_first():
    assert [v.role for v in newest_first(ENTRY.versions)] == ["Former secretary", "Secretary"]


ARTICLE = "---\ntitle: T\ndate: {date}\n---\n\nAntony Blinken spoke.\n"
HEAD = """\
- id: antony-blinken
  name: Antony Blinken
  role: Secretary of State
  summary: Leads the State Department.
  sources:
    - {title: State, url: "https://www.state.gov/"}
  versions:
"""


def diagnostics(tmp_path: Path, people: str, date: str = "2024-05-04",
                stale_after_days: int = 365) -> list[str]:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "annotations" / "people.yml").write_text(people, encoding="utf-8")
    (tmp_path / "docs" / "articles" / "a.md").write_text(ARTICLE.format(date=date),
                                                         encoding="utf-8")
    report = load_project(Paths(tmp_path, tmp_path / "docs", tmp_path / "annotations",
                                stale_after_days))
    return [str(d) for d in report.diagnostics]


@pytest.mark.parametrize(("versions", "expected"), [
    ("    - {from: 2024-01-01}\n    - {from: 2024-06-01}\n",
     "annotations/people.yml:9:8: error: this version overlaps the version at line 8 "
     "(2024-01-01 to … and 2024-06-01 to … share a day) "
     "(fix: end the version at line 8 with `until: 2024-05-31`)"),
    ("    - {from: 2024-06-01, until: 2024-01-01}\n",
     "annotations/people.yml:8:33: error: 'until' 2024-01-01 is before 'from' 2024-06-01"),
    ("    - {role: Former secretary}\n",
     "annotations/people.yml:8:7: error: version 1 of people entry 'antony-blinken' has "
     "neither 'from' nor 'until'"),
    ("    - {from: 2024-05}\n",
     "annotations/people.yml:8:14: error: 'from' must be a date like 2024-05-04"),
    ("    - {from: 2024-01-01, sumary: Left.}\n",
     "annotations/people.yml:8:26: error: unknown key 'sumary' in version 1 of people entry "
     "'antony-blinken' (did you mean 'summary'?)"),
    ("    - {from: 2025-01-21}\n    - {until: 2025-01-20}\n",
     "annotations/people.yml:9:8: warning: versions are out of order"),
    ("    - {from: 2024-01-01, sources: []}\n",
     "annotations/people.yml:8:35: error: a version's sources may not be empty"),
    ("    - just text\n",
     "annotations/people.yml:8:7: error: version 1 of people entry 'antony-blinken' must be "
     "a mapping, not text"),
])
def test_each_version_rule_names_file_line_and_fix(tmp_path, versions, expected):
    found = diagnostics(tmp_path, HEAD + versions)
    assert [d for d in found if d.startswith(expected)] != [], found
    assert len(found) == 1, found


def test_good_versions_with_a_gap_pass(tmp_path):
    versions = ("    - {from: 2021-01-26, until: 2022-01-01}\n"
                "    - {from: 2025-01-21, role: Former secretary}\n")
    assert diagnostics(tmp_path, HEAD + versions) == []


UNDATED = HEAD.replace("  versions:\n", "  as_of: 2012-08-02\n")


@pytest.mark.parametrize(("date", "span", "warned"), [
    ("2024-05-04", 365, True),     # the Charest case: twelve years apart
    ("2013-08-02", 365, False),    # exactly the span: not stale
    ("2013-08-03", 365, True),     # one day past it
    ("2013-08-03", 400, False),    # a site may allow more
])
def test_a_card_far_from_its_entry_as_of_is_a_stale_warning(tmp_path, date, span, warned):
    found = diagnostics(tmp_path, UNDATED, date=date, stale_after_days=span)
    stale = [d for d in found if "warning: the card for people/antony-blinken in article 'a'"
             in d]
    assert bool(stale) is warned, found
    if warned:
        assert stale[0].startswith("docs/articles/a.md:5:1: warning:")
        assert "fix: add to annotations/people.yml:1 a version" in stale[0]


def test_a_version_for_the_articles_date_is_never_stale(tmp_path):
    people = UNDATED + "  versions:\n    - {from: 2024-01-01, role: Secretary}\n"
    assert diagnostics(tmp_path, people) == []
