"""Annotation text is untrusted: payloads in every field show up only as text.

tests/fixtures/hostile/payloads puts one payload string in every text field of
every file type (glossary entries of all five types, article front matter,
every quiz question type with choices, answers and feedback, lesson fields,
source titles and URLs). Each payload names its field (`PAYLOAD[lesson.title]`)
and carries every trick at once: `<script>`, `<img onerror>`, `<svg onload>`,
an attribute breaker (`" onmouseover="`), `</textarea>`, template syntax
(`{{ 7*191 }}`, `{% raw %}`), Markdown links to `javascript:` and `data:` URLs,
an autolink, an image whose URL breaks out of its quotes and a reference-style
link. Both editions are built with the real CLI; every HTML page, the search
index and every LMS export are parsed and searched for anything that could run.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree

from marginalia import exports
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, Built, build

PAYLOADS = FIXTURES / "hostile" / "payloads"
MARK = "__pwned"
"""Every payload's script sets `window.__pwned`; the browser test reads it back."""
TEMPLATE_PRODUCT = "1337"
"""7*191: appears only if someone evaluated `{{ 7*191 }}` as a template."""
DANGEROUS_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}
ACTIVE_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "math", "style",
               "textarea", "form", "input", "base", "link", "meta"}
"""Tags a payload would use; any that is not part of the page's own markup is a failure."""


@dataclass
class Finding:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


class _Scanner(HTMLParser):
    """Walks one HTML document and notes every element a payload could have made."""

    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.findings: list[Finding] = []
        self._script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(Finding(self.where, f"<{tag} {name}={value!r}>"))
            if name in URL_ATTRIBUTES and value and DANGEROUS_URL.match(value):
                self.findings.append(Finding(self.where, f"<{tag} {name}={value!r}>"))
            if name == "style" and value and "PAYLOAD" in value:
                self.findings.append(Finding(self.where, f"payload in a style attribute: {tag}"))
        if tag in ACTIVE_TAGS and any("PAYLOAD" in (v or "") or MARK in (v or "")
                                      for v in values.values()):
            self.findings.append(Finding(self.where, f"payload made an element: <{tag} {attrs}>"))
        if tag in ("img", "iframe", "object", "embed") and values.get("src") == "x":
            self.findings.append(Finding(self.where, f"payload made an element: <{tag}>"))
        if tag == "script":
            self._script = values.get("type") or "text/javascript"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is None or MARK not in data:
            return
        if self._script == "application/json":
            # Quiz data may quote a payload as a JSON string: harmless unless it
            # could close the script element early or is not plain JSON.
            if "</" in data:
                self.findings.append(Finding(self.where, "'</' inside a JSON script"))
            json.loads(data)
        else:
            self.findings.append(Finding(self.where, f"payload inside <script>: {data[:80]}"))


def scan_html(text: str, where: str) -> list[Finding]:
    scanner = _Scanner(where)
    scanner.feed(text)
    scanner.close()
    return scanner.findings


def payload_fields(root: Path = PAYLOADS) -> set[str]:
    """Every field name the fixture put a payload in (`PAYLOAD[<field>]`)."""
    names: set[str] = set()
    for path in root.rglob("*"):
        if path.suffix in (".yml", ".md"):
            names |= set(re.findall(r"PAYLOAD\[([^\]]+)\]", path.read_text(encoding="utf-8")))
    return names


@pytest.mark.parametrize(("html", "found"), [
    ("<p>&lt;script&gt;window.__pwned=1&lt;/script&gt;</p>", False),
    ('<a href="https://example.org/&quot;onmouseover=&quot;x">t</a>', False),
    ("<script>window.__pwned=1</script>", True),
    ('<img src=x onerror="window.__pwned=1">', True),
    ('<a href=" javascript:window.__pwned=1">t</a>', True),
    ('<a href="data:text/html,hi">t</a>', True),
    ('<p title="" onmouseover="window.__pwned=1">t</p>', True),
    ('<svg onload="window.__pwned=1"></svg>', True),
])
def test_the_scanner_tells_text_from_markup(html, found):
    """The checks below are only as good as this scanner: it must see each trick."""
    assert bool(scan_html(html, "snippet")) is found


TEACHER_ONLY = {"lesson.teacher_notes", "lesson.discussion.teacher_notes",
                "quiz.open.model_answer"}


@pytest.fixture(scope="module")
def student(tmp_path_factory) -> Built:
    built = build(PAYLOADS, tmp_path_factory.mktemp("payload-student"))
    assert built.returncode == 0, built.stderr
    return built


@pytest.fixture(scope="module")
def teacher(tmp_path_factory) -> Built:
    built = build(PAYLOADS, tmp_path_factory.mktemp("payload-teacher"), "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


def _pages(built: Built) -> dict[str, str]:
    return {p.relative_to(built.site).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(built.site.rglob("*.html"))}


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_no_page_holds_an_element_or_url_a_payload_made(request, edition):
    built = request.getfixturevalue(edition)
    findings = [f for where, html in _pages(built).items() for f in scan_html(html, where)]
    assert not findings, "\n".join(map(str, findings[:20]))


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_template_syntax_is_shown_never_evaluated(request, edition):
    pages = _pages(request.getfixturevalue(edition))
    assert any("{{ 7*191 }}" in html and "{% raw %}" in html for html in pages.values())
    assert not [where for where, html in pages.items()
                if TEMPLATE_PRODUCT in html and "PAYLOAD" in html]


def test_every_payload_field_reaches_the_teacher_site_as_text(teacher):
    """Proof the scan saw the payloads: each field's text is on some page, escaped."""
    text = "\n".join(_pages(teacher).values())
    shown = {name for name in payload_fields() if f"PAYLOAD[{name}]" in text}
    # Aliases are names to match, never shown; a source URL is an href, not text.
    expected = {name for name in payload_fields()
                if not name.endswith((".alias", ".source.url"))}
    assert expected - shown == set()
    assert "&lt;script&gt;window.__pwned" in text


def test_teacher_only_payloads_never_reach_the_student_site(student):
    text = "\n".join(_pages(student).values())
    assert [name for name in TEACHER_ONLY if f"PAYLOAD[{name}]" in text] == []


def test_page_titles_are_escaped_in_head_navigation_and_heading(student):
    """MkDocs' theme prints titles unescaped: a `<script>` title must arrive as text."""
    html = student.html("articles/quay/")
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL)
    assert title is not None
    assert "&lt;script&gt;window.__pwned=" in title.group(1)
    assert "<script>window.__pwned" not in html


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_search_index_holds_payloads_only_as_text(request, edition):
    built = request.getfixturevalue(edition)
    index = json.loads((built.site / "search" / "search_index.json").read_text("utf-8"))
    findings = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            # The theme shows both as HTML in search results.
            findings += scan_html(doc[key], f"{doc['location']} {key}")
    assert not findings, "\n".join(map(str, findings[:20]))
    assert any("PAYLOAD[" in doc["text"] for doc in index["docs"])


# ------------------------------------------------------------------ exports

def _project():
    report = load_project(Paths(PAYLOADS, PAYLOADS / "docs", PAYLOADS / "annotations"))
    assert report.project is not None, [str(d) for d in report.errors]
    return report


def _xml_findings(data: bytes, where: str) -> list[Finding]:
    """Scan an XML export: text a reader treats as HTML must be harmless HTML."""
    root = etree.fromstring(data)
    findings: list[Finding] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        html_text = (
            (local == "mattext" and el.get("texttype") == "text/html")
            or (local == "text" and el.getparent() is not None
                and el.getparent().get("format") == "html")
        )
        if html_text and el.text:
            findings += scan_html(el.text, f"{where} <{local}>")
    return findings


def _export_findings(fmt: str, data: bytes) -> list[Finding]:
    if fmt in ("qti", "cc"):
        findings: list[Finding] = []
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in zf.namelist():
                body = zf.read(name)
                if name.endswith(".xml"):
                    findings += _xml_findings(body, f"{fmt}:{name}")
                elif name.endswith((".html", ".htm")):
                    findings += scan_html(body.decode("utf-8"), f"{fmt}:{name}")
        return findings
    if fmt == "moodle":
        return _xml_findings(data, "moodle")
    text = data.decode("utf-8")
    # GIFT text is read as HTML by Moodle unless a question says [plain]: a raw
    # tag is only harmless in a question marked [plain].
    lines = [line for line in text.splitlines() if line.startswith("::")]
    assert lines, "no GIFT question found"
    return [Finding(f"gift:{line[:40]}", "question text not marked [plain]")
            for line in lines if not re.match(r"::(?:\\.|[^:\\])*::\[plain\]", line)]


EXPORT_FORMATS = ["qti", "cc", "moodle", "gift"]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_exports_hold_payloads_only_as_text(fmt):
    report = _project()
    data, _warnings = exports.render(report.project, "quay-lesson", fmt,
                                     article_body=report.article_bodies.get("quay"))
    assert b"PAYLOAD[" in data or fmt in ("qti", "cc")
    findings = _export_findings(fmt, data)
    assert not findings, "\n".join(map(str, findings[:20]))


# ------------------------------------------------------------------ syntax rows

def _syntax_arrivals(fmt: str) -> list[tuple[str, str]]:
    """(what was written, what the LMS shows) for every prompt and choice of the syntax
    fixture (GIFT's specials, `[html]`, `->`, `/`, `&`, `<`, quotes), read by the rules
    of the importer the format is for (tests/unit/lms_readers.py)."""
    from tests.unit import lms_readers as read
    from tests.unit.lms_cases import case, flat, prompt

    c = case("syntax")
    files = c.files
    parsed = {"gift": lambda: read.read_gift(files["gift"].decode("utf-8"))[1],
              "moodle": lambda: read.read_moodle_xml(files["moodle"])[1],
              "cc": lambda: read.read_cc_in_moodle(files["cc"], abort=False),
              "qti": lambda: read.read_qti_in_canvas(c.qti_items_xml())}[fmt]()
    pairs = []
    for q, got in zip(c.questions, parsed, strict=True):
        pairs.append((prompt(q, reshaped_order=fmt != "cc"), got.text))
        if q["type"] in ("single", "multiple"):
            pairs += zip([flat(x) for x in q["choices"]], [a.text for a in got.answers],
                         strict=True)
    return pairs


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_syntax_characters_arrive_as_typed(fmt):
    wrong = [(typed, shown) for typed, shown in _syntax_arrivals(fmt) if typed != shown]
    assert wrong == []
