"""Field readers shared by the validators: one place that knows what a valid
id, date, URL, string or list looks like and how to say what is wrong with it.

Each reader appends a `Diagnostic` and returns a neutral value instead of
raising, so validation always runs to the end and reports everything at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
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

    def check_keys(self, allowed: Iterable[str], required: Iterable[str]) -> None:
        allowed = list(allowed)
        for key in self.m:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or "fix: remove it; allowed keys: " + \
                    ", ".join(allowed)
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


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "entry"
