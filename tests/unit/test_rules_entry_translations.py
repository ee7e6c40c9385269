"""`translations` of an entry and of its dated versions (DESIGN §3): one error per
mistake at the key or value to fix, with a did-you-mean for codes and keys."""

from __future__ import annotations

import pytest

from marginalia.model.translations import Translation
from marginalia.validate.glossary import check_glossary

ENTRY = """\
- id: ada-moreau
  name: Ada Moreau
  role: Minister of Ports
  summary: A politician.
  sources:
    - {title: Gov, url: "https://example.org/"}
  translations:
    es:
      role: Ministra de Puertos
      aliases: [La ministra Moreau]
  versions:
    - from: 2022-03-01
      summary: Minister since 2022.
      translations:
        es: {summary: Ministra desde 2022.}
"""


def problems(text: str) -> list[str]:
    return [f"{d.origin.line}:{d.origin.column}: {d.message}" + (f" ({d.hint})" if d.hint
                                                                 else "")
            for d in check_glossary(text)]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    es:\n      role", "    sp:\n      role",
     ["8:5: 'sp' in translations of people entry 'ada-moreau' is not a known language "
      "(did you mean 'es'?)"]),
    ("    es:\n      role", "    Spanish:\n      role",
     ["8:5: 'Spanish' in translations of people entry 'ada-moreau' is not a language code "
      "(did you mean 'es'?)"]),
    ("    es:\n      role", "    en:\n      role",
     ["8:5: a translation into 'en' is the site's own language (fix: write that text in "
      "the entry's own fields and remove this translation)"]),
    ("      role: Ministra", "      rol: Ministra",
     ["9:7: unknown key 'rol' in translation 'es' of people entry 'ada-moreau' "
      "(did you mean 'role'?)"]),
    ("  translations:\n    es:\n", "  translations: es\n    es:\n", None),
    ("es: {summary:", "es: {name: Ada, summary:",
     ["15:14: unknown key 'name' in translation 'es' of version 1 of people entry "
      "'ada-moreau' (fix: remove it; allowed keys: role, summary, details)"]),
    ("es: {summary:", "es: {sumary:",
     ["15:14: unknown key 'sumary' in translation 'es' of version 1 of people entry "
      "'ada-moreau' (did you mean 'summary'?)"]),
    ("      aliases: [La ministra Moreau]", "      aliases: Moreau: x", None),
], ids=["mistyped-code", "language-name", "site-language", "unknown-key", "not-a-mapping",
        "name-in-version", "version-unknown-key", "bad-yaml"])
def test_each_translation_mistake_is_one_error(old, new, expected):
    assert old in ENTRY
    found = problems(ENTRY.replace(old, new))
    if expected is None:
        assert len(found) == 1, found
    else:
        assert found == expected


def test_a_valid_translation_is_read_for_the_entry_and_its_version():
    from marginalia.load import parse_yaml
    from marginalia.validate.glossary import _entity

    diags: list = []
    entity, _ = _entity("people", parse_yaml(ENTRY, "p.yml").value[0], "p.yml", diags)
    assert diags == []
    assert entity.translations == (("es", Translation(role="Ministra de Puertos",
                                                      aliases=("La ministra Moreau",))),)
    assert entity.versions[0].translations == (("es", Translation(
        summary="Ministra desde 2022.")),)
