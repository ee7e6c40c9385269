"""Every rule of the content model, checked at once, before anything is written.

`load_project` is the single entry point used by the CLI and the plugin: it reads
`annotations/` and the articles under `docs/articles/`, turns them into typed
records and returns every problem as a `Diagnostic` with file:line:col and a fix.
The site is only built when this returns no errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marginalia.diagnostics import Diagnostic
from marginalia.link.syntax import EXPLICIT_MENTION, NO_MENTION
from marginalia.load.paths import Paths
from marginalia.model import ArticleMeta, Glossary, Project
from marginalia.validate.articles import load_articles
from marginalia.validate.glossary import (
    check_ambiguous_names,
    load_glossary,
    name_claims,
)
from marginalia.validate.lessons import load_lessons
from marginalia.validate.quizzes import load_quizzes
from marginalia.validate.refs import Unread
from marginalia.validate.versions import stale_cards

__all__ = ["Paths", "Report", "load_project", "mentions_of", "name_claims"]


@dataclass
class Report:
    project: Project | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    article_bodies: dict[str, str] = field(default_factory=dict)
    """Markdown bodies of the articles that lessons are about, and of every version of
    a story that has versions, by slug: the lesson page and the versions menu show
    their reading level and the worksheet prints them. (Every body is read
    to check evidence, but a newsroom's thousands are not kept through the build.)"""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def load_project(paths: Paths, *, keep_bodies: bool = False) -> Report:
    """Read and check everything. `keep_bodies` keeps every article's Markdown in
    the report (for `marginalia report`), not only the taught ones the build needs."""
    diags: list[Diagnostic] = []
    unread = Unread()
    glossary = load_glossary(paths, diags, unread)
    articles, bodies = load_articles(paths, glossary, diags, unread)
    check_ambiguous_names(glossary, bodies, articles, diags)
    diags.extend(stale_cards(glossary, articles, _mentions(glossary, bodies, articles),
                             paths.stale_after_days))
    quizzes = load_quizzes(paths, articles, bodies, diags, unread)
    lessons = load_lessons(paths, articles, quizzes, glossary, diags, bodies, unread)
    project = Project(glossary, articles, quizzes, lessons)
    taught = {lesson.article for lesson in lessons.values()}
    # Every version of a story with versions is measured for the versions menu.
    stories = {a.story for a in articles.values() if a.version_of}
    taught |= {slug for slug, a in articles.items() if a.story in stories}
    return Report(None if any(d.severity == "error" for d in diags) else project,
                  _in_reading_order(diags),
                  {slug: body for slug, body in bodies.items()
                   if keep_bodies or slug in taught})


def _mentions(glossary: Glossary, bodies: dict[str, str],
              articles: dict[str, ArticleMeta]) -> dict[str, list[str]]:
    """The entries each article's text names, as the linker will find them.

    Only needed when some entry has an `as_of` a stale card could come from;
    otherwise no linker is built here (the build builds its own).
    """
    if not any(e.as_of for e in glossary):
        return {}
    return mentions_of(glossary, bodies, articles)


def mentions_of(glossary: Glossary, bodies: dict[str, str],
                articles: dict[str, ArticleMeta]) -> dict[str, list[str]]:
    """The keys of the entries each article mentions: names the linker finds in its
    text, with the names of its language (names two entries share count for neither),
    and explicit mentions."""
    from marginalia.link.linker import build_linker

    linkers = {lang: build_linker(name_claims(glossary, lang), lang)
               for lang in {a.lang for a in articles.values()}}
    found = {slug: [m.key for m in linkers[articles[slug].lang].find(body, at_start=True)]
             for slug, body in bodies.items() if slug in articles}
    for slug, body in bodies.items():
        found.setdefault(slug, [])
        found[slug] += [m.group(2) for m in EXPLICIT_MENTION.finditer(body)
                        if m.group(2) != NO_MENTION]
    return found


def _in_reading_order(diags: list[Diagnostic]) -> list[Diagnostic]:
    """Files in the order they were read, and top to bottom within each file.

    Checks run rule by rule (keys, then references, then names), so without this
    an editor would read line 9 before line 7 of the same file.
    """
    first_seen: dict[str, int] = {}
    for d in diags:
        first_seen.setdefault(d.origin.file, len(first_seen))
    return sorted(diags, key=lambda d: (first_seen[d.origin.file], d.origin.line,
                                        d.origin.column))
