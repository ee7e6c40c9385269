"""Dates as pages print them, in the page's language: one function, `human_date`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from marginalia.render.i18n import human_date

PACKAGE = Path(__file__).resolve().parents[2] / "builder" / "marginalia"


@pytest.mark.parametrize(("day", "lang", "printed"), [
    (dt.date(2024, 5, 4), "en", "4 May 2024"),
    (dt.date(2024, 5, 4), "es", "4 de mayo de 2024"),
    (dt.date(2025, 1, 19), "es", "19 de enero de 2025"),
    (dt.date(2024, 3, 2), "en", "2 March 2024"),          # no leading zero
    (dt.date(2024, 12, 31), "es-MX", "31 de diciembre de 2024"),  # a region of a language
    (dt.date(2024, 5, 4), "fr", "4 mai 2024"),           # no catalog: Babel's month names
    (dt.date(2024, 5, 4), "not a language", "4 May 2024"),
    (dt.date(2024, 5, 4), None, "4 May 2024"),
    (None, "es", ""),
])
def test_a_date_in_each_language(day, lang, printed):
    assert human_date(day, lang) == printed


def test_no_module_formats_a_date_but_the_one_function():
    formatting = re.compile(r"strftime|%B|%b\b|format_date\(|\.ctime\(")
    offenders = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if p.name != "i18n.py" and formatting.search(p.read_text(encoding="utf-8"))]
    offenders += [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.html")
                  if "strftime" in p.read_text(encoding="utf-8")]
    assert offenders == []
