"""JSON Schemas of every annotation file, generated from the key table (`model.keys`).

Editors that speak yaml-language-server (VS Code's YAML extension, Neovim, Helix…)
read the `# yaml-language-server: $schema=…` line that `marginalia new` writes and
offer completion, hover text and inline errors as the file is typed. The schemas
ship with the package (`<kind>.schema.json` beside this module); a test holds the
shipped files equal to what `generate()` gives, and `python -m marginalia.schemas`
writes them afresh after the table changes. `marginalia check` stays the judge:
a schema cannot know, say, that evidence occurs in the article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marginalia.model.entity_types import ENTITY_TYPE_TABLE
from marginalia.model.keys import ARTICLE, ENTRY, LESSON, QUIZ

HERE = Path(__file__).resolve().parent
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def generate() -> dict[str, dict[str, Any]]:
    """File name → schema, for every kind of annotation file."""
    out: dict[str, dict[str, Any]] = {}
    for t in ENTITY_TYPE_TABLE:
        out[f"{t.key}.schema.json"] = _document(
            f"Marginalia glossary: {t.plural.lower()} (annotations/{t.file_name})",
            {"type": "array", "items": ENTRY[t.key].schema()})
    out["quiz.schema.json"] = _document("Marginalia quiz", QUIZ.schema())
    out["lesson.schema.json"] = _document("Marginalia lesson", LESSON.schema())
    out["article.schema.json"] = _document("Marginalia article front matter",
                                           ARTICLE.schema())
    return out


def _document(title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "title": title, **body}


def text_of(schema: dict[str, Any]) -> str:
    """A schema as it is written to disk: stable key order, two-space indent."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def path_of(kind: str) -> Path:
    """The shipped schema file for `kind` (`quiz`, `people`, …)."""
    return HERE / f"{kind}.schema.json"


def write(folder: Path = HERE) -> list[Path]:
    written = []
    for name, schema in generate().items():
        path = folder / name
        path.write_text(text_of(schema), encoding="utf-8")
        written.append(path)
    return written
