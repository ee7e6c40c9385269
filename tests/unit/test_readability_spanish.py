"""Reading level of Spanish text: Szigriszt-Pazos perspicuity, read on the INFLESZ scale.

The formula and scale are as published: Szigriszt Pazos (1993), "Sistemas
predictivos de legibilidad del mensaje escrito: fórmula de perspicuidad" (doctoral
thesis, Universidad Complutense de Madrid), P = 206.835 − 62.3·S/W − W/F; bands from
Barrio-Cantalejo et al. (2008), "Validación de la Escala INFLESZ para evaluar la
legibilidad de los textos dirigidos a pacientes", An. Sist. Sanit. Navar. 31(2):135–152.

No published worked example (a text, or its syllable/word/sentence counts, with the
score the publication computed) could be found to test against: neither the thesis
nor the 2008 paper beyond its abstract could be consulted, and the pages that restate
the formula (A. Muñoz Fernández, legible.es, "Índice de perspicuidad de
Szigriszt-Pazos", https://legible.es/blog/perspicuidad-szigriszt-pazos/, and "Escala
INFLESZ") give it without an example. So the formula is tested against its published constants
with counts worked by hand, the bands against the published classification of a
published score, and the syllable counter against the Real Academia's own examples.
"""

from __future__ import annotations

import pytest

from marginalia.render.i18n import gettext
from marginalia.render.readability import measure_text
from marginalia.render.readability_es import (
    INFLESZ_BANDS,
    SCALE_NOTE,
    TOP_BAND,
    inflesz_band,
    perspicuity,
    spanish_syllables,
)

EXAMPLE = "El puerto vuelve a abrir. La ministra habló con los marineros del barco."
"""2 sentences, 13 words; syllables: el 1, puer-to 2, vuel-ve 2, a 1, a-brir 2 (8);
la 1, mi-nis-tra 3, ha-bló 2, con 1, los 1, ma-ri-ne-ros 4, del 1, bar-co 2 (15): 23.
P = 206.835 − 62.3 × 23/13 − 13/2 = 206.835 − 110.223 − 6.5 = 90.1 (muy fácil)."""


DPD_DIPHTHONGS = [
    ("viento", 2), ("aceite", 3), ("causa", 2), ("suave", 2), ("justicia", 3),
    ("cielo", 2), ("función", 2), ("cuadro", 2), ("suelo", 2), ("vacuo", 2),
    ("cantáis", 2), ("peine", 2), ("virrey", 2), ("androide", 3), ("aula", 2),
    ("Eugenio", 3), ("estadounidense", 6), ("ciudad", 2), ("descuido", 3), ("muy", 1),
    ("petróleo", 4), ("raedera", 4),
]
"""Real Academia Española and ASALE, Diccionario panhispánico de dudas, 2.ª edición
(versión provisional), s.v. "diptongo", §1, https://www.rae.es/dpd/diptongo (read at
http://www.rae.es/dpd/?key=diptongo): the syllabified examples vien.to, a.cei.te,
cau.sa, sua.ve; the diphthongs of justicia … estadounidense and of ciudad, descuido,
muy; and petróleo, raedera, whose two open vowels "se considera siempre hiato"."""

DPD_HIATUSES = [
    ("grúa", 2), ("país", 2), ("caer", 2), ("discutíais", 4),
    ("María", 3), ("ríe", 2), ("frío", 2), ("cacatúa", 4), ("acentúe", 4), ("búho", 2),
    ("aorta", 3), ("teatro", 3), ("etéreo", 4), ("poeta", 3),
    ("azahar", 3), ("poseer", 3), ("chiita", 3), ("alcohol", 3),
]
"""Diccionario panhispánico de dudas, 1.ª edición (2005), s.v. "hiato", §1 (read in
the copy of the entry at http://www.jmcprl.net/LENGUADUDAS/HIATO.htm): grú-a, pa-ís,
ca-er, dis-cu-tí-ais; closed tonic + open vowel (María … búho); two different open
vowels (caer … poeta); two equal vowels (azahar, poseer, chiita, alcohol)."""

DPD_INTERVOCALIC_H = [
    ("ahijado", 3), ("ahumar", 2), ("prohibir", 2),
    ("ahínco", 3), ("turbohélice", 5), ("prohíbe", 3),
]
"""The same entry, §3: "La h intercalada no tiene ninguna implicación": ahijado,
ahumar, prohibir keep their diphthong; ahínco, turbohélice, prohíbe their hiatus."""


@pytest.mark.parametrize(("word", "count"), DPD_DIPHTHONGS)
def test_a_closed_unstressed_vowel_joins_its_neighbour_but_open_vowels_part(word, count):
    assert spanish_syllables(word) == count


@pytest.mark.parametrize(("word", "count"), DPD_HIATUSES)
def test_the_academys_hiatuses_are_separate_syllables(word, count):
    assert spanish_syllables(word) == count


@pytest.mark.parametrize(("word", "count"), DPD_INTERVOCALIC_H)
def test_an_h_between_vowels_neither_makes_nor_breaks_a_diphthong(word, count):
    assert spanish_syllables(word) == count


@pytest.mark.parametrize(("word", "count"), [
    ("ahuecar", 3), ("cacahuete", 4), ("rehuir", 2), ("huevo", 2),
])
def test_a_diphthong_after_an_h_starts_its_own_syllable(word, count):
    """Hand-counted (a-hue-car, ca-ca-hue-te): the h rule above must not swallow these."""
    assert spanish_syllables(word) == count


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


@pytest.mark.parametrize(("words", "sentences", "syllables", "score"), [
    (24, 2, 51, 62.4),    # 206.835 − 132.3875 − 12 = 62.4475 (206.84 would give 62.5)
    (120, 8, 230, 72.4),  # 206.835 − 119.4083 − 15 = 72.4267 (60 × S/W: 76.8)
    (50, 1, 110, 19.8),   # 206.835 − 137.06 − 50 = 19.775 (1.02 × W/F: 18.8)
])
def test_perspicuity_uses_the_published_constants(words, sentences, syllables, score):
    """P = 206.835 − 62.3 · S/W − W/F, the constants as legible.es and Barrio-Cantalejo
    et al. restate Szigriszt Pazos (1993); each row fails if one constant is taken from
    Fernández Huerta's formula (206.84, 60, 1.02) instead."""
    assert perspicuity(words=words, sentences=sentences, syllable_count=syllables) == score


def test_the_worked_example_is_counted_as_by_hand():
    level = measure_text(EXAMPLE, "es")
    assert (level.words, level.ease) == (13, 90.1)
    assert level.level_label("es") == "INFLESZ 90,1, muy fácil"


@pytest.mark.parametrize(("score", "band"), [
    (20.0, "muy difícil"), (47.5, "algo difícil"), (60.0, "normal"),
    (72.5, "bastante fácil"), (90.0, "muy fácil"),
])
def test_inflesz_bands_inside_their_published_ranges(score, band):
    """Barrio-Cantalejo et al. (2008), as restated by A. Muñoz Fernández, "Escala
    Inflesz" (2016–2017, table "Perspicuidad | Inflesz", read at
    https://cnbguatemala.org/index.php?title=Legible/Escala_Inflesz&oldid=50818):
    0-40 muy difícil, 40-55 algo difícil, 55-65 normal, 65-80 bastante fácil,
    80-100 muy fácil. A Spanish page names each band as the scale does."""
    assert spanish_name(inflesz_band(score)) == band


def test_a_published_score_falls_in_its_published_band():
    """Ballesteros-Peña S, Fernández-Aedo I (2013), "Análisis de la legibilidad
    lingüística de los prospectos de los medicamentos mediante el índice de
    Flesch-Szigriszt y la escala Inflesz", An. Sist. Sanit. Navar. 36(3), abstract
    (https://scielo.isciii.es/scielo.php?script=sci_arttext&pid=S1137-66272013000300005):
    a mean of 52,62 is "un valor clasificado como 'algo difícil' en la Escala INFLESZ"."""
    assert spanish_name(inflesz_band(52.62)) == "algo difícil"


@pytest.mark.parametrize(("score", "band"), [
    (39.9, "muy difícil"), (40.0, "algo difícil"), (54.9, "algo difícil"),
    (55.0, "normal"), (65.0, "bastante fácil"), (80.0, "muy fácil"),
])
def test_a_shared_end_point_belongs_to_the_band_above(score, band):
    """The published ranges share their end points (40–55, 55–65); we read each as
    including its lower bound, as the lesson's note says ("40–55, algo difícil")."""
    assert spanish_name(inflesz_band(score)) == band


def spanish_name(band: str) -> str:
    """A band as a Spanish page prints it (its name is a catalog message)."""
    return gettext("es", band)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_lessons_note_on_the_scale_names_every_band_as_the_labels_do(lang):
    """The note under a Spanish version's level explains the scale: it must use the
    very words the level's label prints, in each language, or the two would disagree."""
    note = gettext(lang, SCALE_NOTE)
    for band in (*(name for _, name in INFLESZ_BANDS), TOP_BAND):
        assert gettext(lang, band) in note, band


def test_english_text_keeps_its_flesch_kincaid_grade():
    level = measure_text("The cat sat on the mat.", "en")
    assert level.ease is None and level.level_label() == "grade 0.0"
