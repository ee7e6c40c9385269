"""Rules for `translations` of an entry and of its dated versions.

    translations:
      es:                      # a language code (BCP 47-ish); `Spanish` → did you mean 'es'?
        name: Estados Unidos
        aliases: [EE. UU.]
        role: …                # every key optional; unknown keys get a did-you-mean
        summary: …

An entry's translation may give `name`, `aliases`, `role`, `summary` and
`details`; a version's only `role`, `summary` and `details` (names are the
entry's). A translation into the site's own language is an error: that text is
the entry's own fields. One diagnostic per mistake, at the key or value to fix.
"""

from __future__ import annotations

from marginalia.diagnostics import Diagnostic
from marginalia.load import YMap
from marginalia.model.languages import SITE_LANG, base, problem
from marginalia.model.translations import (
    TRANSLATED_FIELDS,
    VERSION_TRANSLATED_FIELDS,
    Translation,
    Translations,
)
from marginalia.validate.fields import Fields, kind_of


def read_translations(raw: YMap, what: str, diags: list[Diagnostic],
                      in_version: bool = False) -> Translations:
    """The `translations` of one entry (or version), checked; bad ones are dropped."""
    value = raw.get("translations")
    if value is None:
        return ()
    if not isinstance(value, YMap):
        diags.append(Diagnostic(raw.where("translations"), "'translations' must be a "
                                f"mapping of language codes, not {kind_of(value)}",
                                "fix: write `translations:` then `  es:` and indented keys"))
        return ()
    allowed = VERSION_TRANSLATED_FIELDS if in_version else TRANSLATED_FIELDS
    out: list[tuple[str, Translation]] = []
    for code, item in value.items():
        where = value.where_key(code)
        code = str(code)
        wrong = problem(code)
        if wrong is not None:
            message, hint = wrong
            diags.append(Diagnostic(where, message.replace("' is", f"' in translations of "
                                                           f"{what} is", 1), hint))
            continue
        if base(code) == base(SITE_LANG):
            diags.append(Diagnostic(where, f"a translation into '{code}' is the site's own "
                                    "language", "fix: write that text in the entry's own "
                                    "fields and remove this translation"))
            continue
        if not isinstance(item, YMap):
            diags.append(Diagnostic(value.where(code), f"translation '{code}' of {what} must "
                                    f"be a mapping, not {kind_of(item)}",
                                    "fix: write indented `role: …`, `summary: …` lines"))
            continue
        f = Fields(item, f"translation '{code}' of {what}", diags)
        before = len(diags)
        f.check_keys(allowed, ())
        fields = {key: f.text(key) or None for key in allowed if key != "aliases" and key in item}
        aliases = f.text_list("aliases") if "aliases" in allowed else ()
        if len(diags) == before:
            out.append((code, Translation(aliases=aliases, **fields)))
    return tuple(out)
