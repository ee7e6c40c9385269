"""A lesson's exports carry its article version's language where the format has a
field for it (tests/fixtures/versions: a lesson on the Spanish version)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from marginalia.exports import render
from marginalia.validate import Paths, load_project
from tests.conftest import FIXTURES, SHARED

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"


@pytest.fixture(scope="module")
def project():
    root = FIXTURES / "versions"
    report = load_project(Paths(root, root / "docs", root / "annotations"))
    assert report.project is not None, report.diagnostics
    return report


def export(report, fmt: str) -> bytes:
    return render(report.project, "harbour-es", fmt,
                  article_body=report.article_bodies["harbour-es"])[0]


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_the_cartridge_manifest_gives_the_language(project):
    manifest = etree.fromstring(members(export(project, "cc"))["imsmanifest.xml"])
    general = manifest.find(f".//{{{LOM}}}general")
    assert general.findtext(f"{{{LOM}}}language") == "es"
    assert general.find(f"{{{LOM}}}title/{{{LOM}}}string").get("language") == "es"


@pytest.mark.parametrize("fmt", ["qti", "cc"])
def test_every_qti_material_says_its_language(project, fmt):
    files = members(export(project, fmt))
    xml = next(v for k, v in files.items() if k.endswith(".xml") and k != "imsmanifest.xml")
    materials = list(etree.fromstring(xml).iter("{*}material"))
    assert materials and {m.get(XML_LANG) for m in materials} == {"es"}


def test_the_cartridge_lesson_page_is_in_spanish(project):
    page = next(v for k, v in members(export(project, "cc")).items()
                if k.endswith("lesson.html")).decode()
    assert '<html lang="es">' in page


@pytest.mark.parametrize("fmt", ["qti", "cc"])
def test_the_shared_validator_accepts_a_spanish_export(project, fmt, tmp_path):
    path = tmp_path / ("harbour-es.qti.zip" if fmt == "qti" else "harbour-es.imscc")
    path.write_bytes(export(project, fmt))
    result = subprocess.run([sys.executable, str(SHARED / "tools" / "validate_lms.py"), "-v",
                             str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
