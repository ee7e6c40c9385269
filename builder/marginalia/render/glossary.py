"""The glossary page: every entry by type, then by first letter, with its summary."""

from __future__ import annotations

from marginalia.model import ENTITY_TYPES
from marginalia.model.entity_types import BY_KEY
from marginalia.render import Renderer
from marginalia.render.urls import GLOSSARY_PATH


def glossary_page(r: Renderer) -> str:
    """The body of `/glossary/`: types in their usual order, entries sorted by name."""
    from_url = r.url(GLOSSARY_PATH)
    groups = []
    for type_ in ENTITY_TYPES:
        entries = sorted(r.project.glossary.of_type(type_), key=lambda e: e.name.casefold())
        if not entries:
            continue
        letters: dict[str, list] = {}
        for e in entries:
            letter = e.name[:1].upper() if e.name[:1].isalpha() else "#"
            letters.setdefault(letter, []).append(
                (e, r.link(from_url, r.entity_url(e.key)), r.markdown(e.summary)))
        groups.append((type_, BY_KEY[type_].plural, letters, len(entries)))
    return r.render("glossary.html", groups=groups)
