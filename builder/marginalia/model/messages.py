"""The marker for words shown to readers that are written in Python, not in a template.

`N_("Person")` returns its argument unchanged, `Nn_(one, many)` a message with a
plural; Babel's extractor (babel.cfg, `make messages`) collects every call into
the catalog, and the template or renderer that shows the text translates it
into the page's language (render/i18n.py). The model stays free of any
translation machinery.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark `message` for the catalog; it is translated where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural form (`ngettext(*Nn_(…), n)` shows it)."""
    return singular, plural
