"""How hard an article is to read: the figures a teacher checks before assigning it.

Words are runs of letters and digits (an apostrophe inside a word keeps it
whole); sentences are cut where backlinks cut them (link/sentences.py);
syllables come from `pyphen`'s en_US hyphenation dictionary. The formula is the
published Flesch–Kincaid grade level. Text in Spanish is measured with the Spanish
formula instead (`marginalia.render.readability_es`: Szigriszt-Pazos on the
INFLESZ scale), since English grade levels misjudge Spanish words. Everything is
local and offline: no dictionary is downloaded, no large library imported for one
count. Reading time uses a silent-reading rate for secondary students, rounded up
so a plan never underestimates it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import pyphen

from marginalia.link import evidence
from marginalia.link.sentences import split_sentences
from marginalia.model.languages import SITE_LANG, base
from marginalia.model.messages import N_
from marginalia.render.i18n import gettext, number
from marginalia.render.readability_es import (
    SCALE_NOTE,
    inflesz_band,
    perspicuity,
    spanish_syllables,
)

GRADE_LABEL = N_("grade %(grade)s")
"""A Flesch–Kincaid level in words (English here; pages say it in their language)."""
GRADE_NOTE = N_("Grade level is an estimate from sentence and word length; names and "
                "technical terms raise it.")
"""What a lesson says under an English level."""
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
    lang: str = SITE_LANG
    ease: float | None = None
    """Szigriszt-Pazos perspicuity (0–100, higher is easier) for Spanish text, else None."""

    def grade_label(self, lang: str = SITE_LANG) -> str:
        """The grade as a page in `lang` prints it: `7.1`, `7,1`."""
        return number(self.grade, lang)

    @property
    def measure(self) -> str:
        """The name of the formula the level comes from, for labels (a catalog msgid)."""
        return N_("Flesch–Kincaid grade") if self.ease is None \
            else N_("INFLESZ (Szigriszt-Pazos)")

    @property
    def note(self) -> str:
        """How to read the figure, for under it (a catalog msgid)."""
        return GRADE_NOTE if self.ease is None else SCALE_NOTE

    def value_label(self, lang: str = SITE_LANG) -> str:
        """The figure alone, for a table whose label is `measure`, in the page's
        language `lang`: `7.1`, `62.3 (normal)`; `62,3 (normal)` in Spanish."""
        if self.ease is None:
            return self.grade_label(lang)
        return f"{number(self.ease, lang)} ({gettext(lang, inflesz_band(self.ease))})"

    def level_label(self, lang: str = SITE_LANG) -> str:
        """The measured level in words of the page's language `lang`: `grade 7.1`, or
        `INFLESZ 51.6, fairly hard`; `INFLESZ 51,6, algo difícil` in Spanish."""
        if self.ease is None:
            return gettext(lang, GRADE_LABEL) % {"grade": self.grade_label(lang)}
        return f"INFLESZ {number(self.ease, lang)}, {gettext(lang, inflesz_band(self.ease))}"


@functools.cache
def _hyphenator() -> pyphen.Pyphen:
    """The en_US dictionary, read on first use (a quarter of a second): a build
    whose pages show no reading level never reads it."""
    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one word: hyphenation points plus one."""
    return len(_hyphenator().positions(word.lower())) + 1


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


def measure_sentences(sentences: list[str], lang: str = SITE_LANG) -> Readability:
    """Figures for text already cut into sentences, by the formula of its language."""
    words = [w for s in sentences for w in words_of(s)]
    count = len(sentences) if words else 0
    minutes = max(1, math.ceil(len(words) / WORDS_PER_MINUTE)) if words else 0
    if base(lang) == "es":
        ease = perspicuity(len(words), count, sum(spanish_syllables(w) for w in words))
        return Readability(words=len(words), grade=0.0, minutes=minutes, lang=lang, ease=ease)
    return Readability(words=len(words), grade=flesch_kincaid_grade(words, count),
                       minutes=minutes, lang=lang)


def measure_text(text: str, lang: str = SITE_LANG) -> Readability:
    """Figures for plain reading text (tags and Markdown already removed).

    A block (blank-line separated) ends a sentence even without a full stop: a
    heading or caption is not run into the sentence after it.
    """
    return measure_sentences([s for block in text.split("\n\n") for s in split_sentences(block)],
                             lang)


def measure_markdown(body: str, lang: str = SITE_LANG) -> Readability:
    """Figures for an article's Markdown body, read as the student sees it."""
    return measure_text(evidence.plain_text(body), lang)
