"""Reading level of Spanish text: Szigriszt-Pazos perspicuity, read on the INFLESZ scale.

The formula and scale are as published: Szigriszt Pazos (1993), "Sistemas
predictivos de legibilidad del mensaje escrito: fórmula de perspicuidad" (doctoral
thesis, Universidad Complutense de Madrid), P = 206.835 − 62.3·S/W − W/F; bands from
Barrio-Cantalejo et al. (2008), "Validación de la Escala INFLESZ para evaluar la
legibilidad de los textos dirigidos a pacientes", An. Sist. Sanit. Navar. 31(2):135–152.
The worked examples below are counted by hand from those definitions."""

from __future__ import annotations

import pytest

from marginalia.render.readability import measure_text
from marginalia.render.readability_es import inflesz_band, perspicuity, spanish_syllables

EXAMPLE = "El puerto vuelve a abrir. La ministra habló con los marineros del barco."
"""2 sentences, 13 words; syllables: el 1, puer-to 2, vuel-ve 2, a 1, a-brir 2 (8);
la 1, mi-nis-tra 3, ha-bló 2, con 1, los 1, ma-ri-ne-ros 4, del 1, bar-co 2 (15): 23.
P = 206.835 − 62.3 × 23/13 − 13/2 = 206.835 − 110.223 − 6.5 = 90.1 (muy fácil)."""


@pytest.mark.parametrize(("word", "count"), [
    ("y", 1), ("hoy", 1), ("muy", 1), ("puerto", 2), ("leer", 2), ("caos", 2),
    ("día", 2), ("baúl", 2), ("que", 1), ("guerra", 2), ("pingüino", 3),
    ("Hamás", 2), ("Rafá", 2), ("negociaciones", 5), ("ahora", 3), ("Estados", 3),
    ("Unidos", 3), ("ciudad", 2), ("buey", 1), ("alto", 2),
])
def test_spanish_syllables_follow_spelling(word, count):
    assert spanish_syllables(word) == count


def test_perspicuity_of_the_worked_example_counts():
    assert perspicuity(words=13, sentences=2, syllable_count=23) == 90.1


def test_the_worked_example_is_counted_as_by_hand():
    level = measure_text(EXAMPLE, "es")
    assert (level.words, level.ease) == (13, 90.1)
    assert level.level_label == "INFLESZ 90.1, muy fácil"


@pytest.mark.parametrize(("score", "band"), [
    (20.0, "muy difícil"), (40.0, "algo difícil"), (54.9, "algo difícil"),
    (55.0, "normal"), (65.0, "bastante fácil"), (80.0, "muy fácil"),
])
def test_inflesz_bands(score, band):
    assert inflesz_band(score) == band


def test_english_text_keeps_its_flesch_kincaid_grade():
    level = measure_text("The cat sat on the mat.", "en")
    assert level.ease is None and level.level_label == "grade 0.0"
