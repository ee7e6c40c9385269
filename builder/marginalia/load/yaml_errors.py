"""What a YAML syntax error means, said where the editor has to act.

PyYAML reports where its parser gave up, in its own words ("mapping values are
not allowed here", "expected <block end>, but found '?'"). Those words name the
parser's state, not the mistake, and often the wrong line: a quotation mark left
open is reported at the next quotation mark, far below. Each rule here takes the
file's text and the parser's complaint and returns one `Diagnostic` that names
the mistake and its fix:

- a key indented unlike the keys beside it::

      - id: portsmouth
        role: Port city
         summary: …        # 'summary:' is indented 3 spaces, but 'role:' above it 2

- a value holding ': ' (`title: Update: talks resume`), which YAML reads as a key;
- a quotation mark or a bracket opened and not closed on its line (reported where
  it opens, not where the parser noticed);
- a tab used for indentation; a control character pasted in unseen;
- brackets nested past the depth limit (located at the bracket that crosses it).

A file with such an error cannot be read at all, so the message says that its
references are not checked: the editor is not sent after errors that are only
echoes of this one (see `UNREAD_NOTE`).
"""

from __future__ import annotations

import re

import yaml

from marginalia.diagnostics import Diagnostic
from marginalia.model import Origin

UNREAD_NOTE = "file could not be read; its references are not checked"
"""Appended to the one error of a file that could not be read: nothing else is said
about the file, and no other file's reference into it is reported as missing."""

TAB_HINT = "fix: indent with spaces; YAML does not allow tabs"

_KEY_LINE = re.compile(r"^(\s*)((?:-\s+)*)([^\s#:\-\"'\[{][^:#]*?):(?:\s+(\S.*))?$")
"""`  key: value` or `- key: value`: indent, list dashes, key, inline value."""
_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)*(?:[^\s\"'#][^:#]*:\s+)?([\"'])")


def explain(exc: yaml.MarkedYAMLError, text: str, name: str, line_offset: int) -> Diagnostic:
    """The one diagnostic for a YAML syntax error in `text` (file `name`)."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and "quoted scalar" in (exc.context or ""):
        mark = exc.context_mark
    origin = Origin(name, mark.line + 1 + line_offset, mark.column + 1) if mark else Origin(name)
    problem = (exc.problem or "invalid YAML").strip()
    opened = unclosed_quote(text, mark.line if mark else 0)
    if opened is not None and (origin.line, origin.column) != opened:
        return Diagnostic(Origin(name, opened[0] + line_offset, opened[1]),
                          "invalid YAML: a quotation mark opened here is not closed on its line",
                          "fix: close the quotation mark")
    flow = (exc.context or "").strip()
    if flow in ("while parsing a flow sequence", "while parsing a flow mapping") and \
            exc.context_mark is not None and exc.context_mark.line != mark.line:
        bracket, close = ("[", "]") if "sequence" in flow else ("{", "}")
        return Diagnostic(
            Origin(name, exc.context_mark.line + 1 + line_offset, exc.context_mark.column + 1),
            f"invalid YAML: a '{bracket}' opened here is not closed on its line",
            f"fix: close it with '{close}', or quote the text if it starts with '{bracket}'")
    if "'\\t'" in problem:
        return Diagnostic(origin, f"invalid YAML: {problem}", TAB_HINT)
    colon = colon_in_value(text, mark.line) if mark and "mapping values" in problem else None
    if colon is not None:
        line, column, message, hint = colon
        return Diagnostic(Origin(name, line + line_offset, column), message, hint)
    misplaced = misindented_key(text, mark.line) if mark else None
    if misplaced is not None:
        line, column, message, hint = misplaced
        return Diagnostic(Origin(name, line + line_offset, column), message, hint)
    message = f"invalid YAML: {problem}"
    if exc.context:
        message += f" ({exc.context.strip()})"
    return Diagnostic(origin, message, hint_for(problem, exc.context or ""))


def misindented_key(text: str, error_line: int) -> tuple[int, int, str, str] | None:
    """(line, column, message, fix) when the error's line is a key out of line with the
    key above it, else None. `error_line` is 0-based, as YAML's marks are.

    Only a key whose neighbour above holds an inline value is judged: after `key:`
    alone (a nested mapping opens) or a block scalar (`|`, `>`), deeper lines are fine.
    """
    lines = text.split("\n")
    if not 0 <= error_line < len(lines):
        return None
    here = _KEY_LINE.match(lines[error_line])
    if here is None:
        return None
    above = None
    for previous in reversed(lines[:error_line]):
        if previous.strip() and not previous.lstrip().startswith("#"):
            above = _KEY_LINE.match(previous)
            break
    if above is None or not above.group(4) or above.group(4)[0] in "|>&":
        return None
    indent_here = len(here.group(1)) + len(here.group(2))
    indent_above = len(above.group(1)) + len(above.group(2))
    if indent_here == indent_above:
        return None
    key, sibling = here.group(3).strip(), above.group(3).strip()
    return (error_line + 1, indent_here + 1,
            f"invalid YAML: '{key}:' is indented {_spaces(indent_here)}, but '{sibling}:' "
            f"above it {_spaces(indent_above)}",
            f"fix: check the indentation: line '{key}:' up with '{sibling}:' "
            f"({_spaces(indent_above)}), or indent it under a key that ends with ':'")


def colon_in_value(text: str, error_line: int) -> tuple[int, int, str, str] | None:
    """(line, column, message, fix) when a plain value holds ': ' (`title: Note: x`)."""
    lines = text.split("\n")
    if not 0 <= error_line < len(lines):
        return None
    here = _KEY_LINE.match(lines[error_line])
    value = here.group(4) if here else None
    if not value or value[0] in "\"'[{|>" or ": " not in value:
        return None
    key = here.group(3).strip()
    column = lines[error_line].index(value) + 1
    quoted = value.replace('"', '\\"')
    return (error_line + 1, column,
            f"invalid YAML: the value of '{key}' holds ': ', which starts a new key",
            f'fix: quote the text: {key}: "{quoted}"')


def _spaces(count: int) -> str:
    return f"{count} space" if count == 1 else f"{count} spaces"


def unclosed_quote(text: str, last_line: int) -> tuple[int, int] | None:
    """Where a quoted value opens without closing on its line, up to the error (1-based).

    A missing closing quote makes YAML swallow the following lines and complain
    far below, at the next quotation mark; the editor needs the line that opened it
    (the last such line before the error: an earlier one may be a valid multi-line value).
    """
    found = None
    for number, line in enumerate(text.split("\n")[: last_line + 1], start=1):
        match = _QUOTED_VALUE.match(line)
        if not match:
            continue
        quote, rest = match.group(1), line[match.end():]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else \
            re.search(r"'(?!')", rest.replace("''", ""))
        if closed is None:
            found = number, match.start(1) + 1
    return found


def too_deep_at(text: str, name: str, line_offset: int, limit: int) -> Origin:
    """Where brackets first nest past `limit` (YAML's parser gave up before saying)."""
    depth, line, column = 0, 1, 0
    for ch in text:
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return Origin(name, line + line_offset, column)
        elif ch in "]}":
            depth = max(depth - 1, 0)
    return Origin(name, 1 + line_offset, 1)


def unprintable(origin: Origin, exc: yaml.reader.ReaderError) -> Diagnostic:
    """A control character YAML refuses, at `origin` (where it sits)."""
    return Diagnostic(origin,
                      f"invalid YAML: control character U+{exc.character:04X} is not allowed",
                      "fix: delete it; such characters come in unseen when text is pasted")


def hint_for(problem: str, context: str) -> str:
    if "could not find expected ':'" in problem or "mapping values" in problem:
        return "fix: check the indentation and that each `key: value` has a space after ':'"
    if "quoted scalar" in context or "quote" in problem:
        return "fix: close the quotation mark"
    if "expected <block end>" in problem:
        return "fix: check the indentation of this line against the one above"
    return "fix: check the YAML syntax at this position"


def unread(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics of a file that could not be read, the first saying so."""
    if not diagnostics:
        return diagnostics
    first = diagnostics[0]
    if UNREAD_NOTE in first.message:
        return diagnostics
    marked = Diagnostic(first.origin, f"{first.message} ({UNREAD_NOTE})", first.hint,
                        first.severity)
    return [marked, *diagnostics[1:]]
