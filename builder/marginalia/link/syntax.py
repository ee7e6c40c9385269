"""The explicit-mention syntax, `[text](@type/id)`, in one place.

Editors settle a name two entries share, or link words the glossary does not list,
by writing a Markdown link whose target starts with `@`; `[text](@none)` keeps a
name from being marked at all (`Jordan` the river where the glossary has the
country). The page's tree walk sees
it as a link (`href` starting with `@`); the validator (to check the target names
an entry, at its line and column) and the evidence text (which reads it as its
text) read the raw Markdown with this pattern.
"""

from __future__ import annotations

import re

EXPLICIT_MENTION = re.compile(r"\[([^\]\n]*)\]\(@([^)\s]*)\)")
"""Group 1 is the text shown, group 2 the entry key (`people/antony-blinken`)."""

TARGET_PREFIX = "@"
"""What starts an explicit mention's link target."""

NO_MENTION = "none"
"""The target of `[text](@none)`: the text is shown as written and never marked (no
entry key is a bare word: keys are `type/id`)."""
