"""Dated versions through the real command (issue 12): every mistake in `versions`
is reported at once, at file:line:col, and `check` and `build` exit 1 with nothing
written; the out-of-order warning alone lets a build through unless `--strict`."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

ARTICLE = "---\ntitle: T\ndate: 2024-05-04\n---\n\nAda Moreau spoke.\n"
ENTRY = """\
- id: ada-moreau
  name: Ada Moreau
  role: Minister
  summary: A minister.
  sources:
    - {title: Gov, url: "https://example.org/gov"}
  versions:
"""
MISTAKES = (
    "    - {from: 2022-01-01}\n"                       # line 8
    "    - {from: 2023-01-01}\n"                       # line 9: overlaps line 8
    "    - {from: 2025-06-01, until: 2025-01-01}\n"    # line 10: until before from
    "    - {role: Former minister}\n"                  # line 11: no dates
    "    - {from: 2026-01-01, sumary: Left.}\n"        # line 12: unknown key
)
EXPECTED = [
    "annotations/people.yml:9:8: error: this version overlaps",
    "annotations/people.yml:10:33: error: 'until' 2025-01-01 is before 'from' 2025-06-01",
    "annotations/people.yml:11:7: error: version 4 of people entry 'ada-moreau' has "
    "neither 'from' nor 'until'",
    "annotations/people.yml:12:26: error: unknown key 'sumary'",
]


@pytest.fixture
def broken(make_project):
    return make_project({"docs/articles/a.md": ARTICLE,
                         "annotations/people.yml": ENTRY + MISTAKES})


@pytest.mark.parametrize("command", [("check",), ("build", "-d", "out")])
def test_every_version_mistake_is_reported_at_once_and_exits_1(broken, command):
    result = run_cli(broken, *command)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == len(EXPECTED), result.stderr
    for line, expected in zip(errors, EXPECTED, strict=True):
        assert line.startswith(expected), line
    assert "Traceback" not in result.stderr
    assert not (broken / "out").exists()


@pytest.mark.parametrize(("strict", "code"), [((), 0), (("--strict",), 1)])
def test_versions_out_of_order_warn_and_fail_only_a_strict_build(make_project, strict,
                                                                 code):
    project = make_project({
        "docs/articles/a.md": ARTICLE,
        "annotations/people.yml": ENTRY + "    - {from: 2025-01-21}\n"
                                          "    - {until: 2025-01-20}\n"})
    result = run_cli(project, "build", "-d", "out", *strict)
    assert result.returncode == code, result.stderr
    assert "annotations/people.yml:9:8: warning: versions are out of order" in result.stderr
