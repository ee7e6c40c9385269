"""Where one sentence ends and the next begins, for every reader of plain text.

Backlinks quote the sentence that first mentions an entry; the lesson page
counts sentences for its reading level. Both cut at the same place: after
`.`, `!`, `?` or `…` (and any closing quote or bracket), before white space.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")
"""The gap after a sentence: its end mark, closing quotes or brackets, then space."""


def split_sentences(text: str) -> list[str]:
    """The sentences of plain text, each stripped; empty pieces are dropped."""
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
