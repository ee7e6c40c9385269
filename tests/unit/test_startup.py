"""`marginalia check` starts fast: it imports what checking needs and nothing that
renders or exports.

Timing is left to `make bench` (a shared machine makes any time limit flaky); what
a command imports is what its start-up costs, and that does not vary.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO

CHECK = ("import sys\n"
         "from marginalia.cli import main\n"
         "code = main(['check'])\n"
         "print(' '.join(sorted(sys.modules)))\n"
         "sys.exit(code)\n")


@pytest.fixture(scope="module")
def imported() -> set[str]:
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=REPO, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split("\n")[-2].split())


@pytest.mark.parametrize("module", [
    "marginalia.render.site",     # the renderer: only a build draws pages
    "marginalia.render.reading",  # reading levels: only lesson pages and the report
    "marginalia.exports",         # LMS files: only teacher builds and `export`
    "weasyprint", "docx", "lxml",
    "zensical",
])
def test_check_does_not_import(imported, module):
    assert module not in imported
