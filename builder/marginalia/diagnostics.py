"""Errors that name file, line and fix.

Every step collects `Diagnostic`s instead of raising, so an editor sees every
problem at once; the CLI and the plugin print them the same way and refuse to
write anything while any is an error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from marginalia.model import Origin


@dataclass(frozen=True)
class Diagnostic:
    origin: Origin
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        tail = f" ({self.hint})" if self.hint else ""
        return f"{self.origin}: {self.severity}: {self.message}{tail}"


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or an empty string."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def format_report(diagnostics: list[Diagnostic]) -> str:
    errors = sum(1 for d in diagnostics if d.severity == "error")
    lines = [str(d) for d in diagnostics]
    noun = "error" if errors == 1 else "errors"
    lines.append(f"{errors} {noun} found; nothing was written.")
    return "\n".join(lines)
