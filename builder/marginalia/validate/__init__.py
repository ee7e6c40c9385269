"""Every rule of the content model, checked at once, before anything is written.

`load_project` is the single entry point used by the CLI and the plugin: it reads
`annotations/` and the articles under `docs/articles/`, turns them into typed
records and returns every problem as a `Diagnostic` with file:line:col and a fix.
The site is only built when this returns no errors.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from marginalia.diagnostics import Diagnostic, did_you_mean
from marginalia.link import evidence as ev
from marginalia.load import (
    Loaded,
    YList,
    YMap,
    load_front_matter,
    load_yaml_file,
    read_text,
    split_front_matter,
)
from marginalia.model import (
    ENTITY_TYPES,
    QUESTION_TYPES,
    SKILLS,
    ArticleMeta,
    Discussion,
    Entity,
    Glossary,
    Lesson,
    Origin,
    Project,
    Question,
    Quiz,
    Source,
)
from marginalia.validate.fields import ID_RE, REF_RE, Fields, kind_of

BASE_KEYS = ("id", "name", "aliases", "role", "summary", "details", "as_of", "related",
             "sources")
EXTRA_KEYS = {
    "people": (),
    "places": ("country", "coordinates"),
    "organizations": ("kind", "founded", "headquarters"),
    "terms": (),
    "events": ("start", "end"),
}
REQUIRED_KEYS = ("id", "name", "role", "summary", "sources")
ARTICLE_KEYS = ("title", "date", "source", "summary")
MKDOCS_META_KEYS = ("description", "hide", "icon", "status", "subtitle", "tags", "template",
                    "search", "authors", "author")
QUESTION_KEYS = ("id", "type", "prompt", "choices", "answer", "evidence", "feedback", "skill",
                 "model_answer")
LESSON_KEYS = ("title", "article", "grades", "minutes", "objectives", "standards",
               "vocabulary", "before_reading", "during_reading", "after_reading",
               "discussion", "quiz", "teacher_notes")
EXPLICIT_MENTION = re.compile(r"\[([^\]\n]*)\]\(@([^)\s]*)\)")


@dataclass
class Paths:
    """Where a project's sources live, and how to name them in messages."""

    root: Path
    docs_dir: Path
    annotations_dir: Path

    def same_as(self, other: Paths) -> bool:
        """The same three folders, however each was spelled."""
        return all(Path(a).resolve() == Path(b).resolve() for a, b in
                   ((self.root, other.root), (self.docs_dir, other.docs_dir),
                    (self.annotations_dir, other.annotations_dir)))

    def name(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


@dataclass
class Report:
    project: Project | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    article_bodies: dict[str, str] = field(default_factory=dict)
    """Markdown bodies of the articles that lessons are about, by slug: the lesson page
    measures their reading level and the worksheet prints them. (Every body is read
    to check evidence, but a newsroom's thousands are not kept through the build.)"""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


def load_project(paths: Paths) -> Report:
    diags: list[Diagnostic] = []
    glossary = _load_glossary(paths, diags)
    articles, bodies = _load_articles(paths, glossary, diags)
    _check_ambiguous_names(glossary, bodies, articles, diags)
    quizzes = _load_quizzes(paths, articles, bodies, diags)
    lessons = _load_lessons(paths, articles, quizzes, glossary, diags)
    project = Project(glossary, articles, quizzes, lessons)
    taught = {lesson.article for lesson in lessons.values()}
    return Report(None if any(d.severity == "error" for d in diags) else project,
                  _in_reading_order(diags),
                  {slug: body for slug, body in bodies.items() if slug in taught})


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


# --------------------------------------------------------------------------- glossary

def _top_list(loaded: Loaded, name: str, diags: list[Diagnostic]) -> YList:
    diags.extend(loaded.diagnostics)
    value = loaded.value
    if value is None:
        return YList()
    if not isinstance(value, YList):
        diags.append(Diagnostic(getattr(value, "origin", Origin(name)),
                                f"expected a list of entries, found {kind_of(value)}",
                                "fix: start each entry with '- id: …'"))
        return YList()
    return value


def _load_glossary(paths: Paths, diags: list[Diagnostic]) -> Glossary:
    entries: dict[str, Entity] = {}
    related_checks: list[tuple[Entity, Origin, str]] = []
    for type_ in ENTITY_TYPES:
        path = paths.annotations_dir / f"{type_}.yml"
        if not path.exists():
            continue
        name = paths.name(path)
        items = _top_list(load_yaml_file(path, name), name, diags)
        for index, raw in enumerate(items):
            if not isinstance(raw, YMap):
                diags.append(Diagnostic(items.where(index),
                                        f"entry {index + 1} must be a mapping, "
                                        f"not {kind_of(raw)}",
                                        "fix: write '- id: …' followed by indented keys"))
                continue
            entity, related_origins = _entity(type_, raw, name, diags)
            if entity is None:
                continue
            if entity.key in entries:
                first = entries[entity.key].origin
                diags.append(Diagnostic(raw.where("id"), f"duplicate id '{entity.id}' in "
                                        f"{type_} (first at line {first.line})",
                                        "fix: give each entry its own id"))
                continue
            entries[entity.key] = entity
            related_checks.extend(related_origins)
    for _owner, origin, ref in related_checks:
        _check_ref(ref, origin, entries, diags, "related")
    return Glossary(entries)


def _entity(type_: str, raw: YMap, name: str,
            diags: list[Diagnostic]) -> tuple[Entity | None, list]:
    f = Fields(raw, f"{type_} entry", diags)
    before = len(diags)
    f.check_keys(BASE_KEYS + EXTRA_KEYS[type_], REQUIRED_KEYS)
    ident = f.ident("id")
    display = f.text("name")
    aliases = f.text_list("aliases")
    role, summary, details = f.text("role"), f.text("summary"), f.text("details")
    as_of = f.date("as_of")
    related = f.text_list("related")
    sources = _sources(raw, f, diags)
    if "sources" in raw and not sources and len(diags) == before:
        diags.append(Diagnostic(raw.where("sources"), "an entry needs at least one source",
                                "fix: add `- {title: …, url: https://…}` under sources"))
    facts: list[tuple[str, str]] = []
    for key in EXTRA_KEYS[type_]:
        if key == "coordinates" or key not in raw:
            continue
        value = f.date(key) if key in ("start", "end") else raw.get(key)
        if value is not None:
            facts.append((key.capitalize(), str(value)))
    coordinates = _coordinates(raw, f) if "coordinates" in raw else None
    if not ident or not display:
        return None, []
    origin = raw.where_key("id") if "id" in raw else raw.origin
    entity = Entity(type=type_, id=ident, name=display, role=role, summary=summary,
                    sources=sources, aliases=aliases, details=details, as_of=as_of,
                    related=related, facts=tuple(facts), coordinates=coordinates,
                    origin=origin)
    related_value = raw.get("related")
    origins = []
    for i, ref in enumerate(related):
        where = related_value.where(i) if isinstance(related_value, YList) else raw.where("related")
        origins.append((entity, where, ref))
    return entity, origins


def _sources(raw: YMap, f: Fields, diags: list[Diagnostic]) -> tuple[Source, ...]:
    value = raw.get("sources")
    if value is None:
        return ()
    if not isinstance(value, YList):
        f.error(raw.where("sources"), f"'sources' must be a list, not {kind_of(value)}",
                "fix: write `- {title: …, url: https://…}` for each source")
        return ()
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, YMap):
            f.error(value.where(i), "each source must be a mapping with title and url",
                    "fix: write `- {title: …, url: https://…}`")
            continue
        sf = Fields(item, "source", diags)
        sf.check_keys(("title", "url"), ("title", "url"))
        title, url = sf.text("title"), sf.url("url")
        if title and url:
            out.append(Source(title, url))
    return tuple(out)


def _coordinates(raw: YMap, f: Fields) -> tuple[float, float] | None:
    value = raw.get("coordinates")
    ok = (isinstance(value, list) and len(value) == 2
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value))
    if ok and -90 <= value[0] <= 90 and -180 <= value[1] <= 180:
        return float(value[0]), float(value[1])
    f.error(raw.where("coordinates"), "'coordinates' must be [latitude, longitude] in degrees",
            "fix: e.g. coordinates: [30.04, 31.24]")
    return None


def _check_ref(ref: str, origin: Origin, entries: dict, diags: list[Diagnostic],
               what: str) -> bool:
    match = REF_RE.match(ref)
    if not match or match.group(1) not in ENTITY_TYPES:
        diags.append(Diagnostic(origin, f"'{ref}' in {what} is not a reference like "
                                "'people/antony-blinken'",
                                "fix: write type/id with type one of " + ", ".join(ENTITY_TYPES)))
        return False
    if ref not in entries:
        diags.append(Diagnostic(origin, f"'{ref}' in {what} names no glossary entry",
                                did_you_mean(ref, entries) or
                                f"fix: add an entry with id '{match.group(2)}' to "
                                f"annotations/{match.group(1)}.yml"))
        return False
    return True


def name_claims(glossary: Glossary) -> dict[str, list[str]]:
    """Every name and alias (NFC) → the keys of the entries that claim it."""
    claims: dict[str, list[str]] = defaultdict(list)
    for entity in glossary:
        for label in dict.fromkeys(unicodedata.normalize("NFC", n) for n in entity.names):
            claims[label].append(entity.key)
    return claims


def _check_ambiguous_names(glossary: Glossary, bodies: dict[str, str],
                           articles: dict[str, ArticleMeta],
                           diags: list[Diagnostic]) -> None:
    """A name claimed by two entries must be settled by an explicit mention wherever used."""
    for label, keys in name_claims(glossary).items():
        if len(keys) < 2:
            continue
        pattern = re.compile(rf"(?<![\w@/-]){re.escape(label)}(?!\w)")
        used = False
        for slug, body in bodies.items():
            settled = [m.span(1) for m in EXPLICIT_MENTION.finditer(body)]
            for match in pattern.finditer(body):
                if any(a <= match.start() < b for a, b in settled):
                    continue
                used = True
                line = body.count("\n", 0, match.start()) + articles[slug].origin.line
                column = match.start() - (body.rfind("\n", 0, match.start()) + 1) + 1
                diags.append(Diagnostic(
                    Origin(articles[slug].origin.file, line, column),
                    f"'{label}' is claimed by {' and '.join(keys)}",
                    f"fix: mark it explicitly, e.g. [{label}](@{keys[0]})"))
        if not used:
            first = glossary[keys[1]]
            diags.append(Diagnostic(first.origin, f"the name '{label}' is claimed by "
                                    f"{' and '.join(keys)}",
                                    "fix: give each entry its own names, or settle every use "
                                    "with an explicit mention [text](@type/id)",
                                    severity="warning"))


# --------------------------------------------------------------------------- articles

def _load_articles(paths: Paths, glossary: Glossary,
                   diags: list[Diagnostic]) -> tuple[dict[str, ArticleMeta], dict[str, str]]:
    articles: dict[str, ArticleMeta] = {}
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
        loaded = load_front_matter(path, name)
        diags.extend(loaded.diagnostics)
        if loaded.value is None:
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
        f.check_keys(ARTICLE_KEYS + MKDOCS_META_KEYS, ("title", "date"))
        source = f.mapping("source")
        source_name = source_url = ""
        if source is not None:
            sf = Fields(source, "article source", diags)
            sf.check_keys(("name", "url"), ("name",))
            source_name, source_url = sf.text("name"), sf.url("url")
        date = f.date("date")
        text, _ = read_text(path, name)
        _yaml, body, _ = split_front_matter(text or "")
        front_lines = (text or "").count("\n", 0, len(text or "") - len(body))
        origin = Origin(name, front_lines + 1, 1)
        bodies[slug] = body
        for match in EXPLICIT_MENTION.finditer(body):
            line = body.count("\n", 0, match.start()) + front_lines + 1
            column = match.start(2) - (body.rfind("\n", 0, match.start()) + 1)
            _check_ref(match.group(2), Origin(name, line, column), glossary.entries, diags,
                       "an explicit mention")
        if date is not None and f.text("title"):
            articles[slug] = ArticleMeta(slug=slug, title=f.text("title"), date=date,
                                         summary=f.text("summary"), source_name=source_name,
                                         source_url=source_url, origin=origin)
    return articles, bodies


# --------------------------------------------------------------------------- quizzes

def _load_quizzes(paths: Paths, articles: dict[str, ArticleMeta], bodies: dict[str, str],
                  diags: list[Diagnostic]) -> dict[str, Quiz]:
    quizzes: dict[str, Quiz] = {}
    folder = paths.annotations_dir / "quizzes"
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        name = paths.name(path)
        slug = path.stem
        loaded = load_yaml_file(path, name)
        diags.extend(loaded.diagnostics)
        raw = loaded.value
        if raw is None:
            if loaded.ok:
                diags.append(Diagnostic(Origin(name), "quiz file is empty",
                                        "fix: add `title:` and `questions:`"))
            continue
        if not isinstance(raw, YMap):
            diags.append(Diagnostic(getattr(raw, "origin", Origin(name)),
                                    f"a quiz must be a mapping, found {kind_of(raw)}",
                                    "fix: write `title: …` and `questions:` at the top level"))
            continue
        if slug not in bodies:
            diags.append(Diagnostic(raw.origin, f"quiz '{slug}' has no article "
                                    f"docs/articles/{slug}.md",
                                    did_you_mean(slug, bodies) or
                                    "fix: name the quiz file after its article"))
        f = Fields(raw, "quiz", diags)
        f.check_keys(("title", "questions"), ("questions",))
        title = f.text("title", "Check your understanding")
        questions = _questions(raw, f, diags)
        plain = ev.plain_text(bodies[slug]) if slug in bodies else None
        if plain is not None:
            for q in questions:
                _check_evidence(q, plain, slug, diags)
        quizzes[slug] = Quiz(slug=slug, title=title, questions=tuple(questions),
                             origin=raw.origin)
    return quizzes


def _questions(raw: YMap, f: Fields, diags: list[Diagnostic]) -> list[Question]:
    items = raw.get("questions")
    if items is None:
        return []
    if not isinstance(items, YList):
        f.error(raw.where("questions"), "'questions' must be a list",
                "fix: start each question with '- id: …'")
        return []
    out: list[Question] = []
    seen: dict[str, Origin] = {}
    for i, item in enumerate(items):
        if not isinstance(item, YMap):
            f.error(items.where(i), f"question {i + 1} must be a mapping",
                    "fix: write '- id: …' followed by indented keys")
            continue
        q = _question(item, diags)
        if q is None:
            continue
        if q.id in seen:
            f.error(item.where("id"), f"duplicate question id '{q.id}' "
                    f"(first at line {seen[q.id].line})", "fix: give each question its own id")
            continue
        seen[q.id] = q.origin
        out.append(q)
    return out


def _question(item: YMap, diags: list[Diagnostic]) -> Question | None:
    f = Fields(item, "question", diags)
    f.check_keys(QUESTION_KEYS, ("id", "type", "prompt"))
    qid, qtype, prompt = f.ident("id"), f.text("type"), f.text("prompt")
    if qtype and qtype not in QUESTION_TYPES:
        f.error(item.where("type"), f"unknown question type '{qtype}'",
                did_you_mean(qtype, QUESTION_TYPES) or
                "fix: use one of " + ", ".join(QUESTION_TYPES))
        return None
    skill = f.text("skill", "recall")
    if skill not in SKILLS:
        f.error(item.where("skill"), f"unknown skill '{skill}'",
                did_you_mean(skill, SKILLS) or "fix: use one of " + ", ".join(SKILLS))
    feedback = f.mapping("feedback")
    correct = incorrect = ""
    if feedback is not None:
        ff = Fields(feedback, "feedback", diags)
        ff.check_keys(("correct", "incorrect"), ())
        correct, incorrect = ff.text("correct"), ff.text("incorrect")
    choices = f.text_list("choices")
    answer = _answer(qtype, item, f, choices)
    evidence = f.text("evidence")
    if qtype and qtype != "open" and not evidence:
        f.error(item.origin, f"question '{qid}' has no evidence",
                "fix: add `evidence:` quoting the article passage that supports the answer")
    if qtype and qtype != "open" and "model_answer" in item:
        f.error(item.where_key("model_answer"), f"a '{qtype}' question has no model answer",
                "fix: remove `model_answer:` (only `open` questions have one; "
                "the answer key comes from `answer:`)")
    if not (qid and qtype and prompt):
        return None
    if isinstance(answer, list) and qtype == "order" and not choices:
        choices = tuple(_scramble(answer))
    return Question(id=qid, type=qtype, prompt=prompt, choices=choices, answer=answer,
                    evidence=evidence, feedback_correct=correct, feedback_incorrect=incorrect,
                    skill=skill if skill in SKILLS else "recall",
                    model_answer=f.text("model_answer"), origin=item.where_key("id"))


def _scramble(items: list[str]) -> list[str]:
    """A fixed, never-correct display order: rotate by one (stable across builds)."""
    return items[1:] + items[:1] if len(items) > 1 else list(items)


def _answer(qtype: str, item: YMap, f: Fields, choices: tuple[str, ...]):
    where = item.where("answer") if "answer" in item else item.origin
    value = item.get("answer")
    raw_choices = item.get("choices")
    if qtype in ("true-false", "short", "match", "open") and raw_choices is not None:
        f.error(item.where_key("choices"), f"a '{qtype}' question has no choices",
                "fix: remove `choices:`" + (" (the answer mapping lists the pairs)"
                                            if qtype == "match" else ""))
    elif qtype in ("single", "multiple") and len(choices) < 2:
        f.error(item.where("choices") if "choices" in item else item.origin,
                f"a '{qtype}' question needs at least two choices",
                "fix: add `choices: [first, second, …]`")
    if qtype == "open":
        if value is not None:
            f.error(where, "an 'open' question has no answer",
                    "fix: move it to `model_answer:` (shown to teachers only)")
        return None
    if value is None:
        f.error(item.origin, f"a '{qtype}' question needs an answer", "fix: add `answer:`")
        return None
    if qtype == "single":
        answer = str(value).strip() if not isinstance(value, (list, dict)) else None
        if answer is None:
            f.error(where, "a 'single' question has one answer", "fix: write `answer: <choice>`")
        elif choices and answer not in choices:
            f.error(where, f"answer '{answer}' is not among the choices",
                    did_you_mean(answer, choices) or "fix: copy one of the choices exactly")
        return answer
    if qtype == "true-false":
        if not isinstance(value, bool):
            f.error(where, f"a 'true-false' answer must be true or false, got '{value}'",
                    "fix: write `answer: true` or `answer: false`")
            return None
        return value
    if qtype == "match":
        if not isinstance(value, YMap) or len(value) < 2:
            f.error(where, "a 'match' answer maps each left item to its partner (two or more)",
                    "fix: write `answer:` followed by indented `left: right` lines")
            return None
        pairs = {str(k).strip(): str(v).strip() for k, v in value.items()}
        if len(set(pairs.values())) != len(pairs):
            f.error(where, "two left items share the same partner in 'match'",
                    "fix: make every right-hand item unique")
        return pairs
    answers = f.text_list("answer") if isinstance(value, list) else (str(value).strip(),)
    if qtype == "short":
        if not answers:
            f.error(where, "a 'short' question needs at least one accepted answer",
                    "fix: write `answer: [accepted, another accepted]`")
        return list(answers)
    if qtype == "multiple":
        for a in answers:
            if choices and a not in choices:
                f.error(where, f"answer '{a}' is not among the choices",
                        did_you_mean(a, choices) or "fix: copy the choices exactly")
        return list(answers)
    if qtype == "order":
        if len(answers) < 2:
            f.error(where, "an 'order' answer lists at least two items in their right order",
                    "fix: write `answer: [first, second, …]`")
        if choices and sorted(choices) != sorted(answers):
            f.error(item.where("choices"), "the choices of an 'order' question must be the "
                    "answer's items in another order", "fix: list the same items in both")
        return list(answers)
    return None


def _check_evidence(q: Question, plain: str, slug: str, diags: list[Diagnostic]) -> None:
    if not q.evidence or ev.find(q.evidence, plain) >= 0:
        return
    closest = ev.closest_passage(q.evidence, plain)
    diags.append(Diagnostic(q.origin, f"evidence of question '{q.id}' does not occur in "
                            f"article '{slug}'",
                            f"fix: quote the article verbatim; closest passage: \"{closest}\""))


# --------------------------------------------------------------------------- lessons

def _load_lessons(paths: Paths, articles: dict[str, ArticleMeta], quizzes: dict[str, Quiz],
                  glossary: Glossary, diags: list[Diagnostic]) -> dict[str, Lesson]:
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
        article = _slug_ref(f, "article", articles, "an article", "docs/articles/{}.md")
        quiz = _slug_ref(f, "quiz", quizzes, "a quiz", "annotations/quizzes/{}.yml")
        vocabulary = f.text_list("vocabulary")
        vocab_value = raw.get("vocabulary")
        for i, ref in enumerate(vocabulary):
            where = vocab_value.where(i) if isinstance(vocab_value, YList) else raw.origin
            _check_ref(ref, where, glossary.entries, diags, "vocabulary")
        grades = raw.get("grades")
        lessons[slug] = Lesson(
            slug=slug, title=f.text("title"), article=article or "",
            grades="" if grades is None else str(grades), minutes=f.integer("minutes"),
            objectives=f.text_list("objectives"), standards=f.text_list("standards"),
            vocabulary=vocabulary, before_reading=f.text("before_reading"),
            during_reading=f.text("during_reading"), after_reading=f.text("after_reading"),
            discussion=_discussion(raw, f, diags), quiz=quiz, teacher_notes=f.text("teacher_notes"),
            origin=raw.origin)
    return lessons


def _slug_ref(f: Fields, key: str, known: dict, what: str, pattern: str) -> str | None:
    value = f.text(key)
    if not value:
        return None
    if not ID_RE.match(value):
        f.error(f.m.where(key), f"'{key}' must be a slug, not a path: '{value}'",
                "fix: write the file name without folder or extension")
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
