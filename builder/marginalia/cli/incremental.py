"""`serve`'s incremental rebuild: redraw only the pages an edit changes.

MkDocs' own serve rebuilds every page after any change; at 1,000 articles and
5,000 entries that is minutes. Here, after a full build, the preview keeps what
MkDocs made (files, navigation, theme environment, each page's search entries,
our `SiteBuild` with its read record and backlinks). After an edit that
`marginalia.render.changes.incremental_plan` accepts, the pages to redraw go
through MkDocs' own page pipeline again (`_populate_page`, then `_build_page`:
every plugin event, the theme's template, the same writer) into the served
folder, and the search index is written from every page's entries, old and new.
Pages, navigation and the sitemap of a full build stay valid because the plan
only accepts edits that keep every page, title and name. Anything it cannot
vouch for (mkdocs.yml, templates, other pages, unknown plugins) is a full build.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import InclusionLevel

from marginalia.render.changes import Plan, incremental_plan
from marginalia.validate import Paths, Report

log = logging.getLogger("mkdocs.commands.build")
RECORDER = "marginalia/serve-record"
KNOWN_PLUGINS = frozenset({"search", "material/search", "marginalia", RECORDER})
"""Plugins whose state across pages we know: any other one means full builds."""
_FRONT = re.compile(r"\A---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)


class Recorder(BasePlugin):
    """Keeps what one MkDocs build made, for the next incremental rebuild."""

    def __init__(self) -> None:
        self.files = self.nav = self.env = None
        self.search: dict[str, list[dict]] = {}
        """Each page's search entries, as the search plugin made them."""
        self._taken = 0

    def on_pre_build(self, *, config) -> None:
        self.search = {}
        self._taken = 0

    @event_priority(-100)
    def on_files(self, files, *, config):
        self.files = files
        return files

    @event_priority(-100)
    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    @event_priority(-100)
    def on_env(self, env, *, config, files):
        self.env = env
        return env

    @event_priority(-100)  # after the search plugin indexed the page
    def on_page_context(self, context, *, page, config, nav):
        index = search_index(config)
        if index is not None:
            self.search[page.file.src_uri] = index.entries[self._taken:]
            self._taken = len(index.entries)
        return context

    def restart(self, config) -> None:
        """Before an incremental rebuild: the search plugin starts an empty index."""
        index = search_index(config)
        if index is not None:
            index.entries = []
        self._taken = 0


def search_index(config):
    """mkdocs-material's search index of this build (None without search)."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index
    return None


def sources(paths: Paths, config_file: Path) -> dict[str, tuple]:
    """What the build read besides annotations: mkdocs.yml and every file of docs/,
    articles split into front matter and a digest of their body."""
    seen: dict[str, tuple] = {"mkdocs.yml": (config_file.read_bytes(),)}
    for path in sorted(paths.docs_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(paths.docs_dir).as_posix()
        if rel.startswith("articles/") and rel.endswith(".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            front = _FRONT.match(text)
            head = front.group(0) if front else ""
            seen[rel] = (head, hashlib.sha256(text[len(head):].encode()).digest())
        else:
            stat = path.stat()
            seen[rel] = (stat.st_size, stat.st_mtime_ns)
    return seen


@dataclass
class Session:
    """One good full build, kept so the next edit can redraw only what it changes."""

    config: object
    config_file: Path
    paths: Paths
    report: Report
    sources: dict[str, tuple]
    recorder: Recorder
    drawn: set[str] | None = None
    """Pages the last incremental rebuild redrew (None: the session is a full build)."""

    @classmethod
    def after_build(cls, config, config_file: Path, paths: Paths, report: Report,
                    seen: dict[str, tuple], served: Path) -> Session | None:
        """The session of a build just swapped into `served`, if it can be continued."""
        recorder = config.plugins.get(RECORDER)
        if not isinstance(recorder, Recorder) or recorder.files is None:
            return None
        config.site_dir = str(served)
        for file in recorder.files:  # the build wrote to a staging folder, now `served`
            file.dest_dir = str(served)
            file.__dict__.pop("abs_dest_path", None)
        return cls(config, config_file, paths, report, seen, recorder)

    def plan(self, report: Report, seen: dict[str, tuple]) -> Plan | str:
        """The incremental plan for the sources now on disk, or why a full build."""
        unknown = set(self.config.plugins) - KNOWN_PLUGINS
        if unknown:
            return f"plugin {sorted(unknown)[0]} may depend on every page"
        if self.config.plugins.get("search") and search_index(self.config) is None:
            return "the search plugin is not mkdocs-material's"
        if set(seen) != set(self.sources):
            return "a page was added or removed"
        edited = []
        for rel, now in seen.items():
            if now == self.sources[rel]:
                continue
            if len(now) != 2 or not isinstance(now[0], str) or now[0] != self.sources[rel][0]:
                return f"{rel} changed"
            edited.append(rel[len("articles/"):-len(".md")])
        site = self._site()
        old = self.report.project
        new = report.project
        assert old is not None and new is not None
        if any(slug not in new.articles for slug in edited):
            return "a page under articles/ is not an article"
        return incremental_plan(
            old, new, old_claims=site.claims, new_claims=site.name_claims(new),
            edited_articles=edited, bodies_kept=set(report.article_bodies)
            | set(self.report.article_bodies))

    def _site(self):
        return self.config.plugins.get("marginalia").site

    def apply(self, plan: Plan, report: Report, seen: dict[str, tuple]) -> int:
        """Redraw the plan's pages into the served folder; the number of pages drawn."""
        from mkdocs.commands.build import _build_page, _populate_page

        config, recorder = self.config, self.recorder
        site = self._site()
        assert report.project is not None
        site.renew(report.project, report.article_bodies)
        files = recorder.files
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        by_src = {f.src_uri: f for f in doc_files}
        readers = site.reads.readers_of(plan.entries) | site.entity_pages(plan.entries)
        slugs = set(plan.articles) | {site.article_slug(src) for src in readers} - {None}
        articles = [f"articles/{slug}.md" for slug in sorted(slugs)]
        before = {slug: site.forget_article(slug) for slug in slugs}
        recorder.restart(config)
        for src in articles:  # first: their backlinks are read by entity pages
            _populate_page(by_src[src].page, config, files)
        changed_links = set()
        for slug, old in before.items():
            new = site.backlinks_from(slug)
            changed_links |= {key for key in old.keys() | new.keys()
                              if old.get(key) != new.get(key)}
        redraw = (readers | site.entity_pages(changed_links)) - set(articles)
        for src in sorted(redraw):
            _populate_page(by_src[src].page, config, files)
        drawn = set(articles) | redraw
        for file in doc_files:
            if file.src_uri in drawn:
                _build_page(file.page, config, doc_files, recorder.nav, recorder.env)
        index = search_index(config)
        if index is not None:
            index.entries = [e for f in doc_files for e in recorder.search.get(f.src_uri, [])]
        config.plugins.on_post_build(config=config)
        self.report, self.sources = report, seen
        self.drawn = drawn
        return len(drawn)


def rebuild(session: Session, report: Report, seen: dict[str, tuple]) -> str | None:
    """Redraw what changed; None when done, else why a full build is needed."""
    plan = session.plan(report, seen)
    if isinstance(plan, str):
        return plan
    start = time.monotonic()
    try:
        drawn = session.apply(plan, report, seen)
    except Exception as exc:  # a page failed half-way: a full build puts all right
        return f"redrawing pages failed ({exc})"
    log.info(f"Documentation built in {time.monotonic() - start:.2f} seconds "
             f"({drawn} pages redrawn: {len(plan.entries)} entries and "
             f"{len(plan.articles)} articles changed)")
    return None
