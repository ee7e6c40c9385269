"""`marginalia check` on a name two entries share, used only where nothing is linked.

The validator and the site walk the same tree: a shared alias in a heading or a
code block is never linked, so it needs no explicit mention and `check` passes;
the same alias in running text still fails, naming the line.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

PEOPLE = """\
- id: antony-blinken
  name: Antony Blinken
  aliases: [Blinken]
  role: Secretary of State
  summary: Leads the State Department.
  sources:
    - {title: State, url: "https://www.state.gov/"}
- id: other-blinken
  name: Other Blinken
  aliases: [Blinken]
  role: A namesake
  summary: Another person of the same surname.
  sources:
    - {title: State, url: "https://www.state.gov/"}
"""
ARTICLE = "---\ntitle: T\ndate: 2024-05-04\n---\n\n{body}\n"


@pytest.mark.parametrize(
    ("body", "exit_code"),
    [
        ("## Blinken abroad\n\n```\nBlinken = 1\n```\n\nThe `Blinken` field.", 0),
        ("## Blinken abroad\n\nBlinken spoke.", 1),
        ("[Blinken](@none) spoke of Radio-Blinken.", 0),
        ("The Blinkens spoke.", 1),
    ],
    ids=["heading-and-code-only", "also-in-a-paragraph", "kept-unmarked-and-in-a-compound",
         "a-plural"],
)
def test_check_exits_zero_when_a_shared_alias_is_only_where_nothing_links(
        make_project, body, exit_code):
    root = make_project({"annotations/people.yml": PEOPLE,
                         "docs/articles/a.md": ARTICLE.format(body=body),
                         "docs/index.md": "# Home\n"})
    result = run_cli(root, "check")
    assert result.returncode == exit_code, result.stderr
