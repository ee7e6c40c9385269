"""The ids Marginalia puts on pages, and the fragments that link to them.

A card, the first mention it returns to, and the passage a question quotes are
linked across pages (backlinks, quiz and answer-key evidence links) and within
one (card ↔ mention). Each id is made here and nowhere else, by Python and by
templates alike (the renderer registers these functions as Jinja filters), so
a link and its target cannot drift apart.
"""

from __future__ import annotations


def _slug(key: str) -> str:
    return key.replace("/", "-")


def card_id(key: str) -> str:
    """The id of an entry's card in an article's context panel: `ctx-people-x`."""
    return "ctx-" + _slug(key)


def mention_id(key: str) -> str:
    """The id of an entry's first mention in an article: `mention-people-x`."""
    return "mention-" + _slug(key)


def evidence_id(question_id: str) -> str:
    """The id of the passage a question quotes as its evidence: `ev-<question id>`."""
    return f"ev-{question_id}"


FILTERS = {"card_id": card_id, "mention_id": mention_id, "evidence_id": evidence_id}
"""The same functions under their template names: `{{ entity.key | card_id }}`."""
