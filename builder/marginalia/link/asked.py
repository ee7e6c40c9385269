"""The word a vocabulary question asks about, which its prompt must not link.

A linked term previews its card, and the card defines it: a vocabulary prompt
that linked `delegation` would hand the reader the answer. The question does not
say which entry it asks about, so the prompt's own text does: a name the prompt
quotes as a word on its own (`what does "delegation" mean?`); when it quotes
none, every term (an entry of type `terms`) it names.
"""

from __future__ import annotations

from marginalia.link.linker import Linker

OPENING_QUOTES = "\"'“‘«"
CLOSING_QUOTES = "\"'”’»"
TERMS_PREFIX = "terms/"


def asked_terms(prompt: str, linker: Linker | None) -> frozenset[str]:
    """Keys of the entries a vocabulary question's prompt asks the meaning of."""
    if linker is None or not prompt:
        return frozenset()
    matches = linker.find(prompt, at_start=True)
    quoted = frozenset(m.key for m in matches if _quoted(prompt, m.start, m.end))
    return quoted or frozenset(m.key for m in matches if m.key.startswith(TERMS_PREFIX))


def _quoted(text: str, start: int, end: int) -> bool:
    """A quote mark right before the name and right after it (or after `,.?!` inside)."""
    if start == 0 or text[start - 1] not in OPENING_QUOTES:
        return False
    close = text[end:end + 1]
    if close and close in ",.?!":
        close = text[end + 1:end + 2]
    return bool(close) and close in CLOSING_QUOTES
