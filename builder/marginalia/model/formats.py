"""The files a lesson is exported as: one table for the exporters, the CLI and the pages.

The teacher's lesson page links to each file, the CLI offers each format, the
exporters write them; all read their names and labels from here. This module
imports nothing heavy, so the render stage can name the files without
importing the exporters (which import the render stage to print handouts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from marginalia.model.messages import N_


@dataclass(frozen=True)
class LmsFormat:
    """One learning-platform quiz format: its CLI name, file name and link label."""

    name: str
    pattern: str
    """The file name, with `{slug}` for the lesson's slug."""
    label: str
    """What the teacher's page calls the file (a catalog msgid)."""

    def file_name(self, slug: str) -> str:
        return self.pattern.format(slug=slug)


LMS_FORMATS: tuple[LmsFormat, ...] = (
    LmsFormat("qti", "{slug}-qti.zip", N_("Canvas: QTI 1.2 quiz (.zip)")),
    LmsFormat("cc", "{slug}.imscc",
              N_("Common Cartridge 1.1 (.imscc): Canvas, Moodle, Schoology, Brightspace")),
    LmsFormat("moodle", "{slug}-moodle.xml", N_("Moodle XML quiz (.xml)")),
    LmsFormat("gift", "{slug}-gift.txt", N_("GIFT quiz (.txt): Moodle")),
)
"""In the order the lesson page lists them."""
FORMATS: tuple[str, ...] = tuple(f.name for f in LMS_FORMATS)
"""The LMS quiz formats, one file each."""
HANDOUT_FORMATS: tuple[str, ...] = ("pdf", "docx")
"""Handout files: PDF worksheet and answer key (A4 and Letter), the worksheet as .docx."""
ALL_FORMATS: tuple[str, ...] = FORMATS + HANDOUT_FORMATS
"""Every format `marginalia export --format` accepts, besides `all`."""

PDF_KINDS: dict[str, str] = {"worksheet": N_("Worksheet"), "answer-key": N_("Answer key")}
"""PDF handout kind (file-name part) → link label (a catalog msgid)."""
PDF_PAPERS: dict[str, str] = {"a4": N_("A4"), "letter": N_("US Letter")}
"""Paper (file-name part) → link label (a catalog msgid)."""
PDF_LABEL = N_("%(kind)s (PDF, %(paper)s)")
DOCX_LABEL = N_("Worksheet to edit (Word .docx; opens in Google Docs)")


def file_name(slug: str, fmt: str) -> str:
    """The file one LMS format writes for a lesson."""
    return {f.name: f for f in LMS_FORMATS}[fmt].file_name(slug)


def pdf_file_names(slug: str) -> list[tuple[str, str, str]]:
    """(file name, kind, paper) of every PDF handout of a lesson."""
    return [(f"{slug}-{kind}-{paper}.pdf", kind, paper) for kind in PDF_KINDS
            for paper in PDF_PAPERS]


def docx_file_name(slug: str) -> str:
    """The editable worksheet's file name."""
    return f"{slug}-worksheet.docx"


def file_names(slug: str, fmt: str) -> list[str]:
    """Every file one format writes for a lesson (handouts come in several)."""
    if fmt == "pdf":
        return [name for name, _kind, _paper in pdf_file_names(slug)]
    if fmt == "docx":
        return [docx_file_name(slug)]
    return [file_name(slug, fmt)]


def handout_files(slug: str, gettext: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(file name, link label) of a lesson's handout files, as the teacher's page lists
    them; the label's words through `gettext` (the page's language)."""
    files = [(name, gettext(PDF_LABEL) % {"kind": gettext(PDF_KINDS[kind]),
                                          "paper": gettext(PDF_PAPERS[paper])})
             for name, kind, paper in pdf_file_names(slug)]
    return [*files, (docx_file_name(slug), gettext(DOCX_LABEL))]


def export_files(slug: str, gettext: Callable[[str], str] = str) -> list[tuple[str, str]]:
    """(file name, link label) of a lesson's LMS files, as the teacher's page lists them."""
    return [(f.file_name(slug), gettext(f.label)) for f in LMS_FORMATS]
