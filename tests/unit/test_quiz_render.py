"""The quiz page's data: what the browser grades with, and the answer in words."""

from __future__ import annotations

import json

import pytest

from marginalia.model import (
    Match,
    MultipleAnswer,
    Open,
    Order,
    Question,
    Quiz,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.render.quiz import answer_in_words, match_partners, quiz_data, script_json

QUESTIONS = [
    Question("one", "P", SingleChoice(("a", "b", "c"), "c")),
    Question("many", "P", MultipleAnswer(("a", "b", "c"), ("c", "a"))),
    Question("tf", "P", TrueFalse(False)),
    Question("typed", "P", ShortAnswer(("1.4 million", "1,400,000"))),
    Question("steps", "P", Order(("a", "b", "c"), shown=("b", "c", "a"))),
    Question("pairs", "P", Match((("x", "Zed"), ("y", "alpha")))),
    Question("why", "P", Open("Because of the model answer.")),
]


def test_answers_travel_as_choice_indices():
    data = quiz_data(Quiz("s", "T", tuple(QUESTIONS)))
    assert data == {"quiz": "s", "questions": {
        "one": {"type": "single", "answer": 2},
        "many": {"type": "multiple", "answer": [2, 0]},
        "tf": {"type": "true-false", "answer": False},
        "typed": {"type": "short", "answer": ["1.4 million", "1,400,000"]},
        "steps": {"type": "order", "answer": [2, 0, 1]},
        "pairs": {"type": "match", "answer": [1, 0]},
        "why": {"type": "open"},
    }}


def test_match_partners_are_sorted_so_their_order_gives_nothing_away():
    assert match_partners({"x": "Zed", "y": "alpha", "z": "Mid"}) == ("alpha", "Mid", "Zed")


@pytest.mark.parametrize(("question", "words"), [
    (QUESTIONS[0], ["c"]),
    (QUESTIONS[1], ["c", "a"]),
    (QUESTIONS[2], ["False"]),
    (QUESTIONS[3], ["1.4 million", "Also accepted: 1,400,000"]),
    (QUESTIONS[4], ["a", "b", "c"]),
    (QUESTIONS[5], ["x → Zed", "y → alpha"]),
    (QUESTIONS[6], []),
], ids=[q.type for q in QUESTIONS])
def test_the_answer_in_words(question, words):
    assert answer_in_words(question) == words


@pytest.mark.parametrize("hostile", ["</script><script>alert(1)</script>", "<!--", "a & b"])
def test_embedded_json_cannot_close_its_script_element(hostile):
    text = script_json({"answer": [hostile]})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"answer": [hostile]}
