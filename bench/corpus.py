"""A synthetic newsroom: articles that mention a glossary at a realistic rate.

The benchmark needs corpora far larger than the seed site, always the same for a
given size (seeded randomness), written three ways so the same pages can be built
by plain MkDocs, by Marginalia and by the abbr-glossary recipe mkdocs-material
documents. Names are made of invented syllables so that they never collide with
each other or with the filler prose, and every name or alias belongs to exactly
one entry (an ambiguous name would be a validation error, not a benchmark).

Rates are modelled on wire-service copy like the seed article: 600–900 words, a
mention roughly every 18 words, about 15 distinct entries per article, some
entries (capitals, leaders) far more popular than others (Zipf-like).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TYPES = ("people", "places", "organizations")
SHARE = {"people": 0.5, "places": 0.25, "organizations": 0.25}
"""Share of each type in the glossary."""

_ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr",
           "kr", "tr", "st", "sh", "ch", "gr", "pl", "th")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ei", "ou")
_CODAS = ("", "", "n", "r", "s", "l", "k", "m", "nd", "sk")
FIRST_NAMES = ("Amira", "Daniel", "Leila", "Omar", "Sofia", "Yusuf", "Marta", "Jonas", "Nadia",
               "Karim", "Elena", "Tomas", "Rania", "Pavel", "Ines", "Samir", "Hana", "Viktor",
               "Lucia", "Farid", "Greta", "Idris", "Maya", "Anton")
PLACE_KINDS = ("", "", "", "Port ", "New ", "Upper ", "East ", "West ")
ORG_KINDS = ("Council", "Institute", "Bank", "Front", "Agency", "Movement", "Union", "Party",
             "Authority", "Ministry of Trade", "Relief Committee", "Assembly")
ROLES = {"people": ("foreign minister", "negotiator", "spokesperson", "mayor", "general",
                    "envoy", "economist", "opposition leader", "aid worker", "journalist"),
         "places": ("city", "border town", "province", "port", "capital", "river valley"),
         "organizations": ("international agency", "political party", "armed group",
                           "charity", "trade bloc", "central bank")}

# Filler prose: lowercase common words, so no generated name can ever match in it.
NOUNS = ("talks", "officials", "agreement", "delegation", "proposal", "ceasefire", "economy",
         "border", "residents", "government", "report", "negotiators", "election", "budget",
         "crisis", "aid", "prices", "region", "parliament", "statement", "hospital", "workers",
         "schools", "market", "plan", "decision", "meeting", "court", "protest", "army")
VERBS = ("said", "warned", "confirmed", "argued", "announced", "denied", "suggested",
         "insisted", "reported", "noted")
ADJS = ("new", "difficult", "final", "early", "major", "local", "regional", "public",
        "cautious", "broad", "long", "uncertain", "urgent", "joint")
LINKS = ("while", "although", "because", "after", "before", "as", "since", "even though")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "last week", "this month", "late on Sunday", "earlier this year")


@dataclass(frozen=True)
class Entry:
    type: str
    id: str
    name: str
    aliases: tuple[str, ...]
    role: str
    summary: str
    details: str = ""

    @property
    def key(self) -> str:
        return f"{self.type}/{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Article:
    slug: str
    title: str
    date: dt.date
    body: str
    mentions: int = 0


@dataclass
class Corpus:
    entries: list[Entry]
    articles: list[Article] = field(default_factory=list)

    @property
    def words(self) -> int:
        return sum(len(a.body.split()) for a in self.articles)

    @property
    def text_bytes(self) -> int:
        return sum(len(a.body.encode()) for a in self.articles)


class _Names:
    """Invented, unique, capitalised words (never an English word of the filler)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int) -> str:
        while True:
            w = "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS)
                        for _ in range(syllables)) + self.rng.choice(_CODAS)
            w = w.capitalize()
            if w not in self.used:
                self.used.add(w)
                return w

    def claim(self, label: str) -> bool:
        if label in self.used:
            return False
        self.used.add(label)
        return True


def make_entries(count: int, seed: int = 7) -> list[Entry]:
    """`count` glossary entries, half people, a quarter places, a quarter organizations."""
    rng = random.Random(seed)
    names = _Names(rng)
    out: list[Entry] = []
    for i in range(count):
        r = i / max(count, 1)
        type_ = "people" if r < SHARE["people"] else "places" if r < 0.75 else "organizations"
        out.append(_entry(type_, len(out), names, rng))
    rng.shuffle(out)
    return out


def _entry(type_: str, n: int, names: _Names, rng: random.Random) -> Entry:
    role = rng.choice(ROLES[type_])
    if type_ == "people":
        last = names.word(rng.choice((2, 3)))
        first = rng.choice(FIRST_NAMES)
        name = f"{first} {last}"
        names.claim(name)
        aliases: tuple[str, ...] = (last,)
        if names.claim(f"{first[0]}. {last}"):
            aliases += (f"{first[0]}. {last}",)
    elif type_ == "places":
        core = names.word(rng.choice((2, 3)))
        name = rng.choice(PLACE_KINDS) + core
        aliases = (core,) if name != core else ()
        if name != core:
            names.claim(name)
    else:
        core = names.word(2)
        name = f"{core} {rng.choice(ORG_KINDS)}"
        names.claim(name)
        acronym = "".join(w[0] for w in name.split()).upper() + core[1].upper()
        aliases = (core,)
        if names.claim(acronym):
            aliases += (acronym,)
    ident = f"{name.lower().replace(' ', '-').replace('.', '')}-{n}"
    summary = (f"{name} is a {role} that appears in the synthetic news corpus. "
               f"This summary is written as of the article date and is about "
               f"{rng.randint(25, 45)} words long, like the summaries of the seed "
               "glossary, so that cards and entity pages weigh what real ones do.")
    details = ""
    if n % 4 == 0:
        details = ("**Background.** " + " ".join(_sentence(rng, []) for _ in range(4))
                   + "\n\n**Why it matters.** " + " ".join(_sentence(rng, [])
                                                           for _ in range(3)))
    return Entry(type_, ident, name, aliases, role, summary, details)


def _sentence(rng: random.Random, mentions: list[str]) -> str:
    """One sentence of filler with each of `mentions` placed in it."""
    words = [rng.choice(ADJS), rng.choice(NOUNS), rng.choice(VERBS), DAYS[rng.randrange(10)],
             "that", "the", rng.choice(NOUNS), "would", "remain", rng.choice(ADJS),
             rng.choice(LINKS), "the", rng.choice(ADJS), rng.choice(NOUNS), "continued"]
    extra = rng.randint(0, 8)
    words += [rng.choice(NOUNS if k % 2 else ADJS) for k in range(extra)]
    for m in mentions:
        at = rng.randrange(1, len(words))
        words.insert(at, m)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _zipf_pick(rng: random.Random, n: int) -> int:
    """An index in [0, n) with a heavy head: a few entries appear in most articles."""
    return min(int(rng.paretovariate(1.1)) - 1, n - 1) if rng.random() < 0.5 \
        else rng.randrange(n)


def make_articles(entries: list[Entry], count: int, seed: int = 11) -> list[Article]:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    out = []
    for i in range(count):
        cast: list[Entry] = []
        while len(cast) < min(15, len(entries)):
            e = entries[_zipf_pick(rng, len(entries))]
            if e not in cast:
                cast.append(e)
        paragraphs, words, mentions = [], 0, 0
        target = rng.randint(600, 900)
        while words < target:
            sentences = []
            for _ in range(rng.randint(2, 4)):
                picked = [_label(rng.choice(cast), rng) for _ in range(rng.choice((0, 1, 1, 2)))]
                mentions += len(picked)
                s = _sentence(rng, picked)
                words += len(s.split())
                sentences.append(s)
            paragraphs.append(" ".join(sentences))
            if len(paragraphs) % 5 == 0:
                paragraphs.append(f"## {rng.choice(ADJS).capitalize()} {rng.choice(NOUNS)}")
        lead = cast[0].name
        out.append(Article(f"story-{i:05d}", f"{lead}: {rng.choice(ADJS)} {rng.choice(NOUNS)}",
                           start + dt.timedelta(days=i % 700), "\n\n".join(paragraphs) + "\n",
                           mentions))
    return out


def _label(e: Entry, rng: random.Random) -> str:
    label = e.name if rng.random() < 0.6 or not e.aliases else rng.choice(e.aliases)
    return label + "’s" if rng.random() < 0.08 else label


def make_corpus(articles: int, entries: int) -> Corpus:
    glossary = make_entries(entries)
    return Corpus(glossary, make_articles(glossary, articles))


# --------------------------------------------------------------------------- writers

THEME = {"name": "material", "font": False}


def _front(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_articles(root: Path, corpus: Corpus) -> None:
    _write(root / "docs/index.md", "# Synthetic newsroom\n\nArticles for the benchmark.\n")
    for a in corpus.articles:
        _write(root / f"docs/articles/{a.slug}.md",
               _front({"title": a.title, "date": a.date}) + a.body)


def write_marginalia(root: Path, corpus: Corpus) -> None:
    """Articles plus annotations/*.yml: what a Marginalia newsroom keeps."""
    _write_articles(root, corpus)
    config = {"site_name": "Bench", "theme": THEME,
              "plugins": ["search", {"marginalia": {"annotations_dir": "annotations"}}]}
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False))
    write_glossary(root / "annotations", corpus.entries)


def write_glossary(folder: Path, entries: list[Entry]) -> None:
    for type_ in TYPES:
        items = []
        for e in entries:
            if e.type != type_:
                continue
            item: dict = {"id": e.id, "name": e.name}
            if e.aliases:
                item["aliases"] = list(e.aliases)
            item |= {"role": e.role, "summary": e.summary}
            if e.details:
                item["details"] = e.details
            item["sources"] = [{"title": f"Profile of {e.name}",
                                "url": f"https://example.org/{e.type}/{e.id}"}]
            items.append(item)
        _write(folder / f"{type_}.yml",
               yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100))


def _entry_page(e: Entry) -> str:
    parts = [_front({"title": e.name}), f"# {e.name}\n\n*{e.role}*\n\n{e.summary}\n"]
    if e.details:
        parts.append(f"\n{e.details}\n")
    parts.append(f"\n## Sources\n\n- [Profile of {e.name}](https://example.org/{e.type}/{e.id})\n")
    return "".join(parts)


def write_plain(root: Path, corpus: Corpus, *, abbr: bool = False,
                short_titles: bool = False) -> None:
    """The same articles, one hand-written page per entry, and a glossary page by letter.

    Entry pages stay out of the navigation (as Marginalia's do), so both sites
    have the same pages and the same nav. With `abbr`, the glossary recipe from
    mkdocs-material's documentation is switched on: every name and alias becomes
    an abbreviation in one file that `pymdownx.snippets` appends to every page,
    titled with the entry's role and summary, or with `short_titles` its role alone.
    """
    _write_articles(root, corpus)
    for e in corpus.entries:
        _write(root / f"docs/{e.type}/{e.id}.md", _entry_page(e))
    lines = ["# Glossary\n"]
    for type_ in TYPES:
        lines.append(f"\n## {type_.capitalize()}\n")
        letter = ""
        for e in sorted((e for e in corpus.entries if e.type == type_), key=lambda e: e.name):
            if e.name[0].upper() != letter:  # by letter, as Marginalia's glossary page is
                letter = e.name[0].upper()
                lines.append(f"\n### {letter}\n")
            lines.append(f"- [{e.name}]({type_}/{e.id}.md): {e.summary}")
    _write(root / "docs/glossary.md", "\n".join(lines) + "\n")
    config: dict = {"site_name": "Bench", "theme": THEME, "plugins": ["search"],
                    "not_in_nav": "\n".join(f"/{t}/" for t in TYPES) + "\n"}
    if abbr:
        config["markdown_extensions"] = [
            "abbr", {"pymdownx.snippets": {"auto_append": ["includes/abbreviations.md"]}}]
        _write(root / "includes/abbreviations.md",
               "\n".join(f"*[{label}]: {e.role}" if short_titles
                         else f"*[{label}]: {e.role}: {e.summary}"
                         for e in corpus.entries for label in e.names) + "\n")
    _write(root / "mkdocs.yml", yaml.safe_dump(config, sort_keys=False))


def iter_paragraphs(corpus: Corpus) -> Iterator[str]:
    """The articles' text as the linker meets it: one paragraph at a time."""
    for a in corpus.articles:
        yield from a.body.split("\n\n")
