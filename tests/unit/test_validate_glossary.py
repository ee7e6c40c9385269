"""Glossary validation: each rule reports file:line:col and a fix, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.validate import Paths, load_project

ARTICLE = "---\ntitle: T\ndate: 2024-05-04\n---\n\n{body}\n"
GOOD = """\
- id: antony-blinken
  name: Antony Blinken
  role: Secretary of State
  summary: Leads the State Department.
  sources:
    - {title: State, url: "https://www.state.gov/"}
"""


def project(tmp_path: Path, people: str, body: str = "Nothing here.") -> list[str]:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "docs" / "articles").mkdir(parents=True)
    (tmp_path / "annotations" / "people.yml").write_text(people, encoding="utf-8")
    (tmp_path / "docs" / "articles" / "a.md").write_text(ARTICLE.format(body=body),
                                                         encoding="utf-8")
    report = load_project(Paths(tmp_path, tmp_path / "docs", tmp_path / "annotations"))
    return [str(d) for d in report.diagnostics]


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        (GOOD.replace("  role: Secretary of State\n", ""),
         "annotations/people.yml:1:3: error: people entry is missing required key 'role'"),
        (GOOD.replace("summary:", "sumary:"),
         "annotations/people.yml:4:3: error: unknown key 'sumary' in people entry "
         "(did you mean 'summary'?)"),
        (GOOD.replace("id: antony-blinken", "id: Antony_Blinken"),
         "annotations/people.yml:1:7: error: 'id' 'Antony_Blinken' is not a valid id"),
        (GOOD.replace("  name: Antony Blinken\n", "  name: Antony Blinken\n  name: Tony\n"),
         "annotations/people.yml:3:3: error: duplicate key 'name' (first at line 2)"),
        (GOOD + GOOD,
         "annotations/people.yml:7:7: error: duplicate id 'antony-blinken' in people"),
        (GOOD + "  related: [places/nowhere]\n",
         "annotations/people.yml:7:13: error: 'places/nowhere' in related names no "
         "glossary entry"),
        (GOOD + "  as_of: May 2024\n",
         "annotations/people.yml:7:10: error: 'as_of' must be a date like 2024-05-04"),
        (GOOD.replace('"https://www.state.gov/"', "javascript:alert(1)"),
         "annotations/people.yml:6:27: error: 'url' 'javascript:alert(1)' is not a web "
         "address (fix: use a full http:// or https:// URL)"),
        ("- id: x\n\tname: X\n",
         "annotations/people.yml:2:1: error: invalid YAML"),
        ("{id: x}\n",
         "annotations/people.yml:1:1: error: expected a list of entries, found a mapping"),
    ],
)
def test_each_glossary_rule_names_file_line_and_fix(tmp_path, people, expected):
    messages = project(tmp_path, people)
    assert any(m.startswith(expected) for m in messages), messages


def test_every_error_is_reported_at_once(tmp_path):
    bad = GOOD.replace("summary:", "sumary:") + GOOD.replace("antony-blinken", "Bad Id")
    messages = project(tmp_path, bad)
    assert len([m for m in messages if ": error: " in m]) >= 3


def test_an_alias_claimed_by_two_entries_is_an_error_where_an_article_uses_it(tmp_path):
    first = GOOD + "  aliases: [Blinken]\n"
    second = GOOD.replace("antony-blinken", "other-blinken").replace(
        "Antony Blinken", "Other Blinken") + "  aliases: [Blinken]\n"
    messages = project(tmp_path, first + second, body="Blinken spoke.")
    assert any("docs/articles/a.md:6:1: error: 'Blinken' is claimed by "
               "people/antony-blinken and people/other-blinken" in m for m in messages), messages


SHARED_BLINKEN = (GOOD + "  aliases: [Blinken]\n" + GOOD.replace(
    "antony-blinken", "other-blinken").replace("Antony Blinken", "Other Blinken")
    + "  aliases: [Blinken]\n")


@pytest.mark.parametrize(
    ("body", "errors_at"),
    [
        ("## Blinken in Cairo\n\nNothing else.", []),
        ("The `Blinken` field.", []),
        ("```\nBlinken\n```", []),
        ("    Blinken in an indented code block", []),
        ("[Blinken](https://www.state.gov/) spoke.", []),
        ("## Blinken\n\nLater, Blinken spoke.", ["docs/articles/a.md:8:8"]),
        ("A `Blinken` and Blinken.", ["docs/articles/a.md:6:17"]),
        ("Antony Blinken spoke.", []),
    ],
    ids=["heading", "inline-code", "fenced-code", "indented-code", "link-text",
         "heading-then-paragraph", "code-then-text", "inside-a-longer-name"],
)
def test_a_shared_alias_is_an_error_only_where_the_site_would_link_it(tmp_path, body,
                                                                       errors_at):
    # Headings, code and links are never linked, and no explicit mention can be
    # written inside code: a use there needs no settling.
    messages = project(tmp_path, SHARED_BLINKEN, body=body)
    assert [m.split(": error:")[0] for m in messages if ": error: " in m] == errors_at


def test_an_explicit_mention_settles_an_ambiguous_alias(tmp_path):
    first = GOOD + "  aliases: [Blinken]\n"
    second = GOOD.replace("antony-blinken", "other-blinken").replace(
        "Antony Blinken", "Other Blinken") + "  aliases: [Blinken]\n"
    messages = project(tmp_path, first + second,
                       body="[Blinken](@people/antony-blinken) spoke.")
    assert [m for m in messages if ": error: " in m] == []


def test_an_explicit_mention_of_a_missing_entry_is_an_error(tmp_path):
    messages = project(tmp_path, GOOD, body="The [secretary](@people/antony-blinkn) spoke.")
    assert any(m.startswith("docs/articles/a.md:6:") and "names no glossary entry" in m
               and "did you mean 'people/antony-blinken'?" in m for m in messages), messages


def test_a_valid_glossary_has_no_diagnostics(tmp_path):
    assert project(tmp_path, GOOD) == []


def test_errors_are_listed_top_to_bottom_within_a_file(tmp_path):
    # Three rules that run at different stages: a dangling reference (checked
    # after every file is read), an unknown key and a bad URL.
    people = (GOOD.replace("summary:", "sumary:")
                  .replace('"https://www.state.gov/"', "ftp://state.gov")
              + "  related: [places/nowhere]\n")
    lines = [int(message.split(":")[1]) for message in project(tmp_path, people)]
    assert lines == sorted(lines) and {4, 6, 7} <= set(lines)
