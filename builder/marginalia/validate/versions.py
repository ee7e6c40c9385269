"""Rules for an entry's dated `versions` and for cards that have gone stale.

Each rule reports one diagnostic per mistake, at the line where the editor has
to act, with the fix:

- ``versions`` is a list of mappings; each knows only ``from``, ``until``,
  ``role``, ``summary``, ``details``, ``sources`` and ``translations`` (those
  checked in `marginalia.validate.translations`; a typo gets a did-you-mean)::

      versions:
        - from: 2024-05-07
          sumary: …            # error: unknown key 'sumary' (did you mean 'summary'?)

- a version needs ``from`` or ``until`` (a version valid on every date is the
  entry's own fields), and dates are real dates;
- ``until`` may not precede ``from``;
- no two versions may hold the same day (which would the card show?)::

      - from: 2024-01-01          # holds every day from 1 January 2024 on …
      - from: 2024-06-01          # error: overlaps the version at line 7
                                  #   (fix: give that one `until: 2024-05-31`)

- versions are listed oldest first (a warning: the timeline does not depend on
  it, but an editor reading the file does).

Gaps between versions are allowed: on a day no version holds, the entry's own
fields apply, as they do for an entry without versions.

The stale-card rule (`stale_cards`) is a warning: an article's card comes from an
entry that has no version for the article's date and whose ``as_of`` is further
from it than the site allows (365 days unless configured), so a reader would
see, say, a premier "in office since 2003" on an article of 2024.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from marginalia.diagnostics import Diagnostic
from marginalia.load import YList, YMap
from marginalia.model import ArticleMeta, Glossary, Origin, Source
from marginalia.model.versions import EntityVersion
from marginalia.validate.fields import Fields, kind_of
from marginalia.validate.translations import read_translations

VERSION_KEYS = ("from", "until", "role", "summary", "details", "sources", "translations")
STALE_AFTER_DAYS = 365
"""Default span between an undated entry's `as_of` and an article's date that warns."""


def read_versions(raw: YMap, what: str, diags: list[Diagnostic],
                  read_sources) -> tuple[EntityVersion, ...]:
    """The `versions` of one entry, checked; bad versions are reported and dropped.

    `read_sources(mapping, fields)` is the glossary's own reader of `sources`, so a
    version's sources obey exactly the rules of an entry's.
    """
    value = raw.get("versions")
    if value is None:
        return ()
    if not isinstance(value, YList):
        diags.append(Diagnostic(raw.where("versions"),
                                f"'versions' must be a list, not {kind_of(value)}",
                                "fix: write `- from: YYYY-MM-DD` for each version"))
        return ()
    versions: list[EntityVersion] = []
    for i, item in enumerate(value):
        if not isinstance(item, YMap):
            diags.append(Diagnostic(value.where(i), f"version {i + 1} of {what} must be a "
                                    f"mapping, not {kind_of(item)}",
                                    "fix: write `- from: YYYY-MM-DD` and indented keys"))
            continue
        version = _version(item, i, what, diags, read_sources)
        if version is not None:
            versions.append(version)
    _check_ranges(versions, diags)
    return tuple(versions)


def _version(item: YMap, index: int, what: str, diags: list[Diagnostic],
             read_sources) -> EntityVersion | None:
    f = Fields(item, f"version {index + 1} of {what}", diags)
    before = len(diags)
    f.check_keys(VERSION_KEYS, ())
    start, end = f.date("from"), f.date("until")
    if "from" not in item and "until" not in item:
        diags.append(Diagnostic(item.origin, f"version {index + 1} of {what} has neither "
                                "'from' nor 'until'",
                                "fix: add `from: YYYY-MM-DD` (the first day it is true) "
                                "and/or `until:` (the last); text true on every date "
                                "belongs in the entry's own fields"))
    if start and end and end < start:
        diags.append(Diagnostic(item.where("until"), f"'until' {end} is before 'from' "
                                f"{start} in version {index + 1} of {what}",
                                "fix: swap the two dates, or correct the one mistyped"))
    sources: tuple[Source, ...] | None = None
    if "sources" in item:
        sources = read_sources(item, f)
        if not sources and len(diags) == before:
            diags.append(Diagnostic(item.where("sources"), "a version's sources may not "
                                    "be empty", "fix: list at least one source, or remove "
                                    "`sources:` to keep the entry's own"))
    fields = {key: f.text(key) if key in item else None
              for key in ("role", "summary", "details")}
    translations = read_translations(item, f"version {index + 1} of {what}", diags,
                                     in_version=True)
    if len(diags) > before:
        return None
    return EntityVersion(start=start, end=end, sources=sources, translations=translations,
                         origin=item.where_key("from") if "from" in item
                         else item.where_key("until"), **fields)


def _check_ranges(versions: list[EntityVersion], diags: list[Diagnostic]) -> None:
    previous: EntityVersion | None = None
    for i, version in enumerate(versions):
        for earlier in versions[:i]:
            if _overlap(earlier, version):
                diags.append(Diagnostic(version.origin or Origin("<memory>"),
                                        f"this version overlaps the version at line "
                                        f"{_line(earlier)} ({_span(earlier)} and "
                                        f"{_span(version)} share a day)",
                                        "fix: " + _overlap_fix(earlier, version)))
        if previous is not None and version.first_day < previous.first_day:
            diags.append(Diagnostic(version.origin or Origin("<memory>"),
                                    f"versions are out of order: this one ({_span(version)}) "
                                    f"comes after a later one at line {_line(previous)}",
                                    "fix: list versions oldest first", severity="warning"))
        previous = version


def _overlap(a: EntityVersion, b: EntityVersion) -> bool:
    a_start, a_end = a.start or dt.date.min, a.end or dt.date.max
    b_start, b_end = b.start or dt.date.min, b.end or dt.date.max
    return a_start <= b_end and b_start <= a_end


def _overlap_fix(earlier: EntityVersion, version: EntityVersion) -> str:
    first, second = sorted((earlier, version), key=lambda v: v.start or dt.date.min)
    if second.start is not None and second.start > (first.start or dt.date.min):
        day_before = second.start - dt.timedelta(days=1)
        return f"end the version at line {_line(first)} with `until: {day_before}`"
    return "give each version its own range of dates"


def _line(version: EntityVersion) -> int:
    return version.origin.line if version.origin else 0


def _span(version: EntityVersion) -> str:
    start = str(version.start) if version.start else "…"
    end = str(version.end) if version.end else "…"
    return f"{start} to {end}"


def stale_cards(glossary: Glossary, articles: Mapping[str, ArticleMeta],
                mentions: Mapping[str, Iterable[str]],
                max_days: int = STALE_AFTER_DAYS) -> list[Diagnostic]:
    """Warn where an article's card would describe an entry as of a distant date.

    `mentions` maps each article's slug to the keys its text mentions. An entry
    with a version for the article's date is never stale; one without speaks as
    of its own `as_of` (an entry with no `as_of` speaks as of the article's date).
    """
    out: list[Diagnostic] = []
    for slug, keys in mentions.items():
        article = articles.get(slug)
        if article is None:
            continue
        for key in dict.fromkeys(keys):
            entity = glossary.entries.get(key)
            if entity is None or entity.as_of is None or entity.version_at(article.date):
                continue
            gap = abs((article.date - entity.as_of).days)
            if gap > max_days:
                out.append(Diagnostic(
                    article.origin,
                    f"the card for {key} in article '{slug}' ({article.date}) describes it "
                    f"as of {entity.as_of}, {gap} days away",
                    f"fix: add to {entity.origin.file}:{entity.origin.line} a version "
                    f"whose `from`/`until` holds {article.date}, or update its as_of",
                    severity="warning"))
    return out
