"""The JSON Schemas editors get: they accept the seed, match the validator, ship as generated.

A schema that refused a valid seed file would put red squiggles under correct
work; one that lagged behind the validator would offer keys `check` refuses.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml

from marginalia.load import split_front_matter
from marginalia.model.entity_types import ENTITY_TYPE_TABLE
from marginalia.model.keys import (
    ARTICLE,
    CHECKPOINT,
    ENTRY,
    GUIDED,
    LESSON,
    QUESTION,
    QUIZ,
    TRANSLATION,
    VERSION,
    VERSION_TRANSLATION,
)
from marginalia.model.translations import TRANSLATED_FIELDS, VERSION_TRANSLATED_FIELDS
from marginalia.schemas import generate, path_of, text_of
from marginalia.validate.articles import ARTICLE_KEYS, MKDOCS_META_KEYS
from marginalia.validate.glossary import BASE_KEYS, EXTRA_KEYS, REQUIRED_KEYS
from marginalia.validate.guided import CHECKPOINT_KEYS
from marginalia.validate.guided import KEYS as GUIDED_KEYS
from marginalia.validate.lessons import LESSON_KEYS
from marginalia.validate.quizzes import QUESTION_KEYS
from marginalia.validate.stories import STORY_KEYS
from marginalia.validate.versions import VERSION_KEYS
from tests.conftest import REPO


def _as_editor_sees(value):
    """YAML as yaml-language-server reads it: dates are text."""
    if isinstance(value, dict):
        return {str(k): _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _seed_files():
    for t in ENTITY_TYPE_TABLE:
        path = REPO / "annotations" / t.file_name
        if path.exists():
            yield t.key, path, yaml.safe_load(path.read_text(encoding="utf-8"))
    for kind, folder in (("quiz", "quizzes"), ("lesson", "lessons")):
        for path in sorted((REPO / "annotations" / folder).glob("*.yml")):
            yield kind, path, yaml.safe_load(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "docs" / "articles").glob("*.md")):
        front, _body, _ = split_front_matter(path.read_text(encoding="utf-8"))
        yield "article", path, yaml.safe_load(front)


SEED = list(_seed_files())


@pytest.mark.parametrize(("kind", "path", "data"), SEED,
                         ids=[p.relative_to(REPO).as_posix() for _k, p, _d in SEED])
def test_every_seed_file_passes_its_schema(kind, path, data):
    schema = json.loads(path_of(kind).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_as_editor_sees(data), schema,
                        cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(("kind", "data", "where"), [
    ("people", [{"id": "x", "name": "X", "role": "r", "summary": "s",
                 "sources": [{"title": "t", "url": "https://e.org"}], "sumary": "s"}],
     "sumary"),
    ("quiz", {"questions": [{"id": "q", "type": "singel", "prompt": "p"}]}, "singel"),
    ("lesson", {"title": "t"}, "article"),
    ("events", [{"id": "x", "name": "X", "role": "r", "summary": "s", "date": "2024-05-04",
                 "sources": [{"title": "t", "url": "https://e.org"}]}], "date"),
])
def test_a_schema_refuses_what_check_refuses(kind, data, where):
    schema = json.loads(path_of(kind).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match=where):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_shipped_schemas_are_the_generated_ones():
    for name, schema in generate().items():
        shipped = path_of(name.removesuffix(".schema.json")).read_text(encoding="utf-8")
        assert shipped == text_of(schema), f"{name}: run `python -m marginalia.schemas`"


@pytest.mark.parametrize(("shape", "keys", "required"), [
    *[(ENTRY[t.key], BASE_KEYS + EXTRA_KEYS[t.key], REQUIRED_KEYS)
      for t in ENTITY_TYPE_TABLE],
    (VERSION, VERSION_KEYS, ()),
    (QUESTION, QUESTION_KEYS, ("id", "type", "prompt")),
    (QUIZ, ("title", "questions"), ("questions",)),
    (LESSON, LESSON_KEYS, ("title", "article")),
    (GUIDED, GUIDED_KEYS, ()),
    (CHECKPOINT, CHECKPOINT_KEYS, ("after", "question")),
    (TRANSLATION, TRANSLATED_FIELDS, ()),
    (VERSION_TRANSLATION, VERSION_TRANSLATED_FIELDS, ()),
    # `date` may be left out by a version of another article (it shares the original's).
    (ARTICLE, ARTICLE_KEYS + STORY_KEYS + MKDOCS_META_KEYS, ("title",)),
], ids=lambda v: getattr(v, "title", None))
def test_the_key_table_documents_exactly_the_keys_check_accepts(shape, keys, required):
    assert sorted(shape.names) == sorted(keys)
    assert sorted(shape.required) == sorted(required)


def test_the_format_reference_is_the_generated_one():
    from marginalia.schemas.reference import reference

    shipped = (REPO / "docs-dev" / "formats.md").read_text(encoding="utf-8")
    assert shipped == reference(), "run `python -m marginalia.schemas docs-dev/formats.md`"


@pytest.mark.parametrize("shape", [*ENTRY.values(), VERSION, QUESTION, QUIZ, LESSON, ARTICLE],
                         ids=lambda s: s.title)
def test_the_format_reference_covers_every_key_with_an_example(shape):
    from marginalia.schemas.reference import reference

    text = reference()
    for key in shape.keys:
        rows = [line for line in text.splitlines() if line.startswith(f"| `{key.name}` |")]
        assert rows, key.name
        if not key.doc.startswith("A key MkDocs"):
            assert all(re.search(r"\| `[^`]+` \|$", row) for row in rows), \
                f"no example of '{key.name}'"
    assert "    model_answer: >-" in text  # the key documented nowhere before (issue 16)


def test_the_readme_sends_editors_to_the_reference_inside_the_repository():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "(docs-dev/formats.md)" in readme
    assert "../shared" not in readme
