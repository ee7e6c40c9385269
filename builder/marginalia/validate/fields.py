"""Field readers shared by the validators: one place that knows what a valid
id, date, URL, string or list looks like and how to say what is wrong with it.

Each reader appends a `Diagnostic` and returns a neutral value instead of
raising, so validation always runs to the end and reports everything at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.load import YList, YMap
from marginalia.model import Origin

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REF_RE = re.compile(r"^([a-z]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
MAX_TEXT = 20_000
"""Characters one text field may hold; longer text is pasted by mistake."""


class Fields:
    """Reads typed values out of one YAML mapping, collecting diagnostics."""

    def __init__(self, mapping: YMap, what: str, diagnostics: list[Diagnostic]):
        self.m = mapping
        self.what = what
        self.diagnostics = diagnostics

    def error(self, origin: Origin, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(origin, message, hint))

    def check_keys(self, allowed: Iterable[str], required: Iterable[str],
                   hints: Mapping[str, str] | None = None) -> None:
        """Unknown keys (with the key meant: `hints` names it where spelling cannot,
        say `date` → `start` on an event) and missing required ones."""
        allowed = list(allowed)
        for key in self.m:
            if key not in allowed:
                hint = (hints or {}).get(str(key)) or did_you_mean(str(key), allowed) or \
                    "fix: remove it; allowed keys: " + ", ".join(allowed)
                self.error(self.m.where_key(key), f"unknown key '{key}' in {self.what}", hint)
        for key in required:
            if key not in self.m or self.m[key] in (None, "", []):
                self.error(self.m.origin, f"{self.what} is missing required key '{key}'",
                           f"fix: add `{key}:`")

    def text(self, key: str, default: str = "") -> str:
        value = self.m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.error(self.m.where(key), f"'{key}' must be text, not {kind_of(value)}",
                       "fix: write it as a plain string")
            return default
        text = str(value).strip()
        if len(text) > MAX_TEXT:
            self.error(self.m.where(key), f"'{key}' is {len(text):,} characters long "
                       f"(limit {MAX_TEXT:,})", "fix: shorten it")
            return text[:MAX_TEXT]
        return text

    def ident(self, key: str) -> str:
        value = self.text(key)
        if value and not ID_RE.match(value):
            self.error(self.m.where(key), f"'{key}' '{value}' is not a valid id",
                       "fix: use lowercase letters, digits and single hyphens, "
                       f"e.g. '{slugify(value)}'")
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = YList([value])
            value.origin = self.m.where(key)
            value.item_origins = [value.origin]
        if not isinstance(value, list):
            self.error(self.m.where(key), f"'{key}' must be a list, not {kind_of(value)}",
                       f"fix: write `{key}: [first, second]`")
            return ()
        if getattr(value, "flow", False):
            rejoined = split_by_commas(value)
            if rejoined is not None:
                read = ", ".join(f"'{item}'" for item in value)
                meant = ", ".join(f'"{item}"' for item in rejoined)
                self.error(self.m.where(key), f"a comma inside [...] separates items: quote "
                           f"the text ('{key}' was read as {read})",
                           f"fix: write `{key}: [{meant}]`")
                return rejoined
        out: list[str] = []
        for i, item in enumerate(value):
            where = value.where(i) if isinstance(value, YList) else self.m.where(key)
            if isinstance(item, bool) or not isinstance(item, (str, int, float)) or \
                    not str(item).strip():
                self.error(where, f"item {i + 1} of '{key}' must be non-empty text",
                           "fix: write it as a plain string")
                continue
            if str(item).strip() in out:
                self.error(where, f"'{item}' appears twice in '{key}'", "fix: remove one")
                continue
            out.append(str(item).strip())
        return tuple(out)

    def date(self, key: str) -> dt.date | None:
        value = self.m.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        self.error(self.m.where(key), f"'{key}' must be a date like 2024-05-04, got '{value}'",
                   "fix: write the date as YYYY-MM-DD")
        return None

    def integer(self, key: str) -> int | None:
        value = self.m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.error(self.m.where(key), f"'{key}' must be a whole number, got '{value}'",
                       f"fix: write digits only, e.g. `{key}: 45`")
            return None
        return value

    def mapping(self, key: str) -> YMap | None:
        value = self.m.get(key)
        if value is None:
            return None
        if not isinstance(value, YMap):
            self.error(self.m.where(key), f"'{key}' must be a mapping, not {kind_of(value)}",
                       f"fix: write `{key}:` followed by indented `name: value` lines")
            return None
        return value

    def url(self, key: str, origin: Origin | None = None) -> str:
        value = self.text(key)
        if value and not is_web_url(value):
            self.error(origin or self.m.where(key), f"'{key}' '{value}' is not a web address",
                       "fix: use a full http:// or https:// URL")
            return ""
        return value


def split_by_commas(items: list) -> tuple[str, ...] | None:
    """The items an inline list was meant to hold when unquoted commas split them, or None.

    `[August 2, 2012, August 3, 2012]` is four items to YAML, two of them the number
    2012: a bare number right after a text item ending in a digit is read as the
    rest of that item (`"August 2, 2012"`). A list where nothing looks split gives None.
    """
    out: list[str] = []
    text_before = split = False
    for item in items:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            return None
        if isinstance(item, int) and text_before and out[-1][-1:].isdigit():
            out[-1] = f"{out[-1]}, {item}"
            split, text_before = True, False
            continue
        out.append(str(item).strip())
        text_before = isinstance(item, str)
    return tuple(out) if split else None


def is_web_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date"
    if value is None:
        return "empty"
    return "text"


def ascii_fold(text: str) -> str:
    """Accents dropped, as an id is written: `Québec` → `Quebec`, `Ærø` → `AEro`."""
    text = text.translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_LIGATURES = str.maketrans({"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
                            "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                            "þ": "th", "Þ": "Th", "’": "", "'": ""})


def slugify(text: str) -> str:
    """The id a name gives: ASCII-folded, lowercase, words joined by single hyphens
    (`Québec solidaire` → `quebec-solidaire`, `Israel's army` → `israels-army`)."""
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")
    return slug or "entry"
