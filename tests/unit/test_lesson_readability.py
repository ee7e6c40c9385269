"""Reading-level figures: the published Flesch–Kincaid formula, offline and repeatable."""

from __future__ import annotations

import pytest

from marginalia.render.readability import (
    flesch_kincaid_grade,
    measure_markdown,
    measure_text,
    syllables,
)


@pytest.mark.parametrize(("word", "count"), [
    ("cat", 1), ("ceasefire", 2), ("negotiations", 5), ("mediator", 4),
])
def test_syllables_come_from_the_hyphenation_dictionary(word, count):
    assert syllables(word) == count


def test_grade_follows_the_formula():
    words = ["The", "cat", "sat", "on", "the", "mat"]
    # 0.39 × 6/1 + 11.8 × 6/6 − 15.59 = -1.45 → clamped at 0
    assert flesch_kincaid_grade(words, 1) == 0.0
    long = ["negotiations"] * 20
    assert flesch_kincaid_grade(long, 1) == round(0.39 * 20 + 11.8 * 5 - 15.59, 1)


@pytest.mark.parametrize(("text", "words", "minutes"), [
    ("", 0, 0),
    ("One short sentence here.", 4, 1),
    ("word " * 401, 401, 3),
    ("Israel’s talks didn't stop.", 4, 1),
])
def test_words_and_reading_time(text, words, minutes):
    result = measure_text(text)
    assert (result.words, result.minutes) == (words, minutes)


def test_markdown_is_measured_as_the_reader_sees_it():
    plain = measure_text("Talks resumed in Cairo on Saturday.")
    marked = measure_markdown("Talks resumed in [Cairo](@places/cairo) on **Saturday**.")
    assert marked == plain


def test_measuring_needs_no_network(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("readability tried to open a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert measure_text("Negotiations aimed at securing a ceasefire resumed.").grade > 0
