"""Reading level of Spanish text: the Szigriszt-Pazos perspicuity on the INFLESZ scale.

Flesch–Kincaid's grade is fitted to English words (which carry fewer syllables
than Spanish ones), so a Spanish version gets the Spanish adaptation of Flesch's
reading ease instead, the formula of Szigriszt Pazos (1993, "Sistemas
predictivos de legibilidad del mensaje escrito: fórmula de perspicuidad"):

    P = 206.835 − 62.3 × syllables / words − words / sentences

read on the INFLESZ scale validated by Barrio-Cantalejo et al. (2008, "Validación
de la Escala INFLESZ para evaluar la legibilidad de los textos dirigidos a
pacientes", An. Sist. Sanit. Navar. 31(2):135–152). Higher is easier:

    under 40 muy difícil · 40–55 algo difícil · 55–65 normal (general press)
    65–80 bastante fácil · 80 and over muy fácil

Syllables are counted by rule, not by dictionary: Spanish spelling shows them.
The rules are the Real Academia's for diphthong and hiatus (Diccionario
panhispánico de dudas, s.v. *diptongo*, *hiato*): each run of vowels is one
syllable, except where two open vowels meet (`le-er`, `ca-os`), two equal vowels
meet (`chi-i-ta`) or an accented í/ú breaks a diphthong (`dí-a`, `ba-úl`). The
silent u of que/qui/gue/gui is not a vowel, y is one at the end of a syllable
(`hoy`, `y`), and an h between vowels does not divide them (`ahu-mar`,
`prohi-bir`) unless a diphthong starts after it (`a-hue-car`).
"""

from __future__ import annotations

import re

from marginalia.model.messages import N_

OPEN = frozenset("aeoáéó")
VOWELS = frozenset("aeiouáéíóúü")
BREAKING = frozenset("íú")
"""Accented close vowels: always a syllable of their own (hiatus)."""

INFLESZ_BANDS: tuple[tuple[float, str], ...] = (
    (40, N_("very hard")), (55, N_("fairly hard")), (65, N_("normal")),
    (80, N_("fairly easy")),
)
"""Upper bounds of the INFLESZ bands and their names, as catalog messages: a page
says them in its language, and the Spanish catalog gives the names the scale itself
publishes (muy difícil, algo difícil, normal, bastante fácil, muy fácil)."""
TOP_BAND = N_("very easy")
"""The band of 80 and over."""
SCALE_NOTE = N_("INFLESZ reads Szigriszt-Pazos perspicuity (0–100, higher is easier): "
                "under 40 very hard, 40–55 fairly hard, 55–65 normal (general press), "
                "65–80 fairly easy, 80 and over very easy.")
"""What a lesson says under a Spanish version's level: the scale, band by band, in
the words its labels use (a test holds the two together in every language)."""

_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")
_SILENT_H = re.compile(r"h(?![iuü][aeiouáéíóúü])")
"""An h that joins the vowels around it: every h but one before a diphthong (`hue`, `hia`)."""
_Y_AS_VOWEL = re.compile(r"y(?![aeiouáéíóú])")


def spanish_syllables(word: str) -> int:
    """Syllables in one Spanish word (at least one), by the rules in the module docstring."""
    w = _Y_AS_VOWEL.sub("i", _SILENT_H.sub("", _SILENT_U.sub("", word.lower())))
    count, previous = 0, ""
    for ch in w:
        if ch not in VOWELS:
            previous = ""
            continue
        if not previous or ch == previous or (previous in OPEN and ch in OPEN) or \
                previous in BREAKING or ch in BREAKING:
            count += 1
        previous = ch
    return max(1, count)


def perspicuity(words: int, sentences: int, syllable_count: int) -> float:
    """Szigriszt-Pazos: 206.835 − 62.3 × syllables/words − words/sentences, one decimal,
    kept within 0–100 like the scale it is read on."""
    if words < 1 or sentences < 1:
        return 0.0
    score = 206.835 - 62.3 * syllable_count / words - words / sentences
    return round(min(100.0, max(0.0, score)), 1)


def inflesz_band(score: float) -> str:
    """The INFLESZ band a perspicuity falls in, as a catalog message (translate it)."""
    for bound, name in INFLESZ_BANDS:
        if score < bound:
            return name
    return TOP_BAND
