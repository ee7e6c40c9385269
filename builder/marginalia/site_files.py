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
