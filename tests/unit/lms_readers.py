"""Readers that import our LMS files the way the real importers do, written from their rules.

Each reader is our own implementation of the rules an importer applies, read in
its public source (cited per function), so a test can ask "what does a teacher
get in Moodle or Canvas?" without running PHP or Ruby. They share one result
type, `Imported`, holding what a student or teacher would see: texts as shown
(HTML turned to text), answers with their fractions and feedback, the general
feedback every student sees, combined feedback, grader information.

Nothing here imports Marginalia: the readers know only the file formats.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree


@dataclass
class Answer:
    text: str
    fraction: float
    feedback: str = ""
    ident: str = ""


@dataclass
class Imported:
    """One question as the LMS stores it (texts as the student sees them)."""

    name: str
    qtype: str
    text: str
    general: str = ""
    answers: list[Answer] = field(default_factory=list)
    single: bool | None = None
    subquestions: list[tuple[str, str]] = field(default_factory=list)
    correct: str = ""
    incorrect: str = ""
    graderinfo: str = ""


def shown(text: str, fmt: str) -> str:
    """Text as a browser shows it: plain as typed; HTML (and Moodle auto-format) with its
    tags gone (an unknown or unsafe tag is dropped by the LMS's cleaner) and entities read."""
    if fmt in ("plain", "plain_text", "text/plain"):
        return text.strip()
    no_tags = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(no_tags).split())


# ---------------------------------------------------------------------------------- GIFT
# Moodle question/format/gift/format.php (qformat_gift::readquestion) and
# question/format.php (readquestions, split_category_path).

_PROTECT = {"\\:": "\x01058", "\\#": "\x01035", "\\=": "\x01061", "\\{": "\x01123",
            "\\}": "\x01125", "\\~": "\x01126", "\\n": "\x01010"}
_UNPROTECT = {v: k[1] if k != "\\n" else "\n" for k, v in _PROTECT.items()}
_GIFT_FORMATS = {"moodle", "html", "plain", "markdown"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _protect(text: str) -> str:
    """Escaped specials become placeholders first; `\\\\` is a backslash taken literally."""
    text = text.replace("\\\\", "\x02")
    for escaped, placeholder in _PROTECT.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x02", "\\")


def _unprotect(text: str) -> str:
    for placeholder, char in _UNPROTECT.items():
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str, default: str) -> tuple[str, str]:
    """A leading `[name]` is a format tag when it names a known format, else text."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in _GIFT_FORMATS:
            fmt, text = text[1:end], text[end + 1:]
    return _unprotect(text).strip(), fmt


def split_category_path(path: str) -> list[str]:
    """Category names as Moodle shows them: the path split at single slashes (`//` is a
    slash in a name), each name cleaned as PARAM_TEXT (tags dropped) and shown as HTML."""
    return [shown(name.replace("//", "/").strip(), "html")
            for name in re.split(r"(?<!/)/(?!/)", path)]


def _comment(answer: str, fmt: str) -> tuple[str, str]:
    text, _, feedback = answer.partition("#")
    return (shown(*_with_format(text.strip(), fmt)),
            shown(*_with_format(feedback.strip(), fmt)) if feedback else "")


def read_gift(text: str) -> tuple[list[list[str]], list[Imported]]:
    """(category paths, questions) as Moodle's GIFT import creates them."""
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(" " if line.strip().startswith("//") else line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    categories, questions = [], []
    for lines in blocks:
        block = _protect("\n".join(lines).strip())
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            categories.append(split_category_path(block[10:].strip()))  # never unescaped
            continue
        questions.append(_gift_question(block))
    return categories, questions


def _gift_question(block: str) -> Imported:
    name = ""
    if block.startswith("::"):
        end = block.find("::", 2)
        name, block = _unprotect(block[2:end]), block[end + 2:].strip()
    start, finish = block.find("{"), block.find("}")
    answer_text = block[start + 1:finish].strip()
    question_text = block[:start] + block[finish + 1:]
    general = ""
    cut = answer_text.rfind("####")
    if cut >= 0:
        general, answer_text = answer_text[cut + 4:], answer_text[:cut].strip()
    text, fmt = _with_format(question_text.strip(), "moodle")
    q = Imported(name=name, qtype="", text=shown(text, fmt),
                 general=shown(*_with_format(general, fmt)))
    if answer_text == "":
        q.qtype = "essay"
    elif "~" in answer_text:
        q.qtype, q.single = "multichoice", "=" in answer_text
        parts = answer_text.replace("=", "~=").split("~")
        for part in [p.strip() for p in parts if p.strip()]:
            if part.startswith("="):
                weight, part = 1.0, part[1:]
            elif _WEIGHT.match(part):
                body = part[1:]
                weight = float(body[:body.find("%")]) / 100
                part = body[body.find("%") + 1:]
            else:
                weight = 0.0
            answer, feedback = _comment(part, fmt)
            q.answers.append(Answer(answer, weight, feedback))
    elif "=" in answer_text and "->" in answer_text:
        q.qtype = "match"
        for part in [p.strip() for p in answer_text.split("=") if p.strip()]:
            marker = part.find("->")
            left = shown(*_with_format(part[:marker].strip(), fmt))
            q.subquestions.append((left, _unprotect(part[marker + 2:]).strip()))
    else:
        head = answer_text.split("#", 1)[0].strip()
        if head in ("T", "TRUE", "F", "FALSE"):
            q.qtype = "truefalse"
            bits = [*answer_text.split("#", 2), "", ""]
            wrong, right = (shown(*_with_format(b.strip(), fmt)) for b in bits[1:3])
            value = head in ("T", "TRUE")
            q.answers = [Answer("true", 1.0 if value else 0.0, right if value else wrong),
                         Answer("false", 0.0 if value else 1.0, wrong if value else right)]
        else:
            q.qtype = "shortanswer"
            for part in [p.strip() for p in answer_text.split("=") if p.strip()]:
                weight = 1.0
                if _WEIGHT.match(part):
                    body = part[1:]
                    weight = float(body[:body.find("%")]) / 100
                    part = body[body.find("%") + 1:]
                answer, feedback = part.partition("#")[::2]
                q.answers.append(Answer(_with_format(answer.strip(), fmt)[0], weight,
                                        shown(*_with_format(feedback.strip(), fmt))
                                        if feedback else ""))
    return q


# ---------------------------------------------------------------------------- Moodle XML
# Moodle question/format/xml/format.php (import_headers, import_answer, import_multichoice,
# import_truefalse, import_shortanswer, import_match, import_essay, import_combined_feedback).

def _field(el: etree._Element | None, default: str = "html") -> str:
    if el is None:
        return ""
    return shown(el.findtext("text") or "", el.get("format", default))


def read_moodle_xml(data: bytes) -> tuple[list[list[str]], list[Imported]]:
    root = etree.fromstring(data)
    categories, questions = [], []
    for el in root.findall("question"):
        kind = el.get("type")
        if kind == "category":
            categories.append(split_category_path(el.findtext("category/text", "").strip()))
            continue
        fmt = el.find("questiontext").get("format", "html")
        q = Imported(name=el.findtext("name/text", "").strip(), qtype=kind,
                     text=_field(el.find("questiontext")),
                     general=_field(el.find("generalfeedback"), fmt))
        for part in ("correct", "incorrect"):
            setattr(q, part, _field(el.find(f"{part}feedback"), fmt))
        if kind == "multichoice":
            q.single = (el.findtext("single") or "true").strip() != "false"
        for a in el.findall("answer"):
            raw = (a.findtext("text") or "").strip()
            text = shown(raw, a.get("format", fmt)) if kind == "multichoice" else raw
            q.answers.append(Answer(text, float(a.get("fraction", "0")) / 100,
                                    _field(a.find("feedback"), fmt)))
        for sub in el.findall("subquestion"):
            q.subquestions.append((shown(sub.findtext("text") or "", sub.get("format", fmt)),
                                   (sub.findtext("answer/text") or "").strip()))
        q.graderinfo = _field(el.find("graderinfo"), fmt)
        questions.append(q)
    return categories, questions


# ----------------------------------------------------------------- Common Cartridge, Moodle
# Moodle backup/cc/entity11.quiz.class.php (cc11_quiz: get_questions, get_general_feedback,
# get_feedback, get_answers, get_answers_fib, get_score, the true/false node builder) and
# question/type/essay/backup/moodle1/lib.php (an essay keeps no answer, so no answer feedback).

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CC_TO_MOODLE = {"cc.multiple_choice.v0p1": "multichoice", "cc.multiple_response.v0p1":
                "multichoice", "cc.true_false.v0p1": "truefalse", "cc.essay.v0p1": "essay",
                "cc.fib.v0p1": "shortanswer", "cc.pattern_match.v0p1": "shortanswer"}


class MoodleCCError(Exception):
    """The converter's abort (a coding_exception in Moodle): nothing of the course imports."""


def _meta(el: etree._Element, label: str) -> str:
    for f in el.findall(f"{QTI}qtimetadata/{QTI}qtimetadatafield"):
        if f.findtext(f"{QTI}fieldlabel") == label:
            return f.findtext(f"{QTI}fieldentry") or ""
    return ""


def _feedback_texts(item: etree._Element, conditions) -> str:
    out = ""
    for cond in conditions:
        for show in cond.findall(f"{QTI}displayfeedback"):
            fb = item.find(f"{QTI}itemfeedback[@ident='{show.get('linkrefid')}']")
            text = fb.findtext(f"{QTI}flow_mat/{QTI}material/{QTI}mattext") if fb is not None \
                else None
            out += f"{text} " if text else ""
    return out


def _first_varequal(cond: etree._Element) -> str:
    v = cond.find(f"{QTI}conditionvar/{QTI}varequal")
    return v.text or "" if v is not None else ""


def read_cc_in_moodle(cartridge: bytes, *, abort: bool = True) -> list[Imported]:
    """The quiz questions Moodle's Common Cartridge 1.1 import creates (or its abort).

    `abort=False` reads on past a true/false question Moodle would abort at, so the
    other rules can still be judged one by one."""
    with zipfile.ZipFile(io.BytesIO(cartridge)) as zf:
        manifest = etree.fromstring(zf.read("imsmanifest.xml"))
        hrefs = [r.find("{*}file").get("href") for r in manifest.iter("{*}resource")
                 if r.get("type") == "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"]
        docs = [etree.fromstring(zf.read(h)) for h in hrefs]
    out = []
    for doc in docs:
        for item in doc.iterfind(f"{QTI}assessment/{QTI}section/{QTI}item"):
            q = _cc_item(item, abort)
            if q is not None:
                out.append(q)
    return out


def _cc_item(item: etree._Element, abort: bool) -> Imported | None:
    cc_type = _meta(item.find(f"{QTI}itemmetadata"), "cc_profile")
    kind = CC_TO_MOODLE.get(cc_type)
    if kind is None:
        return None  # a question of another profile is skipped without a word
    conds = item.findall(f"{QTI}resprocessing/{QTI}respcondition")
    text = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") or ""
    general = _feedback_texts(item, [c for c in conds
                                     if (c.get("continue") or "").lower() == "yes"])
    q = Imported(name=item.get("title", ""), qtype=kind, text=shown(text, "html"),
                 general=shown(general, "html"))
    if kind in ("multichoice", "truefalse"):
        q.single = cc_type != "cc.multiple_response.v0p1"
        labels = item.findall(f"{QTI}presentation/{QTI}response_lid/{QTI}render_choice/"
                              f"{QTI}response_label")
        correct_idents: set[str] = set()
        if not q.single:
            for setvar in item.iterfind(f".//{QTI}setvar[@varname='SCORE']"):
                if (setvar.text or "").strip() in ("100", "100.0"):
                    for v in setvar.getparent().iterfind(f"{QTI}conditionvar//{QTI}varequal"):
                        if v.get("case") == "Yes" and v.getparent().tag != f"{QTI}not":
                            correct_idents.add(v.text or "")
        for label in labels:
            ident = label.get("ident")
            mine = [c for c in conds if _first_varequal(c).lower() == (ident or "").lower()]
            score = 0.0
            for c in mine:
                setvar = c.findtext(f"{QTI}setvar")
                score = 1.0 if setvar and setvar.strip() not in ("", "0") else 0.0
            if ident in correct_idents:
                score = round(1 / len(correct_idents), 7)
            title = label.findtext(f"{QTI}material/{QTI}mattext") or ""
            q.answers.append(Answer(shown(title, "html"), score,
                                    shown(_feedback_texts(item, mine), "html"), ident or ""))
        if kind == "truefalse" and abort:
            idents = [label.get("ident") for label in labels]
            if any(i not in ("true", "false") for i in idents):
                raise MoodleCCError("Unknown answer identifier detected in true/false "
                                    "quiz question")
            if sorted(idents) != ["false", "true"]:
                raise MoodleCCError("Unable to correctly identify the true and false answers")
        if kind == "truefalse":
            for a in q.answers:
                a.text = a.text.lower()
    elif kind == "shortanswer":
        scoring = [c for c in conds if any((s.text or "").strip() == "100"
                                           for s in c.findall(f"{QTI}setvar"))]
        if scoring:
            for v in scoring[0].findall(f"{QTI}conditionvar/{QTI}varequal"):
                if v.text:
                    q.answers.append(Answer(v.text, 1.0, ""))  # feedback: never kept
        known = {a.text for a in q.answers}
        for c in conds:
            if c in scoring or c.find(f"{QTI}conditionvar/{QTI}varequal") is None:
                continue
            title = _first_varequal(c)
            if title not in known:
                q.answers.append(Answer(title, 0.0, shown(_feedback_texts(item, [c]), "html")))
    return q


# ---------------------------------------------------------------------------- Canvas QTI
# Canvas gems/plugins/qti_exporter/lib/qti/assessment_item_converter.rb (question_type from
# the item's metadata, one of Canvas's types; feedback by identifier: wrong|incorrect|_IC$
# is incorrect, correct|_C$ is correct, general_|_all is neutral, tested in that order).

CANVAS_TYPES = {"multiple_choice_question", "multiple_answers_question", "true_false_question",
                "short_answer_question", "matching_question", "essay_question",
                "fill_in_multiple_blanks_question", "multiple_dropdowns_question",
                "numerical_question", "calculated_question", "text_only_question",
                "file_upload_question"}


def canvas_feedback_kind(ident: str) -> str:
    if re.search(r"wrong|incorrect|(_IC$)", ident, re.I):
        return "incorrect"
    if re.search(r"correct|(_C$)", ident, re.I):
        return "correct"
    if re.search(r"general_|_all", ident, re.I):
        return "neutral"
    return "answer"


def read_qti_in_canvas(items_xml: bytes) -> list[Imported]:
    """Canvas's view of each item: type, text, feedback by kind, and the answer key."""
    out = []
    for item in etree.fromstring(items_xml).iter(f"{QTI}item"):
        kind = _meta(item.find(f"{QTI}itemmetadata"), "question_type")
        text = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") or ""
        ttype = item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").get("texttype",
                                                                                "text/plain")
        q = Imported(name=item.get("title", ""), qtype=kind, text=shown(text, ttype))
        for fb in item.iter(f"{QTI}itemfeedback"):
            mat = fb.find(f".//{QTI}mattext")
            body = shown(mat.text or "", mat.get("texttype", "text/plain"))
            which = canvas_feedback_kind(fb.get("ident", ""))
            if which == "incorrect":
                q.incorrect = body
            elif which == "correct":
                q.correct = body
            elif which == "neutral":
                q.general = body
        labels = {lab.get("ident"): lab.findtext(f".//{QTI}mattext") or ""
                  for lab in item.iter(f"{QTI}response_label")}
        scoring = [c for c in item.iter(f"{QTI}respcondition")
                   if (c.findtext(f"{QTI}setvar") or "").strip() not in ("", "0")]
        right = {v.text for c in scoring for v in c.iter(f"{QTI}varequal")
                 if v.getparent().tag != f"{QTI}not"}
        if kind in ("multiple_choice_question", "multiple_answers_question",
                    "true_false_question"):
            q.answers = [Answer(t, 1.0 if i in right else 0.0) for i, t in labels.items()]
        elif kind == "short_answer_question":
            q.answers = [Answer(v, 1.0) for v in sorted(right, key=str)]
        elif kind == "matching_question":
            for lid in item.iter(f"{QTI}response_lid"):
                left = lid.findtext(f"{QTI}material/{QTI}mattext") or ""
                chosen = [v.text for c in scoring for v in c.iter(f"{QTI}varequal")
                          if v.get("respident") == lid.get("ident")]
                q.subquestions.append((left, labels.get(chosen[0], "") if chosen else ""))
        out.append(q)
    return out
