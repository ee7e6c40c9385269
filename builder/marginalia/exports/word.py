"""The student worksheet as an editable Word document (`.docx`), for Word and Google Docs.

Teachers adapt worksheets: shorten the article, reword a question, add a line.
A PDF cannot be edited, so the worksheet also comes as `.docx` with the same
content as the printed one (render/handouts.py): the article, the vocabulary,
the questions with their choices, and ruled lines to write on. Ruled lines are
empty paragraphs with a bottom border, which Word and Google Docs both keep
and let a teacher add or delete like any paragraph. Nothing here can reveal
an answer: the document is built from prompts, choices and the right-hand side
of matching pairs (sorted, as on paper), never from keys or feedback.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from lxml import html as lxml_html
from markupsafe import Markup

from marginalia.model import (
    Lesson,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Project,
    Question,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.model.edition import Edition
from marginalia.model.formats import docx_file_name
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer, human_date
from marginalia.render.handouts import handout_pages
from marginalia.render.i18n import gettext
from marginalia.render.lesson import vocabulary
from marginalia.render.reading import ReadingText
from marginalia.render.templates import Templates

LINES = {"short": 2, "open": 6, "discussion": 4, "vocabulary": 2}
"""Ruled lines left for each kind of answer (as on the printed worksheet)."""
BOX = "☐"


file_name = docx_file_name


def _ruled(doc, count: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for _ in range(count):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(16)
        p.paragraph_format.space_after = Pt(0)
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                           ("w:color", "808080")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        p._p.get_or_add_pPr().append(borders)


def _question(doc, number: int, q: Question, lang: str) -> None:
    """One question and its answer space, the hints in `lang` (the printed page's)."""
    doc.add_paragraph(f"{number}. {q.prompt}")
    match q.answer:
        case SingleChoice(options=options) | MultipleAnswer(options=options):
            for choice in options:
                doc.add_paragraph(f"{BOX} {choice}")
        case TrueFalse():
            doc.add_paragraph(f"{BOX} {gettext(lang, 'True')}    "
                              f"{BOX} {gettext(lang, 'False')}")
        case Order(shown=shown):
            doc.add_paragraph(gettext(lang, "Number the items from 1 (first) to %(last)s.")
                              % {"last": len(shown)})
            for choice in shown:
                doc.add_paragraph(f"____ {choice}")
        case Match(pairs=pairs):
            partners = sorted({right for _left, right in pairs})
            doc.add_paragraph(gettext(lang, "Write the letter of the matching item next "
                                            "to each name."))
            table = doc.add_table(rows=max(len(pairs), len(partners)), cols=2)
            for row, (left, _right) in enumerate(pairs):
                table.cell(row, 0).text = f"{row + 1}. ____ {left}"
            for row, right in enumerate(partners):
                table.cell(row, 1).text = f"{chr(ord('A') + row)}. {right}"
        case ShortAnswer():
            _ruled(doc, LINES["short"])
        case Open():
            _ruled(doc, LINES["open"])
        case _:
            raise TypeError(f"docx: no worksheet space for {type(q.answer).__name__}")


def provenance_text(article, lang: str = SITE_LANG) -> str:
    """The article's credit line as plain text, its words in `lang`: the site's own
    partial, so the wording (and the licence notice a CC BY text needs) has one home."""
    html = Templates().render("provenance.html", article=article, printed=True, ui_lang=lang)
    return Markup(html).striptags()


def worksheet(project: Project, lesson: Lesson, reading: ReadingText | None,
              site_lang: str = SITE_LANG) -> bytes:
    """The worksheet's `.docx` bytes, in the words and names the site's own worksheet
    page has (`Renderer.lang_of` on a site in `site_lang`, vocabulary by `vocabulary`)."""
    from docx import Document
    from docx.shared import Pt

    renderer = Renderer(project, None, edition=Edition.STUDENT, lang=site_lang)
    article = project.articles.get(lesson.article)
    lang = renderer.lang_of(article)
    path, title = handout_pages(lesson, Edition.STUDENT, lang)[0]
    doc = Document()
    doc.core_properties.title = " ".join(title.split())[:255]
    props = doc.core_properties
    props.author = props.last_modified_by = ""
    props.created = props.modified = dt.datetime(2000, 1, 1)
    props.language = lang
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(lesson.title, level=0)
    doc.add_paragraph(f"{gettext(lang, 'Name:')} ______________________    "
                      f"{gettext(lang, 'Date:')} ____________")
    if article is not None:
        doc.add_heading(article.title, level=1)
        dateline = human_date(article.date, lang)
        doc.add_paragraph(f"{dateline} · {article.source_name}" if article.source_name
                          else dateline)
        if article.has_provenance:
            doc.add_paragraph(provenance_text(article, lang))
        for paragraph in reading.paragraphs if reading else ():
            doc.add_paragraph(paragraph)
    entries = [item["entity"] for item in vocabulary(renderer, lesson, path)]
    if entries:
        doc.add_heading(gettext(lang, "Vocabulary"), level=1)
        doc.add_paragraph(gettext(lang, "Write what each word or name means in your own "
                                        "words."))
        for number, entity in enumerate(entries, start=1):
            doc.add_paragraph().add_run(f"{number}. {entity.name}").bold = True
            _ruled(doc, LINES["vocabulary"])
    quiz = project.quizzes.get(lesson.quiz) if lesson.quiz else None
    if quiz is not None:
        doc.add_heading(quiz.title, level=1)
        for number, q in enumerate(quiz.questions, start=1):
            _question(doc, number, q, lang)
    if lesson.discussion:
        doc.add_heading(gettext(lang, "Discussion"), level=1)
        for number, d in enumerate(lesson.discussion, start=1):
            question = _inline_text(renderer.markdown(d.question, inline=True))
            doc.add_paragraph(f"{number}. {question}")
            _ruled(doc, LINES["discussion"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable(buffer.getvalue())


def _inline_text(markup: str) -> str:
    """What a reader sees of the site's (sanitised) inline HTML: its text, on one line."""
    return " ".join(lxml_html.fromstring(f"<div>{markup}</div>").text_content().split())


def _stable(data: bytes) -> bytes:
    """The same bytes for the same worksheet: member dates fixed (python-docx stamps now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
