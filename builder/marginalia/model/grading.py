"""How a typed `short` answer is compared with the accepted ones.

Readers type answers in many harmless variants: other case, a trailing full
stop, a curly apostrophe, "1.4 million" for "1,400,000". `normalize` maps every
such variant to one canonical form, and an answer is right when its form equals
the form of an accepted answer.

Answers in Spanish (a quiz on a version whose `lang` is `es`) also ignore acute
accents and the diaeresis: `Rafa` is `Rafá`, `Hamas` is `Hamás`, `pinguino` is
`pingüino`, since a student on an English keyboard cannot easily type them and
no answer turns on them. The tilde of ñ is kept: ñ is a letter of its own
(`año` is not `ano`). English answers are compared as before, accents included.

This module is the reference implementation. `assets/quiz.js` mirrors it step by
step (the browser grades, since the site is static); a browser test runs both on
the same table, so keep them in lockstep when changing either.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"'})
"""Curly quotes read the same as straight ones (phones type curly ones)."""

SCALES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}
"""Number words that multiply the number before them, as powers of ten."""

FOLDED_MARKS: dict[str, str] = {"es": "\u0301\u0308"}
"""Combining marks ignored in answers per language (acute accent, diaeresis for es)."""

_WHITESPACE = "\t\n\v\f\r"
_NUMBER = re.compile(
    r"(?<![0-9])([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?(?![0-9])"
    r"(?: (thousand|million|billion|trillion)(?![a-z0-9]))?")


def is_space(ch: str) -> bool:
    """Whitespace as both implementations define it: ASCII controls and Z* categories."""
    return ch in _WHITESPACE or unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def is_trimmed(ch: str) -> bool:
    """Characters dropped from either end of an answer: punctuation and whitespace."""
    return is_space(ch) or unicodedata.category(ch).startswith("P")


def casefold(text: str) -> str:
    return text.casefold()


def canonical_number(whole: str, fraction: str, scale: str) -> str:
    """Digits of a number with its separators removed and its scale word applied.

    Pure string arithmetic (shift the decimal point) so JavaScript, which has no
    exact decimals, gets the same result: `1.4 million` → `1400000`.
    """
    digits = whole.replace(",", "") + fraction
    point = len(digits) - len(fraction) + SCALES.get(scale, 0)
    if point > len(digits):
        digits += "0" * (point - len(digits))
    int_part = digits[:point].lstrip("0") or "0"
    frac_part = digits[point:].rstrip("0")
    return int_part + ("." + frac_part if frac_part else "")


def fold_marks(text: str, lang: str) -> str:
    """`text` without the accents `lang` ignores in answers (NFC in, NFC out)."""
    marks = FOLDED_MARKS.get(lang.split("-", 1)[0].lower(), "")
    if not marks:
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in marks))


def normalize(text: str, lang: str = "en") -> str:
    """The canonical form of an answer in `lang` (see module docstring for what is ignored)."""
    text = unicodedata.normalize("NFC", text)
    text = fold_marks(unicodedata.normalize("NFC", casefold(text)), lang).translate(QUOTES)
    text = "".join(" " if is_space(ch) else ch for ch in text)
    text = " ".join(part for part in text.split(" ") if part)
    start, end = 0, len(text)
    while start < end and is_trimmed(text[start]):
        start += 1
    while end > start and is_trimmed(text[end - 1]):
        end -= 1
    text = text[start:end]
    return _NUMBER.sub(lambda m: canonical_number(m[1], m[2] or "", m[3] or ""), text)


def is_correct_short(response: str, accepted: Iterable[str], lang: str = "en") -> bool:
    """Whether a typed answer matches any accepted answer once both are normalised."""
    given = normalize(response, lang)
    return bool(given) and any(given == normalize(a, lang) for a in accepted)
