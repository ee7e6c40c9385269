"""Offsets become file:line:column the way an editor's cursor counts them (1-based)."""

from __future__ import annotations

import pytest

from marginalia.load import origin_at

TEXT = "first line\nsecond\n\nfourth"


@pytest.mark.parametrize(
    ("offset", "first_line", "expected"),
    [
        (0, 1, "a.md:1:1"),
        (6, 1, "a.md:1:7"),       # "line"
        (11, 1, "a.md:2:1"),      # just after the first newline
        (18, 1, "a.md:3:1"),      # the empty line
        (19, 1, "a.md:4:1"),
        (22, 1, "a.md:4:4"),
        (11, 6, "a.md:7:1"),      # a body that starts on line 6 of its file
    ],
)
def test_an_offset_is_reported_at_its_line_and_column(offset, first_line, expected):
    at = origin_at(TEXT, offset, "a.md", first_line)
    assert f"{at.file}:{at.line}:{at.column}" == expected
