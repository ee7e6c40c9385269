"""References to glossary entries (`type/id`), checked alike wherever they are written."""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.model import (
    ENTITY_TYPES,
    Origin,
)
from marginalia.validate.fields import REF_RE


def check_ref(ref: str, origin: Origin, entries: dict, diags: list[Diagnostic],
               what: str) -> bool:
    match = REF_RE.match(ref)
    if not match or match.group(1) not in ENTITY_TYPES:
        diags.append(Diagnostic(origin, f"'{ref}' in {what} is not a reference like "
                                "'people/antony-blinken'",
                                "fix: write type/id with type one of " + ", ".join(ENTITY_TYPES)))
        return False
    if ref not in entries:
        diags.append(Diagnostic(origin, f"'{ref}' in {what} names no glossary entry",
                                did_you_mean(ref, entries) or
                                f"fix: add an entry with id '{match.group(2)}' to "
                                f"annotations/{match.group(1)}.yml"))
        return False
    return True
