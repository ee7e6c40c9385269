"""Real headless Chromium (Debian's package) driven by Playwright.

Playwright's own browser download is never used: we launch /usr/bin/chromium.
Sites are served from a local HTTP server on 127.0.0.1; every request the page
makes is recorded so tests can prove nothing leaves the site's origin. With
CI=true a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium not found: run `make test` (it installs Debian's chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)  # local runs only; CI fails above
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class SiteServer:
    """A static server for one built site, on a free port of 127.0.0.1."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def seed_server(seed_site) -> Iterator[SiteServer]:
    server = SiteServer(seed_site.site)
    yield server
    server.close()


@pytest.fixture
def page(browser):
    """A fresh page (own context: empty localStorage) that records every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.requests = []  # type: ignore[attr-defined]
    p.on("request", lambda r: p.requests.append(r.url))
    p.on("pageerror", lambda e: p.requests.append(f"pageerror:{e}"))
    yield p
    context.close()


def foreign_requests(page, origin: str) -> list[str]:
    """Requests that left the site's origin (data: and about: are local)."""
    return [u for u in page.requests
            if not u.startswith((origin, "data:", "about:", "blob:"))]
