"""IMS Common Cartridge 1.1 (`.imscc`): the lesson as a web page plus the quiz.

Canvas, Moodle, Schoology and Brightspace all import CC 1.1. The cartridge holds
two resources in one organization: the student-facing lesson (article text,
vocabulary, activities, discussion questions; no teacher notes, since students
can open it) as `webcontent`, and the quiz as a CC-profile QTI assessment.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from marginalia.model import Lesson, Quiz

from . import qti
from .common import ExportWarning

CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    f"{CP_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{LOM_NS} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd")
ASSESSMENT_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"


def _cp(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    el = etree.SubElement(parent, f"{{{CP_NS}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def manifest(lesson: Lesson, quiz: Quiz | None, page_href: str, quiz_href: str,
             lang: str = "en") -> bytes:
    """The cartridge's manifest; its LOM metadata gives the lesson's language (that of
    its article's version) on the title and as `general/language`."""
    root = etree.Element(f"{{{CP_NS}}}manifest", nsmap={None: CP_NS, "lomimscc": LOM_NS,
                                                         "xsi": XSI_NS},
                         identifier=f"M_{lesson.slug}")
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    meta = _cp(root, "metadata")
    _cp(meta, "schema", "IMS Common Cartridge")
    _cp(meta, "schemaversion", "1.1.0")
    lom = etree.SubElement(meta, f"{{{LOM_NS}}}lom")
    general = etree.SubElement(lom, f"{{{LOM_NS}}}general")
    title = etree.SubElement(general, f"{{{LOM_NS}}}title")
    etree.SubElement(title, f"{{{LOM_NS}}}string", language=lang).text = lesson.title
    etree.SubElement(general, f"{{{LOM_NS}}}language").text = lang
    orgs = _cp(root, "organizations")
    org = _cp(orgs, "organization", identifier="O_1", structure="rooted-hierarchy")
    top = _cp(org, "item", identifier="I_root")
    page_item = _cp(top, "item", identifier="I_lesson", identifierref="R_lesson")
    _cp(page_item, "title", lesson.title)
    if quiz is not None:
        quiz_item = _cp(top, "item", identifier="I_quiz", identifierref="R_quiz")
        _cp(quiz_item, "title", quiz.title)
    resources = _cp(root, "resources")
    page = _cp(resources, "resource", identifier="R_lesson", type="webcontent", href=page_href)
    _cp(page, "file", href=page_href)
    if quiz is not None:
        res = _cp(resources, "resource", identifier="R_quiz", type=ASSESSMENT_TYPE)
        _cp(res, "file", href=quiz_href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def package(lesson: Lesson, quiz: Quiz | None, page_html: str,
            lang: str = "en") -> tuple[bytes, list[ExportWarning]]:
    """The cartridge's bytes, and warnings for questions CC cannot hold as written."""
    page_href = f"{lesson.slug}/lesson.html"
    quiz_href = f"quiz_{lesson.slug}/assessment.xml"
    warnings: list[ExportWarning] = []
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest(lesson, quiz, page_href, quiz_href, lang))
        zf.writestr(page_href, page_html.encode("utf-8"))
        if quiz is not None:
            xml, warnings = qti.assessment(quiz, quiz.title, profile="cc", fmt="cc",
                                           lang=lang if lang != "en" else "")
            zf.writestr(quiz_href, xml)
    return buffer.getvalue(), warnings
