"""Glossary rules on text alone: one file's YAML in, its exact problems out (line, col).

No folder on disk: `check_glossary` is the same code `marginalia check` runs per file.
"""

from __future__ import annotations

import pytest

from marginalia.validate.glossary import check_glossary

GOOD = """\
- id: antony-blinken
  name: Antony Blinken
  role: Secretary of State
  summary: Leads the State Department.
  sources:
    - {title: State, url: "https://www.state.gov/"}
"""


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(d.origin.line, d.origin.column, d.message) for d in check_glossary(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD, []),
        ("", []),
        (GOOD.replace("  role: Secretary of State\n", ""),
         [(1, 3, "people entry is missing required key 'role'")]),
        (GOOD.replace("summary:", "sumary:"),
         [(1, 3, "people entry is missing required key 'summary'"),
          (4, 3, "unknown key 'sumary' in people entry")]),
        (GOOD + GOOD.replace("name: Antony Blinken", "name: Tony Blinken"),
         [(7, 7, "duplicate id 'antony-blinken' in people (first at line 1)")]),
        ("- just a string\n", [(1, 3, "entry 1 must be a mapping, not text")]),
    ],
    ids=["good", "empty", "missing-key", "unknown-key", "duplicate-id", "not-a-mapping"],
)
def test_glossary_rule_reports_exact_position(text: str, expected: list) -> None:
    assert problems(text) == expected


def test_related_references_are_left_to_the_whole_glossary() -> None:
    text = GOOD.replace("  role:", "  related: [people/nobody]\n  role:")
    assert problems(text) == []
