"""The edition is a typed value: parsed once at the boundary, asked `is_teacher`."""

from __future__ import annotations

import pytest

from marginalia.model.edition import EDITIONS, Edition


@pytest.mark.parametrize(("name", "edition", "is_teacher"), [
    ("student", Edition.STUDENT, False),
    ("teacher", Edition.TEACHER, True),
])
def test_a_name_parses_to_its_edition(name, edition, is_teacher):
    assert Edition.parse(name) is edition
    assert edition.is_teacher is is_teacher


@pytest.mark.parametrize("edition", list(Edition))
def test_an_edition_formats_as_the_name_users_write(edition):
    assert f"site-{edition}" == f"site-{edition.value}"
    assert edition == edition.value


@pytest.mark.parametrize("typo", ["teachers", "Teacher", ""])
def test_an_unknown_name_is_refused_with_the_names_that_exist(typo):
    with pytest.raises(ValueError, match="student, teacher"):
        Edition.parse(typo)


def test_the_names_are_listed_student_first():
    assert EDITIONS == ("student", "teacher")
