"""How hard an article is to read: the figures a teacher checks before assigning it.

Words are runs of letters and digits (an apostrophe inside a word keeps it
whole); sentences are cut where backlinks cut them (link/sentences.py);
syllables come from `pyphen`'s en_US hyphenation dictionary. The formula is the
published Flesch–Kincaid grade level. Everything is local and offline: no
dictionary is downloaded, no large library imported for one count. Reading time
uses a silent-reading rate for secondary students, rounded up so a plan never
underestimates it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pyphen

from marginalia.link import evidence
from marginalia.link.sentences import split_sentences

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


def words_of(text: str) -> list[str]:
    """The words of plain text, as the grade and the reading time count them."""
    return _WORD.findall(text)


def grade_level(words: int, sentences: int, syllable_count: int) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59, never below 0."""
    if words < 1 or sentences < 1:
        return 0.0
    return max(0.0, round(0.39 * words / sentences + 11.8 * syllable_count / words - 15.59, 1))


def flesch_kincaid_grade(words: list[str], sentences: int) -> float:
    """The grade of these words in this many sentences (syllables counted here)."""
    return grade_level(len(words), sentences, sum(syllables(w) for w in words))


def measure_sentences(sentences: list[str]) -> Readability:
    """Figures for text already cut into sentences."""
    words = [w for s in sentences for w in words_of(s)]
    count = len(sentences) if words else 0
    minutes = max(1, math.ceil(len(words) / WORDS_PER_MINUTE)) if words else 0
    return Readability(words=len(words), grade=flesch_kincaid_grade(words, count),
                       minutes=minutes)


def measure_text(text: str) -> Readability:
    """Figures for plain reading text (tags and Markdown already removed).

    A block (blank-line separated) ends a sentence even without a full stop: a
    heading or caption is not run into the sentence after it.
    """
    return measure_sentences([s for block in text.split("\n\n") for s in split_sentences(block)])


def measure_markdown(body: str) -> Readability:
    """Figures for an article's Markdown body, read as the student sees it."""
    return measure_text(evidence.plain_text(body))
