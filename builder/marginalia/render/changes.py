"""What an edit changes: the pages of a built site that depend on it.

`serve` rebuilds only what an edit changes. Two records make that honest rather
than guessed: the build's own record of which entries each page *read* while it
was drawn (`ReadRecord`, filled through `TrackedGlossary`, so a template that
starts showing another entry's field is recorded without anyone listing it here),
and a diff of the loaded project by value (`changed_entries`). Whatever these
cannot vouch for (a renamed entry changes what the linker finds on any page; a
changed quiz, lesson, article date or title reaches the navigation or the home
page) is a full build: `incremental_plan` says why in words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from marginalia.model import Entity, Glossary, Project

EVERY_ENTRY = "*"
"""A page that read the whole glossary (the glossary page)."""


class ReadRecord:
    """Which entries each page read while it was drawn, by page source path."""

    def __init__(self) -> None:
        self.pages: dict[str, frozenset[str]] = {}
        self._open: set[str] | None = None

    def begin(self) -> None:
        self._open = set()

    def saw(self, key: str) -> None:
        if self._open is not None:
            self._open.add(key)

    def end(self, src_path: str, *also: str) -> None:
        seen, self._open = self._open or set(), None
        self.pages[src_path] = frozenset(seen.union(also))

    def add(self, src_path: str, *keys: str) -> None:
        self.pages[src_path] = self.pages.get(src_path, frozenset()).union(keys)

    def readers_of(self, keys: Iterable[str]) -> set[str]:
        """Pages that read any of `keys` (or every entry)."""
        wanted = set(keys)
        if not wanted:
            return set()
        return {page for page, read in self.pages.items()
                if EVERY_ENTRY in read or not read.isdisjoint(wanted)}


@dataclass(frozen=True)
class TrackedGlossary(Glossary):
    """The glossary as pages see it: every entry looked up is told to the record."""

    record: ReadRecord = field(default_factory=ReadRecord, compare=False, repr=False)

    def __getitem__(self, key: str) -> Entity:
        self.record.saw(key)
        return self.entries[key]

    def __iter__(self):
        self.record.saw(EVERY_ENTRY)
        return iter(self.entries.values())

    def of_type(self, type_: str) -> list[Entity]:
        self.record.saw(EVERY_ENTRY)
        return super().of_type(type_)


@dataclass(frozen=True)
class Plan:
    """An incremental rebuild: entries and articles whose pages must be drawn again."""

    entries: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.entries and not self.articles


def changed_entries(old: Glossary, new: Glossary) -> set[str]:
    """Keys whose entry differs by value (both glossaries hold the same keys)."""
    return {key for key, entity in new.entries.items() if old.entries[key] != entity}


def incremental_plan(old: Project, new: Project, *, old_claims: Mapping, new_claims: Mapping,
                     edited_articles: Iterable[str], bodies_kept: Iterable[str]
                     ) -> Plan | str:
    """What to redraw after an edit, or why only a full build is right.

    `edited_articles` are slugs whose Markdown body changed (front matter the same);
    `old_claims`/`new_claims` are the names the linker indexes (per language);
    `bodies_kept` are articles whose text other pages measure (lessons, versions).
    """
    if list(old.glossary.entries) != list(new.glossary.entries):
        return "an entry was added, removed or moved"
    if old_claims != new_claims:
        return "a name or alias changed (the linker may find it on any page)"
    if old.articles != new.articles or list(old.articles) != list(new.articles):
        return "an article's front matter changed (navigation and lists)"
    if old.quizzes != new.quizzes:
        return "a quiz changed"
    if old.lessons != new.lessons:
        return "a lesson changed"
    edited = frozenset(edited_articles)
    if edited & set(bodies_kept):
        return "an article that lessons or versions measure changed"
    return Plan(frozenset(changed_entries(old.glossary, new.glossary)), edited)
