"""`marginalia serve`: a live preview that survives mistakes.

MkDocs' own `serve` prints a Python traceback whenever a rebuild raises, and its
build empties the served folder before writing. So the loop is ours, on MkDocs'
LiveReloadServer: each rebuild reads mkdocs.yml afresh, validates the sources
once (the report goes to the plugin, which would otherwise load them again) and
prints problems as `file:line:col: error: …`; a good rebuild is written to a
staging folder and swapped in whole, so readers always see a complete site and
a bad save keeps the last good one. While it does, every page the server sends
carries a banner with the same messages (`cli.overlay`), so the browser says so too.
"""

from __future__ import annotations

import io
import logging
import shutil
import sys
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

from marginalia.cli.incremental import RECORDER, Recorder, Session, sources
from marginalia.cli.incremental import rebuild as incremental_rebuild
from marginalia.cli.overlay import with_banner
from marginalia.cli.project import build_site, hand_over, load_site_config, paths_of, validated
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK
from marginalia.publish import publish_contents
from marginalia.validate import Paths

STILL_SERVING = "still serving the last good site."


class Preview:
    """What `serve` shows: the folder the server serves, and how to rebuild it.

    `start` makes the first site (or refuses to serve broken sources);
    `rebuild` is the server's builder, called after each batch of file changes.
    Each reads and validates the project exactly once.
    """

    def __init__(self, config_file: Path, dev_addr: str, served: Path) -> None:
        self.config_file = config_file
        self.dev_addr = dev_addr
        self.served = served
        self.serve_url = ""
        self.paths: Paths | None = None
        """Where the sources are, as the first build found them (the server watches them)."""
        self.session: Session | None = None
        """The last good full build, which an edit may continue (`cli.incremental`)."""
        self.problems: list[str] = []
        """What the terminal said about the last rebuild if it failed, else nothing: the
        banner every served page carries until a save is good again."""

    def start(self):
        """The first build; its config (for the server's address and watches), or
        None if the sources or mkdocs.yml have errors (printed; nothing served)."""
        config = self._config()
        if config is None:
            return None
        seen = sources(paths_of(config), self.config_file)
        checked = validated(config)
        if checked is None:
            return None
        self.paths = checked[0]
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        self.serve_url = f"http://{host}:{port}/"
        self._publish(config, checked, seen)
        return config

    def rebuild(self) -> None:
        """Read and validate once; build and swap in only what is good.

        What it prints goes to the terminal as ever and, if the rebuild failed, also
        becomes `problems`, line for line.
        """
        said = _Tee(sys.stderr)
        with redirect_stderr(said):
            good = self._rebuild()
        self.problems = [] if good else [line for line in said.lines() if line.strip()]

    def _rebuild(self) -> bool:
        session = self.session
        if session is not None and self.config_file.read_bytes() == \
                session.sources["mkdocs.yml"][0]:
            seen = sources(session.paths, self.config_file)
            checked = validated(session.config, outcome=STILL_SERVING)
            if checked is None:
                return False
            why = incremental_rebuild(session, checked[1], seen)
            if why is None:
                return True
            logging.getLogger("marginalia").info(f"Full rebuild: {why}")
            return self._full(checked, seen)
        return self._full()

    def _full(self, checked=None, seen=None) -> bool:
        self.session = None
        config = self._config()
        if config is None:
            print(f"error: mkdocs.yml could not be read; {STILL_SERVING}", file=sys.stderr)
            return False
        if checked is None:
            seen = sources(paths_of(config), self.config_file)
            checked = validated(config, outcome=STILL_SERVING)
            if checked is None:
                return False
        return self._publish(config, checked, seen)

    def page(self, content: bytes) -> bytes:
        """A served HTML page as the browser gets it: with the banner while broken."""
        return with_banner(content, self.problems) if self.problems else content

    def _config(self):
        return load_site_config(self.config_file, dev_addr=self.dev_addr,
                                site_dir=str(self.served))

    def _publish(self, config, checked, seen) -> bool:
        hand_over(config, checked)
        config.site_url = self.serve_url
        config.plugins[RECORDER] = Recorder()

        def fill(staging: Path) -> bool:
            return build_site(config, staging, serve_url=self.serve_url)

        if not publish_contents(self.served, fill):
            print("error: the site was not rebuilt; still serving the last good site",
                  file=sys.stderr)
            return False
        self.session = Session.after_build(config, self.config_file, checked[0], checked[1],
                                           seen, self.served)
        return True


class _Tee(io.TextIOBase):
    """A stderr that still writes to the terminal and keeps a copy of what was said."""

    def __init__(self, terminal) -> None:
        self.terminal = terminal
        self.copy = io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.terminal.write(text)

    def flush(self) -> None:
        self.terminal.flush()

    def lines(self) -> list[str]:
        return self.copy.getvalue().splitlines()


def preview_server(preview: Preview, **options):
    """MkDocs' live-reload server, adding the preview's banner to every HTML page."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def _inject_js_into_html(self, content, epoch):
            return super()._inject_js_into_html(preview.page(content), epoch)

    return PreviewServer(builder=preview.rebuild, **options)


def serve_until_interrupted(server) -> None:
    """Serve until Ctrl-C, then stop the server quietly (no traceback)."""
    try:
        server.serve()
    except KeyboardInterrupt:
        logging.getLogger("marginalia").info("Shutting down...")
    finally:
        server.shutdown()


def cannot_serve(dev_addr: str, exc: OSError) -> int:
    """Say why the address cannot be served (most often: the port is taken)."""
    print(f"error: cannot serve on {dev_addr}: {exc.strerror} (fix: pass -a HOST:PORT with "
          "a free port)", file=sys.stderr)
    return EXIT_ERRORS


def serve(config_file: Path, dev_addr: str) -> int:
    """Serve the project with live reload until interrupted."""
    served = Path(tempfile.mkdtemp(prefix="marginalia-serve-"))
    preview = Preview(config_file, dev_addr, served)
    config = None
    try:
        config = preview.start()
        if config is None or preview.paths is None:
            return EXIT_ERRORS
        host, port = config.dev_addr
        server = preview_server(preview, host=host, port=port, root=str(served))
        server.watch(str(preview.paths.docs_dir))
        server.watch(str(config_file.resolve()))
        server.watch(str(preview.paths.annotations_dir))
        for item in config.watch:
            server.watch(item)
        server = config.plugins.on_serve(server, config=config, builder=preview.rebuild)
        serve_until_interrupted(server)
    except OSError as exc:
        return cannot_serve(dev_addr, exc)
    finally:
        if config is not None:
            config.plugins.on_shutdown()
        shutil.rmtree(served, ignore_errors=True)
    return EXIT_OK
