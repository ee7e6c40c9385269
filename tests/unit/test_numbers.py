"""Reading levels as pages print them, in the page's language: one function, `number`,
with the language's decimal separator and one decimal place always shown (a level of
7.0 reads `7.0`, like its neighbours `7.1` and `6.9`, not `7`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marginalia.render.i18n import number
from marginalia.render.readability import Readability

PACKAGE = Path(__file__).resolve().parents[2] / "builder" / "marginalia"

GRADE = Readability(words=300, grade=12.2, minutes=2, lang="en")
EASE = Readability(words=300, grade=0.0, minutes=2, lang="es", ease=51.6)


@pytest.mark.parametrize(("value", "lang", "printed"), [
    (12.2, "en", "12.2"),
    (51.6, "es", "51,6"),
    (7.0, "en", "7.0"),
    (7.0, "es", "7,0"),
    (0.0, "es", "0,0"),
    (51.6, "es-MX", "51,6"),          # a region of a language
    (51.6, None, "51.6"),             # a page that does not say: the site default
    (51.6, "not a language", "51.6"),
])
def test_a_level_in_each_language(value, lang, printed):
    assert number(value, lang) == printed


@pytest.mark.parametrize(("level", "lang", "value", "label"), [
    (GRADE, "en", "12.2", "grade 12.2"),
    (GRADE, "es", "12,2", "grado 12,2"),
    (EASE, "es", "51,6 (algo difícil)", "INFLESZ 51,6, algo difícil"),
    (EASE, "en", "51.6 (fairly hard)", "INFLESZ 51.6, fairly hard"),
])
def test_level_labels_speak_the_pages_language(level, lang, value, label):
    """The page's language, not the text's: an English page lists the Spanish
    version's INFLESZ score with a point, a Spanish page an English grade with a comma."""
    assert (level.value_label(lang), level.level_label(lang)) == (value, label)


def test_no_page_formats_a_level_but_the_one_function():
    """A `:.1f` (or `%.1f`) in rendering code would print a point on a Spanish page.
    A place's coordinates keep theirs: a comma would make `31,53, 34,47` ambiguous."""
    fixed = re.compile(r"[:%]\.\d+f")
    offenders = [str(p.relative_to(PACKAGE)) for folder in ("render", "templates")
                 for p in (PACKAGE / folder).rglob("*") if p.suffix in (".py", ".html")
                 and fixed.search(p.read_text(encoding="utf-8"))]
    assert offenders == ["templates/entity.html"]
