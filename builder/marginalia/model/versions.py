"""Dated versions of a glossary entry (DESIGN §3, "Dated versions of an entry").

What is true of an entry changes over a story that runs for months: an office
ends, a leader is killed, an operation begins in a city. An entry may therefore
list versions, each valid over a closed range of dates (either end open) and
each overriding some of the entry's text. A card for an article dated D shows
the version whose range holds D, so an old article keeps saying what was true
on its day and a new one does not inherit yesterday's summary.

This module is pure data: which version holds a date, which versions are newer
than the one shown, and the ranges as a reader sees them. Checking that ranges
do not overlap is the validator's job (`marginalia.validate.versions`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marginalia.model.translations import Translations

if TYPE_CHECKING:
    from marginalia.model import Origin, Source

VERSION_FIELDS: tuple[str, ...] = ("role", "summary", "details", "sources")
"""The entry fields a version may override; everything else is the entry's own."""


@dataclass(frozen=True)
class EntityVersion:
    """One dated state of an entry. `None` for a field means "the entry's own"."""

    start: dt.date | None = None
    """`from` in YAML (inclusive); None = open towards the past."""
    end: dt.date | None = None
    """`until` in YAML (inclusive); None = still true (open towards the future)."""
    role: str | None = None
    summary: str | None = None
    details: str | None = None
    sources: tuple[Source, ...] | None = None
    translations: Translations = ()
    """This version's role, summary and details in other languages."""
    origin: Origin | None = field(default=None, compare=False)

    def holds(self, day: dt.date) -> bool:
        """Whether the version is valid on `day` (both ends inclusive)."""
        return (self.start is None or self.start <= day) and \
            (self.end is None or day <= self.end)

    @property
    def first_day(self) -> dt.date:
        """The date the version is listed under: its `from`, else its `until`."""
        day = self.start or self.end
        assert day is not None, "a version needs from or until (checked by validate)"
        return day

    def overrides(self) -> dict[str, object]:
        """The fields this version sets, for `dataclasses.replace` on the entry."""
        return {name: value for name in VERSION_FIELDS
                if (value := getattr(self, name)) is not None}


def version_at(versions: tuple[EntityVersion, ...], day: dt.date | None) -> EntityVersion | None:
    """The version whose range holds `day`, or None (then the entry's own fields apply).

    Validation rejects overlapping ranges; should two still hold the day (a
    project built without checking), the one listed first wins, so the result
    never depends on anything but the file.
    """
    if day is None:
        return None
    for version in versions:
        if version.holds(day):
            return version
    return None


def later_versions(versions: tuple[EntityVersion, ...],
                   day: dt.date | None) -> list[EntityVersion]:
    """Versions that begin after `day`, oldest first: "what changed since" a card."""
    if day is None:
        return []
    return sorted((v for v in versions if v.start is not None and v.start > day),
                  key=lambda v: v.first_day)


def newest_first(versions: tuple[EntityVersion, ...]) -> list[EntityVersion]:
    """The order an entity page's timeline lists versions in."""
    return sorted(versions, key=lambda v: (v.first_day, v.end or dt.date.max), reverse=True)
