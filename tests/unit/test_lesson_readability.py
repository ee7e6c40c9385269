"""Reading-level figures: the published Flesch–Kincaid formula, offline and repeatable."""

from __future__ import annotations

import pytest

from marginalia.link.sentences import split_sentences
from marginalia.render.readability import (
    grade_level,
    measure_markdown,
    measure_text,
    syllables,
)

PLATYPUS = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
"""Wikipedia's worked example for the Flesch–Kincaid grade level ("Flesch–Kincaid
readability tests"): 13 words, 1 sentence and 24 syllables give grade 11.3."""


@pytest.mark.parametrize(("word", "count"), [
    ("cat", 1), ("ceasefire", 2), ("negotiations", 5), ("mediator", 4),
])
def test_syllables_come_from_the_hyphenation_dictionary(word, count):
    assert syllables(word) == count


def test_grade_of_the_published_worked_example():
    assert grade_level(words=13, sentences=1, syllable_count=24) == 11.3


def test_the_worked_example_is_counted_as_published():
    result = measure_text(PLATYPUS)
    assert result.words == 13
    assert measure_text(PLATYPUS + " " + PLATYPUS).grade == result.grade  # 2 sentences


def test_very_easy_text_is_grade_zero_not_negative():
    assert measure_text("The cat sat on the mat.").grade == 0.0


@pytest.mark.parametrize(("text", "sentences"), [
    ("The bridge cost 1.4 million pounds. It opened.", 2),
    ("He asked, “Is it open?” She said yes.", 2),
    ("Talks resumed… Nobody spoke.", 2),
    ("One sentence without a full stop", 1),
])
def test_sentences_end_where_the_reader_sees_them_end(text, sentences):
    assert len(split_sentences(text)) == sentences


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
