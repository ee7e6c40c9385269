"""Which edition of the site a build makes: the student's, or the teacher's.

The teacher edition adds lesson notes, model answers, answer keys and LMS export
downloads; the student edition leaves them out of the HTML entirely. Which one a
build makes was a string compared in half a dozen modules, where a typo
(`"teachers"`) silently meant "student". The command line and the MkDocs plugin
turn the string they are given into an `Edition` once, at the boundary; the core
asks `edition.is_teacher`.

`Edition` is a `str` enum, so it still equals, formats and serialises as its
name (`Edition.TEACHER == "teacher"`, `f"site-{edition}"` is `site-teacher`).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class Edition(str, Enum):
    """The two editions; the value is the name users write (`--edition teacher`)."""

    STUDENT = "student"
    TEACHER = "teacher"

    @property
    def is_teacher(self) -> bool:
        """Whether answers, notes and teacher-only downloads belong in this build."""
        return self is Edition.TEACHER

    @classmethod
    def parse(cls, value: str | Edition) -> Edition:
        """The edition named `value`; a ValueError listing both names otherwise."""
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(e.value for e in cls)
            raise ValueError(f"unknown edition {value!r} (fix: use one of {names})") from None

    def folder(self, site: Path) -> Path:
        """Where this edition is built when no folder is given, beside the site's
        `site_dir`: `site/` for the student's, `site-teacher/` for the teacher's, so the
        two never overwrite each other (whichever engine builds them)."""
        return site.with_name(f"{site.name}-{self}") if self.is_teacher else site

    def __str__(self) -> str:
        return self.value


EDITIONS: tuple[str, ...] = tuple(e.value for e in Edition)
"""The names, in the order `--edition` and the plugin's `edition` option list them."""
