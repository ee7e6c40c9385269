"""What each kind of glossary entry is called, where it is written, what it may hold.

Pages, sidebars and the glossary list entries by type; the loader reads one
file per type; the validator knows which extra fields each type may carry.
These facts lived in three modules and are written here once.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    EntityType("people", "Person", "People"),
    EntityType("places", "Place", "Places", ("country", "coordinates")),
    EntityType("organizations", "Organization", "Organizations",
               ("kind", "founded", "headquarters")),
    EntityType("terms", "Term", "Terms"),
    EntityType("events", "Event", "Events", ("start", "end")),
)
"""Every type, in the order pages and sidebars list them."""

BY_KEY: dict[str, EntityType] = {t.key: t for t in ENTITY_TYPE_TABLE}
