"""`marginalia build --engine zensical`: validate, build through Zensical, publish whole.

The same promises as the MkDocs build (`cli.build`): nothing is written until the
sources are valid, and the site is built beside its place and swapped in, so a
failed build leaves the previous site as it was. Where it goes is decided the
same way too (`-d`, else `site_dir`, with `-teacher` for the teacher edition).
"""

from __future__ import annotations

import sys
from pathlib import Path

from marginalia.cli.status import EXIT_ERRORS, EXIT_OK
from marginalia.model.edition import Edition
from marginalia.publish import publish_folder, publish_zip, zip_target
from marginalia.site_files import OFFLINE_SHIM, add_offline_shim, offline_features


def build_zensical(config_file: Path, edition: Edition = Edition.STUDENT,
                   site_dir: str | None = None, *, strict: bool = False,
                   zip_site: bool = False) -> int:
    """Build `config_file`'s site with Zensical into `site_dir` (or the default place);
    with `strict`, any warning fails it (`zensical_engine.build_into`); with `zip_site`,
    build it to be opened from a folder and pack it (`site_dir` is then the zip)."""
    try:
        import zensical  # noqa: F401
    except ImportError:
        print("error: the Zensical engine needs Zensical (fix: pip install 'marginalia[zensical]'"
              " or pip install zensical)", file=sys.stderr)
        return EXIT_ERRORS
    from marginalia.zensical_engine import EngineError, build_into, read_project, validated

    try:
        project = read_project(config_file)
    except EngineError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERRORS
    report = validated(project)
    if report is None:
        return EXIT_ERRORS
    target = Path(site_dir).resolve() if site_dir else edition.folder(project.site_dir)
    if zip_site:
        for_a_folder(project.config)
        target = zip_target(target)

    def fill(out: Path) -> bool:
        if not build_into(project, report, edition, out, strict=strict):
            return False
        if zip_site:
            add_offline_shim(out)
        return True

    if not (publish_zip if zip_site else publish_folder)(target, fill):
        return EXIT_ERRORS
    made = "for opening from a folder " if zip_site else ""
    opened = " (unzip it and open index.html)" if zip_site else ""
    print(f"built the {edition} edition {made}with Zensical into {_shown(target)}{opened}",
          file=sys.stderr)
    return EXIT_OK


def for_a_folder(config: dict) -> None:
    """Make a Zensical config build a site that works from file://: Zensical's own
    offline plugin (pages end in .html, the search index is inlined), our worker shim
    instead of its CDN one, and no instant navigation (`marginalia.site_files`)."""
    config["use_directory_urls"] = False
    plugins = list(config.get("plugins") or [])
    names = {entry if isinstance(entry, str) else next(iter(entry), "") for entry in plugins}
    if "offline" not in names:
        plugins.append("offline")
    config["plugins"] = plugins
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = [*(extra.get("polyfills") or []), OFFLINE_SHIM]
    config["extra"] = extra
    theme = dict(config.get("theme") or {})
    theme["features"] = offline_features(list(theme.get("features") or []))
    config["theme"] = theme


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
