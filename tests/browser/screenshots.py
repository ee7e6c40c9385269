"""Pictures for a person to look at: every kind of page, at desktop and phone width.

Not a test: a picture cannot fail on its own, so this is an artefact step
(`make screenshots`). It builds the seed site (student and teacher editions) into a
temporary folder, serves it on 127.0.0.1 and saves full-page PNGs into
./screenshots/ (git-ignored), named `<page>-<width>.png`, plus the article in the
dark palette, with a preview open, and as printed. Flip through them after a
change to the look.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser.conftest import CHROMIUM_ARGS, SCREENSHOTS, SiteServer, chromium_path
from tests.browser.site_pages import ARTICLE, STUDENT_PAGES, TEACHER_PAGES, open_page
from tests.conftest import REPO, build

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def _focus_first_mention(page: Page) -> None:
    page.locator(".mg-article a.mg-mention").first.focus()
    page.locator(".mg-preview").wait_for()


VARIANTS: dict[str, tuple[dict, Callable[[Page], None] | None]] = {
    "article-dark": ({"color_scheme": "dark"}, None),
    "article-print": ({"media": "print"}, None),
    "article-preview": ({}, _focus_first_mention),
}
"""The article as well in other states: name → (emulated media, what to do on the page)."""


def _shoot(browser: Browser, width_name: str, url: str, out: Path,
           media: dict | None = None, then: Callable[[Page], None] | None = None) -> None:
    width, height = WIDTHS[width_name]
    phone = width_name == "phone"
    context = browser.new_context(viewport={"width": width, "height": height},
                                  is_mobile=phone, has_touch=phone)
    try:
        page = context.new_page()
        if media:
            page.emulate_media(**media)
        open_page(page, url)
        if then is not None:
            then(page)
        page.screenshot(path=str(out), full_page=True, animations="disabled", caret="hide")
    finally:
        context.close()


def main() -> int:
    path = chromium_path()
    if path is None:
        print("Chromium not found: run `make browser`", file=sys.stderr)
        return 1
    SCREENSHOTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for edition in ("student", "teacher"):
            built = build(REPO, Path(tmp) / edition, "--edition", edition)
            if built.returncode != 0:
                print(built.stderr, file=sys.stderr)
                return built.returncode
            sites[edition] = SiteServer(built.site)
        shots: list[tuple[str, str, dict | None, Callable[[Page], None] | None]] = [
            *((name, sites["student"].url(p), None, None) for name, p in STUDENT_PAGES.items()),
            *((name, sites["teacher"].url(p), None, None) for name, p in TEACHER_PAGES.items()),
            *((name, sites["student"].url(ARTICLE), media, then)
              for name, (media, then) in VARIANTS.items()),
        ]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            for name, url, media, then in shots:
                for width_name, (width, _) in WIDTHS.items():
                    out = SCREENSHOTS / f"{name}-{width}.png"
                    _shoot(browser, width_name, url, out, media, then)
                    print(out.relative_to(REPO))
            browser.close()
        for server in sites.values():
            server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
