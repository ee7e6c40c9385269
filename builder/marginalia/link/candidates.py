"""Names an article writes that look like people, places or organizations: by simple rules.

For `marginalia report`: an editor wants to know which names in a new article
have no glossary entry. A name here is a run of capitalised words (`William
Burns`, `Gaza Strip`), which may hold a lowercase joining word between two
capitalised ones (`Secretary of State`, `Banco de España`), or an acronym (`CIA`).
Left out, so the list is worth reading:

- common words (`The`, `However`), and a capitalised word that starts a sentence
  when the article also writes it in lower case (`Negotiations`);
- one word alone at the start of a sentence (`Fighting in Gaza…`, `Nearly all…`),
  unless the article also writes it capitalised mid-sentence (`… said Doha.`);
- titles before a name (`Prime Minister`, `President`): `President Joe Biden` is
  reported as `Joe Biden`, a title alone not at all;
- month and day names (`Saturday`, `November`);
- anything a glossary name or alias already covers (the linker's own matches),
  text in code, link targets, HTML tags and headings' markers.

No model and no dictionary: rules that can be read, good enough to point at
what to annotate next. Positions are offsets into the Markdown body, so each
use is given as file:line:col.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marginalia.link.linker import Linker

MONTHS_AND_DAYS = frozenset(str.split(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"))
COMMON_WORDS = frozenset(str.split(
    "A An The This That These Those It Its He She His Her They Their We Our You Your I "
    "In On At Of For From To By With Without After Before During Since Until While When "
    "Where Why How What Which Who Whom Whose If But And Or Nor So Yet As Also However "
    "Meanwhile Although Though Despite According Later Earlier Then Now Today Yesterday "
    "Some Many Most More Several Each Every All Both No Not Other Another One Two Three "
    "Mr Mrs Ms Dr There Here Such Still Even Only Just Under Over Between Among Against"))
JOINING_WORDS = frozenset(str.split("of de du la le del der van von al bin da dos des y"))
TITLES = frozenset(str.split(
    "President Vice Prime Minister Secretary State Director General Chancellor King Queen "
    "Prince Princess Senator Governor Mayor Chief Ambassador Envoy Foreign Defence Defense "
    "Deputy Premier Pope Sheikh Emir Commander Spokesman Spokeswoman Judge Justice "
    # Spanish writes titles in lower case but the state in them with a capital
    # (`secretario de Estado`, `jefe de Estado`): the capital alone is no name.
    "Estado"))
"""Words of a title before a name (`Prime Minister`, `Secretary of State`): left out, so
`President Joe Biden` is the name `Joe Biden` and a title alone is no name."""
"""Lowercase words that may stand inside a name, between two capitalised words."""

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_MASKS = (
    re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL),   # fenced code
    re.compile(r"`[^`\n]*`"),                                     # inline code
    re.compile(r"\]\([^)\n]*\)"),                                 # link targets
    re.compile(r"<[^>\n]*>"),                                     # HTML tags
    re.compile(r"^\{:[^}\n]*\}", re.MULTILINE),                   # attribute lists
)
_SENTENCE_START = re.compile(
    r"(?:^|[.!?…:]['\"”’»)\]*_]*\s+|\n\s*\n\s*|^\s*[#>*\-+]+\s+|\*+)[\[(\"“‘«¿¡*_]*$")
"""What may stand before a sentence's first word: the end of the last one (closing
quotes, brackets, emphasis), a paragraph or list marker, then opening marks: a link's
`[`, quotes (also `«`), emphasis, and Spanish's `¿` and `¡` (`*Later in this story:* [Entra…`)."""


@dataclass(frozen=True)
class Candidate:
    """One capitalised name with no entry, at an offset of the Markdown body."""

    name: str
    start: int


def masked(body: str) -> str:
    """The body with code, link targets and tags blanked out, offsets unchanged."""
    for pattern in _MASKS:
        body = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)
    return body


def unknown_names(body: str, linker: Linker) -> list[Candidate]:
    """Capitalised names in `body` that no glossary name or alias covers."""
    text = masked(body)
    covered = [(m.start, m.end) for m in linker.find(text)]
    lowercase = {w.group() for w in _WORD.finditer(text) if w.group()[0].islower()}
    mid_sentence = {w.group() for w in _WORD.finditer(text)
                    if w.group()[0].isupper() and not _at_start(text, w.start())}
    out: list[Candidate] = []
    ends = {b: a for a, b in covered}
    for run in _runs(text):
        for piece in _uncovered(run, covered):
            piece = _strip(piece, text, lowercase)
            if not piece or (len(piece) == 1 and _at_start(text, piece[0].start())
                             and piece[0].group() not in mid_sentence):
                continue
            start, end = piece[0].start(), _trim(piece[-1])
            if text[start - 1:start] == " " and start - 1 in ends:
                start = ends[start - 1]   # `Gaza City`: a known name's own longer name
            out.append(Candidate(" ".join(text[start:end].split()), start))
    return out


def _uncovered(run: list[re.Match], covered: list[tuple[int, int]]) -> list[list[re.Match]]:
    """The stretches of a run that no glossary name covers (`US Secretary of State
    Antony Blinken` with both names known leaves `Secretary of State`)."""
    pieces: list[list[re.Match]] = [[]]
    for word in run:
        if any(a < word.end() and word.start() < b for a, b in covered):
            pieces.append([])
        else:
            pieces[-1].append(word)
    return [p for p in pieces if p]


def _strip(piece: list[re.Match], text: str, lowercase: set[str]) -> list[re.Match]:
    """Drop what only looks like part of a name: joining words at either end,
    common words and sentence-initial ordinary words in front, a month or day name."""
    while piece and piece[-1].group() in JOINING_WORDS:
        piece = piece[:-1]
    while piece and (piece[0].group() in JOINING_WORDS or piece[0].group() in TITLES or
                     _ordinary(piece[0].group(), text, piece[0].start(), lowercase)):
        piece = piece[1:]
    if all(w.group().rstrip("'’") in MONTHS_AND_DAYS for w in piece):
        return []
    return piece


def _runs(text: str) -> list[list[re.Match]]:
    """Each run of capitalised words, joining words allowed inside."""
    words = list(_WORD.finditer(text))
    runs: list[list[re.Match]] = []
    i = 0
    while i < len(words):
        if not _capital(words[i].group()):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and _next_to(text, words[j], words[j + 1]):
            following = words[j + 1].group()
            if _capital(following):
                j += 1
            elif (following in JOINING_WORDS and j + 2 < len(words)
                  and _next_to(text, words[j + 1], words[j + 2])
                  and _capital(words[j + 2].group())):
                j += 2
            else:
                break
        runs.append(words[i:j + 1])
        i = j + 1
    return runs


def _capital(word: str) -> bool:
    return word[0].isupper()


def _next_to(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words with only spaces (one line break at most) between them."""
    gap = text[a.end():b.start()]
    return gap.strip(" ") in ("", "\n") and len(gap) <= 3


def _trim(word: re.Match) -> int:
    """Where a name ends: a possessive stays outside (`Hamas’s`)."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.group().endswith(suffix):
            return word.end() - len(suffix)
    return word.end()


def _ordinary(word: str, text: str, start: int, lowercase: set[str]) -> bool:
    """A capitalised word that is no name: a common word, or one starting a sentence
    that the article also writes in lower case (`Negotiations`, `Ceasefire`)."""
    word = word.rstrip("'’")
    if word in COMMON_WORDS:
        return True
    lower = word.lower()
    singular = {lower, lower[:-1], lower[:-2], lower[:-3] + "y"} if lower.endswith("s") \
        else {lower}
    return _at_start(text, start) and bool(singular & lowercase)


def _at_start(text: str, start: int) -> bool:
    return start == 0 or bool(_SENTENCE_START.search(text[max(0, start - 8):start]))
