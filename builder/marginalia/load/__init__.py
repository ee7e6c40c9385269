"""Read source files into plain values that remember their file:line:col.

Annotation files come from many hands, so reading them is defensive: bytes are
checked for size and UTF-8 before YAML sees them, YAML is composed with PyYAML's
*safe* loader and converted by our own walker, which refuses unknown tags
(``!!python/object``), duplicate keys, alias bombs and runaway nesting, and
records the position of every key and value for later error messages.
Nothing here raises on bad input: problems come back as `Diagnostic`s.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from marginalia.diagnostics import Diagnostic
from marginalia.load import yaml_errors
from marginalia.model import Origin

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Annotation and article files larger than this are refused before reading: room for
a people.yml of some 40,000 entries (5,000 take 1.9 MB), far below a pasted dump."""
MAX_NODES = 100_000
"""Values a small YAML file may expand to (aliases count every time they are used)."""
BYTES_PER_VALUE = 8
"""A larger file may hold one value per this many characters: written out, a value
takes at least that (`id: x` and its line), so only aliases expand past it, and
memory stays in proportion to the file's size."""
MAX_DEPTH = 40
"""Nesting depth: our formats need five levels; the rest is a mistake or an attack."""

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class YMap(dict):
    """A mapping that knows where it, each key and each value were written."""

    origin: Origin
    key_origins: dict[Any, Origin]
    value_origins: dict[Any, Origin]

    def where(self, key: Any) -> Origin:
        return self.value_origins.get(key, self.origin)

    def where_key(self, key: Any) -> Origin:
        return self.key_origins.get(key, self.origin)


class YList(list):
    """A sequence that knows where it and each item were written."""

    origin: Origin
    item_origins: list[Origin]
    flow: bool = False
    """Written inline, `[a, b]`: there a comma inside an unquoted item splits it."""

    def where(self, index: int) -> Origin:
        return self.item_origins[index] if index < len(self.item_origins) else self.origin


@dataclass
class Loaded:
    """The outcome of reading one file: a value (or None) and what went wrong."""

    value: Any
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def read_text(path: Path, name: str) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 text file, refusing huge or undecodable files with a clear fix.

    A symbolic link is refused too: it could make a build publish a file from
    anywhere on the machine (`annotations/people.yml -> /etc/passwd`).
    """
    if path.is_symlink():
        return None, [Diagnostic(Origin(name), f"file is a link to {os.readlink(path)}",
                                 "fix: copy the file into the project instead of linking it")]
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Diagnostic(Origin(name), f"cannot read file: {exc.strerror}")]
    if size > MAX_FILE_BYTES:
        return None, [
            Diagnostic(
                Origin(name),
                f"file is {size / 1_048_576:.1f} MB, larger than the "
                f"{MAX_FILE_BYTES // 1_048_576} MB limit",
                "fix: remove pasted data; a glossary file this large would hold "
                "tens of thousands of entries",
            )
        ]
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, [
            Diagnostic(
                Origin(name, line, column),
                f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "fix: save the file as UTF-8",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def origin_at(text: str, offset: int, name: str, first_line: int = 1) -> Origin:
    """Where offset `offset` of `text` is, as file:line:column (1-based), the text
    starting at line `first_line` of the file (an article body after its front matter).

    The one conversion from an offset to what an editor's cursor shows."""
    line = text.count("\n", 0, offset) + first_line
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Origin(name, line, column)


def max_values(characters: int) -> int:
    """How many values a YAML text of this many characters may expand to."""
    return max(MAX_NODES, characters // BYTES_PER_VALUE)


def _origin(name: str, mark: Any, line_offset: int = 0) -> Origin:
    return Origin(name, mark.line + 1 + line_offset, mark.column + 1)


class _Walker:
    """Convert a composed YAML node graph to YMap/YList/scalars, with limits."""

    def __init__(self, loader: yaml.SafeLoader, name: str, line_offset: int, size: int):
        self.loader = loader
        self.name = name
        self.offset = line_offset
        self.count = 0
        self.limit = max_values(size)
        self.diagnostics: list[Diagnostic] = []

    def at(self, node: yaml.Node) -> Origin:
        return _origin(self.name, node.start_mark, self.offset)

    def fail(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.at(node), message, hint))

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > self.limit:
            raise _TooBig(node)
        if depth > MAX_DEPTH:
            raise _TooDeep(node)
        if isinstance(node, yaml.ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                self.fail(node, f"unsupported YAML tag '{node.tag.replace(_STD, '!!')}'",
                          "fix: remove the tag; annotation files hold plain text, "
                          "numbers, dates, lists and mappings")
                return None
            try:
                return self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                self.fail(node, f"cannot read value: {exc}",
                          "fix: quote the value to keep it as text")
                return None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _STD + "seq":
                self.fail(node, f"unsupported YAML tag '{node.tag.replace(_STD, '!!')}'",
                          "fix: remove the tag")
                return None
            out = YList(self.convert(item, depth + 1) for item in node.value)
            out.origin = self.at(node)
            out.item_origins = [self.at(item) for item in node.value]
            out.flow = bool(node.flow_style)
            return out
        assert isinstance(node, yaml.MappingNode)
        if node.tag != _STD + "map":
            self.fail(node, f"unsupported YAML tag '{node.tag.replace(_STD, '!!')}'",
                      "fix: remove the tag")
            return None
        out = YMap()
        out.origin = self.at(node)
        out.key_origins, out.value_origins = {}, {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, "a key must be plain text", "fix: write `name: value`")
                continue
            key = self.convert(key_node, depth + 1)
            if key in out:
                first = out.key_origins[key]
                self.fail(key_node, f"duplicate key '{key}' (first at line {first.line})",
                          "fix: keep one of them")
                continue
            out[key] = self.convert(value_node, depth + 1)
            out.key_origins[key] = self.at(key_node)
            out.value_origins[key] = self.at(value_node)
        return out


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


class _TooDeep(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _parse_fast(text: str, name: str, line_offset: int) -> Loaded | None:
    """libyaml's parser, when PyYAML has it: None when the text needs the slow path.

    Composing with PyYAML's pure-Python scanner was 90% of loading a 5,000-entry
    glossary (8 s); libyaml builds the same node graph, with the same marks and the
    same safe constructor, in a fraction of that. Any problem at all falls back to
    the pure-Python path, whose messages the diagnostics below are written for.
    """
    if _FAST_LOADER is None:
        return None
    loader = _FAST_LOADER(text)
    walker = _Walker(loader, name, line_offset, len(text))
    try:
        node = loader.get_single_node()
        return Loaded(None if node is None else walker.convert(node), walker.diagnostics)
    except (yaml.YAMLError, _TooBig, _TooDeep, RecursionError):
        return None
    finally:
        loader.dispose()


def parse_yaml(text: str, name: str, line_offset: int = 0) -> Loaded:
    """Parse one YAML document safely into YMap/YList values with positions.

    A text that cannot be read at all comes back with no value and one error that
    says so (`yaml_errors.UNREAD_NOTE`), so no other file's reference into it is
    reported as missing on top of it."""
    loaded = _parse(text, name, line_offset)
    if loaded.value is None and loaded.diagnostics:
        return Loaded(None, yaml_errors.unread(loaded.diagnostics))
    return loaded


def _parse(text: str, name: str, line_offset: int) -> Loaded:
    fast = _parse_fast(text, name, line_offset)
    if fast is not None:
        return fast
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        return Loaded(None, [yaml_errors.unprintable(
            origin_at(text, exc.position, name, 1 + line_offset), exc)])
    walker = _Walker(loader, name, line_offset, len(text))
    try:
        node = loader.get_single_node()
        if node is None:
            return Loaded(None, [])
        value = walker.convert(node)
    except yaml.MarkedYAMLError as exc:
        return Loaded(None, [yaml_errors.explain(exc, text, name, line_offset)])
    except yaml.YAMLError as exc:
        return Loaded(None, [Diagnostic(Origin(name), f"invalid YAML: {exc}",
                                        "fix: check the YAML syntax of this file")])
    except _TooBig as exc:
        return Loaded(None, [Diagnostic(
            walker.at(exc.node),
            f"YAML expands to more than {walker.limit:,} values (aliases repeated too "
            "often?)",
            "fix: write the data out without anchors and aliases")])
    except (_TooDeep, RecursionError) as exc:
        where = walker.at(exc.node) if isinstance(exc, _TooDeep) else \
            yaml_errors.too_deep_at(text, name, line_offset, MAX_DEPTH)
        return Loaded(None, [Diagnostic(
            where, f"data is nested more than {MAX_DEPTH} levels deep",
            "fix: flatten the structure; see DESIGN.md §3 for the expected shape")])
    finally:
        loader.dispose()
    return Loaded(value, walker.diagnostics)


def load_yaml_file(path: Path, name: str) -> Loaded:
    text, problems = read_text(path, name)
    if text is None:
        return Loaded(None, yaml_errors.unread(problems))
    return parse_yaml(text, name)


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line where the YAML starts minus one)."""
    match = _FRONT.match(text)
    if not match:
        return None, text, 0
    return match.group(1) or "", text[match.end():], 1


def front_matter(text: str, name: str) -> Loaded:
    """An article's front matter, from its text; an opening `---` without a close is an error.

    Text in, so the article is read from disk once (its body is needed too)."""
    yaml_text, _body, offset = split_front_matter(text)
    if yaml_text is None:
        if text.startswith("---"):
            return Loaded(None, [Diagnostic(
                Origin(name, 1, 1), "front matter is not closed",
                "fix: end the front matter with a line containing only '---'")])
        return Loaded(None, [Diagnostic(
            Origin(name, 1, 1), "article has no front matter",
            "fix: start the file with '---', then title: and date:, then '---'")])
    return parse_yaml(yaml_text, name, line_offset=offset)
