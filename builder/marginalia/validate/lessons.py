"""Rules for lesson files (annotations/lessons/<slug>.yml)."""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.link import evidence as ev
from marginalia.load import (
    YList,
    YMap,
    load_yaml_file,
)
from marginalia.load.paths import Paths
from marginalia.model import (
    ArticleMeta,
    Discussion,
    Glossary,
    Lesson,
    Origin,
    Quiz,
)
from marginalia.validate.fields import ID_RE, Fields
from marginalia.validate.guided import guided_reading
from marginalia.validate.refs import Unread, check_ref

LESSON_KEYS = ("title", "article", "grades", "minutes", "objectives", "standards",
               "vocabulary", "before_reading", "during_reading", "after_reading",
               "discussion", "quiz", "teacher_notes", "guided_reading")


def load_lessons(paths: Paths, articles: dict[str, ArticleMeta], quizzes: dict[str, Quiz],
                 glossary: Glossary, diags: list[Diagnostic],
                 bodies: dict[str, str] | None = None,
                 unread: Unread | None = None) -> dict[str, Lesson]:
    """Every lesson file; `bodies` (article Markdown by slug) anchors guided reading.
    References into files that could not be read (`unread`) are left to those files'
    own errors."""
    unread = unread if unread is not None else Unread()
    lessons: dict[str, Lesson] = {}
    folder = paths.annotations_dir / "lessons"
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        name = paths.name(path)
        loaded = load_yaml_file(path, name)
        diags.extend(loaded.diagnostics)
        raw = loaded.value
        if not isinstance(raw, YMap):
            if raw is not None or loaded.ok:
                diags.append(Diagnostic(getattr(raw, "origin", Origin(name)),
                                        "a lesson must be a mapping of keys",
                                        "fix: write `title:`, `article:` … at the top level"))
            continue
        slug = path.stem
        if not ID_RE.match(slug):
            diags.append(Diagnostic(raw.origin, f"lesson file name '{path.name}' is not a slug",
                                    "fix: rename it with lowercase letters, digits, hyphens"))
            continue
        f = Fields(raw, "lesson", diags)
        f.check_keys(LESSON_KEYS, ("title", "article"))
        article = _slug_ref(f, "article", articles, "an article", "docs/articles/{}.md",
                            unread.articles)
        quiz = _slug_ref(f, "quiz", quizzes, "a quiz", "annotations/quizzes/{}.yml",
                         unread.quizzes)
        vocabulary = f.text_list("vocabulary")
        vocab_value = raw.get("vocabulary")
        for i, ref in enumerate(vocabulary):
            where = vocab_value.where(i) if isinstance(vocab_value, YList) else raw.origin
            check_ref(ref, where, glossary.entries, diags, "vocabulary", unread)
        grades = raw.get("grades")
        body = (bodies or {}).get(article or "")
        guided = guided_reading(raw, quizzes.get(quiz or ""),
                                ev.paragraphs(body) if body is not None and
                                "guided_reading" in raw else None, diags)
        lessons[slug] = Lesson(
            slug=slug, title=f.text("title"), article=article or "",
            grades="" if grades is None else str(grades), minutes=f.integer("minutes"),
            objectives=f.text_list("objectives"), standards=f.text_list("standards"),
            vocabulary=vocabulary, before_reading=f.text("before_reading"),
            during_reading=f.text("during_reading"), after_reading=f.text("after_reading"),
            discussion=_discussion(raw, f, diags), quiz=quiz, teacher_notes=f.text("teacher_notes"),
            guided_reading=guided, origin=raw.origin)
    return lessons


def _slug_ref(f: Fields, key: str, known: dict, what: str, pattern: str,
              unread: set[str]) -> str | None:
    value = f.text(key)
    if not value:
        return None
    if not ID_RE.match(value):
        f.error(f.m.where(key), f"'{key}' must be a slug, not a path: '{value}'",
                "fix: write the file name without folder or extension")
        return None
    if value in unread:
        return None
    if value not in known:
        f.error(f.m.where(key), f"'{key}' '{value}' names no {what.split()[-1]} "
                f"({pattern.format(value)} does not exist)",
                did_you_mean(value, known) or f"fix: create {pattern.format(value)}")
        return None
    return value


def _discussion(raw: YMap, f: Fields, diags: list[Diagnostic]) -> tuple[Discussion, ...]:
    value = raw.get("discussion")
    if value is None:
        return ()
    if not isinstance(value, YList):
        f.error(raw.where("discussion"), "'discussion' must be a list of questions",
                "fix: start each question with '- '")
        return ()
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            out.append(Discussion(item.strip()))
        elif isinstance(item, YMap):
            df = Fields(item, "discussion question", diags)
            df.check_keys(("question", "teacher_notes"), ("question",))
            if df.text("question"):
                out.append(Discussion(df.text("question"), df.text("teacher_notes")))
        else:
            f.error(value.where(i), "a discussion item is a question or a mapping with "
                    "`question:` and `teacher_notes:`", "fix: write `- question: …`")
    return tuple(out)
