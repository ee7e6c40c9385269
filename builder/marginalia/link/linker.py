"""The linker: find every glossary name in a text in one linear pass.

All names and aliases go into one Aho-Corasick automaton (pyahocorasick, built
once per build), so scanning costs time linear in the text and nearly nothing
per extra entry. Matches are then filtered for whole words (Unicode-aware),
case-sensitively, and resolved leftmost-longest, so `Antony Blinken` wins over
`Blinken`. A possessive (`Israel’s`, `Hamas'`) or plural `s` stays outside the
match. Text is never rewritten here: callers get offsets into the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import ahocorasick

SPACE_FOLD_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
SPACE_FOLD = str.maketrans({c: " " for c in SPACE_FOLD_CHARS})
"""No-break and thin spaces read as spaces, 1:1, so offsets stay valid."""
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters and soft hyphens: ignored inside names, never a match alone."""
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


class Match(NamedTuple):
    """One linked name: offsets into the caller's text and the entry key.

    A named tuple rather than a frozen dataclass: a page makes thousands, and a
    frozen dataclass pays for `object.__setattr__` on every field.
    """

    start: int
    end: int
    key: str


def is_word_char(ch: str) -> bool:
    """Letters, digits, underscore and combining marks continue a word."""
    if ch.isalnum() or ch == "_":
        return True
    return unicodedata.category(ch).startswith("M")


def _spaced(ch: str) -> bool:
    """Scripts written with spaces need word boundaries; CJK ideographs and kana do not."""
    return unicodedata.east_asian_width(ch) not in ("W", "F")


class _CharTable(dict[str, bool]):
    """A memo of a one-character predicate: a plain dict lookup for every char seen before.

    The linker asks about the characters around every candidate match; asking
    `unicodedata` each time cost more than the Aho-Corasick scan itself.
    """

    def __init__(self, predicate: Callable[[str], bool]):
        super().__init__()
        self.predicate = predicate

    def __missing__(self, ch: str) -> bool:
        value = self[ch] = self.predicate(ch)
        return value


_WORD = _CharTable(is_word_char)
_SPACED = _CharTable(_spaced)
_FOLD_RE = re.compile("[" + "".join(SPACE_FOLD_CHARS) + "]")


class Linker:
    """Finds names in text. Build once per glossary; `find` is pure and thread-safe."""

    def __init__(self, names: Mapping[str, str]):
        """`names` maps each unambiguous name or alias to its entry key (`people/x`)."""
        self.automaton = ahocorasick.Automaton()
        for label, key in names.items():
            label = label.translate(SPACE_FOLD)
            for form in {unicodedata.normalize("NFC", label),
                         unicodedata.normalize("NFD", label)}:
                if form.strip():
                    self.automaton.add_word(form, (len(form), key, form[-1].islower()))
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        """Non-overlapping whole-word matches, leftmost-longest, as offsets into `text`."""
        if self.empty or not text:
            return []
        # translate() visits every character in Python-level dict lookups: only
        # pay for it when there is a space to fold (a C-speed search says so).
        view = text.translate(SPACE_FOLD) if _FOLD_RE.search(text) else text
        if "\n" in view:  # a line break inside a name is a space (authors wrap lines)
            view = view.replace("\n", " ")
        index_map: list[int] | None = None
        if _INVISIBLE_RE.search(view):
            index_map = [i for i, ch in enumerate(view) if ch not in INVISIBLE]
            view = "".join(view[i] for i in index_map)
        candidates: list[tuple[int, int, str]] = []
        size = len(view)
        word, spaced = _WORD, _SPACED
        for last, (length, key, plural_ok) in self.automaton.iter(view):
            start, end = last - length + 1, last + 1
            # The neighbour test comes first: it is almost always false (a space).
            if start > 0 and word[view[start - 1]] and spaced[view[start]]:
                continue
            if (end < size and word[view[end]] and spaced[view[end - 1]]
                    and not (plural_ok and _plural_end(view, end))):
                continue
            candidates.append((start, -end, key))
        candidates.sort()
        out: list[Match] = []
        taken = 0
        for start, neg_end, key in candidates:
            if start >= taken:
                out.append(Match(start, -neg_end, key))
                taken = -neg_end
        if index_map is not None:
            out = [_unmap(m, index_map, len(text)) for m in out]
        return out


def _plural_end(view: str, end: int) -> bool:
    """`hostage|s` and `box|es`: a plural ending followed by a word boundary."""
    for suffix in ("s", "es"):
        after = end + len(suffix)
        if view.startswith(suffix, end) and (after >= len(view) or not is_word_char(view[after])):
            return True
    return False


def _unmap(match: Match, index_map: list[int], length: int) -> Match:
    start = index_map[match.start]
    end = index_map[match.end - 1] + 1
    return Match(start, min(end, length), match.key)


def build_linker(claims: Mapping[str, Iterable[str]]) -> Linker:
    """A linker over every name claimed by exactly one entry (ambiguous ones need `@`)."""
    names = {}
    for label, keys in claims.items():
        keys = list(keys)
        if len(keys) == 1:
            names[label] = keys[0]
    return Linker(names)
