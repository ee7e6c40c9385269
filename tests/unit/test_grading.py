"""Short answers: what a reader may type differently and still be right.

`NORMALIZED` is also run through quiz.js in real Chromium
(tests/browser/test_quiz_in_browser.py), so the browser grades exactly as this
reference implementation does.
"""

from __future__ import annotations

import pytest

from marginalia.model.grading import canonical_number, is_correct_short, normalize

NORMALIZED: list[tuple[str, str]] = [
    # case, whitespace, punctuation at either end
    ("Rafah", "rafah"),
    ("  RAFAH  ", "rafah"),
    ("Rafah.", "rafah"),
    ("«Rafah»!", "rafah"),
    ("Rafah,\tGaza", "rafah, gaza"),
    ("Rafah \u00a0  Gaza", "rafah gaza"),
    ("(Rafah)", "rafah"),
    ("...", ""),
    ("", ""),
    # punctuation inside is kept: it can change the meaning
    ("al-Sisi", "al-sisi"),
    ("U.S.", "u.s"),
    # Unicode: NFC, casefold, curly quotes
    ("Cafe\u0301", "café"),
    ("CAFÉ", "café"),
    ("Straße", "strasse"),
    ("ΟΔΟΣ", "οδοσ"),
    ("Israel’s", "israel's"),
    ("“Hamas”", "hamas"),
    # numbers written either way
    ("1.4 million", "1400000"),
    ("1,400,000", "1400000"),
    ("1400000", "1400000"),
    ("1.4 Million.", "1400000"),
    ("2.5 billion", "2500000000"),
    ("3 thousand", "3000"),
    ("1.25 thousand", "1250"),
    ("0.5", "0.5"),
    ("0.50", "0.5"),
    ("007", "7"),
    ("1.234567 thousand", "1234.567"),
    ("about 1.4 million people", "about 1400000 people"),
    ("1.4 millions", "1.4 millions"),
    ("12,34", "12,34"),
    ("1,4000", "1,4000"),
    ("40 minutes to 10", "40 minutes to 10"),
]


@pytest.mark.parametrize(("typed", "expected"), NORMALIZED)
def test_normalize(typed, expected):
    assert normalize(typed) == expected


@pytest.mark.parametrize(("whole", "fraction", "scale", "expected"), [
    ("1", "4", "million", "1400000"),
    ("1,400,000", "", "", "1400000"),
    ("0", "", "", "0"),
    ("000", "", "thousand", "0"),
    ("1", "0001", "thousand", "1000.1"),
    ("7", "50", "", "7.5"),
])
def test_canonical_number_shifts_the_point_without_floats(whole, fraction, scale, expected):
    assert canonical_number(whole, fraction, scale) == expected


@pytest.mark.parametrize(("typed", "accepted", "right"), [
    ("rafah", ["Rafah", "Rafah, Gaza"], True),
    ("Rafah, Gaza.", ["Rafah", "Rafah, Gaza"], True),
    ("Gaza", ["Rafah", "Rafah, Gaza"], False),
    ("1,400,000", ["1.4 million"], True),
    ("1.4 million", ["1,400,000"], True),
    ("1.5 million", ["1,400,000"], False),
    ("", [""], False),
    ("?", ["!"], False),
])
def test_a_short_answer_is_right_when_it_matches_an_accepted_one(typed, accepted, right):
    assert is_correct_short(typed, accepted) is right


NORMALIZED_ES: list[tuple[str, str]] = [
    # Spanish answers ignore acute accents and the diaeresis, never ñ's tilde
    ("Rafá", "rafa"),
    ("Rafa", "rafa"),
    ("HAMÁS", "hamas"),
    ("pingüino", "pinguino"),
    ("El Cairo.", "el cairo"),
    ("año", "año"),
    ("Ano", "ano"),
    ("Rafa\u0301", "rafa"),
]
"""Run through quiz.js with lang "es" too (tests/browser/test_quiz_in_browser.py)."""


@pytest.mark.parametrize(("typed", "expected"), NORMALIZED_ES)
def test_spanish_answers_fold_accents(typed, expected):
    assert normalize(typed, "es") == expected


@pytest.mark.parametrize(("typed", "accepted", "lang", "right"), [
    ("Rafa", ["Rafá"], "es", True),
    ("Rafá", ["Rafa"], "es-MX", True),
    ("ano", ["año"], "es", False),
    ("Rafa", ["Rafá"], "en", False),  # English answers keep their accents, as before
])
def test_accents_count_by_the_quizs_language(typed, accepted, lang, right):
    assert is_correct_short(typed, accepted, lang) is right
