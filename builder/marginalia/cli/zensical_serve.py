"""`marginalia serve --engine zensical`: the same live preview, built by Zensical.

Zensical's own `serve` runs no plugins, so it cannot watch `annotations/` or draw
our pages. This is the MkDocs preview's loop (`cli.serve`) with the Zensical build
in it: MkDocs' live-reload server (MkDocs is installed with Marginalia either way)
serves a folder that each good save replaces whole, a bad save prints every
`file:line:col` problem, keeps the last good site and puts the same banner on each
page. Every save rebuilds the whole site: Zensical has no way to redraw one page
from outside, so the incremental rebuild (`cli.incremental`) is MkDocs-only.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from contextlib import redirect_stderr
from pathlib import Path

from marginalia.cli.overlay import with_banner
from marginalia.cli.serve import (
    STILL_SERVING,
    _Tee,
    cannot_serve,
    preview_server,
    serve_until_interrupted,
)
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from marginalia.publish import publish_contents

LOG = logging.getLogger("marginalia")


class ZensicalPreview:
    """What the server serves and how a save rebuilds it (the `cli.serve.Preview` roles)."""

    def __init__(self, config_file: Path, served: Path) -> None:
        self.config_file = config_file
        self.served = served
        self.watched: list[Path] = []
        """The config file, docs/ and annotations/, as the last readable config names them."""
        self.problems: list[str] = []
        """The last failed rebuild's messages (the banner), or nothing after a good one."""

    def start(self) -> bool:
        """The first build: False (problems printed, nothing served) if it failed."""
        return self._build(outcome="nothing was served.")

    def rebuild(self) -> None:
        said = _Tee(sys.stderr)
        with redirect_stderr(said):
            good = self._build(outcome=STILL_SERVING)
        self.problems = [] if good else [line for line in said.lines() if line.strip()]

    def page(self, content: bytes) -> bytes:
        return with_banner(content, self.problems) if self.problems else content

    def _build(self, *, outcome: str) -> bool:
        from marginalia.zensical_engine import (
            EngineError,
            build_into,
            edition_of,
            read_project,
            validated,
        )

        started = time.perf_counter()
        try:
            project = read_project(self.config_file)
        except EngineError as exc:
            print(f"{exc}; {outcome}", file=sys.stderr)
            return False
        self.watched = [self.config_file.resolve(), project.docs_dir,
                        project.paths().annotations_dir]
        report = validated(project)
        if report is None:
            print(f"error: the site was not rebuilt; {outcome}", file=sys.stderr)
            return False
        edition = edition_of(project, None)  # the plugin's `edition`, as MkDocs' serve uses
        if not publish_contents(self.served, lambda out: build_into(project, report, edition, out)):
            print(f"error: the site was not rebuilt; {outcome}", file=sys.stderr)
            return False
        LOG.info(f"Documentation built with Zensical in {time.perf_counter() - started:.2f} "
                 "seconds")
        return True


def serve_zensical(config_file: Path, dev_addr: str) -> int:
    """Serve the project, built by Zensical, with live reload until interrupted."""
    try:
        import zensical  # noqa: F401
    except ImportError:
        print("error: the Zensical engine needs Zensical (fix: pip install zensical)",
              file=sys.stderr)
        return EXIT_ERRORS
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        print(f"error: -a {dev_addr!r} is not HOST:PORT (fix: e.g. -a 127.0.0.1:8000)",
              file=sys.stderr)
        return EXIT_USAGE
    served = Path(tempfile.mkdtemp(prefix="marginalia-serve-"))
    preview = ZensicalPreview(config_file, served)
    try:
        if not preview.start():
            return EXIT_ERRORS
        server = preview_server(preview, host=host, port=int(port), root=str(served))
        for path in preview.watched:
            if path.exists():
                server.watch(str(path))
        serve_until_interrupted(server)
    except OSError as exc:
        return cannot_serve(dev_addr, exc)
    finally:
        shutil.rmtree(served, ignore_errors=True)
    return EXIT_OK
