"""The one way any module turns a template into HTML: `Templates.render(name, **context)`.

Templates live in `templates/` (autoescaping on; annotation Markdown arrives
already sanitised as `Markup`). A user's `overrides/marginalia/` folder, when
given, is searched first so a site can restyle any piece. Every template sees
the build's `edition` and `teacher` (whether teacher-only parts belong), and
the id filters of model/anchors.py, so a template links to the same ids the
Python code makes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from markupsafe import Markup

from marginalia.model import anchors
from marginalia.model.edition import Edition
from marginalia.model.languages import SITE_LANG


def fallback_lang(entity: object, name: str) -> Markup:
    """` lang="en"` on an entry's field shown untranslated on a page in another
    language, so a screen reader reads it in the site's language's voice; else nothing."""
    falls_back = getattr(entity, "falls_back", None)
    if falls_back is not None and falls_back(name):
        return Markup(' lang="{}"').format(SITE_LANG)
    return Markup("")


def lang_attr(lang: str | None) -> Markup:
    """` lang="es"` on the content of a page in a language other than the site's."""
    if not lang or lang == SITE_LANG:
        return Markup("")
    return Markup(' lang="{}"').format(lang)


def human_date(value: dt.date | None) -> str:
    """`2 March 2024`: the date as articles print it (no leading zero, month in words)."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


class Templates:
    """The packaged templates (after a site's overrides), rendering for one edition."""

    def __init__(self, edition: Edition | str = Edition.STUDENT,
                 overrides: Path | None = None):
        self.edition = Edition.parse(edition)
        loaders: list[jinja2.BaseLoader] = []
        if overrides is not None and overrides.is_dir():
            loaders.append(jinja2.FileSystemLoader(str(overrides)))
        loaders.append(jinja2.PackageLoader("marginalia", "templates"))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["human_date"] = human_date
        self.env.filters.update(anchors.FILTERS)
        self.env.globals.update(fallback_lang=fallback_lang, lang_attr=lang_attr)

    def render(self, name: str, **context: object) -> str:
        """The template `name` filled with `context` (plus `edition` and `teacher`)."""
        return self.env.get_template(name).render(
            edition=self.edition.value, teacher=self.edition.is_teacher, **context)
