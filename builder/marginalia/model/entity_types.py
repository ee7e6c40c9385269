"""What each kind of glossary entry is called, where it is written, what it may hold.

Pages, sidebars and the glossary list entries by type; the loader reads one
file per type; the validator knows which extra fields each type may carry.
These facts lived in three modules and are written here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from marginalia.model.messages import N_


@dataclass(frozen=True)
class EntityType:
    """One glossary type: its key (`people`), names for readers, file and extra fields."""

    key: str
    singular: str
    """What one entry is called on its card and page ("Person")."""
    plural: str
    """The glossary's heading for the type ("People")."""
    extra_keys: tuple[str, ...] = ()
    """Fields beyond the common ones that entries of this type may have."""

    @property
    def file_name(self) -> str:
        """The annotations file that holds this type's entries (`people.yml`)."""
        return f"{self.key}.yml"


ENTITY_TYPE_TABLE: tuple[EntityType, ...] = (
    EntityType("people", N_("Person"), N_("People")),
    EntityType("places", N_("Place"), N_("Places"), ("country", "coordinates")),
    EntityType("organizations", N_("Organization"), N_("Organizations"),
               ("kind", "founded", "headquarters")),
    EntityType("terms", N_("Term"), N_("Terms")),
    EntityType("events", N_("Event"), N_("Events"), ("start", "end")),
)
"""Every type, in the order pages and sidebars list them (names are catalog msgids)."""

FACT_LABELS: dict[str, str] = {
    "country": N_("Country"), "kind": N_("Kind"), "founded": N_("Founded"),
    "headquarters": N_("Headquarters"), "start": N_("Start"), "end": N_("End"),
}
"""The entity page's label for each extra field (a catalog msgid)."""

BY_KEY: dict[str, EntityType] = {t.key: t for t in ENTITY_TYPE_TABLE}
