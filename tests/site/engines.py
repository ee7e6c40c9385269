"""Building one project with each engine the site can be made by.

mkdocs      `marginalia build` (MkDocs 1.x with the plugin)
properdocs  ProperDocs' own `build` command: the maintained MkDocs 1.x fork
            running the plugin unchanged, with no help from our CLI
zensical    `marginalia build --engine zensical` (no plugins: our adapter)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import Built, copy_project, run_cli

ENGINES = ("mkdocs", "properdocs", "zensical")


def build_with(engine: str, source: Path, dest: Path, *args: str) -> Built:
    """Copy `source` into `dest` and build it with `engine` into `dest/out-site`."""
    project = copy_project(source, dest)
    site = dest / "out-site"
    if engine == "properdocs":
        result = subprocess.run(
            [sys.executable, "-m", "properdocs", "build", "-q", "-d", str(site), *args],
            cwd=project, capture_output=True, text=True, timeout=300)
    else:
        extra = ("--engine", "zensical") if engine == "zensical" else ()
        result = run_cli(project, "build", *extra, "-d", str(site), *args)
    return Built(project, site, result.returncode, result.stderr)
