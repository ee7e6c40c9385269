"""QTI 1.2 for Canvas ("QTI .zip file" import), and the QTI profile of Common Cartridge.

One builder writes both: Canvas reads its own `question_type` metadata and
understands matching and short-answer items; the Common Cartridge 1.1 profile
(`profile="cc"`) allows only multiple choice, multiple response, true/false,
fill-in-the-blank and essay, so matching and ordering become essays there, with
a warning. Ordering has no QTI-in-Canvas type either: it becomes matching (each
item with its position). Type names and reshapings come from the kind table
(`KindFacts.canvas_type`, `.cc_profile`, `.reshaped`). The XML is built as a
tree, so escaping is the serialiser's job, never string pasting.

The cartridge is also read by Moodle, whose converter has rules of its own
(backup/cc in Moodle's source; tests/unit/test_import_rules_cc.py): true/false
choices identified `true` and `false`; feedback shown by a condition with
`continue="Yes"` becomes general feedback, so wrong-choice feedback sits on a
condition naming that choice; right choices of a multiple-answer question are
`varequal case="Yes"`; a short answer's accepted answers all sit in its one
scoring condition; every `mattext` is read as HTML, so the cartridge writes
escaped HTML. What Moodle still cannot hold is warned about (`_losses`).
"""

from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass

from lxml import etree

from marginalia.model import (
    KINDS,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Question,
    Quiz,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)

from . import common
from .common import ExportWarning

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = {
    "canvas": f"{QTI_NS} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd",
    "cc": f"{QTI_NS} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd",
}

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    el = etree.SubElement(parent, _q(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _material(parent: etree._Element, text: str, as_html: bool = False) -> None:
    """Text as typed. The cartridge writes it as escaped HTML: Moodle's converter reads
    every `mattext` as HTML whatever its type, so a typed `<b>` must arrive as `&lt;b&gt;`."""
    mat = _el(parent, "material")
    if as_html:
        _el(mat, "mattext", html.escape(text, quote=False), texttype="text/html")
    else:
        _el(mat, "mattext", text, texttype="text/plain")


def _metadata(parent: etree._Element, fields: list[tuple[str, str]]) -> None:
    meta = _el(parent, "qtimetadata")
    for label, entry in fields:
        field = _el(meta, "qtimetadatafield")
        _el(field, "fieldlabel", label)
        _el(field, "fieldentry", entry)


@dataclass
class _Item:
    """One item under construction, with the idents its parts refer to."""

    q: Question
    ident: str
    el: etree._Element
    as_html: bool = False
    """Texts as escaped HTML (the cartridge; see `_material`)."""

    @property
    def response(self) -> str:
        return f"{self.ident}_R"

    def label(self, index: int) -> str:
        return f"{self.ident}_C{index + 1}"


def _outcomes(resp: etree._Element) -> None:
    outcomes = _el(resp, "outcomes")
    _el(outcomes, "decvar", varname="SCORE", vartype="Decimal", minvalue="0", maxvalue="100")


def _condition(resp: etree._Element, *, cont: str = "No") -> etree._Element:
    return _el(resp, "respcondition", continue_=cont)


def _score(cond: etree._Element, value: str, action: str = "Set") -> None:
    _el(cond, "setvar", value, varname="SCORE", action=action)


def _show(cond: etree._Element, ident: str) -> None:
    _el(cond, "displayfeedback", feedbacktype="Response", linkrefid=ident)


def _general(resp: etree._Element, item: _Item) -> None:
    """Show the general feedback (the evidence) whatever the answer."""
    if common.general_feedback(item.q):
        cond = _condition(resp, cont="Yes")
        _el(_el(cond, "conditionvar"), "other")
        _show(cond, "general_fb")


def _choice_item(item: _Item, choices: list[str], correct: list[bool], multiple: bool,
                 idents: list[str] | None = None) -> None:
    """Choices, the condition that scores, and the incorrect feedback on each wrong choice.

    A wrong choice gets its own condition naming it, rather than one "anything
    else" shown with `continue="Yes"`: Moodle's cartridge import turns every
    feedback a continuing condition shows into general feedback, which every
    student sees, right or wrong.
    """
    labels = idents or [item.label(index) for index in range(len(choices))]
    pres = _el(item.el, "presentation")
    _material(pres, item.q.prompt, item.as_html)
    lid = _el(pres, "response_lid", ident=item.response,
              rcardinality="Multiple" if multiple else "Single")
    render = _el(lid, "render_choice")
    for ident, choice in zip(labels, choices, strict=True):
        label = _el(render, "response_label", ident=ident)
        _material(label, choice, item.as_html)
    resp = _el(item.el, "resprocessing")
    _outcomes(resp)
    _general(resp, item)
    cond = _condition(resp)
    var = _el(cond, "conditionvar")
    if multiple:  # case="Yes" is how Moodle's import finds the right choices
        both = _el(var, "and")
        for ident, right in zip(labels, correct, strict=True):
            parent = both if right else _el(both, "not")
            _el(parent, "varequal", ident, respident=item.response, case="Yes")
    else:
        _el(var, "varequal", labels[correct.index(True)], respident=item.response)
    _score(cond, "100")
    _show(cond, "correct_fb")
    for ident, right in zip(labels, correct, strict=True):
        if not right:
            wrong = _condition(resp)
            _el(_el(wrong, "conditionvar"), "varequal", ident, respident=item.response)
            _show(wrong, "general_incorrect_fb")
    if multiple:  # a set missing a right choice, with no wrong one ticked
        wrong = _condition(resp)
        _el(_el(wrong, "conditionvar"), "other")
        _show(wrong, "general_incorrect_fb")


def _short_item(item: _Item) -> None:
    """Every accepted answer in the one scoring condition: Moodle's cartridge import takes
    the accepted answers from the first condition that sets SCORE to 100, and no other."""
    pres = _el(item.el, "presentation")
    _material(pres, item.q.prompt, item.as_html)
    rs = _el(pres, "response_str", ident=item.response, rcardinality="Single")
    fib = _el(rs, "render_fib")
    _el(fib, "response_label", ident=f"{item.ident}_A1", rshuffle="No")
    resp = _el(item.el, "resprocessing")
    _outcomes(resp)
    _general(resp, item)
    cond = _condition(resp)
    var = _el(cond, "conditionvar")
    for answer in common.accepted(item.q):
        _el(var, "varequal", answer, respident=item.response, case="No")
    _score(cond, "100")
    _show(cond, "correct_fb")
    wrong = _condition(resp)
    _el(_el(wrong, "conditionvar"), "other")
    _show(wrong, "general_incorrect_fb")


def _matching_item(item: _Item, prompt: str) -> None:
    pairs = common.pairs(item.q)
    rights = list(dict.fromkeys(right for _, right in pairs))
    pres = _el(item.el, "presentation")
    _material(pres, prompt, item.as_html)
    for index, (left, _right) in enumerate(pairs):
        lid = _el(pres, "response_lid", ident=f"{item.response}{index + 1}")
        _material(lid, left, item.as_html)
        render = _el(lid, "render_choice")
        for r_index, right in enumerate(rights):
            label = _el(render, "response_label", ident=item.label(r_index))
            _material(label, right, item.as_html)
    resp = _el(item.el, "resprocessing")
    _outcomes(resp)
    _general(resp, item)
    share = f"{100 / len(pairs):.4f}".rstrip("0").rstrip(".") if pairs else "0"
    for index, (_left, right) in enumerate(pairs):
        cond = _condition(resp, cont="Yes")
        _el(_el(cond, "conditionvar"), "varequal", item.label(rights.index(right)),
            respident=f"{item.response}{index + 1}")
        _score(cond, share, action="Add")


def _essay_item(item: _Item, prompt: str, has_general: bool) -> None:
    """An essay's feedback is general feedback (`continue="Yes"`): Moodle keeps no answer
    of an essay, so feedback shown on one would be lost there."""
    pres = _el(item.el, "presentation")
    _material(pres, prompt, item.as_html)
    rs = _el(pres, "response_str", ident=item.response, rcardinality="Single")
    _el(rs, "render_fib", rows="8")
    resp = _el(item.el, "resprocessing")
    _outcomes(resp)
    cond = _condition(resp, cont="Yes")
    _el(_el(cond, "conditionvar"), "other")
    if has_general:
        _show(cond, "general_fb")


def _feedback(item: _Item, ident: str, text: str) -> None:
    fb = _el(item.el, "itemfeedback", ident=ident)
    flow = _el(fb, "flow_mat")
    _material(flow, text, item.as_html)


def _item(section: etree._Element, q: Question, number: int, profile: str,
          fmt: str, warnings: list[ExportWarning]) -> None:
    item = _Item(q, f"Q{number}", _el(section, "item", ident=f"Q{number}",
                                      title=common.title(q)), as_html=profile == "cc")
    carried = common.carried_as(q, fmt, warnings)
    as_essay = carried is Open and not isinstance(q.answer, Open)
    warnings += [ExportWarning(fmt, q.id, message) for message in _losses(q, profile)]
    meta = _el(item.el, "itemmetadata")
    if profile == "cc":
        _metadata(meta, [("cc_profile", q.kind.cc_profile), ("cc_weighting", "1")])
    else:
        _metadata(meta, [("question_type", q.kind.canvas_type), ("points_possible", "1")])
    match q.answer:
        case _ if carried is Open:
            pass  # an essay, drawn below with its feedback
        case SingleChoice(options=options, correct=correct):
            _choice_item(item, list(options), [c == correct for c in options], multiple=False)
        case MultipleAnswer(options=options) as answer:
            _choice_item(item, list(options), [answer.is_correct(c) for c in options],
                         multiple=True)
        case TrueFalse(value=value):  # Moodle's cartridge import knows only these two idents
            _choice_item(item, ["True", "False"], [value is True, value is False],
                         multiple=False, idents=["true", "false"])
        case ShortAnswer():
            _short_item(item)
        case Match() | Order():  # an order question arrives here carried as matching
            _matching_item(item, common.prompt(q, carried))
        case _:
            raise TypeError(f"{fmt}: no export for {type(q.answer).__name__}")
    general = common.general_feedback(q)
    if as_essay:
        key = "; ".join(f"{left} → {right}" for left, right in common.pairs(q))
        general = f"Answer: {key}. {general}".strip()
    if carried is Open:
        _essay_item(item, q.prompt, bool(general))
    if general:
        _feedback(item, "general_fb", general)
    if KINDS[carried].graded:
        _feedback(item, "correct_fb", common.correct_feedback(q))
        _feedback(item, "general_incorrect_fb", common.incorrect_feedback(q))


def _losses(q: Question, profile: str) -> list[str]:
    """What this question loses in the format, beyond its reshaping, as warning texts."""
    lost = []
    match q.answer:
        case Open(model_answer=model) if model:
            lost.append("essay exported without its model answer: "
                        + ("Canvas QTI" if profile == "canvas" else "Common Cartridge")
                        + " has no grader-only field, and students would see it (the Moodle "
                        "XML export keeps it as grader information; it is in the answer key)")
        case MultipleAnswer() if profile == "cc":
            lost.append("multiple-answer question: Moodle's Common Cartridge import gives each "
                        "right choice an equal share and a wrong choice nothing, so ticking "
                        "every box scores full marks there, and it drops the per-choice "
                        "feedback (Canvas and other Common Cartridge readers score it all or "
                        "nothing); for Moodle, import the Moodle XML or GIFT file instead")
        case ShortAnswer() if profile == "cc" and (q.feedback_correct or q.feedback_incorrect):
            lost.append("short answer: Moodle's Common Cartridge import keeps no feedback on a "
                        "short answer, so its correct and incorrect feedback reach Canvas but "
                        "not Moodle (the general feedback with the evidence reaches both); for "
                        "Moodle, import the Moodle XML or GIFT file instead")
    return lost


def assessment(quiz: Quiz, title: str, *, profile: str = "canvas",
               fmt: str = "qti", lang: str = "") -> tuple[bytes, list[ExportWarning]]:
    """A `<questestinterop>` document holding the quiz as one assessment; with `lang`
    (the quiz's article version's language), every `material` says it (`xml:lang`,
    the one language field QTI 1.2 has)."""
    warnings: list[ExportWarning] = []
    root = etree.Element(_q("questestinterop"), nsmap={None: QTI_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION[profile])
    test = _el(root, "assessment", ident=f"A_{quiz.slug}", title=title)
    fields = [("cc_maxattempts", "1")]
    if profile == "cc":
        fields = [("cc_profile", "cc.exam.v0p1"), ("qmd_assessmenttype", "Examination"),
                  *fields]
    _metadata(test, fields)
    section = _el(test, "section", ident="S_root")
    for number, q in enumerate(quiz.questions, start=1):
        _item(section, q, number, profile, fmt, warnings)
    if lang:
        for material in root.iter(_q("material")):
            material.set(XML_LANG, lang)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                          pretty_print=True), warnings


def manifest(identifier: str, resource: str, href: str) -> bytes:
    """The small IMS Content Packaging manifest Canvas expects in a QTI zip."""
    ns = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
    root = etree.Element(f"{{{ns}}}manifest", nsmap={None: ns}, identifier=identifier)
    meta = etree.SubElement(root, f"{{{ns}}}metadata")
    etree.SubElement(meta, f"{{{ns}}}schema").text = "IMS Content"
    etree.SubElement(meta, f"{{{ns}}}schemaversion").text = "1.1.3"
    etree.SubElement(root, f"{{{ns}}}organizations")
    resources = etree.SubElement(root, f"{{{ns}}}resources")
    res = etree.SubElement(resources, f"{{{ns}}}resource", identifier=resource,
                           type="imsqti_xmlv1p2")
    etree.SubElement(res, f"{{{ns}}}file", href=href)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def package(quiz: Quiz, title: str, lang: str = "") -> tuple[bytes, list[ExportWarning]]:
    """The Canvas "QTI .zip file": manifest plus one assessment document."""
    xml, warnings = assessment(quiz, title, profile="canvas", fmt="qti", lang=lang)
    folder = f"quiz_{quiz.slug}"
    href = f"{folder}/{folder}.xml"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("imsmanifest.xml", manifest(f"M_{quiz.slug}", folder, href))
        zf.writestr(href, xml)
    return buffer.getvalue(), warnings
