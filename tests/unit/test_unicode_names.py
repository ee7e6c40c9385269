"""Names in any script link the same way, and invisible characters change nothing.

Matching runs through the real article pipeline (our Markdown extension with a
linker built from glossary claims, as `SiteBuild` does); direction is checked on
a real site built by the CLI from a small project with an Arabic and a Hebrew
entry, where every place that shows a name or annotation text says `dir="auto"`.
"""

from __future__ import annotations

import re
import unicodedata

import markdown
import pytest

from marginalia.link.extension import MarginaliaExtension, PageState
from marginalia.link.linker import build_linker
from tests.conftest import run_cli


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def mentions(text: str, names: dict[str, str]) -> list[tuple[str, str]]:
    """(entry key, linked text) of every mention in `text` rendered as an article."""
    linker = build_linker({nfc(name): [key] for name, key in names.items()})
    ext = MarginaliaExtension(linker)
    ext.state = PageState(href=lambda key: "#ctx-" + key.replace("/", "-"))
    html = markdown.markdown(text, extensions=[ext])
    return re.findall(r'<a class="mg-mention[^"]*" data-entity="([^"]+)"[^>]*>(.*?)</a>', html)


JOSE = "José Martí"
ZURICH = "Zürich"


@pytest.mark.parametrize(("name", "text"), [
    (nfc(JOSE), f"{nfd(JOSE)} wrote poems."),
    (nfd(JOSE), f"{nfc(JOSE)} wrote poems."),
    (nfc(ZURICH), f"Trains leave {nfd(ZURICH)} hourly."),
    (nfd(ZURICH), f"Trains leave {nfc(ZURICH)} hourly."),
], ids=["NFC name, NFD text", "NFD name, NFC text", "NFC umlaut", "NFD umlaut"])
def test_composed_and_decomposed_names_both_match(name, text):
    found = mentions(text, {name: "people/x"})
    assert [key for key, _ in found] == ["people/x"]
    assert nfc(found[0][1]) in (nfc(JOSE), nfc(ZURICH))


@pytest.mark.parametrize(("text", "expected"), [
    ("Mara\u00a0Quill spoke.", ["Mara\u00a0Quill"]),
    ("Mara\u202fQuill spoke.", ["Mara\u202fQuill"]),
    ("Ma\u200bra Quill spoke.", ["Ma\u200bra Quill"]),
    ("Mara Qu\u00adill spoke.", ["Mara Qu\u00adill"]),
    ("\u200bMara Quill\u200d spoke.", ["Mara Quill"]),
], ids=["no-break space", "narrow no-break space", "zero-width space inside",
        "soft hyphen inside", "zero-width characters around"])
def test_invisible_characters_and_no_break_spaces_do_not_defeat_a_match(text, expected):
    assert [t for _, t in mentions(text, {"Mara Quill": "people/mara-quill"})] == expected


@pytest.mark.parametrize("text", [
    "Mara\u200bQuillson spoke.",
    "MaraQuill\u200b spoke.",
    "Mara\u200b\u200bQ spoke.",
    "\u200b\u200b\u200b",
    "Mara Quill\u200bson spoke.",
], ids=["joined to the next word", "spaces removed", "partial name", "only invisibles",
        "word continues after an invisible"])
def test_invisible_characters_do_not_fake_a_match(text):
    assert mentions(text, {"Mara Quill": "people/mara-quill"}) == []


@pytest.mark.parametrize(("name", "text"), [
    ("東京", "会議は東京で開かれた。"),
    ("北京", "代表团从北京出发。"),
    ("😀 Club", "The 😀 Club met."),
    ("Ελλάδα", "Η Ελλάδα ψήφισε."),
    ("القاهرة", "استؤنفت المحادثات في القاهرة يوم السبت."),
    ("ירושלים", "המשלחת הגיעה לירושלים? לא: היא ב ירושלים."),
], ids=["Japanese", "Chinese", "emoji", "Greek", "Arabic", "Hebrew"])
def test_names_in_any_script_match(name, text):
    found = mentions(text, {name: "places/x"})
    assert ("places/x", name) in found


def test_a_cjk_name_needs_no_spaces_but_a_latin_one_does():
    assert mentions("会議は東京で", {"東京": "places/tokyo"}) == [("places/tokyo", "東京")]
    assert mentions("Parisians", {"Paris": "places/paris"}) == []


ARTICLE = """---
title: Talks in Cairo
date: 2024-05-04
---

Talks resumed in القاهرة on Saturday, and the delegation flew on to ירושלים.
"""
PLACES = """\
- id: cairo
  name: القاهرة
  role: عاصمة مصر
  summary: أكبر مدينة في مصر.
  sources:
    - {title: Cairo, url: "https://example.org/cairo"}
- id: jerusalem
  name: ירושלים
  role: עיר
  summary: עיר בהרי יהודה.
  sources:
    - {title: Jerusalem, url: "https://example.org/jerusalem"}
"""


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("rtl")
    (root / "docs" / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    (root / "mkdocs.yml").write_text("site_name: RTL\ntheme:\n  name: material\n  font: false\n"
                                     "plugins:\n  - search\n  - marginalia\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# RTL\n", encoding="utf-8")
    (root / "docs" / "articles" / "talks.md").write_text(ARTICLE, encoding="utf-8")
    (root / "annotations" / "places.yml").write_text(PLACES, encoding="utf-8")
    result = run_cli(root, "build", "-d", str(root / "out"))
    assert result.returncode == 0, result.stderr
    return root / "out"


def _read(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_right_to_left_mentions_are_isolated_with_dir_auto(rtl_site):
    html = _read(rtl_site, "articles/talks")
    for key, name in (("places/cairo", "القاهرة"), ("places/jerusalem", "ירושלים")):
        tag = re.search(rf'<a [^>]*data-entity="{key}"[^>]*>{name}</a>', html)
        assert tag is not None and 'dir="auto"' in tag.group(0)


@pytest.mark.parametrize(("page", "texts"), [
    ("articles/talks", ["القاهرة", "عاصمة مصر", "أكبر مدينة في مصر."]),
    ("places/cairo", ["القاهرة", "عاصمة مصر", "أكبر مدينة في مصر."]),
    ("places/jerusalem", ["ירושלים", "עיר", "עיר בהרי יהודה."]),
    ("glossary", ["القاهرة", "ירושלים", "أكبر مدينة في مصر."]),
])
def test_right_to_left_names_and_text_sit_in_dir_auto_elements(rtl_site, page, texts):
    html = _read(rtl_site, page)
    for text in texts:
        # The innermost element holding the text, or one around it, says dir="auto".
        holder = re.search(rf'<(\w+)[^>]*dir="auto"[^>]*>(?:(?!</\1>).)*?{re.escape(text)}',
                           html, re.DOTALL)
        assert holder is not None, f"{text!r} on {page} is not inside a dir=\"auto\" element"
