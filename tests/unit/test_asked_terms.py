"""Which entries a vocabulary question's prompt asks the meaning of (never linked there)."""

from __future__ import annotations

import pytest

from marginalia.link.asked import asked_terms
from marginalia.link.linker import build_linker

LINKER = build_linker({"delegation": ["terms/delegation"], "Hamas": ["organizations/hamas"],
                       "ceasefire": ["terms/ceasefire"]})


@pytest.mark.parametrize(("prompt", "keys"), [
    ('Hamas said "its delegation approached". What does "delegation" mean?',
     {"terms/delegation"}),
    ("What does “delegation,” mean here?", {"terms/delegation"}),
    ("What does ‘Hamas’ stand for?", {"organizations/hamas"}),
    ("Which word means a truce: delegation or ceasefire?",
     {"terms/delegation", "terms/ceasefire"}),
    ("What did Hamas send?", set()),
], ids=["the quoted word", "quote after a comma", "single curly quotes",
        "no quote: the prompt's terms", "no term"])
def test_a_vocabulary_prompt_asks_about(prompt, keys):
    assert asked_terms(prompt, LINKER) == keys
