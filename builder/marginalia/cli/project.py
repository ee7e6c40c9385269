"""The project a command works on, read the way MkDocs reads it, validated once.

Every command starts here: MkDocs' own `load_config` reads mkdocs.yml (so `!ENV`
tags, `INHERIT` and relative paths mean what they mean to `mkdocs build`), the
plugin's `project_paths` says where the sources are, and `load_project` reads
and checks them. A command that builds then hands its report to the plugin, so
that the build does not load every annotation a second time (and hold both).
MkDocs' own errors become one `error: …` line, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from marginalia.diagnostics import format_report
from marginalia.model.edition import Edition
from marginalia.plugin import MarginaliaPlugin, project_paths
from marginalia.validate import Paths, Report, load_project

__all__ = ["build_site", "hand_over", "load_site_config", "paths_of", "report_of", "shown",
           "validated"]


def load_site_config(config_file: Path, **overrides):
    """MkDocs' config of the project, with `overrides`; None (said why) if MkDocs refuses it."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        return load_config(str(config_file), **overrides)
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def paths_of(config) -> Paths:
    """Where the project's sources are: the plugin's reading of the loaded config."""
    return project_paths(config)


def report_of(config) -> tuple[Paths, Report]:
    """Read and check the project's sources: the one place the CLI loads them."""
    paths = paths_of(config)
    return paths, load_project(paths)


def validated(config, *, outcome: str = "nothing was written."
              ) -> tuple[Paths, Report] | None:
    """Load and validate the project; on error print every problem, ending with
    what became of the output (`outcome`), and return None."""
    paths, report = report_of(config)
    if report.errors:
        print(format_report(report.diagnostics).replace("nothing was written.", outcome),
              file=sys.stderr)
        return None
    return paths, report


def hand_over(config, validated: tuple[Paths, Report], edition: Edition | None = None) -> None:
    """Give the plugin the report just made (and the edition asked for, if any)."""
    plugin = config.plugins.get("marginalia")
    if isinstance(plugin, MarginaliaPlugin):
        if edition is not None:
            plugin.config.edition = edition.value
        plugin.validated = validated


def build_site(config, site_dir: Path, *, serve_url: str | None = None) -> bool:
    """Build an already loaded config into `site_dir`; MkDocs' errors become one line."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    config.site_dir = str(site_dir)
    try:
        mkdocs_build(config, serve_url=serve_url)
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    return True


def shown(path: Path) -> str:
    """`path` as a message shows it: relative to the working folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
