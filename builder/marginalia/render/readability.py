"""How hard an article is to read: the figures a teacher checks before assigning it.

Words and sentences are counted by `textstat`; syllables by `pyphen`'s en_US
hyphenation dictionary (which textstat itself falls back to). We do not call
`textstat.flesch_kincaid_grade` directly: since 0.7.4 it looks syllables up in
NLTK's CMU dictionary and *downloads it* on first use, so a build would reach
the network (and fail or change its figures offline). The formula is the
published Flesch–Kincaid grade level. Reading time uses a silent-reading rate
for secondary students, rounded up so a plan never underestimates it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pyphen
import textstat

from marginalia.link import evidence

WORDS_PER_MINUTE = 200
"""A typical silent-reading rate for grades 9–12 non-fiction (a plan, not a promise)."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Readability:
    """The reading-level panel's figures for one article."""

    words: int
    grade: float
    """Flesch–Kincaid grade level (US school grade), one decimal place."""
    minutes: int

    @property
    def grade_label(self) -> str:
        return f"{self.grade:.1f}"


_HYPHENATOR = pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one word: hyphenation points plus one."""
    return len(_HYPHENATOR.positions(word.lower())) + 1


def flesch_kincaid_grade(words: list[str], sentences: int) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59, never below 0."""
    if not words or sentences < 1:
        return 0.0
    per_word = sum(syllables(w) for w in words) / len(words)
    return max(0.0, round(0.39 * len(words) / sentences + 11.8 * per_word - 15.59, 1))


def measure_text(text: str) -> Readability:
    """Figures for plain reading text (tags and Markdown already removed)."""
    words = _WORD.findall(text)
    sentences = int(textstat.sentence_count(text)) if words else 0
    minutes = max(1, math.ceil(len(words) / WORDS_PER_MINUTE)) if words else 0
    return Readability(words=len(words), grade=flesch_kincaid_grade(words, sentences),
                       minutes=minutes)


def measure_markdown(body: str) -> Readability:
    """Figures for an article's Markdown body, read as the student sees it."""
    return measure_text(evidence.plain_text(body))
