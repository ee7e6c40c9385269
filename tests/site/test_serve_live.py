"""`marginalia serve` survives mistakes: a bad save is reported, the good site stays.

The real command runs as a subprocess on 127.0.0.1 with a free port, in a copy of
tests/fixtures/hostile/base. Files are edited for real; the test waits for the
server's own log lines (read from its stderr by a thread, each wait bounded by a
timeout) and fetches pages over HTTP. The server is always stopped at the end.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, copy_project

BASE = FIXTURES / "hostile" / "base"
ARTICLE = "docs/articles/harbour-opens.md"
PEOPLE = "annotations/people.yml"
WAIT = 60
"""Seconds any one step may take before the test fails (builds share a busy machine)."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running `marginalia serve` whose stderr lines arrive on a queue."""

    process: subprocess.Popen
    url: str
    project: Path
    lines: queue.Queue = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)

    def wait_for(self, pattern: str) -> list[str]:
        """Lines up to and including the first matching `pattern` (fails after WAIT s)."""
        got: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"no line matching {pattern!r} within {WAIT}s; log:\n"
                            + "\n".join(self.seen))
            if line is None:
                pytest.fail(f"server exited before {pattern!r}; log:\n" + "\n".join(self.seen))
            self.seen.append(line)
            got.append(line)
            if re.search(pattern, line):
                return got

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=WAIT) as response:
            return response.read().decode("utf-8")


def _pump(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


@contextlib.contextmanager
def serving(project: Path, *args: str) -> Iterator[Server]:
    """The real `marginalia serve [args]` on a free port of 127.0.0.1 in `project`, until
    the block ends (then stopped as a terminal would, with Ctrl-C)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "marginalia.cli", "serve", "-a", f"127.0.0.1:{port}", *args],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    srv = Server(process, f"http://127.0.0.1:{port}/", project)
    threading.Thread(target=_pump, args=(process.stderr, srv.lines), daemon=True).start()
    try:
        srv.wait_for(r"Serving on http://127\.0\.0\.1")
        yield srv
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=WAIT)


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    with serving(copy_project(BASE, tmp_path / "project")) as srv:
        yield srv


def edit(srv: Server, rel: str, old: str, new: str) -> None:
    path = srv.project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


GOOD_CARD = "Runs the harbour and opened the new quay."
"""Mara Quill's card summary: gone from a page built from a broken glossary."""

BREAKAGES = {
    "unknown key": (PEOPLE, "summary: Runs", "sumary: Runs",
                    f"{PEOPLE}:5:3: error: unknown key 'sumary' in people entry "
                    "(did you mean 'summary'?)"),
    "tab in YAML": (PEOPLE, "  name: Mara Quill", "\tname: Mara Quill",
                    f"{PEOPLE}:2:1: error: invalid YAML"),
    "front matter not closed": (ARTICLE, "---\n\nMara", "\nMara",
                                f"{ARTICLE}:1:1: error: front matter is not closed"),
}


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_a_bad_save_is_reported_and_the_last_good_site_is_served(server, breakage):
    rel, old, new, message = breakage
    good = server.get("articles/harbour-opens/")
    assert "first ferry" in good and GOOD_CARD in good
    edit(server, rel, old, new)
    report = server.wait_for(r"still serving the last good site")
    assert message in "\n".join(report)
    assert "Traceback" not in "\n".join(server.seen)
    assert server.process.poll() is None
    page = server.get("articles/harbour-opens/")
    assert "first ferry" in page and GOOD_CARD in page


def test_the_next_good_save_is_served(server):
    edit(server, PEOPLE, "summary: Runs", "sumary: Runs")
    server.wait_for(r"still serving the last good site")
    edit(server, ARTICLE, "first ferry", "first cruise ship")
    edit(server, PEOPLE, "sumary: Runs", "summary: Runs")
    server.wait_for(r"Documentation built")
    server.wait_for(r"Reloading browsers")
    assert "first cruise ship" in server.get("articles/harbour-opens/")
    assert "Traceback" not in "\n".join(server.seen)
