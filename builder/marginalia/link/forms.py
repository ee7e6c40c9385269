"""Every written form of every name the linker looks for: the one place the index is made.

An editor lists a name once (`hostage`, `Quebec Liberal Party`); articles write it
in more ways than that. Rather than teach the scan about each way, the index holds
each form as its own word, so the scan stays one Aho-Corasick pass:

- the name with every run of white space inside it read as one space (the scan
  reads text the same way, so `Quebec Liberal⏎Party` is one mention);
- its plurals, which link as the whole word as a wiki's link trail does
  (`hostages` is one mention of `hostage`), by English rules: `+s`; `+es` after s,
  x, z, ch, sh and o; a consonant's `y` becomes `ies` (`party` → `parties`) for a
  name written lowercase (a proper name takes `s`: `the Kennedys`). Only a name
  ending in a lowercase Latin letter has plurals: an acronym does not (`US`, `CIA`:
  `USes` is no plural), nor a name ending in a digit or a full stop (`U.S.`);
- for a name written lowercase (`ceasefire`), the same forms with a capital first
  letter, which match only where a sentence starts (`Ceasefire talks resumed.`).

A name an editor wrote always wins over a form made here (an alias `Ceasefire`
matches anywhere), and a made form two entries would share is left out.
Plural rules are per language: the index of another language's names (see
`index_forms`'s `language`) gets the spacing and capital forms, and plurals only
where a rule for that language is added to `PLURALS`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from typing import NamedTuple

NAMED = 0
"""A name or alias as the editor wrote it (spaces normalised)."""
AT_SENTENCE_START = 1
"""Flag: a form capitalised here, which matches only at the start of a sentence."""
CAPITALISED = 2
"""Flag: the name starts with a capital letter, so a lowercase word joined to it by a
hyphen (`pro-Israel`, `Hamas-led`) leaves it the same name (see `linker`)."""


class Form(NamedTuple):
    """What the index stores for one written form: its length, entry and flags."""

    length: int
    key: str
    flags: int


def spaced(label: str) -> str:
    """The label with every run of white space (any kind) read as one space."""
    return " ".join(label.split())


def _latin_lower(ch: str) -> bool:
    return ch.islower() and unicodedata.name(ch, "").startswith("LATIN")


def english_plurals(name: str) -> list[str]:
    """The plural spellings of an English name (see the module's rules); none for acronyms."""
    if not name or not _latin_lower(name[-1]):
        return []
    lowercase_name = name[0].islower()
    low = name.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return [name + "es"]
    if low.endswith("o"):
        return [name + "s", name + "es"] if lowercase_name else [name + "s"]
    if lowercase_name and len(low) > 1 and low[-1] == "y" and low[-2] not in "aeiou":
        return [name[:-1] + "ies"]
    return [name + "s"]


PLURALS: dict[str, Callable[[str], list[str]]] = {"en": english_plurals}
"""Plural spellings per language of the names; a language not listed gets none."""


def capitalised(form: str) -> str | None:
    """`ceasefire` → `Ceasefire`; None when the form does not start with a lowercase letter."""
    first = form[:1]
    if not first.islower() or first.upper() == first:
        return None
    return first.title() + form[1:]


def index_forms(names: Mapping[str, str], language: str = "en") -> dict[str, Form]:
    """Every string the linker's index holds, with the entry and flags of each.

    `names` maps each name or alias to its entry key; `language` (a code, `en`,
    `pt-BR`) picks the plural rules. Forms come in NFC and NFD, so a decomposed `Zoë`
    in a text matches too.
    """
    plurals = PLURALS.get(language.split("-", 1)[0].lower(), lambda _name: [])
    named: dict[str, Form] = {}
    made: dict[str, Form | None] = {}

    def add(into: dict, text: str, key: str, flags: int) -> None:
        for form in {unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)}:
            if into is named:
                named[form] = Form(len(form), key, flags)
            elif form in made and (made[form] is None or made[form].key != key):
                made[form] = None  # two entries would share it: neither gets it
            else:
                made[form] = Form(len(form), key, flags)

    for label, key in names.items():
        name = spaced(label)
        if not name:
            continue
        first_letter = next((ch for ch in name if ch.isalpha()), "")
        flags = CAPITALISED if first_letter.isupper() else 0
        add(named, name, key, flags)
        forms = [name, *plurals(name)]
        for plural in forms[1:]:
            add(made, plural, key, flags)
        for form in forms:
            capital = capitalised(form)
            if capital is not None:
                add(made, capital, key, flags | AT_SENTENCE_START)
    index = {form: value for form, value in made.items() if value is not None}
    index.update(named)
    return index
