"""`make bench QUICK=1` keeps working: the real script, run once, prints its tables.

Only the shape of the output is checked (rows, columns, the summary line):
figures depend on the machine, and no test here measures time.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO

NUMBER = r"\d+(?:\.\d+)?"
SUMMARY = re.compile(rf"overhead=({NUMBER}|—)x linker=({NUMBER})MB/s vs_abbr=({NUMBER}|—)x")


@pytest.fixture(scope="module")
def bench() -> list[str]:
    result = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--quick"],
                            cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_table_has_the_columns_the_readme_describes(bench):
    header = next(line for line in bench if line.startswith("articles × entries"))
    assert header.split()[3:] == ["build", "pages", "wall", "s", "×plain", "cpu", "s",
                                  "×plain", "peak", "MB", "×plain"]


def test_quick_runs_the_smallest_size_only(bench):
    sizes = [line.split()[:3] for line in bench if re.match(r"^\d[\d,]* × \d", line)]
    assert sizes == [["10", "×", "50"]]


@pytest.mark.parametrize("way", ["plain", "marginalia", "abbr"])
def test_each_way_of_building_has_a_row_with_pages_times_and_memory(bench, way):
    row = next(line for line in bench if re.search(rf"\s{way}\s", line))
    cells = row.split()[row.split().index(way) + 1:]
    assert re.fullmatch(r"\d+", cells[0])
    assert all(re.fullmatch(NUMBER, c) for c in cells[1:7]) or "did not finish" in row


def test_the_plain_build_is_the_unit_of_every_ratio(bench):
    row = next(line for line in bench if re.search(r"\splain\s", line)).split()
    assert row[-5] == row[-3] == row[-1] == "1.00"


def test_every_build_produces_the_same_pages(bench):
    pages = {line.split()[line.split().index(way) + 1] for way in ("plain", "marginalia")
             for line in bench if re.search(rf"\s{way}\s", line)}
    assert len(pages) == 1


@pytest.mark.parametrize("entries", ["500", "5,000", "20,000", "100,000"])
def test_the_linker_is_measured_alone_at_each_glossary_size(bench, entries):
    row = next(line.split() for line in bench if line.split()[:1] == [entries])
    assert all(re.fullmatch(r"[\d,]+(?:\.\d+)?", c) for c in row[1:])


def test_a_rebuild_after_editing_one_entry_is_reported(bench):
    assert any(re.match(rf"rebuild after editing one entry \(10 × 50\): wall {NUMBER} s", line)
               for line in bench)


def test_the_last_line_is_the_summary(bench):
    assert SUMMARY.fullmatch(bench[-1])


@pytest.mark.parametrize("row", ["plain mkdocs serve", "marginalia full build", "entry edit",
                                 "article edit"])
def test_serve_rebuilds_after_one_save_are_rows_beside_a_plain_build(bench, row):
    start = next(i for i, line in enumerate(bench) if line.startswith("serve, one save"))
    rows = [line for line in bench[start + 1:start + 5] if line.startswith(row)]
    assert len(rows) == 1
    assert re.search(rf"\s(all|\d+)\s+{NUMBER}\s", rows[0])


@pytest.mark.parametrize("site", ["hand-written", "Marginalia"])
def test_both_engines_build_the_same_site_side_by_side(bench, site):
    header = next(i for i, line in enumerate(bench) if line.startswith("engines:"))
    row = next(line.split() for line in bench[header:] if re.search(rf"\s{site}\s", line))
    cells = row[row.index(site) + 1:]
    assert re.fullmatch(r"\d+", cells[0])  # the same page count on both engines
    assert all(re.fullmatch(NUMBER, c) for c in cells[1:6])
    assert re.fullmatch(rf"\(cpu {NUMBER}\)", " ".join(cells[6:]))


@pytest.mark.parametrize("corpus", ["role+summary", "short titles"])
def test_abbr_is_compared_on_each_corpus(bench, corpus):
    row = next(line for line in bench if line.startswith(corpus)).split()
    assert row[len(corpus.split()):len(corpus.split()) + 3] == ["10", "×", "50"]
    assert all(re.fullmatch(NUMBER, c) for c in row[-3:])


def test_start_up_is_measured(bench):
    assert any(re.fullmatch(rf"start-up: `marginalia check` on the seed: wall {NUMBER} s, cpu "
                            rf"{NUMBER} s; importing marginalia.cli: \d+ ms \(.*\)", line)
               for line in bench)
