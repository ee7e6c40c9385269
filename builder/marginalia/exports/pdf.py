"""The lesson's handouts as PDF files: the student worksheet and the teacher's answer key.

The pages are the site's own printable handouts (render/handouts.py), so paper
and screen never disagree: the same HTML, styled by the same `lesson.css` print
rules, is laid out by WeasyPrint on a fixed page size, once for A4 and once for
US Letter, since a PDF (unlike the browser's print dialog) has one size.

WeasyPrint needs Debian's Pango libraries; `make` installs them (the `pdf`
target), as it installs Chromium for the browser tests. Without them, asking
for a PDF is an `ExportError` that says what to install, not a traceback.
WeasyPrint fetches nothing: every URL is refused, so a handout can make no
request and needs no network.
"""

from __future__ import annotations

import html
from importlib import resources

from marginalia.model import Lesson, Project
from marginalia.model.edition import Edition
from marginalia.model.formats import PDF_KINDS, pdf_file_names
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer
from marginalia.render.handouts import handout_pages, render_answer_key, render_worksheet
from marginalia.render.i18n import N_, gettext
from marginalia.render.lesson import lesson_paths
from marginalia.render.reading import ReadingText

PAPERS: dict[str, str] = {"a4": "A4", "letter": "Letter"}
"""File-name part (model/formats.py) → CSS page size."""

KINDS: tuple[str, ...] = tuple(PDF_KINDS)

_PAGE = """
@page {{ size: {size}; margin: 16mm 15mm 18mm;
  @bottom-center {{ content: {footer};
                   font-size: 8pt; color: #555; }} }}
html {{ font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000; }}
body {{ margin: 0; }}
.md-typeset .mg-handout {{ max-width: none; }}
.md-typeset ol, .md-typeset ul {{ padding-left: 1.4em; }}
.md-typeset p {{ margin: 0 0 2.5mm; }}
"""


class HandoutError(Exception):
    """A handout file that cannot be made here (the message says what to install)."""


file_names = pdf_file_names


# TRANSLATORS: the footer of every page of a PDF handout; page and pages are numbers.
FOOTER = N_("%(title)s · page %(page)s of %(pages)s")


def css_footer(sentence: str, title: str) -> str:
    """The footer `sentence` (the `FOOTER` message in some language) as a CSS `content`
    value: quoted text with the page counters between. The sentence is one message,
    not pieces, so a translator may put the numbers where the language wants them."""
    text = sentence % {"title": title.replace("\0", ""), "page": "\0page\0",
                       "pages": "\0pages\0"}
    return " ".join(f"counter({part})" if i % 2 else _css_string(part)
                    for i, part in enumerate(text.split("\0")) if part)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def handout_html(project: Project, lesson: Lesson, kind: str, paper: str,
                 reading: ReadingText | None, site_lang: str = SITE_LANG) -> str:
    """One handout as a standalone HTML document sized for `paper`, its words in the
    language the site's own handout page has (`Renderer.lang_of` on a site in
    `site_lang`), so the file and the page never disagree."""
    path = lesson_paths(lesson.slug)["worksheet" if kind == "worksheet" else "answer_key"]
    renderer = Renderer(project, None, lang=site_lang,
                        edition=Edition.STUDENT if kind == "worksheet" else Edition.TEACHER)
    lang = renderer.lang_of(project.articles.get(lesson.article))
    title = dict(handout_pages(lesson, Edition.TEACHER, lang))[path]
    if kind == "worksheet":
        body = render_worksheet(renderer, lesson, path, reading=reading)
    else:
        body = render_answer_key(renderer, lesson, path)
    css = resources.files("marginalia").joinpath("assets/lesson.css").read_text("utf-8")
    page = _PAGE.format(size=PAPERS[paper], footer=css_footer(gettext(lang, FOOTER), title))
    lang = html.escape(lang)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{css}\n{page}</style></head>"
            f'<body><div class="md-typeset">{body}</div></body></html>')


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"handouts load nothing from outside ({url})")


def render_pdf(document: str) -> bytes:
    """Lay out one HTML document as PDF bytes."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: Pango's libraries are missing
        raise HandoutError(
            f"PDF handouts need WeasyPrint and Debian's Pango libraries ({exc}) (fix: run "
            "`make pdf .venv/.installed`, or apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0 fonts-dejavu-core, then pip install weasyprint)") from exc
    return HTML(string=document, url_fetcher=_no_fetch).write_pdf()


def handouts(project: Project, lesson: Lesson, reading: ReadingText | None,
             site_lang: str = SITE_LANG) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the worksheet and answer key, each on A4 and on Letter."""
    return [(name, render_pdf(handout_html(project, lesson, kind, paper, reading, site_lang)))
            for name, kind, paper in file_names(lesson.slug)]
