"""The linker's rules (DESIGN.md §4), one row per behaviour."""

from __future__ import annotations

import pytest

from marginalia.link.linker import Linker, build_linker

NAMES = {
    "Antony Blinken": "people/antony-blinken",
    "Blinken": "people/antony-blinken",
    "Israel": "places/israel",
    "US": "places/united-states",
    "Hamas": "organizations/hamas",
    "Gaza": "places/gaza-strip",
    "Gaza Strip": "places/gaza-strip",
    "hostage": "terms/hostage",
    "北京": "places/beijing",
    "Zoë": "people/zoe",
    "ישראל": "places/israel-he",
    "🚀 Rocket Lab": "organizations/rocket-lab",
}


def linked(text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.key) for m in Linker(NAMES).find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken said", [("Blinken", "people/antony-blinken")]),
        ("Antony Blinken said", [("Antony Blinken", "people/antony-blinken")]),
        ("Israel’s offensive", [("Israel", "places/israel")]),
        ("Israel's offensive", [("Israel", "places/israel")]),
        ("Hamas' delegation", [("Hamas", "organizations/hamas")]),
        ("the release of hostages", [("hostages", "terms/hostage")]),
        ("let us talk", []),
        ("the US said", [("US", "places/united-states")]),
        ("USA and USB", []),
        ("Israeli villages", []),
        ("Gaza Strip residents", [("Gaza Strip", "places/gaza-strip")]),
        ("in Gaza, and Gaza.", [("Gaza", "places/gaza-strip"), ("Gaza", "places/gaza-strip")]),
        ("pro-Hamas rally", [("Hamas", "organizations/hamas")]),
        ("Hamasx", []),
        ("xHamas", []),
        ("HAMAS", []),
        ("我住在北京市", [("北京", "places/beijing")]),
        ("Zoë wrote", [("Zoë", "people/zoe")]),
        ("Zoe\u0308 wrote", [("Zoe\u0308", "people/zoe")]),
        ("Antony\u00a0Blinken said", [("Antony\u00a0Blinken", "people/antony-blinken")]),
        ("Bl\u200binken", [("Bl\u200binken", "people/antony-blinken")]),
        ("\u200b", []),
        ("שלום ישראל", [("ישראל", "places/israel-he")]),
        ("🚀 Rocket Lab launched", [("🚀 Rocket Lab", "organizations/rocket-lab")]),
    ],
)
def test_linker_finds_exactly_these_mentions(text, expected):
    assert linked(text) == expected


def test_longest_match_wins_over_a_shorter_alias():
    (match,) = Linker(NAMES).find("Antony Blinken")
    assert (match.start, match.end) == (0, len("Antony Blinken"))


def test_a_name_claimed_by_two_entries_is_not_linked_automatically():
    linker = build_linker({"Burns": ["people/william-burns", "people/other-burns"],
                           "CIA": ["organizations/cia"]})
    assert [m.key for m in linker.find("Burns of the CIA")] == ["organizations/cia"]


def test_an_empty_glossary_links_nothing():
    assert Linker({}).find("Anything at all") == []


def test_among_five_thousand_names_each_matches_only_itself():
    # Correctness at size, not speed (bench/ measures speed): near-identical names in
    # one index do not bleed into each other, and a name not in it matches nothing.
    names = {f"Name{i:05d}": f"people/p{i}" for i in range(5000)}
    linker = Linker(names)
    found = linker.find("Name00001 met Name04999 and Name12345.")
    assert [m.key for m in found] == ["people/p1", "people/p4999"]
