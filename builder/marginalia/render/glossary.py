"""The glossary page: every entry by type, then by first letter, with its summary."""

from __future__ import annotations

from marginalia.model import ENTITY_TYPES
from marginalia.model.entity_types import BY_KEY
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer
from marginalia.render.urls import glossary_path


def glossary_page(r: Renderer, lang: str = SITE_LANG) -> str:
    """The body of `/glossary/` (`/es/glossary/` in Spanish): types in their usual
    order, entries sorted by the name shown, each in `lang` where translated."""
    from_url = r.url(glossary_path(lang))
    groups = []
    for type_ in ENTITY_TYPES:
        entries = sorted((e.seen_in(lang, None) for e in r.project.glossary.of_type(type_)),
                         key=lambda e: e.name.casefold())
        if not entries:
            continue
        letters: dict[str, list] = {}
        for e in entries:
            letter = e.name[:1].upper() if e.name[:1].isalpha() else "#"
            letters.setdefault(letter, []).append(
                (e, r.link(from_url, r.entity_url(e.key, lang)), r.markdown(e.summary)))
        groups.append((type_, BY_KEY[type_].plural, letters, len(entries)))
    return r.render("glossary.html", groups=groups, lang=lang)
