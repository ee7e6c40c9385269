"""Versions of an article (DESIGN §3): each mistake in `version_of`, `lang`, `level` or
`date` is one error at the value to change, with its fix, all reported at once.

The fixture tests/fixtures/versions is valid; each row edits one file and pins the
exact diagnostics `marginalia check` prints."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES

ES = "docs/articles/harbour-es.md"
EASY = "docs/articles/harbour-level-1.md"


def check(tmp_path: Path, *edits: tuple[str, str, str]) -> tuple[list[str], object]:
    root = tmp_path / "p"
    shutil.copytree(FIXTURES / "versions", root)
    for name, old, new in edits:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    report = load_project(Paths(root, root / "docs", root / "annotations"))
    return [str(d) for d in report.diagnostics], report


@pytest.mark.parametrize(("edits", "expected"), [
    ([(ES, "version_of: harbour", "version_of: harbor")],
     [f"{ES}:3:13: error: 'version_of' names no article 'harbor' (did you mean 'harbour'?)"]),
    ([(ES, "version_of: harbour", "version_of: harbour-es")],
     [f"{ES}:3:13: error: article 'harbour-es' is named as a version of itself "
      "(fix: name the original article's slug)"]),
    ([(ES, "version_of: harbour", "version_of: harbour-level-1")],
     [f"{ES}:3:13: error: 'harbour-level-1' is itself a version of 'harbour' "
      "(fix: write `version_of: harbour` (every version names the original))"]),
    ([(EASY, "level: 1", "lang: en")],
     [f"{EASY}:4:7: error: two versions of 'harbour' are in en, no level: this one and "
      "docs/articles/harbour.md (fix: give this version another `level` (or `lang`))"]),
    ([(EASY, "level: 1", "lang: es")],
     [f"{EASY}:4:7: error: two versions of 'harbour' are in es, no level: this one and "
      f"{ES} (fix: give this version another `level` (or `lang`))"]),
    ([(EASY, "level: 1\n", "")],
     [f"{EASY}:3:13: error: version 'harbour-level-1' of 'harbour' has neither 'lang' nor "
      "'level' (fix: add `lang: es` for a translation or `level: 1` for an easier version)"]),
    ([(ES, "lang: es", "date: 2024-05-05\nlang: es")],
     [f"{ES}:4:7: error: 'date' 2024-05-05 differs from the date of 'harbour' (2024-05-04) "
      "(fix: remove `date:` (a version shares its original's date), or make the version an "
      "article of its own)"]),
    ([(ES, "lang: es", "lang: Spanish")],
     [f"{ES}:4:7: error: 'lang' 'Spanish' is not a language code (did you mean 'es'?)"]),
    ([(ES, "lang: es", "lang: sp")],
     [f"{ES}:4:7: error: 'lang' 'sp' is not a known language (did you mean 'es'?)"]),
    ([(ES, "lang: es", "lang: es_MX")],
     [f"{ES}:4:7: error: 'lang' 'es_MX' is not a language code "
      "(fix: write a BCP 47 code such as `es` or `pt-BR`)"]),
    ([(EASY, "level: 1", "level: 0")],
     [f"{EASY}:4:8: error: 'level' must be a whole number from 1, got '0' "
      "(fix: write `level: 1` for the easiest version, 2 for the next)"]),
    ([(EASY, "level: 1", "level: easy")],
     [f"{EASY}:4:8: error: 'level' must be a whole number from 1, got 'easy' "
      "(fix: write `level: 1` for the easiest version, 2 for the next)"]),
    ([(EASY, "level: 1", "levle: 1")],
     [f"{EASY}:4:1: error: unknown key 'levle' in article front matter "
      "(did you mean 'level'?)"]),
], ids=["unknown-original", "itself", "chain", "same-as-original", "same-lang-and-level",
        "neither-lang-nor-level", "other-date", "language-name", "unknown-language",
        "not-a-code", "level-zero",
        "level-text", "misspelt-key"])
def test_each_mistake_is_one_error_at_its_value(tmp_path, edits, expected):
    messages, _report = check(tmp_path, *edits)
    assert messages == expected


def test_all_mistakes_are_reported_at_once(tmp_path):
    messages, _ = check(tmp_path, (ES, "lang: es", "lang: Spanish"),
                        (EASY, "level: 1", "level: 0"))
    assert [m.split(": error")[0] for m in messages] == [f"{ES}:4:7", f"{EASY}:4:8"]


def test_a_version_without_a_date_takes_its_originals(tmp_path):
    messages, report = check(tmp_path)
    assert messages == []
    articles = report.project.articles
    assert articles["harbour-es"].date == articles["harbour"].date == dt.date(2024, 5, 4)


def test_a_version_may_repeat_the_originals_date(tmp_path):
    messages, _ = check(tmp_path, (ES, "lang: es", "date: 2024-05-04\nlang: es"))
    assert messages == []


@pytest.mark.parametrize(("slug", "lang", "version_of", "level"), [
    ("harbour", "en", "", None),
    ("harbour-es", "es", "harbour", None),
    ("harbour-level-1", "en", "harbour", 1),
])
def test_front_matter_gives_language_original_and_level(tmp_path, slug, lang, version_of,
                                                        level):
    _, report = check(tmp_path)
    article = report.project.articles[slug]
    assert (article.lang, article.version_of, article.level) == (lang, version_of, level)


def test_versions_of_a_story_list_the_original_first(tmp_path):
    _, report = check(tmp_path)
    for slug in ("harbour", "harbour-es", "harbour-level-1"):
        assert [a.slug for a in report.project.versions_of(slug)] == \
            ["harbour", "harbour-level-1", "harbour-es"]


def test_a_versions_quiz_quotes_that_version_not_the_original(tmp_path):
    messages, _ = check(tmp_path, ("annotations/quizzes/harbour-es.yml",
                                   "evidence: volvió a abrir el puerto de Puerto Luna",
                                   "evidence: reopened the harbour in Port Lune"))
    assert [m.split(" (fix:")[0] for m in messages] == [
        "annotations/quizzes/harbour-es.yml:7:15: error: evidence of question 'donde' does "
        "not occur in article 'harbour-es'"]
