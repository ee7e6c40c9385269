"""The files every engine adds to a site besides its pages: our assets and theme layer.

Kept apart from the render stage so that an adapter can name them without
importing the renderer (`marginalia check` loads the plugin, and pays for
every module it imports at start-up).
"""

from __future__ import annotations

from pathlib import Path

ASSETS = ("marginalia.css", "marginalia.js", "listen.js", "quiz.css", "quiz.js", "guided.js",
          "lesson.css")
ASSET_DIR = Path(__file__).parent / "assets"
"""Where the files named in ASSETS are; every engine's adapter publishes them."""
THEME_DIR = Path(__file__).parent / "theme"
"""Our layer over the theme's templates (reader settings applied before first paint)."""

OFFLINE_SHIM = "assets/marginalia/iframe-worker.js"
"""Where a site built to be opened from a folder (`build --zip`) gets our worker shim:
the themes' offline plugins fetch one from a CDN unless a polyfill naming
"iframe-worker" is listed, and ours is, so the zip makes no request to anyone."""


def offline_features(features: list[str]) -> list[str]:
    """The theme features a site opened from a folder keeps: all but instant navigation.

    It cannot work from file:// and, switched on there, leaves the theme's document$
    completed before the page loads, so no script that waits on it (quiz grading,
    card highlighting) would ever start.
    """
    return [f for f in features if not f.startswith("navigation.instant")]


def add_offline_shim(site: Path) -> None:
    """Put our worker shim where `OFFLINE_SHIM` names it in the built `site`."""
    shim = site / OFFLINE_SHIM
    shim.parent.mkdir(parents=True, exist_ok=True)
    shim.write_bytes((ASSET_DIR / "iframe-worker.js").read_bytes())
