"""Rules for article front matter and the explicit mentions in article bodies.

The rules of versions of an article (`version_of`, `lang`, `level`) are in
`marginalia.validate.stories`, run once every article has been read.
"""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic
from marginalia.link.syntax import EXPLICIT_MENTION, NO_MENTION, TARGET_PREFIX
from marginalia.load import (
    YMap,
    front_matter,
    origin_at,
    read_text,
    split_front_matter,
)
from marginalia.load.paths import Paths
from marginalia.load.yaml_errors import unread as unread_file
from marginalia.model import (
    ArticleMeta,
    Glossary,
    Origin,
)
from marginalia.validate.fields import ID_RE, Fields
from marginalia.validate.refs import Unread, check_ref
from marginalia.validate.stories import (
    STORY_KEYS,
    UNDATED,
    PendingArticle,
    read_story_fields,
    settle_stories,
)

ARTICLE_KEYS = ("title", "date", "source", "summary", "license", "authors")
MKDOCS_META_KEYS = ("description", "hide", "icon", "status", "subtitle", "tags", "template",
                    "search", "author")


def load_articles(paths: Paths, glossary: Glossary, diags: list[Diagnostic],
                  unread: Unread | None = None
                  ) -> tuple[dict[str, ArticleMeta], dict[str, str]]:
    """Every article's front matter and body; one that cannot be read joins `unread`."""
    unread = unread if unread is not None else Unread()
    pending: dict[str, PendingArticle] = {}
    bodies: dict[str, str] = {}
    folder = paths.docs_dir / "articles"
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        name = paths.name(path)
        slug = path.stem
        if not ID_RE.match(slug):
            diags.append(Diagnostic(Origin(name), f"article file name '{path.name}' is not a "
                                    "valid slug", "fix: rename it with lowercase letters, "
                                    "digits and hyphens"))
            continue
        text, problems = read_text(path, name)
        if text is None:
            diags.extend(unread_file(problems))
            unread.articles.add(slug)
            continue
        diags.extend(problems)
        loaded = front_matter(text, name)
        diags.extend(loaded.diagnostics)
        if loaded.value is None:
            unread.articles.add(slug)
            if loaded.ok:
                diags.append(Diagnostic(Origin(name, 2, 1), "front matter is empty",
                                        "fix: add title: and date:"))
            continue
        meta = loaded.value
        if not isinstance(meta, YMap):
            diags.append(Diagnostic(getattr(meta, "origin", Origin(name, 2, 1)),
                                    "front matter must be a mapping of keys",
                                    "fix: write `title: …` and `date: …` lines"))
            continue
        f = Fields(meta, "article front matter", diags)
        before = len(diags)
        story = read_story_fields(f)
        # A version's date is its original's: it may leave `date` out.
        f.check_keys(ARTICLE_KEYS + STORY_KEYS + MKDOCS_META_KEYS,
                     ("title",) if "version_of" in meta else ("title", "date"))
        story_ok = len(diags) == before
        source = f.mapping("source")
        source_name = source_url = ""
        if source is not None:
            sf = Fields(source, "article source", diags)
            sf.check_keys(("name", "url"), ("name",))
            source_name, source_url = sf.text("name"), sf.url("url")
        date = f.date("date")
        _yaml, body, _ = split_front_matter(text)
        front_lines = text.count("\n", 0, len(text) - len(body))
        origin = Origin(name, front_lines + 1, 1)
        bodies[slug] = body
        for match in EXPLICIT_MENTION.finditer(body):
            if match.group(2) == NO_MENTION:
                continue  # `[text](@none)`: kept from being marked, names no entry
            at = origin_at(body, match.start(2) - len(TARGET_PREFIX), name, front_lines + 1)
            check_ref(match.group(2), at, glossary.entries, diags,
                      "an explicit mention", unread)
        if (date is not None or story.get("version_of")) and f.text("title"):
            pending[slug] = PendingArticle(ArticleMeta(
                slug=slug, title=f.text("title"), date=date or UNDATED,
                summary=f.text("summary"), source_name=source_name, source_url=source_url,
                license=f.text("license"), authors=f.text_list("authors"), origin=origin,
                **story), meta, date is not None, story_ok)
    articles = settle_stories(pending, diags)
    # An article whose front matter has errors has its own message: a quiz or lesson
    # naming it is not told the article does not exist.
    unread.articles.update(slug for slug in bodies if slug not in articles)
    return articles, bodies
