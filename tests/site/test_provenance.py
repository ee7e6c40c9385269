"""Provenance (DESIGN §5): the article's authors, source and licence go wherever the
article is printed or carried: a CC BY text must keep its notice on the article page,
the worksheet, the answer key, the cartridge's page and the editable worksheet."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import html as lxml_html

from tests.conftest import FIXTURES, build, run_cli

CREDIT = "By A. Writer, B. Editor. Source: Coastland Wire"
LICENCE = "Licence: CC BY 4.0."
URL = "https://example.org/wire/port"


def credit_of(html: str) -> str:
    found = lxml_html.fromstring(html).xpath('.//p[@class="mg-provenance"]')
    assert len(found) == 1, f"{len(found)} provenance lines"
    return " ".join(found[0].text_content().split())


@pytest.fixture(scope="module")
def teacher_site(tmp_path_factory):
    built = build(FIXTURES / "story-over-time", tmp_path_factory.mktemp("prov"),
                  "--edition", "teacher")
    assert built.returncode == 0, built.stderr
    return built


@pytest.mark.parametrize("url", [
    "lessons/port-opens/worksheet/",
    "lessons/port-opens/answer-key/",
])
def test_each_handout_carries_the_credit_with_the_address_spelled_out(teacher_site, url):
    text = credit_of(teacher_site.html(url))
    assert text.startswith(CREDIT) and text.endswith(LICENCE)
    assert f"({URL})" in text  # on paper a link cannot be followed


def test_the_article_page_links_the_source_without_spelling_it_out(teacher_site):
    text = credit_of(teacher_site.html("articles/port-opens/"))
    assert text == f"{CREDIT}. {LICENCE}"


def test_the_cartridge_page_carries_the_credit(teacher_site, tmp_path):
    result = run_cli(teacher_site.project, "export", "port-opens", "--format", "cc",
                     "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (cartridge,) = tmp_path.glob("*.imscc")
    with zipfile.ZipFile(cartridge) as zf:
        pages = [n for n in zf.namelist() if n.endswith(".html")]
        texts = [credit_of(zf.read(n).decode()) for n in pages
                 if b"mg-provenance" in zf.read(n)]
    assert texts and all(LICENCE in t and URL in t for t in texts)


def test_the_editable_worksheet_carries_the_credit(teacher_site, tmp_path):
    result = run_cli(teacher_site.project, "export", "port-opens", "--format", "docx",
                     "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (docx,) = tmp_path.glob("*.docx")
    with zipfile.ZipFile(io.BytesIO(docx.read_bytes())) as zf:
        body = lxml_html.fromstring(zf.read("word/document.xml")).text_content()
    assert CREDIT in body and LICENCE in body and URL in body
