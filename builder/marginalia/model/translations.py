"""An entry's text in other languages (DESIGN §3, "Translations of an entry").

An entry is written in the site's language (`SITE_LANG`); `translations` gives
any of its fields in another language, and a dated version may give its own
`role`, `summary` and `details` in that language. A page in language L shows,
field by field:

1. the translation of the version valid at the article's date, if it has one;
2. else, when that version does not change the field, the entry's translation;
3. else the text the page would show in the site's language, *marked* as being
   in that language (`lang="en"`), so a screen reader switches voice and a
   reader knows why the card is in English.

Rule 2 stops at a version that changes a field: an entry's Spanish role written
for its first office must not stand for the English role of its second.

Names and aliases are the entry's, never a version's: `translations.es.aliases`
are the extra names the linker looks for in articles in Spanish (and only there).
"""

from __future__ import annotations

from dataclasses import dataclass

from marginalia.model.languages import base

TRANSLATED_FIELDS: tuple[str, ...] = ("name", "aliases", "role", "summary", "details")
"""Keys a translation of an entry may have."""
VERSION_TRANSLATED_FIELDS: tuple[str, ...] = ("role", "summary", "details")
"""Keys a translation of a dated version may have (names belong to the entry)."""
SHOWN_FIELDS: tuple[str, ...] = ("name", "role", "summary", "details")
"""The fields a page shows and marks one by one when they fall back."""


@dataclass(frozen=True)
class Translation:
    """An entry's (or a version's) fields in one language; None = not translated."""

    name: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None
    summary: str | None = None
    details: str | None = None


Translations = tuple[tuple[str, Translation], ...]
"""(language code, translation) pairs in file order: hashable, unlike a dict."""


def translation_in(translations: Translations, lang: str) -> Translation | None:
    """The translation for `lang`: its exact code first, then its language (`es-MX` → `es`)."""
    for code, translation in translations:
        if code == lang:
            return translation
    for code, translation in translations:
        if base(code) == base(lang):
            return translation
    return None


def localized_fields(entry: Translations, version: Translations | None,
                     version_sets: frozenset[str], lang: str,
                     shown: dict[str, str]) -> tuple[dict[str, str], frozenset[str]]:
    """The fields to show in `lang` and those that fell back (see the module docstring).

    `shown` is what the page would show in the site's language; `version_sets`
    names the fields the version valid at the date overrides. Returns the
    translated values and the names of shown, non-empty fields left untranslated.
    """
    own = translation_in(entry, lang)
    dated = translation_in(version, lang) if version else None
    values: dict[str, str] = {}
    fallback: set[str] = set()
    for name in SHOWN_FIELDS:
        text = getattr(dated, name, None) if dated and name != "name" else None
        if text is None and name not in version_sets and own is not None:
            text = getattr(own, name)
        if text is not None:
            values[name] = text
        elif shown.get(name):
            fallback.add(name)
    return values, frozenset(fallback)


def names_in(entry: Translations, lang: str) -> tuple[str, ...]:
    """An entry's extra names in `lang`: its translated name and aliases."""
    own = translation_in(entry, lang)
    if own is None:
        return ()
    return tuple(dict.fromkeys(([own.name] if own.name else []) + list(own.aliases)))
