"""`marginalia serve`: a live preview that survives mistakes.

MkDocs' own `serve` prints a Python traceback whenever a rebuild raises, and its
build empties the served folder before writing. So the loop is ours, on MkDocs'
LiveReloadServer: each rebuild reads mkdocs.yml afresh, validates the sources
once (the report goes to the plugin, which would otherwise load them again) and
prints problems as `file:line:col: error: …`; a good rebuild is written to a
staging folder and swapped in whole, so readers always see a complete site and
a bad save keeps the last good one.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from marginalia.cli.project import build_site, hand_over, load_site_config, validated
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

    def start(self):
        """The first build; its config (for the server's address and watches), or
        None if the sources or mkdocs.yml have errors (printed; nothing served)."""
        config = self._config()
        if config is None:
            return None
        checked = validated(config)
        if checked is None:
            return None
        self.paths = checked[0]
        config.plugins.on_startup(command="serve", dirty=False)
        host, port = config.dev_addr
        self.serve_url = f"http://{host}:{port}/"
        self._publish(config, checked)
        return config

    def rebuild(self) -> None:
        """Read and validate once; build and swap in only what is good."""
        config = self._config()
        if config is None:
            print(f"error: mkdocs.yml could not be read; {STILL_SERVING}", file=sys.stderr)
            return
        checked = validated(config, outcome=STILL_SERVING)
        if checked is not None:
            self._publish(config, checked)

    def _config(self):
        return load_site_config(self.config_file, dev_addr=self.dev_addr,
                                site_dir=str(self.served))

    def _publish(self, config, checked) -> None:
        hand_over(config, checked)
        config.site_url = self.serve_url

        def fill(staging: Path) -> bool:
            return build_site(config, staging, serve_url=self.serve_url)

        if not publish_contents(self.served, fill):
            print("error: the site was not rebuilt; still serving the last good site",
                  file=sys.stderr)


def serve(config_file: Path, dev_addr: str) -> int:
    """Serve the project with live reload until interrupted."""
    from mkdocs.livereload import LiveReloadServer

    served = Path(tempfile.mkdtemp(prefix="marginalia-serve-"))
    preview = Preview(config_file, dev_addr, served)
    config = None
    try:
        config = preview.start()
        if config is None or preview.paths is None:
            return EXIT_ERRORS
        host, port = config.dev_addr
        server = LiveReloadServer(builder=preview.rebuild, host=host, port=port,
                                  root=str(served))
        server.watch(str(preview.paths.docs_dir))
        server.watch(str(config_file.resolve()))
        server.watch(str(preview.paths.annotations_dir))
        for item in config.watch:
            server.watch(item)
        server = config.plugins.on_serve(server, config=config, builder=preview.rebuild)
        try:
            server.serve()
        except KeyboardInterrupt:
            logging.getLogger("marginalia").info("Shutting down...")
        finally:
            server.shutdown()
    except OSError as exc:
        print(f"error: cannot serve on {dev_addr}: {exc.strerror} (fix: pass -a HOST:PORT with "
              "a free port)", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        if config is not None:
            config.plugins.on_shutdown()
        shutil.rmtree(served, ignore_errors=True)
    return EXIT_OK
