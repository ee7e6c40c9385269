"""Rules for glossary files (annotations/<type>.yml).

One entry per list item, every key known, every reference real, every name claimed once.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from marginalia.diagnostics import Diagnostic
from marginalia.link.linker import Linker
from marginalia.link.syntax import EXPLICIT_MENTION
from marginalia.link.usage import linked_uses
from marginalia.load import (
    Loaded,
    YList,
    YMap,
    load_yaml_file,
    origin_at,
    parse_yaml,
)
from marginalia.load.paths import Paths
from marginalia.model import (
    ENTITY_TYPES,
    ArticleMeta,
    Entity,
    Glossary,
    Origin,
    Source,
)
from marginalia.model.entity_types import BY_KEY, ENTITY_TYPE_TABLE, FACT_LABELS
from marginalia.model.languages import SITE_LANG
from marginalia.validate.fields import Fields, kind_of
from marginalia.validate.refs import Unread, check_ref
from marginalia.validate.translations import read_translations
from marginalia.validate.versions import read_versions

BASE_KEYS = ("id", "name", "aliases", "role", "summary", "details", "as_of", "related",
             "sources", "versions", "translations")
EXTRA_KEYS = {t.key: t.extra_keys for t in ENTITY_TYPE_TABLE}
REQUIRED_KEYS = ("id", "name", "role", "summary", "sources")
KEY_HINTS: dict[str, dict[str, str]] = {
    "events": {"date": "fix: an event's dates are `start:` (and `end:` if it lasts more "
                       "than a day), e.g. `start: 2024-05-04`",
               "when": "fix: write `start: YYYY-MM-DD` (and `end:`)"},
    "places": {key: "fix: write `coordinates: [latitude, longitude]`, e.g. "
                    "`coordinates: [30.04, 31.24]`"
               for key in ("lat", "lon", "lng", "latitude", "longitude", "location")},
    "organizations": {"type": "fix: an organization's type is `kind:` (the file decides "
                              "the entry's type)",
                      "hq": "did you mean 'headquarters'?"},
}
"""Keys editors write for a field that has another name, per type: spelling alone
would not lead from `date` to `start`. Every type: `title` and `description`."""
COMMON_KEY_HINTS = {
    "title": "fix: an entry's label is `name:`; a person's position goes in `role:`",
    "description": "did you mean 'summary'?",
    "url": "fix: links go under `sources:` as `- {title: …, url: https://…}`",
    "date": "fix: the date an entry's text is true of is `as_of:`; for a change over "
            "time use `versions:`",
}


def _top_list(loaded: Loaded, name: str, diags: list[Diagnostic]) -> YList:
    diags.extend(loaded.diagnostics)
    value = loaded.value
    if value is None:
        return YList()
    if not isinstance(value, YList):
        diags.append(Diagnostic(getattr(value, "origin", Origin(name)),
                                f"expected a list of entries, found {kind_of(value)}",
                                "fix: start each entry with '- id: …'"))
        return YList()
    return value


def load_glossary(paths: Paths, diags: list[Diagnostic],
                  unread: Unread | None = None) -> Glossary:
    """Every glossary file's entries; a type whose file cannot be read joins `unread`."""
    unread = unread if unread is not None else Unread()
    entries: dict[str, Entity] = {}
    related_checks: list[tuple[Entity, Origin, str]] = []
    for type_ in ENTITY_TYPES:
        path = paths.annotations_dir / BY_KEY[type_].file_name
        if not path.exists():
            continue
        name = paths.name(path)
        loaded = load_yaml_file(path, name)
        if loaded.value is None and loaded.diagnostics:
            unread.types.add(type_)
        _file_entries(loaded, type_, name, entries, related_checks, diags)
    for _owner, origin, ref in related_checks:
        check_ref(ref, origin, entries, diags, "related", unread)
    return Glossary(entries)


def check_glossary(yaml_text: str, type_: str = "people",
                   name: str = "annotations/people.yml") -> list[Diagnostic]:
    """The rules of one glossary file, on its text alone (no folder, no other file).

    References to other entries (`related`) need the whole glossary, so they are
    checked by `load_glossary` only; everything else is reported here exactly as
    `marginalia check` reports it, top to bottom.
    """
    diags: list[Diagnostic] = []
    _file_entries(parse_yaml(yaml_text, name), type_, name, {}, [], diags)
    return sorted(diags, key=lambda d: (d.origin.line, d.origin.column))


def _file_entries(loaded: Loaded, type_: str, name: str, entries: dict[str, Entity],
                  related_checks: list, diags: list[Diagnostic]) -> None:
    """Add one file's entries to `entries`, and its `related` references to check later."""
    items = _top_list(loaded, name, diags)
    for index, raw in enumerate(items):
        if not isinstance(raw, YMap):
            diags.append(Diagnostic(items.where(index),
                                    f"entry {index + 1} must be a mapping, "
                                    f"not {kind_of(raw)}",
                                    "fix: write '- id: …' followed by indented keys"))
            continue
        entity, related_origins = _entity(type_, raw, name, diags)
        if entity is None:
            continue
        if entity.key in entries:
            first = entries[entity.key].origin
            diags.append(Diagnostic(raw.where("id"), f"duplicate id '{entity.id}' in "
                                    f"{type_} (first at line {first.line})",
                                    "fix: give each entry its own id"))
            continue
        entries[entity.key] = entity
        related_checks.extend(related_origins)


def _entity(type_: str, raw: YMap, name: str,
            diags: list[Diagnostic]) -> tuple[Entity | None, list]:
    f = Fields(raw, f"{type_} entry", diags)
    before = len(diags)
    f.check_keys(BASE_KEYS + EXTRA_KEYS[type_], REQUIRED_KEYS,
                 {**COMMON_KEY_HINTS, **KEY_HINTS.get(type_, {})})
    ident = f.ident("id")
    display = f.text("name")
    aliases = f.text_list("aliases")
    role, summary, details = f.text("role"), f.text("summary"), f.text("details")
    as_of = f.date("as_of")
    related = f.text_list("related")
    sources = _sources(raw, f, diags)
    if "sources" in raw and not sources and len(diags) == before:
        diags.append(Diagnostic(raw.where("sources"), "an entry needs at least one source",
                                "fix: add `- {title: …, url: https://…}` under sources"))
    facts: list[tuple[str, str]] = []
    for key in EXTRA_KEYS[type_]:
        if key == "coordinates" or key not in raw:
            continue
        value = f.date(key) if key in ("start", "end") else raw.get(key)
        if value is not None:
            facts.append((FACT_LABELS[key], str(value)))
    coordinates = _coordinates(raw, f) if "coordinates" in raw else None
    versions = read_versions(raw, f"{type_} entry '{ident or display}'", diags,
                             lambda item, vf: _sources(item, vf, diags))
    translations = read_translations(raw, f"{type_} entry '{ident or display}'", diags)
    if not ident or not display:
        return None, []
    origin = raw.where_key("id") if "id" in raw else raw.origin
    entity = Entity(type=type_, id=ident, name=display, role=role, summary=summary,
                    sources=sources, aliases=aliases, details=details, as_of=as_of,
                    related=related, facts=tuple(facts), coordinates=coordinates,
                    versions=versions, translations=translations, origin=origin)
    related_value = raw.get("related")
    origins = []
    for i, ref in enumerate(related):
        where = related_value.where(i) if isinstance(related_value, YList) else raw.where("related")
        origins.append((entity, where, ref))
    return entity, origins


def _sources(raw: YMap, f: Fields, diags: list[Diagnostic]) -> tuple[Source, ...]:
    value = raw.get("sources")
    if value is None:
        return ()
    if not isinstance(value, YList):
        f.error(raw.where("sources"), f"'sources' must be a list, not {kind_of(value)}",
                "fix: write `- {title: …, url: https://…}` for each source")
        return ()
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, YMap):
            f.error(value.where(i), "each source must be a mapping with title and url",
                    "fix: write `- {title: …, url: https://…}`")
            continue
        sf = Fields(item, "source", diags)
        sf.check_keys(("title", "url"), ("title", "url"))
        title, url = sf.text("title"), sf.url("url")
        if title and url:
            out.append(Source(title, url))
    return tuple(out)


def _coordinates(raw: YMap, f: Fields) -> tuple[float, float] | None:
    value = raw.get("coordinates")
    ok = (isinstance(value, list) and len(value) == 2
          and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value))
    if ok and -90 <= value[0] <= 90 and -180 <= value[1] <= 180:
        return float(value[0]), float(value[1])
    f.error(raw.where("coordinates"), "'coordinates' must be [latitude, longitude] in degrees",
            "fix: e.g. coordinates: [30.04, 31.24]")
    return None




def name_claims(glossary: Glossary, lang: str = SITE_LANG) -> dict[str, list[str]]:
    """Every name and alias (NFC) an article in `lang` links → the keys claiming it.

    In the site's language, the entries' own names; in another, those and the
    translations' names and aliases in it (`Estados Unidos` links only in Spanish).
    """
    claims: dict[str, list[str]] = defaultdict(list)
    for entity in glossary:
        for label in dict.fromkeys(unicodedata.normalize("NFC", n)
                                   for n in entity.names_in(lang)):
            claims[label].append(entity.key)
    return claims


def check_ambiguous_names(glossary: Glossary, bodies: dict[str, str],
                           articles: dict[str, ArticleMeta],
                           diags: list[Diagnostic]) -> None:
    """A name claimed by two entries must be settled by an explicit mention wherever used.

    "Used" means where the site would link it (`linked_uses`): not in headings or
    code, where no explicit mention can be written, and not inside a longer name.
    """
    by_lang: dict[str, list[str]] = defaultdict(list)
    for slug in bodies:
        if slug in articles:
            by_lang[articles[slug].lang].append(slug)
    for lang in dict.fromkeys([SITE_LANG, *sorted(by_lang)]):
        _check_ambiguous_in(glossary, lang, {s: bodies[s] for s in by_lang.get(lang, [])},
                            articles, diags)


def _check_ambiguous_in(glossary: Glossary, lang: str, bodies: dict[str, str],
                        articles: dict[str, ArticleMeta], diags: list[Diagnostic]) -> None:
    """The ambiguity rule over the articles in one language, with that language's names."""
    claims = name_claims(glossary, lang)
    shared = {label: keys for label, keys in claims.items() if len(keys) > 1}
    if not shared:
        return
    stand_in = {label: _AMBIGUOUS + label for label in shared}
    linker = Linker({label: stand_in.get(label, keys[0]) for label, keys in claims.items()},
                    lang)
    wanted = frozenset(stand_in.values())
    used: set[str] = set()
    settled = _settled(bodies, linker, wanted)
    for slug, body in bodies.items():
        for start, _end, key in linked_uses(body, linker, wanted):
            label = key[len(_AMBIGUOUS):]
            keys = shared[label]
            used.add(label)
            where = articles[slug].origin
            diags.append(Diagnostic(
                origin_at(body, start, where.file, where.line),
                f"'{label}' is claimed by {' and '.join(keys)}",
                f"fix: mark it explicitly, e.g. [{label}](@{keys[0]})"))
    in_lang = "" if lang == SITE_LANG else f" in articles in '{lang}'"
    for label, keys in shared.items():
        if label in used or label in settled or _inside_longer(label, keys, shared):
            continue
        if lang != SITE_LANG and all(label in glossary[k].names for k in keys):
            continue  # already warned about with the site's own names
        first = glossary[keys[1]]
        diags.append(Diagnostic(first.origin, f"the name '{label}' is claimed by "
                                f"{' and '.join(keys)}{in_lang}",
                                "fix: give each entry its own names, or settle every use "
                                "with an explicit mention [text](@type/id)",
                                severity="warning"))


def _settled(bodies: dict[str, str], linker: Linker, wanted: frozenset[str]) -> set[str]:
    """Shared names written as the text of an explicit mention somewhere: settled there."""
    out: set[str] = set()
    for body in bodies.values():
        for mention in EXPLICIT_MENTION.finditer(body):
            out.update(m.key[len(_AMBIGUOUS):] for m in linker.find(mention.group(1))
                       if m.key in wanted)
    return out


def _inside_longer(label: str, keys: list[str], shared: dict[str, list[str]]) -> bool:
    """Whether a longer shared name of the same entries holds `label` as whole words:
    "Duchesne" inside "Pierre Duchesne". The longer name's message covers both, once."""
    inner = Linker({label: "inner"})
    return any(len(other) > len(label) and set(keys) <= set(owners) and inner.find(other)
               for other, owners in shared.items())


_AMBIGUOUS = "?"
"""Prefix of the stand-in key a shared name gets in the check's linker (no entry key
starts with it), so its matches are told apart from other names' matches."""
