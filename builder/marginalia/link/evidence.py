"""Finding a quiz question's evidence in the article it quotes.

Evidence must occur verbatim in the article's text after Markdown is rendered;
the only leniency is curly versus straight quotes, which editors cannot see,
and the line breaks authors wrap paragraphs with, which render as spaces.
Both sides are folded with a 1:1 character map so offsets stay valid.
"""

from __future__ import annotations

import difflib
import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache

import markdown
from rapidfuzz import fuzz

from marginalia.link.sentences import split_sentences
from marginalia.link.syntax import EXPLICIT_MENTION

QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ",
                            "\n": " ", "\r": " ", "\t": " "})
"""Curly quotes read as straight ones; a line break inside a paragraph (authors wrap
their Markdown) reads as the space it renders as. One character for one, always."""


def fold(text: str) -> str:
    """Fold curly quotes, no-break spaces and line breaks to what they read as."""
    return text.translate(QUOTE_FOLD)


@lru_cache(maxsize=256)
def plain_text(markdown_body: str) -> str:
    """The article's reading text: Markdown rendered, tags dropped, blocks on lines.

    Kept for the bodies last asked about: one build asks it of the same article
    for its quiz's evidence, its lesson's guided reading and its reading level.
    """
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


@dataclass(frozen=True)
class Closest:
    """The passage of an article most like a quotation, and where the two differ."""

    passage: str
    """The article's words the quotation most likely meant, whole words, uncut."""
    differences: tuple[tuple[str, str], ...]
    """(what the quotation says, what the article says there), in reading order."""

    def describe(self) -> str:
        """`closest passage: "…"; you wrote '2023', the article has '2024'`."""
        said = f'closest passage: "{self.passage}"'
        for ours, theirs in self.differences:
            if not ours:
                said += f"; the article also has '{theirs}'"
            elif not theirs:
                said += f"; the article has no '{ours}'"
            else:
                said += f"; you wrote '{ours}', the article has '{theirs}'"
        return said


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
"""A word (an apostrophe inside keeps it whole) or one punctuation mark."""


def closest_passage(evidence: str, text: str) -> Closest | None:
    """The stretch of the article most like the evidence, by edit distance.

    Candidates are the article's sentences (cut as backlinks cut them) and each
    pair of neighbouring sentences in a paragraph (a quotation may run across a
    full stop). A sentence at least as long as the evidence is searched for its
    best-aligned window (so a one-character typo finds its sentence, however long);
    a shorter one is compared whole (so a short heading that the evidence merely
    contains does not win). The window grows to whole words, never cut short.
    """
    wanted = fold(evidence).strip().lower()
    if not wanted:
        return None
    best: tuple[float, str, int, int] | None = None
    for candidate in _candidates(text):
        folded = fold(candidate).lower()
        if len(folded) != len(candidate):
            folded = fold(candidate)
        if len(folded) <= len(wanted):
            score, start, end = fuzz.ratio(wanted, folded), 0, len(candidate)
        else:
            found = fuzz.partial_ratio_alignment(wanted, folded)
            score, start, end = found.score, found.dest_start, found.dest_end
        if best is None or score > best[0]:
            best = (score, candidate, start, end)
    if best is None:
        return None
    _score, sentence, start, end = best
    passage = _whole_words(sentence, start, end)
    if evidence.rstrip()[-1:].isalnum():
        passage = passage.rstrip(_CLOSING)
    return Closest(*_differences(evidence, passage))


_CLOSING = ".,;:!?)]\"'”’"
"""Marks after the last word that a quotation ending in a word does not include."""


def _candidates(text: str) -> list[str]:
    out: list[str] = []
    for block in text.split("\n\n"):
        sentences = split_sentences(block)
        out += sentences
        out += [f"{a} {b}" for a, b in itertools.pairwise(sentences)]
    return out


def _whole_words(sentence: str, start: int, end: int) -> str:
    while start > 0 and not sentence[start - 1].isspace():
        start -= 1
    while end < len(sentence) and not sentence[end].isspace():
        end += 1
    return sentence[start:end].strip()


def _differences(evidence: str, passage: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The passage trimmed to the words the evidence lines up with, and the differences."""
    ours = list(_TOKEN.finditer(evidence))
    theirs = list(_TOKEN.finditer(passage))
    tokens_of = passage
    matcher = difflib.SequenceMatcher(
        None, [fold(m.group()) for m in ours], [fold(m.group()) for m in theirs],
        autojunk=False)
    ops = matcher.get_opcodes()
    # Words of the article before or after everything the quotation says are no difference.
    start, end = 0, len(passage)
    if len(ops) > 1 and ops[0][0] == "insert":
        start = theirs[ops[0][4]].start()
        ops = ops[1:]
    if len(ops) > 1 and ops[-1][0] == "insert":
        end = theirs[ops[-1][3] - 1].end()
        ops = ops[:-1]
    passage = passage[start:end]
    out = tuple((_span(evidence, ours[i1:i2]), _span(tokens_of, theirs[j1:j2]))
                for op, i1, i2, j1, j2 in ops if op != "equal")
    return passage, out


def _span(text: str, tokens: list[re.Match]) -> str:
    return text[tokens[0].start():tokens[-1].end()] if tokens else ""
