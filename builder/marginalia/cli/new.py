"""`marginalia new article|quiz|lesson <slug>`: a file to fill in, with every key explained.

The scaffold is written from the key table (`model.keys`), so it lists exactly the
keys `check` accepts, each above a comment saying what it is for. Required keys
are written out with a value to replace; optional ones are commented out with an
example, ready to uncomment. YAML files start with the line that points
yaml-language-server at the file's JSON Schema, so an editor completes keys and
underlines mistakes as they are typed. An existing file is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from marginalia.cli.project import load_site_config, paths_of, shown
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from marginalia.model.keys import ARTICLE, LESSON, QUESTION, QUIZ, Key, Shape
from marginalia.schemas import path_of
from marginalia.validate.fields import ID_RE, slugify

KINDS = ("article", "quiz", "lesson")
SCHEMA_LINE = "# yaml-language-server: $schema={}"


def new(config_file: Path, kind: str, slug: str) -> int:
    """Write the scaffold of `kind` for `slug`; exit 1 if the file exists."""
    if not ID_RE.match(slug):
        print(f"error: '{slug}' is not a slug (fix: use lowercase letters, digits and single "
              f"hyphens, e.g. '{slugify(slug)}')", file=sys.stderr)
        return EXIT_USAGE
    config = load_site_config(config_file)
    if config is None:
        return EXIT_ERRORS
    paths = paths_of(config)
    target = {
        "article": paths.docs_dir / "articles" / f"{slug}.md",
        "quiz": paths.annotations_dir / "quizzes" / f"{slug}.yml",
        "lesson": paths.annotations_dir / "lessons" / f"{slug}.yml",
    }[kind]
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x": created here or not at all, so an existing file is never replaced.
        with target.open("x", encoding="utf-8") as out:
            out.write(scaffold(kind, slug, target.parent))
    except FileExistsError:
        print(f"{shown(target)}: error: file already exists; nothing was written (fix: edit "
              "it, or choose another slug)", file=sys.stderr)
        return EXIT_ERRORS
    print(f"wrote {shown(target)}: fill in the values, then run `marginalia check`")
    return EXIT_OK


def scaffold(kind: str, slug: str, folder: Path | None = None) -> str:
    """The text of a new file of `kind` named `slug` (written into `folder`)."""
    if kind == "article":
        return _article()
    schema = path_of(kind)
    where = os.path.relpath(schema, folder) if folder is not None else schema.as_uri()
    head = SCHEMA_LINE.format(Path(where).as_posix()) + "\n"
    if kind == "quiz":
        return head + _quiz(slug)
    return head + _lesson(slug)


def _article() -> str:
    values = {"title": "TODO the headline", "date": dt.date.today().isoformat()}
    return ("---\n" + _mapping(ARTICLE, values, active=("date",), skip=_MKDOCS_ONLY)
            + "---\n\n"
            "TODO The article's text, in Markdown. Every name or alias of a glossary entry "
            "is marked\nwhere it occurs; docs-dev/formats.md shows how to mark a mention "
            "by hand.\n")


_MKDOCS_ONLY = ("description", "hide", "icon", "status", "subtitle", "tags", "template",
                "search", "author")


def _quiz(slug: str) -> str:
    question = _mapping(QUESTION, {
        "id": "first-question", "type": "single",
        "prompt": "TODO the question?",
        "choices": "[TODO first choice, TODO second choice]",
        "answer": "TODO first choice",
        "evidence": "TODO a passage quoted verbatim from the article",
    }, indent=4, active=("choices", "answer", "evidence", "feedback", "skill"))
    return (f"# The quiz of docs/articles/{slug}.md: the file is named after its article.\n"
            + _mapping(QUIZ, {"title": "Check your understanding"}, active=("title",),
                       skip=("questions",))
            + f"# {_doc(QUIZ, 'questions')}\nquestions:\n" + _first_item(question))


def _first_item(mapping: str) -> str:
    """A mapping written at indent 4 as the first item of a list at indent 2: its
    first comment stays above the `- ` that its first key now starts with."""
    comment, first, rest = mapping.split("\n", 2)
    return f"  {comment.strip()}\n  - {first.strip()}\n{rest}"


def _lesson(slug: str) -> str:
    return _mapping(LESSON, {"title": "TODO the lesson's title", "article": slug,
                             "quiz": slug},
                    active=("grades", "minutes", "objectives", "before_reading",
                            "during_reading", "after_reading", "quiz"))


def _doc(shape: Shape, name: str) -> str:
    return next(k.doc for k in shape.keys if k.name == name)


def _mapping(shape: Shape, values: dict[str, str], *, indent: int = 0,
             active: tuple[str, ...] = (), skip: tuple[str, ...] = ()) -> str:
    """Every key of `shape` with its documentation as a comment above it.

    Required keys and those in `active` are written out (with `values`, else the
    key's example); the rest are commented out, ready to uncomment."""
    pad = " " * indent
    lines: list[str] = []
    for key in shape.keys:
        if key.name in skip:
            continue
        on = key.required or key.name in active
        flag = "required" if key.required else "optional"
        lines.append(f"{pad}# {key.doc} ({flag})")
        for line in _written(key, values.get(key.name)):
            lines.append(f"{pad}{line}" if on else f"{pad}# {line}")
    return "\n".join(lines) + "\n"


def _written(key: Key, value: str | None) -> list[str]:
    text = value if value is not None else key.example
    if text.startswith("\n"):
        return [f"{key.name}:", *text[1:].split("\n")]
    first, *rest = text.split("\n")
    return [f"{key.name}: {first}", *rest]
