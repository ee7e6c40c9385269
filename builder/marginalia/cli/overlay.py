"""The banner `serve` puts on every page while the last save has errors.

A failed rebuild keeps the last good site (see `cli.serve`), so without a sign in
the browser an editor would read yesterday's page and believe the edit took. The
live-reload server reloads every open page after each rebuild, good or bad, and
adds this banner to each HTML response while the sources are broken: the same
`file:line:col` lines the terminal shows, announced (`role="alert"`), dismissed
with its button or Escape. It is added by the server only, never written into
the site, and it loads nothing: style and script are inline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

BANNER_ID = "mg-serve-errors"
_BODY_OPEN = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)

_STYLE = (
    "position:fixed;inset:0 0 auto 0;z-index:10000;max-height:60vh;overflow:auto;"
    "margin:0;padding:.75rem 1rem;background:#7a0f0f;color:#fff;"
    "font:15px/1.45 system-ui,sans-serif;border-bottom:3px solid #fff;"
    "box-shadow:0 2px 8px rgba(0,0,0,.4)")
_PRE_STYLE = ("margin:.5rem 0;padding:.5rem;background:#fff;color:#1a1a1a;white-space:pre-wrap;"
              "overflow-wrap:anywhere;font:13px/1.4 ui-monospace,monospace")
_BUTTON_STYLE = ("font:inherit;padding:.25rem .75rem;color:#7a0f0f;background:#fff;"
                 "border:2px solid #fff;border-radius:3px;cursor:pointer")
_SCRIPT = (
    "(function(){var b=document.getElementById('" + BANNER_ID + "');if(!b)return;"
    "function close(){b.remove();document.removeEventListener('keydown',key)}"
    "function key(e){if(e.key==='Escape'){close()}}"
    "b.querySelector('button').addEventListener('click',close);"
    "document.addEventListener('keydown',key)})();")


def banner(problems: Sequence[str]) -> str:
    """The banner's HTML for the terminal's lines of one failed rebuild."""
    lines = escape("\n".join(problems))
    return (
        f'<div id="{BANNER_ID}" role="alert" aria-labelledby="{BANNER_ID}-title" '
        f'style="{_STYLE}">'
        f'<p id="{BANNER_ID}-title" style="margin:0"><strong>The last save has errors: this '
        "page is the last good build.</strong> Fix the files below and save; the page "
        "reloads by itself.</p>"
        f'<pre style="{_PRE_STYLE}">{lines}</pre>'
        f'<button type="button" style="{_BUTTON_STYLE}">Dismiss (Esc)</button>'
        f"</div><script>{_SCRIPT}</script>")


def with_banner(page: bytes, problems: Sequence[str]) -> bytes:
    """`page` with the banner first in its body (first in reading and tab order)."""
    data = banner(problems).encode("utf-8")
    opening = _BODY_OPEN.search(page)
    at = opening.end() if opening else 0
    return page[:at] + data + page[at:]
