"""What every key of every file means: one table for schemas, scaffolds and the reference.

Which keys a file may hold is the validator's business (`validate/*`: its tuples
such as `QUESTION_KEYS` are the rules); what each key *means* — its shape as a JSON
Schema, one line of documentation and an example — is written here once. The JSON
Schemas (`marginalia.schemas`), the scaffolds of `marginalia new` and the format
reference (docs-dev/formats.md) are all generated from this table, and a test
holds it to the validator's tuples, so a key cannot be added to one and not the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marginalia.model import QUESTION_TYPES, SKILLS
from marginalia.model.entity_types import ENTITY_TYPE_TABLE
from marginalia.model.languages import LANG_RE
from marginalia.model.translations import TRANSLATED_FIELDS, VERSION_TRANSLATED_FIELDS

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
REF_PATTERN = (r"^(" + "|".join(t.key for t in ENTITY_TYPE_TABLE)
               + r")/[a-z0-9]+(-[a-z0-9]+)*$")

TEXT: dict[str, Any] = {"type": ["string", "number"]}
"""Text (a number written bare reads as text, as the validator reads it)."""
DATE: dict[str, Any] = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
ID: dict[str, Any] = {"type": "string", "pattern": ID_PATTERN}
REF: dict[str, Any] = {"type": "string", "pattern": REF_PATTERN}
URL: dict[str, Any] = {"type": "string", "pattern": r"^https?://\S+$"}


def list_of(item: dict[str, Any]) -> dict[str, Any]:
    """A list of `item`, or one `item` alone (the validator reads `x` as `[x]`)."""
    return {"anyOf": [item, {"type": "array", "items": item}]}


@dataclass(frozen=True)
class Key:
    """One key of a mapping: its shape, what it is for, an example value (YAML)."""

    name: str
    schema: dict[str, Any]
    doc: str
    example: str
    required: bool = False


@dataclass(frozen=True)
class Shape:
    """A mapping with known keys (an entry, a question, a lesson…)."""

    title: str
    keys: tuple[Key, ...]
    nested: tuple[Shape, ...] = field(default=())
    """Shapes of mappings inside this one, documented after it."""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys if k.required)

    def schema(self) -> dict[str, Any]:
        """This mapping as JSON Schema: unknown keys refused, as `check` refuses them."""
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k.name: {**k.schema, "description": k.doc} for k in self.keys},
            "additionalProperties": False,
        }
        if self.required:
            out["required"] = list(self.required)
        return out


SOURCE = Shape("source", (
    Key("title", TEXT, "What the source is called, as a reader would cite it.",
        "Antony Blinken (Wikipedia)", required=True),
    Key("url", URL, "A real public web address (http or https).",
        "https://en.wikipedia.org/wiki/Antony_Blinken", required=True),
))
SOURCES = {"type": "array", "minItems": 1, "items": SOURCE.schema()}

_TRANSLATABLE = {
    "name": Key("name", TEXT, "The name in that language.", "Antony Blinken"),
    "aliases": Key("aliases", list_of(TEXT), "Names in that language that mark a mention "
                   "in articles in that language.", "[Blinken]"),
    "role": Key("role", TEXT, "The role in that language.",
                "Secretario de Estado de Estados Unidos"),
    "summary": Key("summary", TEXT, "The summary in that language.",
                   "El principal diplomático de Estados Unidos."),
    "details": Key("details", TEXT, "The longer text in that language.", "|\n  …"),
}
TRANSLATION = Shape("translation of an entry", tuple(_TRANSLATABLE[k]
                                                     for k in TRANSLATED_FIELDS))
VERSION_TRANSLATION = Shape("translation of a version", tuple(
    _TRANSLATABLE[k] for k in VERSION_TRANSLATED_FIELDS))


def _translations(shape: Shape) -> dict[str, Any]:
    return {"type": "object", "propertyNames": {"pattern": LANG_RE.pattern},
            "additionalProperties": shape.schema()}


VERSION = Shape("version of an entry", (
    Key("from", DATE, "First day this version is true (inclusive); may be left open.",
        "2021-01-26"),
    Key("until", DATE, "Last day this version is true (inclusive); may be left open.",
        "2025-01-20"),
    Key("role", TEXT, "The role while this version holds.",
        "United States Secretary of State"),
    Key("summary", TEXT, "The summary while this version holds.",
        "Leads US diplomacy in the Gaza ceasefire talks."),
    Key("details", TEXT, "Longer Markdown for the entity page while this version holds.",
        "|\n  Confirmed by the Senate in January 2021."),
    Key("sources", SOURCES, "Sources for this version (else the entry's own).",
        '\n  - {title: State Department, url: "https://www.state.gov/"}'),
    Key("translations", _translations(VERSION_TRANSLATION), "This version's role, summary "
        "and details in other languages, by language code.",
        "\n  es:\n    role: Secretario de Estado"),
), (VERSION_TRANSLATION,))

_ENTRY_KEYS = (
    Key("id", ID, "Unique per type: lowercase letters, digits and single hyphens. "
        "References are written `type/id`.", "antony-blinken", required=True),
    Key("name", TEXT, "The name as articles write it; matched case-sensitively, "
        "as whole words.", "Antony Blinken", required=True),
    Key("aliases", list_of(TEXT), "Other names that mark a mention (case-sensitive, "
        "whole words).", "[Blinken, Antony J. Blinken]"),
    Key("role", TEXT, "Short, shown under the name.", "United States Secretary of State",
        required=True),
    Key("summary", TEXT, "One to three plain sentences, true as of the article's date.",
        ">\n  The top US diplomat, in Cairo and Doha for the ceasefire talks.",
        required=True),
    Key("details", TEXT, "Optional longer Markdown for the entity page.",
        "|\n  Blinken served as deputy secretary of state from 2015 to 2017."),
    Key("as_of", DATE, "The date the text is true of (default: the article's date).",
        "2024-05-04"),
    Key("related", list_of(REF), "Other entries, as `type/id`.",
        "[organizations/us-state-department]"),
    Key("sources", SOURCES, "At least one real public source.",
        '\n  - {title: Antony Blinken (Wikipedia), '
        'url: "https://en.wikipedia.org/wiki/Antony_Blinken"}', required=True),
    Key("versions", {"type": "array", "items": VERSION.schema()},
        "Dated versions; a card shows the one holding its article's date.",
        "\n  - from: 2021-01-26\n    until: 2025-01-20\n    role: Secretary of State"),
    Key("translations", _translations(TRANSLATION), "The entry in other languages, by "
        "language code (every key optional); a page in that language falls back to the "
        "entry's own text.", "\n  es:\n    role: Secretario de Estado de Estados Unidos"),
)
_EXTRA_KEYS: dict[str, tuple[Key, ...]] = {
    "places": (
        Key("country", TEXT, "The country the place is in.", "Egypt"),
        Key("coordinates", {"type": "array", "items": {"type": "number"}, "minItems": 2,
                            "maxItems": 2},
            "[latitude, longitude] in degrees.", "[30.04, 31.24]"),
    ),
    "organizations": (
        Key("kind", TEXT, "What sort of organization it is.", "Government department"),
        Key("founded", TEXT, "When it was founded (a year or a date).", "1789"),
        Key("headquarters", TEXT, "Where it is based.", "Washington, D.C."),
    ),
    "events": (
        Key("start", DATE, "The day the event began.", "2025-01-19"),
        Key("end", DATE, "The day it ended (leave out if it is one day or goes on).",
            "2025-03-01"),
    ),
}
ENTRY: dict[str, Shape] = {
    t.key: Shape(f"{t.singular.lower()} entry ({t.file_name})",
                 _ENTRY_KEYS + _EXTRA_KEYS.get(t.key, ()), (SOURCE, VERSION, TRANSLATION))
    for t in ENTITY_TYPE_TABLE
}
"""One shape per glossary type: the common keys and the type's own."""

ARTICLE_SOURCE = Shape("article source", (
    Key("name", TEXT, "Who published the article.", "Wikinews", required=True),
    Key("url", URL, "Where it was published.", "https://en.wikinews.org/wiki/…"),
))
_MKDOCS_DOC = "A key MkDocs or its theme reads (passed through untouched)."
ARTICLE = Shape("article front matter (docs/articles/<slug>.md)", (
    Key("title", TEXT, "The headline.", "Ceasefire talks resume in Cairo", required=True),
    Key("date", DATE, "The article's date: its cards speak as of it (required, except in a "
        "version of another article, which shares its original's).", "2024-05-04"),
    Key("source", ARTICLE_SOURCE.schema(), "Where the article comes from.",
        '{name: Wikinews, url: "https://en.wikinews.org/"}'),
    Key("summary", TEXT, "One sentence for the home page.",
        "Talks on a ceasefire in Gaza resume in Cairo."),
    Key("license", TEXT, "The article's licence, shown with its source.", "CC BY 2.5"),
    Key("authors", list_of(TEXT), "Who wrote it.", "[A. Writer]"),
    Key("lang", {"type": "string", "pattern": LANG_RE.pattern}, "The article's language "
        "(a BCP 47 code; default the site's).", "es"),
    Key("version_of", ID, "This file is another version (a translation, an easier level) "
        "of the article with this slug.", "ceasefire-talks-cairo"),
    Key("level", {"type": "integer", "minimum": 1}, "The reading level of a version "
        "(1 = easiest).", "1"),
    *(Key(k, {}, _MKDOCS_DOC, "…") for k in ("description", "hide", "icon", "status",
                                             "subtitle", "tags", "template", "search",
                                             "author")),
), (ARTICLE_SOURCE,))

FEEDBACK = Shape("feedback", (
    Key("correct", TEXT, "Shown after a right answer.", "Yes: the first sentence says so."),
    Key("incorrect", TEXT, "Shown after a wrong answer.", "Look at the first sentence."),
))
ANSWER = {"anyOf": [TEXT, {"type": "boolean"}, {"type": "array", "items": TEXT},
                    {"type": "object", "additionalProperties": TEXT}]}
QUESTION = Shape("question", (
    Key("id", ID, "Unique in the quiz; the evidence anchor is `ev-<id>`.", "where-talks",
        required=True),
    Key("type", {"enum": list(QUESTION_TYPES)}, "One of " + ", ".join(QUESTION_TYPES) + ".",
        "single", required=True),
    Key("prompt", TEXT, "The question.", "Where did the talks resume?", required=True),
    Key("choices", list_of(TEXT), "For single, multiple and order: the options (quote any "
        "that hold a comma).", "[Cairo, Doha, Rafah, Washington]"),
    Key("answer", ANSWER, "single: one choice; multiple and order: a list; true-false: true "
        "or false; short: the accepted answers; match: a mapping left → right; open: none.",
        "Cairo"),
    Key("evidence", TEXT, "Quoted verbatim from the article: the passage that supports "
        "the answer (required except for open questions).",
        "talks resuming in Cairo on Saturday"),
    Key("feedback", FEEDBACK.schema(), "Optional texts after answering; the evidence is "
        "always shown.", "{correct: Yes., incorrect: Look at the first paragraph.}"),
    Key("skill", {"enum": list(SKILLS)}, "One of " + ", ".join(SKILLS) + " (default recall).",
        "recall"),
    Key("model_answer", TEXT, "For open questions only: a sample answer, in the teacher "
        "edition and answer key.", ">-\n  The talks aim at a ceasefire and the release of "
        "hostages."),
), (FEEDBACK,))
QUIZ = Shape("quiz (annotations/quizzes/<article-slug>.yml)", (
    Key("title", TEXT, "Shown above the quiz (default: Check your understanding).",
        "Check your understanding"),
    Key("questions", {"type": "array", "items": QUESTION.schema()}, "The questions, "
        "in order.", "\n  - id: where-talks\n    type: single\n    …", required=True),
), (QUESTION, FEEDBACK))

DISCUSSION = Shape("discussion question", (
    Key("question", TEXT, "The question put to the class.", "Why meet in Cairo?",
        required=True),
    Key("teacher_notes", TEXT, "Teacher edition only.", "Egypt borders Gaza."),
))
CHECKPOINT = Shape("guided-reading checkpoint", (
    Key("after", TEXT, "A passage of the article, verbatim like evidence: the question "
        "appears after it.", "talks resuming in Cairo on Saturday", required=True),
    Key("question", ID, "The id of a question of the lesson's quiz.", "where-talks",
        required=True),
))
GUIDED = Shape("guided reading", (
    Key("gate", {"type": "boolean"}, "The next part opens once this question is answered.",
        "true"),
    Key("checkpoints", {"type": "array", "items": CHECKPOINT.schema()}, "Questions placed "
        "inside the article, in reading order.",
        "\n  - after: talks resuming in Cairo on Saturday\n    question: where-talks"),
), (CHECKPOINT,))
LESSON = Shape("lesson (annotations/lessons/<lesson-slug>.yml)", (
    Key("title", TEXT, "The lesson's title.", "Reading the news: ceasefire talks",
        required=True),
    Key("article", ID, "The article's slug (docs/articles/<slug>.md).",
        "ceasefire-talks-cairo", required=True),
    Key("grades", TEXT, "Grade band, as text.", '"9-12"'),
    Key("minutes", {"type": "integer", "minimum": 0}, "Length in minutes.", "45"),
    Key("objectives", list_of(TEXT), "What students will be able to do.",
        "\n  - Students will state the central idea of the article."),
    Key("standards", list_of(TEXT), "Standard codes, as text.",
        "[CCSS.ELA-LITERACY.RI.9-10.1]"),
    Key("vocabulary", list_of(REF), "Glossary entries to preview, as `type/id`.",
        "[terms/ceasefire, places/rafah]"),
    Key("before_reading", TEXT, "Markdown: the warm-up.", "|\n  Ask what a ceasefire is."),
    Key("during_reading", TEXT, "Markdown: the reading activity.",
        "|\n  Students annotate who said what."),
    Key("after_reading", TEXT, "Markdown: after the reading.", "|\n  Students take the quiz."),
    Key("discussion", {"type": "array", "items": {"anyOf": [TEXT, DISCUSSION.schema()]}},
        "Questions for the class: text, or `question:` with `teacher_notes:`.",
        "\n  - question: Why meet in Cairo?\n    teacher_notes: Egypt borders Gaza."),
    Key("quiz", ID, "The quiz's slug (annotations/quizzes/<slug>.yml), usually the "
        "article's.", "ceasefire-talks-cairo"),
    Key("teacher_notes", TEXT, "Teacher edition only.", "Keep the focus on the text."),
    Key("guided_reading", GUIDED.schema(), "Questions of the quiz placed inside the "
        "article, each after a passage.", "\n  gate: true\n  checkpoints:\n"
        "    - after: talks resuming in Cairo on Saturday\n      question: where-talks"),
), (DISCUSSION, GUIDED, CHECKPOINT))
