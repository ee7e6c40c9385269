"""The linker: find every glossary name in a text in one linear pass.

All names and aliases go into one Aho-Corasick automaton (pyahocorasick, built
once per build), so scanning costs time linear in the text and nearly nothing
per extra entry. The written forms of each name (plurals, a capital at a sentence
start, white space inside it) are words of the index (`forms`), so they cost the
scan nothing. Matches are then filtered for whole words (Unicode-aware),
case-sensitively, and resolved leftmost-longest, so `Antony Blinken` wins over
`Blinken`. A possessive (`Israel’s`, `Hamas'`) stays outside the match; a plural
is inside it (`hostages`). A name joined by a hyphen to another word is part of a
different name (`Radio-Canada` is not `Canada`), unless that word is lowercase and
the name capitalised (`pro-Israel`, `Hamas-led`) or the word is a name too
(`Israel-Hamas war`). Text is never rewritten here: callers get offsets into the
original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import ahocorasick

from marginalia.link.forms import AT_SENTENCE_START, CAPITALISED, index_forms

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Zero-width characters and soft hyphens: ignored inside names, never a match alone."""


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


class Linker:
    """Finds names in text. Build once per glossary; `find` is pure and thread-safe."""

    def __init__(self, names: Mapping[str, str], language: str = "en"):
        """`names` maps each unambiguous name or alias to its entry key (`people/x`).

        The index holds every written form of them (`forms.index_forms`: plurals,
        capitals at a sentence start), by `language`'s rules.
        """
        self.forms = index_forms(names, language)
        self.automaton = ahocorasick.Automaton()
        for form, value in self.forms.items():
            self.automaton.add_word(form, value)
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str, at_start: bool = False,
             capitals_anywhere: bool = False) -> list[Match]:
        """Non-overlapping whole-word matches, leftmost-longest, as offsets into `text`.

        `at_start` says the text begins a sentence (a paragraph's first text), where a
        lowercase name also matches capitalised; `capitals_anywhere` accepts those
        capitals everywhere, for a caller reading raw Markdown that wants every
        possible use (the ambiguity check, which then asks the page's walk).
        """
        if self.empty or not text:
            return []
        view, shifts = _reading_view(text)
        candidates: list[tuple[int, int, str, bool, bool]] = []
        size = len(view)
        word, spaced = _WORD, _SPACED
        joined = False
        for last, (length, key, flags) in self.automaton.iter(view):
            start, end = last - length + 1, last + 1
            left = right = False
            # The neighbour tests come first: they are almost always false (a space).
            if start > 0:
                before = view[start - 1]
                if word[before]:
                    if spaced[view[start]]:
                        continue
                elif before in HYPHENS and start > 1 and word[view[start - 2]]:
                    left = _compound_left(view, start - 1, flags)
            if end < size:
                after = view[end]
                if word[after]:
                    if spaced[view[end - 1]]:
                        continue
                elif after in HYPHENS and end + 1 < size and word[view[end + 1]]:
                    right = not (flags & CAPITALISED and view[end + 1].islower())
            if (flags & AT_SENTENCE_START and not capitals_anywhere
                    and not _sentence_start(view, start, at_start)):
                continue
            joined = joined or left or right
            candidates.append((start, -end, key, left, right))
        if joined:
            candidates = _with_partners(candidates)
        candidates.sort()
        out: list[Match] = []
        taken = 0
        for start, neg_end, key, _left, _right in candidates:
            if start >= taken:
                out.append(Match(start, -neg_end, key))
                taken = -neg_end
        if shifts is not None:
            out = [Match(shifts.origin(m.start), shifts.origin(m.end - 1) + 1, m.key)
                   for m in out]
        return out


HYPHENS = "-\u2010\u2011"
"""Hyphen-minus, hyphen and no-break hyphen join words into one; dashes (–, —) do not."""
HYPHEN_PREFIXES = frozenset({"pro", "anti", "non", "ex", "post", "pre", "neo", "pan", "mid"})
"""Prefixes that leave a name the same name also when capitalised at a sentence start
(`Pro-Israel groups…`), as any lowercase word before the hyphen does."""
OPENERS = "\"'“‘«‹([¿¡"
CLOSERS = "\"'”’»›)]"
SENTENCE_ENDS = ".!?…"


class _Shifts(NamedTuple):
    """Where the reading view's characters came from, piece by piece: from view offset
    `starts[i]` on, a character at view offset `v` is at `v + shifts[i]` in the text."""

    starts: list[int]
    shifts: list[int]

    def origin(self, at: int) -> int:
        i = bisect.bisect_right(self.starts, at) - 1
        return at + self.shifts[i]


def _reading_view(text: str) -> tuple[str, _Shifts | None]:
    """The text as names are matched in it, and where each of its characters came from.

    Every run of white space reads as one space (a line break inside a name is a
    space), except one holding a blank line, which reads as a line break no name
    spans; zero-width characters and soft hyphens are dropped. Text with none of
    these but a lone line break or no-break space between two words (most text) is
    only folded 1:1 by C-speed regular expressions, and needs no map back.
    """
    if not _ODD_RE.search(text) and "  " not in text:
        return text, None
    if not _PAIR_RE.search(text) and not _INVISIBLE_RE.search(text):
        return _ODD_RE.sub(" ", text), None  # lone line breaks, no-break spaces: 1:1
    parts: list[str] = []
    shifts = _Shifts([0], [0])
    at = size = 0
    for match in _RUN_RE.finditer(text):
        a, b = match.span()
        parts.append(text[at:a])
        size += a - at
        run = match.group()
        first_space = next((i for i, ch in enumerate(run) if ch.isspace()), None)
        if first_space is not None:
            parts.append("\n" if run.count("\n") >= 2 else " ")
            shifts.starts.append(size)
            shifts.shifts.append(a + first_space - size)
            size += 1
        shifts.starts.append(size)
        shifts.shifts.append(b - size)
        at = b
    parts.append(text[at:])
    return "".join(parts), shifts


_OTHER_SPACES = "".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 0x20)
_ODD_RE = re.compile(f"[{_OTHER_SPACES}{INVISIBLE}]")
"""White space other than a plain space, or an invisible character: the view differs."""
_PAIR_RE = re.compile(r"\s\s")
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
_RUN_RE = re.compile(f"[\\s{INVISIBLE}]{{2,}}|[{_OTHER_SPACES}{INVISIBLE}]")
"""A run of white space and invisible characters that is not just one plain space."""


def _sentence_start(view: str, start: int, at_start: bool) -> bool:
    """Whether a sentence starts at `start`: after `.`, `!`, `?` or `…` (and closing
    quotes) and a space, after a blank line, or at the text's start when `at_start`;
    opening quotes and brackets may come first (`“Ceasefire now,” they said`)."""
    i = start
    while i > 0 and view[i - 1] in OPENERS:
        i -= 1
    if i == 0:
        return at_start
    j = i
    while j > 0 and view[j - 1].isspace():
        j -= 1
    if j == i:
        return False
    if "\n" in view[j:i]:
        return True
    if j == 0:
        return at_start
    while j > 0 and view[j - 1] in CLOSERS:
        j -= 1
    return j > 0 and view[j - 1] in SENTENCE_ENDS


def _compound_left(view: str, hyphen: int, flags: int) -> bool:
    """Whether the word before the hyphen may make the name part of a different name.

    A capitalised name stays itself after a lowercase word (`pro-Israel`, also
    `Pro-Israel`); after a capitalised word or a number (`Radio-Canada`), or for a
    lowercase name after any word (`anti-ceasefire`), it is part of a compound
    unless that word is a name too (`_with_partners`).
    """
    if not flags & CAPITALISED:
        return True
    begin = hyphen
    while begin > 0 and _WORD[view[begin - 1]]:
        begin -= 1
    other = view[begin:hyphen]
    return not (other[0].islower() or other.lower() in HYPHEN_PREFIXES)


def _with_partners(candidates: list[tuple[int, int, str, bool, bool]]
                   ) -> list[tuple[int, int, str, bool, bool]]:
    """Keep a hyphen-joined name only when the word across the hyphen is a name too.

    `Israel-Hamas war` pairs two names, both linked; in `Radio-Canada` the other
    word is no name, so the compound is a different name and `Canada` is not marked.
    """
    starts = {c[0] for c in candidates}
    ends = {-c[1] for c in candidates}
    return [c for c in candidates
            if (not c[3] or c[0] - 1 in ends) and (not c[4] or -c[1] + 1 in starts)]


def build_linker(claims: Mapping[str, Iterable[str]], language: str = "en") -> Linker:
    """A linker over every name claimed by exactly one entry (ambiguous ones need `@`).

    The one place a build's index is made from the glossary's claims: a caller with
    names for another language passes those claims and that `language`.
    """
    names = {}
    for label, keys in claims.items():
        keys = list(keys)
        if len(keys) == 1:
            names[label] = keys[0]
    return Linker(names, language)
