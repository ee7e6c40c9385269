"""The words Marginalia adds to pages, in the page's language: gettext catalogs, dates
and numbers.

Every label, heading and message we add (cards, quiz, lesson, settings,
read-aloud, handouts, entity and glossary pages) is a gettext message. The
source of truth is `locale/<lang>/LC_MESSAGES/marginalia.po` next to this
package, extracted from the templates and code with Babel into
`locale/marginalia.pot` (`make messages`). The `.po` files are compiled in
memory the first time a language is asked for, so a clean clone needs no
compile step and no `.mo` file can lag behind its `.po`.

A page's language is its article's `lang`, else the site's (mkdocs.yml
`theme.language`, default `en`). A language without a catalog gets English
(the msgids), with its own month names where Babel knows them.

Python code marks a message with `N_` (a no-op the extractor knows), and the
template that shows it translates it with `_()`.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from marginalia.model.messages import N_

DOMAIN = "marginalia"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DEFAULT_LANG = "en"
"""The language of the msgids, and of a site that does not say."""

PAGE_LANG_META = "mg_lang"
"""The page metadata key naming a page's language when it is not the site's: the
theme layer's language partial (theme/partials/language.html) reads it, so the
theme's own words and `<html lang>` follow the page. Pages only ever get a language
we ship a catalog for, and both themes ship a partial for each of those."""


# TRANSLATORS: how pages print a date, as a CLDR pattern (d = day, MMMM = month
# in words, y = year; quote literal words: d 'de' MMMM 'de' y).
DATE_PATTERN = N_("d MMMM y")
"""How a page prints a date, as a CLDR pattern: `4 May 2024`. The pattern itself is a
message (translators give `d 'de' MMMM 'de' y` for `4 de mayo de 2024`)."""


def base_lang(code: str | None) -> str:
    """The language part of a BCP 47 code (`es-MX` → `es`); the default for none."""
    return (code or DEFAULT_LANG).replace("_", "-").split("-", 1)[0].lower() or DEFAULT_LANG


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / base_lang(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


def shipped_languages() -> tuple[str, ...]:
    """Languages with a catalog in the package, sorted."""
    found = LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    return tuple(sorted(p.parent.parent.name for p in found))


@lru_cache(maxsize=16)
def translations(lang: str | None) -> NullTranslations:
    """The compiled catalog for `lang` (by its language part), or English msgids."""
    path = catalog_path(lang or DEFAULT_LANG)
    if not path.is_file():
        return NullTranslations()
    with path.open("rb") as f:
        catalog = read_po(f, locale=base_lang(lang), domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(lang: str | None, message: str) -> str:
    return translations(base_lang(lang)).gettext(message)


def ngettext(lang: str | None, singular: str, plural: str, n: int) -> str:
    return translations(base_lang(lang)).ngettext(singular, plural, n)


@lru_cache(maxsize=16)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(DEFAULT_LANG)


_THEME_MESSAGE = re.compile(r"""\{\{ _\((?:"([^"]*)"|'([^']*)')\) \}\}""")


def translate_template(source: str, lang: str | None) -> str:
    """A theme template with each `{{ _("…") }}` replaced by its words, escaped: in
    the site's language `lang`, or in the page's where its metadata names another
    (`PAGE_LANG_META`), as `{% if %}` branches the template chooses between.

    For engines whose templates have no gettext (Zensical), so that the theme layer
    speaks each page's language as it does under MkDocs, where `_()` asks per page.
    """
    site = base_lang(lang)
    others = [code for code in shipped_languages() if code != site]

    def words(match: re.Match[str]) -> str:
        message = match[1] if match[1] is not None else match[2]
        text = html.escape(gettext(site, message))
        branches = [(code, html.escape(gettext(code, message))) for code in others]
        branches = [(code, other) for code, other in branches if other != text]
        if not branches:
            return text
        test = f"page and page.meta and page.meta.{PAGE_LANG_META} == "
        return ("".join(f'{{% {"el" if i else ""}if {test}"{code}" %}}{other}'
                        for i, (code, other) in enumerate(branches))
                + f"{{% else %}}{text}{{% endif %}}")

    return _THEME_MESSAGE.sub(words, source)


def human_date(value: dt.date | None, lang: str | None = DEFAULT_LANG) -> str:
    """A date as pages print it in `lang`: `4 May 2024`, `4 de mayo de 2024`.

    The one place dates become words: templates (the `human_date` filter), the
    handout files and anything else that prints a date call this.
    """
    if value is None:
        return ""
    code = base_lang(lang)
    return format_date(value, gettext(code, DATE_PATTERN), locale=_locale(code))


def number(value: float, lang: str | None = DEFAULT_LANG) -> str:
    """A measured figure as pages print it in `lang`, one decimal place kept even when
    it is 0: `12.2` and `7.0` in English, `51,6` and `7,0` in Spanish.

    The one place a reading level (grade, INFLESZ score) becomes text: the level
    labels, the versions menu and the lesson page call this, so a Spanish page
    never shows a decimal point. JSON keeps numbers as numbers and does not.
    """
    code = base_lang(lang)
    return format_decimal(value, format="#,##0.0", locale=_locale(code))
