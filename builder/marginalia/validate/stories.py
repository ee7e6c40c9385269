"""Rules for versions of an article (DESIGN §3, "Versions of an article").

A version is an article whose front matter says `version_of: <original slug>`
and a `lang` and/or `level`. Each mistake is one error at the value to change:

- `lang` is a BCP 47-ish code of a language `model.languages` names (`es`, `pt-BR`);
  `Spanish` and `sp` get "did you mean 'es'?";
- `level` is a whole number from 1 (1 = easiest);
- `version_of` names an existing article (with a did-you-mean), not the article
  itself, and not an article that is itself a version: versions hang off the
  original, never off each other (no chains);
- a version says `lang` or `level` (otherwise it is the original again), and no two
  articles of a story share both (the original counts, in the site's language
  and with no level);
- a version shares the original's date: a `date` that differs is an error. A
  version without `date` takes the original's, so the date is written once.

Articles are read first (`PendingArticle`), then these rules run over all of them,
since a version may be read before its original.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.load import YMap
from marginalia.model import ArticleMeta
from marginalia.model.languages import problem
from marginalia.validate.fields import Fields, kind_of

STORY_KEYS = ("lang", "version_of", "level")


@dataclass
class PendingArticle:
    """One article's front matter read, before its date can be settled."""

    meta: ArticleMeta
    """The record with `date` possibly `dt.date.min` (a version that inherits it)."""
    front: YMap
    dated: bool
    """Whether the front matter has its own valid `date`."""
    story_ok: bool = True
    """Whether its keys and `lang`/`level` values read without error (if not, the
    rules comparing it with other versions would only repeat that error)."""


def read_story_fields(f: Fields) -> dict[str, object]:
    """`lang`, `version_of` and `level` of one front matter, checked on their own."""
    out: dict[str, object] = {}
    m = f.m
    if "lang" in m:
        lang = f.text("lang")
        wrong = problem(lang) if lang else None
        if wrong is not None:
            f.error(m.where("lang"), "'lang' " + wrong[0], wrong[1])
        elif lang:
            out["lang"] = lang
    if "level" in m:
        level = m.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or level < 1:
            f.error(m.where("level"), f"'level' must be a whole number from 1, got "
                    f"'{level}'" if not isinstance(level, (dict, list)) else
                    f"'level' must be a whole number from 1, not {kind_of(level)}",
                    "fix: write `level: 1` for the easiest version, 2 for the next")
        else:
            out["level"] = level
    if "version_of" in m:
        original = f.ident("version_of")
        if original:
            out["version_of"] = original
    return out


def settle_stories(pending: dict[str, PendingArticle],
                   diags: list[Diagnostic]) -> dict[str, ArticleMeta]:
    """The articles with every version checked against its original and dated by it."""
    articles: dict[str, ArticleMeta] = {}
    originals = [s for s, p in pending.items() if not p.meta.version_of]
    seen: dict[tuple[str, str, int | None], str] = {}
    for slug in originals:
        meta = pending[slug].meta
        seen[(slug, meta.lang, meta.level)] = slug
    for slug, item in pending.items():
        meta = item.meta
        if not meta.version_of:
            if item.dated:
                articles[slug] = meta
            continue
        settled = _settle_version(slug, item, pending, originals, seen, diags)
        # A version in error is still an article, so its quiz and lesson do not
        # repeat the error as "names no article" (nothing is built anyway).
        target = pending.get(meta.version_of)
        date = target.meta.date if target and target.dated and not item.dated else meta.date
        articles[slug] = settled or replace(meta, date=date)
    return articles


def _settle_version(slug: str, item: PendingArticle, pending: dict[str, PendingArticle],
                    originals: list[str], seen: dict[tuple[str, str, int | None], str],
                    diags: list[Diagnostic]) -> ArticleMeta | None:
    """One version checked against its original: dated by it, or None after an error."""
    meta, front = item.meta, item.front
    target = pending.get(meta.version_of)
    where = front.where("version_of")
    if meta.version_of == slug:
        diags.append(Diagnostic(where, f"article '{slug}' is named as a version of "
                                "itself", "fix: name the original article's slug"))
        return None
    if target is None:
        diags.append(Diagnostic(where, f"'version_of' names no article '{meta.version_of}'",
                                did_you_mean(meta.version_of, originals) or
                                "fix: name the slug (file name) of the original article"))
        return None
    if target.meta.version_of:
        diags.append(Diagnostic(where, f"'{meta.version_of}' is itself a version of "
                                f"'{target.meta.version_of}'",
                                f"fix: write `version_of: {target.meta.version_of}` "
                                "(every version names the original)"))
        return None
    if not item.story_ok:
        return None
    if "lang" not in front and "level" not in front:
        diags.append(Diagnostic(where, f"version '{slug}' of '{meta.version_of}' has "
                                "neither 'lang' nor 'level'",
                                "fix: add `lang: es` for a translation or `level: 1` "
                                "for an easier version"))
        return None
    key = (meta.version_of, meta.lang, meta.level)
    if key in seen:
        other = pending[seen[key]].meta.origin.file
        level = f", level {meta.level}" if meta.level else ", no level"
        diags.append(Diagnostic(front.where("lang" if "lang" in front else "level"),
                                f"two versions of '{meta.version_of}' are in "
                                f"{meta.lang}{level}: this one and {other}",
                                "fix: give this version another `level` (or `lang`)"))
        return None
    seen[key] = slug
    original_date = target.meta.date
    if not target.dated:
        return None  # the original's missing or bad date is its own error
    if item.dated and meta.date != original_date:
        diags.append(Diagnostic(front.where("date"), f"'date' {meta.date} differs from "
                                f"the date of '{meta.version_of}' ({original_date})",
                                "fix: remove `date:` (a version shares its original's "
                                "date), or make the version an article of its own"))
        return None
    if "date" in front and not item.dated:
        return None  # a bad date was reported where it was read
    return replace(meta, date=original_date)


UNDATED = dt.date.min
"""Stand-in date of a version that inherits its original's (replaced by `settle_stories`)."""
