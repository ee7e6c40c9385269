"""`marginalia build` and `build --zip`: validate first, then publish whole.

Nothing is written until the sources are valid; the site is built beside its
place and swapped in (`marginalia.publish`), so a failed build leaves the
previous site exactly as it was.

Where it goes: `-d` if given, else MkDocs' `site_dir` (default `site/`) for the
student edition and the same name with `-teacher` for the teacher's, so the two
never overwrite each other; the zip is that name with `.zip`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from marginalia.cli.project import build_site, hand_over, load_site_config, shown, validated
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK
from marginalia.model.edition import Edition
from marginalia.publish import publish_folder, publish_zip, zip_target
from marginalia.site_files import OFFLINE_SHIM, add_offline_shim, offline_features


def default_site(config, edition: Edition) -> Path:
    """Where an edition goes when no `-d` is given."""
    return edition.folder(Path(config.site_dir))


def build(config_file: Path, edition: Edition = Edition.STUDENT, site_dir: str | None = None,
          *, strict: bool = False) -> int:
    """Validate, build into a staging folder, and only then replace the site."""
    overrides = {"site_dir": str(Path(site_dir).resolve())} if site_dir else {}
    config = load_site_config(config_file, strict=strict, **overrides)
    if config is None:
        return EXIT_ERRORS
    checked = validated(config)
    if checked is None:
        return EXIT_ERRORS
    hand_over(config, checked, edition)
    target = Path(config.site_dir) if site_dir else default_site(config, edition)
    if not publish_folder(target, lambda staging: build_site(config, staging)):
        return EXIT_ERRORS
    print(f"built the {edition} edition into {shown(target)}", file=sys.stderr)
    return EXIT_OK


def build_zip(config_file: Path, edition: Edition = Edition.STUDENT,
              zip_path: str | None = None, *, strict: bool = False) -> int:
    """Validate, build the folder edition in a temp dir, then write the zip whole."""
    config = load_site_config(config_file, strict=strict, use_directory_urls=False)
    if config is None:
        return EXIT_ERRORS
    checked = validated(config)
    if checked is None:
        return EXIT_ERRORS
    hand_over(config, checked, edition)
    _add_offline_plugin(config)
    target = zip_target(Path(zip_path).resolve() if zip_path else default_site(config, edition))

    def fill(site: Path) -> bool:
        if not build_site(config, site):
            return False
        add_offline_shim(site)
        return True

    if not publish_zip(target, fill):
        return EXIT_ERRORS
    print(f"built the {edition} edition for opening from a folder into {shown(target)} "
          "(unzip it and open index.html)", file=sys.stderr)
    return EXIT_OK


def _add_offline_plugin(config) -> None:
    """Turn on mkdocs-material's offline plugin, with our own worker shim.

    The plugin inlines the search index for file:// and would add a worker shim
    from a CDN unless a polyfill naming "iframe-worker" is already listed: ours is
    (`marginalia.site_files`, which also says which theme features stay).
    """
    from material.plugins.offline.plugin import OfflinePlugin

    config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
    config.theme["features"] = offline_features(config.theme.get("features") or [])
    if any(name.split("/")[-1] == "offline" for name in config.plugins):
        return
    plugin = OfflinePlugin()
    plugin.load_config({}, config.config_file_path)
    config.plugins["material/offline"] = plugin
