"""Finding a quiz question's evidence in the article it quotes.

Evidence must occur verbatim in the article's text after Markdown is rendered;
the only leniency is curly versus straight quotes, which editors cannot see,
and the line breaks authors wrap paragraphs with, which render as spaces.
Both sides are folded with a 1:1 character map so offsets stay valid.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as ET

import markdown

from marginalia.link.syntax import EXPLICIT_MENTION

QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ",
                            "\n": " ", "\r": " ", "\t": " "})
"""Curly quotes read as straight ones; a line break inside a paragraph (authors wrap
their Markdown) reads as the space it renders as. One character for one, always."""


def fold(text: str) -> str:
    """Fold curly quotes, no-break spaces and line breaks to what they read as."""
    return text.translate(QUOTE_FOLD)


def plain_text(markdown_body: str) -> str:
    """The article's reading text: Markdown rendered, tags dropped, blocks on lines."""
    html = markdown.markdown(_drop_explicit_targets(markdown_body))
    root = ET.fromstring(f"<div>{html}</div>")
    blocks = ["".join(el.itertext()) for el in root]
    # A blank line between blocks: no evidence can span two paragraphs.
    return "\n\n".join(b.strip() for b in blocks if b.strip())


def paragraphs(markdown_body: str) -> tuple[str, ...]:
    """The reading text's paragraphs, each on one line: a paragraph authors wrapped
    in their Markdown is still one paragraph, its line breaks read as spaces."""
    return tuple(" ".join(b.split()) for b in plain_text(markdown_body).split("\n\n")
                 if b.strip())


def _drop_explicit_targets(body: str) -> str:
    # `[text](@people/x)` reads as "text"; a plain link keeps its text too.
    return EXPLICIT_MENTION.sub(lambda m: f"[{m.group(1)}](#)", body)


def find(evidence: str, text: str) -> int:
    """Offset of the evidence in the text, or -1 (quotes folded, case kept)."""
    return fold(text).find(fold(evidence))


def closest_passage(evidence: str, text: str, width: int = 0) -> str:
    """The stretch of the article most like the evidence, to print in an error."""
    folded_ev = fold(evidence).lower()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if s.strip()]
    if not sentences:
        return ""
    best = max(
        sentences,
        key=lambda s: difflib.SequenceMatcher(None, folded_ev, fold(s).lower()).ratio(),
    )
    width = width or max(len(evidence) + 40, 80)
    return best if len(best) <= width else best[: width - 1] + "…"
