"""The ambiguity check's idea of a use is the page's (DESIGN §4): a table of Markdown
bodies and the uses of a shared name `linked_uses` reports, as source text."""

from __future__ import annotations

import pytest

from marginalia.link.linker import Linker
from marginalia.link.usage import linked_uses

SHARED = "?"
LINKER = Linker({"Burns": SHARED + "Burns", "state": SHARED + "state",
                 "Gaza": "places/gaza", "Quebec Liberal Party": SHARED + "QLP"})
WANTED = frozenset({SHARED + "Burns", SHARED + "state", SHARED + "QLP"})


def uses(body: str) -> list[str]:
    return [body[start:end] for start, end, _key in linked_uses(body, LINKER, WANTED)]


@pytest.mark.parametrize(("body", "expected"), [
    ("Burns spoke.", ["Burns"]),
    ("[Burns](@none) spoke.", []),
    ("[Burns](@people/william-burns) spoke.", []),
    ("Radio-Burns reported.", []),
    ("A pro-Burns rally.", ["Burns"]),
    ("The state said.", ["state"]),
    ("State media said.", ["State"]),
    ("## Talks\n\nState media said.", ["State"]),
    ("- State media", ["State"]),
    ("The State Department said.", []),
    ("They met. State media said.", ["State"]),
    ("The Quebec Liberal\nParty won.", ["Quebec Liberal\nParty"]),
    ("The Quebec Liberal\n\nParty won.", []),
    ("The states said.", ["states"]),
    ("`State` media", []),
], ids=["a use", "kept from being marked", "settled explicitly", "inside a compound",
        "after a lowercase prefix", "lowercase", "capitalised at the start",
        "after a heading", "list item", "capitalised mid-sentence", "after a full stop",
        "across a line break", "not across a paragraph", "plural", "in code"])
def test_the_check_reports_exactly_the_uses_the_page_would_link(body, expected):
    assert uses(body) == expected
