"""Languages a site's pages and entries may be written in (DESIGN §3).

A page's language is its article's `lang`, else the site's (`SITE_LANG`, the
language the glossary's own fields are written in). Codes are BCP 47-ish: a
two- or three-letter language and optional subtags (`es`, `pt-BR`,
`zh-Hant`); the names a reader picks a version by are each language's own
(`Español`, not "Spanish"), since the reader looking for it may read no other.
"""

from __future__ import annotations

import re

SITE_LANG = "en"
"""The language of the glossary's own text and of pages that do not say otherwise."""

LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

NATIVE_NAMES: dict[str, tuple[str, str]] = {
    "ar": ("العربية", "Arabic"),
    "de": ("Deutsch", "German"),
    "en": ("English", "English"),
    "es": ("Español", "Spanish"),
    "fa": ("فارسی", "Persian"),
    "fr": ("Français", "French"),
    "he": ("עברית", "Hebrew"),
    "hi": ("हिन्दी", "Hindi"),
    "ht": ("Kreyòl ayisyen", "Haitian Creole"),
    "it": ("Italiano", "Italian"),
    "ja": ("日本語", "Japanese"),
    "ko": ("한국어", "Korean"),
    "nl": ("Nederlands", "Dutch"),
    "pl": ("Polski", "Polish"),
    "pt": ("Português", "Portuguese"),
    "ru": ("Русский", "Russian"),
    "so": ("Soomaali", "Somali"),
    "tl": ("Tagalog", "Tagalog"),
    "tr": ("Türkçe", "Turkish"),
    "uk": ("Українська", "Ukrainian"),
    "ur": ("اردو", "Urdu"),
    "vi": ("Tiếng Việt", "Vietnamese"),
    "zh": ("中文", "Chinese"),
}
"""Language → (its name in itself, its name in English), for the versions menu and hints.
A code outside this table is refused (most are typos: `sp`, `jp`); add a row to allow one."""

MISTAKEN: dict[str, str] = {"sp": "es", "jp": "ja", "cn": "zh", "kr": "ko", "ua": "uk",
                            "ge": "de", "gr": "el", "ir": "fa", "il": "he"}
"""Country codes and abbreviations typed for a language's code."""


def base(code: str) -> str:
    """The language part of a code: `pt-BR` → `pt`."""
    return code.split("-", 1)[0].lower()


def native_name(code: str) -> str:
    """How a reader of `code` names their language (the code itself when unknown)."""
    names = NATIVE_NAMES.get(base(code))
    return names[0] if names else code


def words_lang(content: str | None, site: str) -> str:
    """The language of the words we add (labels, headings, handouts) to what is written
    in `content`, on a site whose `theme.language` is `site`.

    The one rule for pages and for the files made from them (handouts, LMS exports):
    content in the glossary's language (`SITE_LANG`, what an article without `lang`
    is in) gets the site's language, so a Spanish site is Spanish throughout; content
    in another language gets that language, so a Spanish version of an English site's
    story gets Spanish words."""
    if not content or base(content) == base(SITE_LANG):
        return site or SITE_LANG
    return content


def is_lang(code: str) -> bool:
    return bool(LANG_RE.match(code))


def problem(code: str) -> tuple[str, str] | None:
    """What is wrong with a language code, as (message, hint), or None when it is fine.

    The one rule for article `lang` and translation keys: a BCP 47-ish code whose
    language is in `NATIVE_NAMES` (so the versions menu can name it)."""
    if not is_lang(code):
        guess = suggest(code)
        return (f"'{code}' is not a language code",
                f"did you mean '{guess}'?" if guess else
                "fix: write a BCP 47 code such as `es` or `pt-BR`")
    if base(code) not in NATIVE_NAMES:
        guess = suggest(code)
        return (f"'{code}' is not a known language",
                f"did you mean '{guess}'?" if guess else
                "fix: use one of " + ", ".join(NATIVE_NAMES))
    return None


def suggest(word: str) -> str:
    """A code for a mistyped one or a language's name (`Spanish`, `español` → `es`)."""
    lowered = word.strip().lower()
    if lowered in MISTAKEN:
        return MISTAKEN[lowered]
    for code, names in NATIVE_NAMES.items():
        if lowered in (n.lower() for n in names) or lowered == code:
            return code
    import difflib

    close = difflib.get_close_matches(lowered, [n.lower() for ns in NATIVE_NAMES.values()
                                                for n in ns], n=1, cutoff=0.7)
    if close:
        return next(c for c, ns in NATIVE_NAMES.items() if close[0] in (n.lower() for n in ns))
    return ""
