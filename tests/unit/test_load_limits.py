"""Size limits protect the build without stopping a large newsroom.

A glossary of thousands of entries is ordinary (the benchmark's 5,000 take
1.9 MB); a pasted 50 MB dump or an alias bomb is not. The value limit grows
with the file, so written-out data always fits and only aliases can pass it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.load import MAX_NODES, load_yaml_file, max_values, parse_yaml

ENTRY = """\
- id: person-{n}
  name: Person Number{n}
  aliases: [Number{n}]
  role: Spokesperson
  summary: Person Number{n} speaks for a ministry in the synthetic newsroom.
  sources:
    - {{title: Profile, url: "https://example.org/people/{n}"}}
"""


def glossary(entries: int) -> str:
    return "".join(ENTRY.format(n=n) for n in range(entries))


def test_a_glossary_of_ten_thousand_people_loads(tmp_path):
    path = tmp_path / "people.yml"
    path.write_text(glossary(10_000), encoding="utf-8")
    assert path.stat().st_size > 2 * 1024 * 1024  # past the old limit
    loaded = load_yaml_file(path, "annotations/people.yml")
    assert loaded.diagnostics == []
    assert len(loaded.value) == 10_000


def test_small_files_keep_the_fixed_value_limit():
    assert max_values(0) == max_values(10_000) == MAX_NODES


@pytest.mark.parametrize("entries", [1, 100, 20_000])
def test_written_out_data_never_reaches_the_value_limit(entries):
    text = glossary(entries)
    values = entries * 16  # mapping, 6 keys, 6 values, aliases, sources and its mapping
    assert values < max_values(len(text))


def test_an_alias_bomb_in_a_large_file_is_still_stopped():
    padding = "# " + "x" * 997 + "\n"
    bomb = "\n".join(
        ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]"
           for i in range(8)])
    text = padding * 1000 + bomb + "\n"  # 1 MB: a limit of some 125,000 values
    loaded = parse_yaml(text, "annotations/places.yml")
    assert loaded.value is None
    message = str(loaded.diagnostics[0])
    assert f"YAML expands to more than {max_values(len(text)):,} values" in message
    assert 125_000 <= max_values(len(text)) < 9**9
    assert message.startswith("annotations/places.yml:1001:")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path: Path = tmp_path / "people.yml"
    with path.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    loaded = load_yaml_file(path, "annotations/people.yml")
    assert loaded.value is None
    assert "file is 17.0 MB, larger than the 16 MB limit" in str(loaded.diagnostics[0])
