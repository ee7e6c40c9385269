"""The interface's message catalogs: in step with the source, and Spanish complete.

Messages are extracted here from the templates and code with Babel's own API and
babel.cfg, exactly as `make messages` does, so a string added to a template
without running `make messages` (or without a Spanish translation) fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from marginalia.render import i18n
from marginalia.render.quiz import QUIZ_STRINGS, quiz_strings

REPO = Path(__file__).resolve().parents[2]
POT = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"
COMPLETE = ("es",)
"""Languages whose every message must be translated (English is the msgids)."""


def _key(message_id: str | tuple[str, ...]) -> tuple[str, ...]:
    return message_id if isinstance(message_id, tuple) else (message_id,)


def extracted() -> set[tuple[str, ...]]:
    """Every message the source holds now, read as `make messages` reads it."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f, str(REPO / "babel.cfg"))
    keywords = dict(DEFAULT_KEYWORDS, N_=None, Nn_=(1, 2))
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            str(REPO), method_map, options_map, keywords=keywords):
        found.add(_key(message))
    return found


def catalog(path: Path, lang: str | None = None):
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def ids(cat) -> set[tuple[str, ...]]:
    return {_key(m.id) for m in cat if m.id}


@pytest.fixture(scope="module")
def source_ids() -> set[tuple[str, ...]]:
    return extracted()


def test_the_template_holds_every_message_of_the_source_and_no_other(source_ids):
    pot = ids(catalog(POT))
    assert not source_ids - pot, f"new messages: run `make messages` ({source_ids - pot})"
    assert not pot - source_ids, f"messages gone from the source: run `make messages` " \
                                 f"({pot - source_ids})"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_each_shipped_catalog_has_exactly_the_templates_messages(lang):
    assert lang in i18n.shipped_languages()
    assert ids(catalog(i18n.catalog_path(lang), lang)) == ids(catalog(POT))


@pytest.mark.parametrize("lang", COMPLETE)
def test_every_message_is_translated_and_none_is_fuzzy(lang):
    cat = catalog(i18n.catalog_path(lang), lang)
    untranslated = [m.id for m in cat if m.id and (
        not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert not untranslated, f"untranslated in {lang}: {untranslated}"
    assert not fuzzy, f"fuzzy (not used until reviewed) in {lang}: {fuzzy}"


@pytest.mark.parametrize("lang", COMPLETE)
def test_translations_keep_every_placeholder_of_their_message(lang):
    cat = catalog(i18n.catalog_path(lang), lang)
    placeholder = re.compile(r"%\((\w+)\)s")
    for m in cat:
        if not m.id:
            continue
        wanted = set(placeholder.findall(_key(m.id)[-1]))
        for text in _key(m.string):
            assert set(placeholder.findall(text)) == wanted, (m.id, text)
    assert not [problem for problem in cat.check()]


def test_a_language_without_a_catalog_reads_the_english_messages():
    assert i18n.gettext("fr", "Who and what") == "Who and what"
    assert i18n.gettext("es-MX", "Who and what") == "Quién y qué"


def test_quiz_script_asks_only_for_words_the_page_carries():
    script = (REPO / "builder/marginalia/assets/quiz.js").read_text(encoding="utf-8")
    asked = set(re.findall(r'say\("(\w+)"', script))
    asked |= set(re.findall(r'"(retried_\w+)"', script))
    assert asked
    assert asked <= set(QUIZ_STRINGS) | {"retried_one", "retried_other"}


def test_quiz_words_come_in_the_pages_language():
    class _R:
        def gettext(self, message, lang):
            return i18n.gettext(lang, message)

    spanish = quiz_strings(_R(), "es")
    assert spanish["correct"] == "Correcto."
    assert spanish["retried_one"] != spanish["retried_other"]
    assert all(spanish[k] != m for k, m in QUIZ_STRINGS.items())


@pytest.mark.parametrize("theme", ["material", "zensical"])
@pytest.mark.parametrize("lang", i18n.shipped_languages())
def test_both_themes_ship_their_own_words_in_each_language_we_ship(theme, lang):
    """A page in one of our languages asks the theme for its words in it
    (theme/partials/language.html): the theme must have them."""
    import importlib

    root = Path(importlib.import_module(theme).__file__).parent / "templates"
    assert (root / "partials" / "languages" / f"{lang}.html").is_file()


@pytest.mark.parametrize(("site", "page", "expected"), [
    ("en", None, "Reading settings"),
    ("en", "es", "Opciones de lectura"),
    ("es", None, "Opciones de lectura"),
    ("es", "en", "Reading settings"),
])
def test_a_theme_template_without_gettext_says_each_pages_language(site, page, expected):
    import jinja2

    source = i18n.translate_template('<b>{{ _("Reading settings") }}</b>', site)
    meta = {i18n.PAGE_LANG_META: page} if page else {}
    rendered = jinja2.Template(source).render(page={"meta": meta})
    assert rendered == f"<b>{expected}</b>"


def test_words_the_same_in_every_language_are_written_once():
    assert i18n.translate_template('{{ _("%(n)s") }}', "en") == "%(n)s"
