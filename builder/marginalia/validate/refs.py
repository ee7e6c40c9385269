"""References to glossary entries (`type/id`), checked alike wherever they are written.

A reference that names no entry gets the entry the editor most likely meant:
ranked by how close the id is to each entry's id *and* to the ids its names would
give (`organizations/quebec-liberal-party` finds the entry named "Quebec Liberal
Party" whatever its id), same type first, accents folded (`québec-solidaire` is
`quebec-solidaire`). A reference into a file that could not be read is not
reported at all: that file's own error says so, once (`Unread`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from marginalia.diagnostics import Diagnostic
from marginalia.model import (
    ENTITY_TYPES,
    Entity,
    Origin,
)
from marginalia.validate.fields import REF_RE, slugify

SUGGEST_CUTOFF = 70
"""Similarity (0–100, edit-distance based) below which no entry is offered."""
SAME_TYPE_BONUS = 8
"""What being of the type the editor wrote is worth against a closer id of another type."""


@dataclass
class Unread:
    """What could not be read (a file with a syntax error, say): references into it are
    left unchecked, so one mistake gives one error, not one per reference to it."""

    types: set[str] = field(default_factory=set)
    """Glossary types whose file could not be read."""
    articles: set[str] = field(default_factory=set)
    quizzes: set[str] = field(default_factory=set)


def check_ref(ref: str, origin: Origin, entries: Mapping[str, Entity],
              diags: list[Diagnostic], what: str, unread: Unread | None = None) -> bool:
    match = REF_RE.match(ref)
    folded = slugify_ref(ref)
    if not match and folded != ref and REF_RE.match(folded):
        diags.append(Diagnostic(origin, f"'{ref}' in {what} is not a reference like "
                                "'people/antony-blinken'",
                                f"did you mean '{folded}'? ids are lowercase ASCII letters, "
                                "digits and hyphens"))
        return False
    if not match or match.group(1) not in ENTITY_TYPES:
        diags.append(Diagnostic(origin, f"'{ref}' in {what} is not a reference like "
                                "'people/antony-blinken'",
                                "fix: write type/id with type one of " + ", ".join(ENTITY_TYPES)))
        return False
    if ref not in entries:
        if unread is not None and match.group(1) in unread.types:
            return False
        close = suggest_ref(ref, entries)
        diags.append(Diagnostic(origin, f"'{ref}' in {what} names no glossary entry",
                                f"did you mean '{close}'?" if close else
                                f"fix: add an entry with id '{match.group(2)}' to "
                                f"annotations/{match.group(1)}.yml"))
        return False
    return True


def slugify_ref(ref: str) -> str:
    """`organizations/Québec Solidaire` → `organizations/quebec-solidaire`."""
    type_, _, ident = ref.partition("/")
    return f"{type_.strip().lower()}/{slugify(ident)}" if ident else ref


def suggest_ref(ref: str, entries: Mapping[str, Entity]) -> str:
    """The key of the entry `ref` most likely means, or "" when none is close.

    Each entry is scored by the best edit-distance similarity of the written id to
    its id and to the slug of each of its names; an entry of the written type gets
    `SAME_TYPE_BONUS`, but an exact id or name of another type still wins (the
    editor knew the entry and guessed its type wrong)."""
    type_, _, ident = ref.partition("/")
    ident = slugify(ident)
    best: tuple[bool, float, str] | None = None
    for key, entity in entries.items():
        forms = {key.partition("/")[2], *(slugify(n) for n in getattr(entity, "names", ()))}
        score = max(fuzz.ratio(ident, form) for form in forms)
        rank = (score == 100, score + (SAME_TYPE_BONUS if key.startswith(type_ + "/") else 0),
                key)
        if score >= SUGGEST_CUTOFF and (best is None or rank[:2] > best[:2]):
            best = rank
    return best[2] if best else ""
