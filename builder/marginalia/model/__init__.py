"""Typed records for everything Marginalia reads.

The loader turns YAML and Markdown front matter into these records; every later
step (linking, rendering, exporting) works on them only, never on raw dicts, so
a field that is misspelt in a source file cannot reach a template unnoticed.
Each record remembers where it came from (`Origin`) so that errors found late,
for instance evidence missing from an article, can still name file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from marginalia.model.anchors import card_id
from marginalia.model.entity_types import ENTITY_TYPE_TABLE
from marginalia.model.languages import SITE_LANG, base
from marginalia.model.questions import (
    KIND_BY_NAME,
    KINDS,
    QUESTION_TYPES,
    Answer,
    KindFacts,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Reshape,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.model.quiz_settings import QUIZ_CHOICES, QuizSettings
from marginalia.model.translations import Translations, localized_fields, names_in
from marginalia.model.versions import EntityVersion, later_versions, version_at

ENTITY_TYPES: tuple[str, ...] = tuple(t.key for t in ENTITY_TYPE_TABLE)
"""Glossary types, in the order pages and sidebars list them. The file decides the type."""

TYPE_SINGULAR: dict[str, str] = {t.key: t.singular for t in ENTITY_TYPE_TABLE}

SKILLS: tuple[str, ...] = ("recall", "vocabulary", "inference", "main-idea", "cause-effect")



@dataclass(frozen=True)
class Origin:
    """Where a record (or one of its fields) was written: 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Source:
    title: str
    url: str


ALWAYS_OWN = ("aliases", "facts")
"""Fields an entity page shows that no translation gives: in the entry's language on
every page (so marked as such on a page in another)."""


@dataclass(frozen=True)
class Entity:
    """One glossary entry: a person, place, organization, term or event."""

    type: str
    id: str
    name: str
    role: str
    summary: str
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    details: str = ""
    as_of: dt.date | None = None
    related: tuple[str, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()
    """Type-specific extras (country, founded, start …) as label/value pairs for display."""
    coordinates: tuple[float, float] | None = None
    versions: tuple[EntityVersion, ...] = ()
    """Dated states of the entry (see `marginalia.model.versions`), in file order."""
    translations: Translations = ()
    """The entry's fields in other languages (see `marginalia.model.translations`)."""
    lang: str = SITE_LANG
    """The language the page showing this entry is in (set by `seen_in`)."""
    fallback: frozenset[str] = frozenset()
    """Shown fields left in the site's language on a page in `lang`: marked `lang="en"`."""
    origin: Origin = field(default=Origin("<memory>"), compare=False)

    def version_at(self, day: dt.date | None) -> EntityVersion | None:
        """The version valid on `day`, or None when the entry's own fields apply."""
        return version_at(self.versions, day)

    def at(self, day: dt.date | None) -> Entity:
        """The entry as a reader on `day` should see it (an article's cards, previews,
        vocabulary, exports): the fields of the version holding `day` over the
        entry's own, and `as_of` set to `day`, since that version speaks of it.
        Without a version for `day`, the entry itself, unchanged."""
        version = self.version_at(day)
        if version is None:
            return self
        return replace(self, as_of=day, **version.overrides())

    def seen_in(self, lang: str, day: dt.date | None) -> Entity:
        """The entry as a page in `lang` about `day` shows it: `at(day)`, then each
        shown field in `lang` where a translation gives it, the others listed in
        `fallback` (see `marginalia.model.translations` for the order of choice)."""
        seen = self.at(day)
        if base(lang) == base(SITE_LANG):
            return seen
        version = self.version_at(day)
        values, fallback = localized_fields(
            self.translations, version.translations if version else None,
            frozenset(version.overrides()) if version else frozenset(), lang,
            {name: getattr(seen, name) for name in ("name", "role", "summary", "details")})
        # Aliases and facts (country, founded…) have no translation: always the entry's own.
        kept = frozenset(name for name in ALWAYS_OWN if getattr(seen, name))
        return replace(seen, lang=lang, fallback=fallback | kept, **values)

    def falls_back(self, name: str) -> bool:
        """Whether field `name` is shown in the site's language on this page."""
        return name in self.fallback

    def names_in(self, lang: str) -> tuple[str, ...]:
        """The names the linker looks for in an article in `lang`: the entry's own
        and, in another language, the translation's name and aliases."""
        if base(lang) == base(SITE_LANG):
            return self.names
        return tuple(dict.fromkeys((*self.names, *names_in(self.translations, lang))))

    def later_than(self, day: dt.date | None) -> list[EntityVersion]:
        """Versions that begin after `day`: what changed since an article's date."""
        return later_versions(self.versions, day)

    @property
    def key(self) -> str:
        """The reference form used everywhere: ``people/antony-blinken``."""
        return f"{self.type}/{self.id}"

    @property
    def anchor(self) -> str:
        """The id of this entity's card in an article's context sidebar."""
        return card_id(self.key)

    @property
    def url(self) -> str:
        """Site-relative URL of the entity page (directory URLs)."""
        return f"{self.type}/{self.id}/"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Glossary:
    """Every entry of every type, keyed by ``type/id``, in file order."""

    entries: dict[str, Entity]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entity:
        return self.entries[key]

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entries.values() if e.type == type_]


@dataclass(frozen=True)
class ArticleMeta:
    """Front matter of one article (``docs/articles/<slug>.md``)."""

    slug: str
    title: str
    date: dt.date
    summary: str = ""
    source_name: str = ""
    source_url: str = ""
    license: str = ""
    authors: tuple[str, ...] = ()
    lang: str = SITE_LANG
    """The language the article is written in (front matter `lang`, else the site's)."""
    version_of: str = ""
    """The slug of the original when this article is a version of it (DESIGN §3)."""
    level: int | None = None
    """Reading level of a version (1 = easiest), when it has one."""
    origin: Origin = field(default=Origin("<memory>"), compare=False)

    @property
    def source_href(self) -> str:
        """The source's address where it may be a link: http(s) only, because
        front matter is untrusted text and a `javascript:` href would run."""
        return self.source_url if self.source_url.startswith(("http://", "https://")) else ""

    @property
    def has_provenance(self) -> bool:
        """Whether there is a source, licence or author to credit wherever it is shown."""
        return bool(self.source_name or self.license or self.authors)

    @property
    def story(self) -> str:
        """The slug every version of this story shares: the original's."""
        return self.version_of or self.slug


@dataclass(frozen=True)
class Question:
    """One quiz question; what kind it is, is the class of its `answer`."""

    id: str
    prompt: str
    answer: Answer
    evidence: str = ""
    feedback_correct: str = ""
    feedback_incorrect: str = ""
    skill: str = "recall"
    origin: Origin = field(default=Origin("<memory>"), compare=False)

    @property
    def kind(self) -> KindFacts:
        """This kind's row of the facts table (names, hint, key label, LMS types)."""
        return self.answer.facts

    @property
    def type(self) -> str:
        """The YAML `type:` name, for output and messages (dispatch on `answer` instead)."""
        return self.kind.name

    @property
    def graded(self) -> bool:
        return self.kind.graded

    @property
    def choices(self) -> tuple[str, ...]:
        return self.answer.choices

    @property
    def model_answer(self) -> str:
        """Sample answer of an open question (teacher edition only); "" for other kinds."""
        return self.answer.model_answer if isinstance(self.answer, Open) else ""

    @property
    def answer_list(self) -> list[str]:
        """The answer as a list of strings, whatever the kind (for keys and exports)."""
        return self.answer.as_list()


@dataclass(frozen=True)
class Quiz:
    slug: str
    """The article slug this quiz belongs to (the file name)."""
    title: str
    questions: tuple[Question, ...]
    origin: Origin = field(default=Origin("<memory>"), compare=False)
    settings: QuizSettings = field(default_factory=QuizSettings)
    """The teacher's choices (when the answer is offered, when evidence is quoted)."""


@dataclass(frozen=True)
class Discussion:
    question: str
    teacher_notes: str = ""


@dataclass(frozen=True)
class Checkpoint:
    """A question placed inside the article: it follows the paragraph holding `after`."""

    after: str
    """A passage quoted verbatim from the article, as evidence is."""
    question: str
    """The id of a question in the lesson's quiz (asked here as well as on the quiz)."""
    paragraph: int = 0
    """Index of the article paragraph the passage is in (found by validation)."""
    origin: Origin = field(default=Origin("<memory>"), compare=False)


@dataclass(frozen=True)
class GuidedReading:
    """The article read part by part, a question after each part (CommonLit-style).

    With `gate`, the next part opens only once the question before it is answered
    (in the browser; without JavaScript every part is shown)."""

    checkpoints: tuple[Checkpoint, ...]
    gate: bool = False


@dataclass(frozen=True)
class Lesson:
    slug: str
    title: str
    article: str
    grades: str = ""
    minutes: int | None = None
    objectives: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] = ()
    before_reading: str = ""
    during_reading: str = ""
    after_reading: str = ""
    discussion: tuple[Discussion, ...] = ()
    quiz: str | None = None
    teacher_notes: str = ""
    guided_reading: GuidedReading | None = None
    origin: Origin = field(default=Origin("<memory>"), compare=False)


@dataclass(frozen=True)
class Project:
    """Everything loaded and validated: the input of linking, rendering and exports."""

    glossary: Glossary
    articles: dict[str, ArticleMeta]
    quizzes: dict[str, Quiz]
    lessons: dict[str, Lesson]

    def versions_of(self, slug: str) -> list[ArticleMeta]:
        """Every version of the story `slug` belongs to, the original first, then by
        language and level: the order the versions menu lists them in. A story of one
        article gives a list of one."""
        article = self.articles.get(slug)
        if article is None:
            return []
        story = article.story
        found = [a for a in self.articles.values() if a.story == story]
        return sorted(found, key=lambda a: (a.slug != story, a.lang != SITE_LANG, a.lang,
                                            a.level or 0, a.slug))

    def languages(self) -> list[str]:
        """Languages other than the site's that some article is written in."""
        return sorted({a.lang for a in self.articles.values() if base(a.lang) !=
                       base(SITE_LANG)})


__all__ = [
    "ENTITY_TYPES", "KINDS", "KIND_BY_NAME", "QUESTION_TYPES", "QUIZ_CHOICES", "SKILLS",
    "TYPE_SINGULAR", "Answer", "ArticleMeta", "Discussion", "Entity", "Glossary", "KindFacts",
    "Lesson", "Match", "MultipleAnswer", "Open", "Order", "Origin", "Project", "Question", "Quiz",
    "QuizSettings", "Reshape", "ShortAnswer", "SingleChoice", "Source", "TrueFalse",
]
