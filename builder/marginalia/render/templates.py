"""The one way any module turns a template into HTML: `Templates.render(name, **context)`.

Templates live in `templates/` (autoescaping on; annotation Markdown arrives
already sanitised as `Markup`). A user's `overrides/marginalia/` folder, when
given, is searched first so a site can restyle any piece. Every template sees
the build's `edition` and `teacher` (whether teacher-only parts belong), and
the id filters of model/anchors.py, so a template links to the same ids the
Python code makes.

Words come from the gettext catalogs of render/i18n.py through Jinja's i18n
extension (`{% trans %}`, `_()`), in the language of the `lang` the template
is rendered with (the renderer's site language unless a page says otherwise);
dates print through the `human_date` filter in that language too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from marginalia.model import anchors
from marginalia.model.edition import Edition
from marginalia.model.languages import SITE_LANG, base
from marginalia.render import i18n
from marginalia.render.i18n import human_date


def fallback_lang(entity: object, name: str) -> Markup:
    """` lang="en"` on an entry's field shown untranslated on a page in another
    language, so a screen reader reads it in the site's language's voice; else nothing."""
    falls_back = getattr(entity, "falls_back", None)
    if falls_back is not None and falls_back(name):
        return Markup(' lang="{}"').format(SITE_LANG)
    return Markup("")


def other_lang(text_lang: str | None, page_lang: str | None) -> Markup:
    """` lang="es"` on text in `text_lang` quoted on a page in another language (a
    Spanish article's title and sentence among an English page's backlinks); else
    nothing, the page's own language applying."""
    text, page = base(text_lang or SITE_LANG), base(page_lang or SITE_LANG)
    return Markup("") if text == page else Markup(' lang="{}"').format(text_lang)


def lang_attr(lang: str | None) -> Markup:
    """` lang="es"` on the content of a page in a language other than the site's."""
    if not lang or lang == SITE_LANG:
        return Markup("")
    return Markup(' lang="{}"').format(lang)

EXTRACT_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "trimmed": True}
"""How our templates are parsed: Babel's extraction (babel.cfg) must read them the same."""


LangOf = Callable[[jinja2.runtime.Context], "str | None"]
"""Where a template finds its page's language in its context."""


def _context_lang(context: jinja2.runtime.Context) -> str | None:
    return context.get("ui_lang")


def install_i18n(env: jinja2.Environment, lang_of: LangOf = _context_lang) -> None:
    """Give `env` our catalogs: `_()`, `{% trans %}` and the `human_date` filter speak the
    language `lang_of(context)` names (our templates: `ui_lang`; the theme's: its page's)."""

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str) -> str:
        return i18n.gettext(lang_of(context), message)

    @jinja2.pass_context
    def ngettext(context: jinja2.runtime.Context, singular: str, plural: str, n: int) -> str:
        return i18n.ngettext(lang_of(context), singular, plural, n)

    @jinja2.pass_context
    def date_filter(context: jinja2.runtime.Context, value: dt.date | None) -> str:
        return human_date(value, lang_of(context))

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters["human_date"] = date_filter


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
        install_i18n(self.env)
        self.env.filters.update(anchors.FILTERS)
        self.env.globals.update(fallback_lang=fallback_lang, lang_attr=lang_attr,
                                other_lang=other_lang)

    def render(self, name: str, **context: object) -> str:
        """The template `name` filled with `context` (plus `edition` and `teacher`).

        `ui_lang` in `context` chooses the language of the words we add (default `en`);
        `lang` is the language of the page's content (`lang_attr`, `fallback_lang`)."""
        context.setdefault("ui_lang", i18n.DEFAULT_LANG)
        return self.env.get_template(name).render(
            edition=self.edition.value, teacher=self.edition.is_teacher, **context)
