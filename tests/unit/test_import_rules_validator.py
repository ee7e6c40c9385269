"""The shared, independent validator (../shared/tools/validate_lms.py) accepts every export
of the syntax fixture, whose texts are written to trip importers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from marginalia.exports import FORMATS, file_name
from tests.conftest import SHARED
from tests.unit.lms_cases import case


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_shared_validator_accepts_the_syntax_fixture(fmt, tmp_path):
    path = tmp_path / file_name("syntax-bridge", fmt)
    path.write_bytes(case("syntax").files[fmt])
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "validate_lms.py"), "-v",
                             str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
