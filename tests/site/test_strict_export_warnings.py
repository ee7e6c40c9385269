"""`marginalia build --strict` fails on what an LMS export loses, as on any warning,
with either engine.

The teacher edition writes the LMS files; a question a format cannot hold as
written is a warning naming the question, the format and the loss. It is logged
at WARNING (never INFO), so MkDocs' strict mode counts it. The lesson project's
quiz has an order and a match question, which Canvas, GIFT, Moodle and the
cartridge all reshape, and a public site_url, so those are its only warnings.
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, copy_project, run_cli


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(FIXTURES / "lesson-project", tmp_path_factory.mktemp("strict"))


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("WARNING")]


def test_export_warnings_are_logged_as_warnings(project, tmp_path):
    result = run_cli(project, "build", "--edition", "teacher", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    warnings = _warnings(result.stderr)
    assert any("qti: question 'sequence'" in w and "exported as matching" in w
               for w in warnings), result.stderr


def test_strict_build_fails_on_an_export_warning(project, tmp_path):
    result = run_cli(project, "build", "--edition", "teacher", "--strict",
                     "-d", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "strict mode" in result.stderr
    warnings = _warnings(result.stderr)
    assert warnings, result.stderr
    # it failed for the exports' warnings and nothing else
    assert all("marginalia: lesson river-bridge: warning: " in w for w in warnings), warnings
    assert "Traceback" not in result.stderr


def test_strict_student_build_of_the_same_project_passes(project, tmp_path):
    # the student edition writes no LMS file, so it has nothing to warn about
    result = run_cli(project, "build", "--strict", "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr


def test_strict_zensical_build_fails_on_an_export_warning_and_publishes_nothing(project,
                                                                             tmp_path):
    site = tmp_path / "site"
    result = run_cli(project, "build", "--engine", "zensical", "--edition", "teacher",
                     "--strict", "-d", str(site))
    assert result.returncode == 1
    assert "lesson river-bridge: warning: qti: question 'sequence'" in result.stderr
    assert "in strict mode; the site was not published" in result.stderr
    assert not site.exists()
    assert "Traceback" not in result.stderr


def test_strict_zensical_student_build_of_the_same_project_passes(project, tmp_path):
    result = run_cli(project, "build", "--engine", "zensical", "--strict",
                     "-d", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()
