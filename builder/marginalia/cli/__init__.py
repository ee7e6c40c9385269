"""`marginalia` command line: a thin adapter over the core and MkDocs.

    marginalia check                      validate everything, print every error
    marginalia build [--edition E] [-d DIR]   build atomically (temp dir, then swap)
    marginalia build --zip [-d FILE.zip]  a copy that works from a folder (file://), zipped
    marginalia serve [-a HOST:PORT]       live reload, also watching annotations/
    marginalia export LESSON [--format qti|cc|moodle|gift|all] [-o DIR]   LMS files

Errors are printed as `file:line:col: error: … (fix …)` with exit status 1 and
never a traceback; a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from marginalia.diagnostics import format_report
from marginalia.model.formats import ALL_FORMATS
from marginalia.publish import as_regular_file, as_regular_folder
from marginalia.validate import Paths, Report, load_project

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marginalia", description=__doc__.split("\n")[0])
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate articles and annotations; print every error")
    b = sub.add_parser("build", help="build the site (student edition unless told otherwise)")
    b.add_argument("--edition", choices=("student", "teacher"), default="student")
    b.add_argument("-d", "--site-dir", help="output folder (default: site/, or site-teacher/)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--zip", action="store_true",
                   help="build a copy that works opened from a folder (file://, pages end in "
                        ".html, offline search) and pack it as site.zip (or -d FILE.zip)")
    s = sub.add_parser("serve", help="serve with live reload (also watches annotations/)")
    s.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    e = sub.add_parser("export", help="write a lesson's quiz for an LMS (Canvas, Moodle, …) "
                                      "and its handouts (PDF, .docx)")
    e.add_argument("lesson", help="lesson slug (annotations/lessons/<slug>.yml)")
    e.add_argument("--format", action="append", dest="formats",
                   choices=(*ALL_FORMATS, "all"),
                   help="qti (Canvas .zip), cc (.imscc), moodle (XML), gift, pdf (worksheet "
                        "and answer key, A4 and Letter), docx (editable worksheet), or all; "
                        "repeatable (default: all)")
    e.add_argument("-o", "--out-dir", default="exports", help="output folder (default: exports/)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _setup_logging()
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"{config_file}: error: no such file (fix: run marginalia in the folder that "
              "holds mkdocs.yml, or pass -f PATH)", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "check":
            return check(config_file)
        if args.command == "build":
            if args.zip:
                return build_zip(config_file, args.edition, args.site_dir, strict=args.strict)
            return build(config_file, args.edition, args.site_dir, strict=args.strict)
        if args.command == "serve":
            return serve(config_file, args.dev_addr)
        if args.command == "export":
            return export(config_file, args.lesson, args.formats or ["all"], args.out_dir)
    except KeyboardInterrupt:
        return EXIT_ERRORS
    return EXIT_USAGE


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in ("mkdocs", "marginalia"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _paths(config_file: Path) -> Paths:
    """Where the sources are, read from mkdocs.yml without running any plugin."""
    import yaml

    class _Loader(yaml.SafeLoader):
        """mkdocs.yml may hold `!ENV` or `!!python/name` tags: read them as nothing."""

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    root = config_file.resolve().parent
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except yaml.YAMLError:
        raw = {}
    docs_dir = root / str(raw.get("docs_dir", "docs"))
    annotations = "annotations"
    for plugin in raw.get("plugins", []) or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("marginalia"), dict):
            annotations = str(plugin["marginalia"].get("annotations_dir", annotations))
    return Paths(root, docs_dir, root / annotations)


def check(config_file: Path) -> int:
    report = load_project(_paths(config_file))
    for d in report.diagnostics:
        print(d, file=sys.stderr)
    if report.errors:
        print(format_report(report.errors).splitlines()[-1].replace("; nothing was written",
                                                                    ""), file=sys.stderr)
        return EXIT_ERRORS
    project = report.project
    assert project is not None
    print(f"ok: {len(project.articles)} articles, {len(project.glossary)} glossary entries, "
          f"{len(project.quizzes)} quizzes, {len(project.lessons)} lessons")
    return EXIT_OK


def _validated(config_file: Path) -> Report | None:
    """Load and validate the project; print every error and return None if any."""
    report = load_project(_paths(config_file))
    if report.errors:
        print(format_report(report.diagnostics), file=sys.stderr)
        return None
    return report


def _load_config(config_file: Path, edition: str, report: Report | None = None,
                 **overrides):
    """MkDocs' config for an edition; `report`, already validated, goes to the plugin
    so that it does not load every annotation a second time (and hold both)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file), **overrides)
    plugin = config.plugins.get("marginalia")
    if plugin is not None:
        plugin.config.edition = edition
        if report is not None:
            plugin.validated = (_paths(config_file), report)
    return config


def build(config_file: Path, edition: str = "student", site_dir: str | None = None, *,
          strict: bool = False) -> int:
    """Validate, build into a temporary folder, and only then replace the site."""
    report = _validated(config_file)
    if report is None:
        return EXIT_ERRORS
    root = config_file.resolve().parent
    target = Path(site_dir).resolve() if site_dir else root / (
        "site" if edition == "student" else f"site-{edition}")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        ok = _mkdocs_build(config_file, edition, staging, strict=strict, report=report)
        if not ok:
            return EXIT_ERRORS
        as_regular_folder(staging)
        _swap(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(f"built the {edition} edition into {_shown(target)}", file=sys.stderr)
    return EXIT_OK


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _mkdocs_build(config_file: Path, edition: str, site_dir: Path, *, strict: bool,
                  offline: bool = False, report: Report | None = None) -> bool:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        overrides = {"use_directory_urls": False} if offline else {}
        config = _load_config(config_file, edition, report, site_dir=str(site_dir),
                              strict=strict, **overrides)
        if offline:
            _add_offline_plugin(config)
        mkdocs_build(config)
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    return True


OFFLINE_SHIM = "assets/marginalia/iframe-worker.js"


def _add_offline_plugin(config) -> None:
    """Turn on mkdocs-material's offline plugin, with our own worker shim.

    The plugin inlines the search index for file:// and would add a worker shim
    from a CDN unless a polyfill naming "iframe-worker" is already listed: ours is,
    so the zip makes no request to anyone.
    """
    from material.plugins.offline.plugin import OfflinePlugin

    config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
    # Instant navigation cannot work from file:// and, switched on there, leaves
    # mkdocs-material's document$ completed before the page loads, so no script
    # that waits on it (quiz grading, card highlighting) would ever start.
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    if any(name.split("/")[-1] == "offline" for name in config.plugins):
        return
    plugin = OfflinePlugin()
    plugin.load_config({}, config.config_file_path)
    config.plugins["material/offline"] = plugin


def build_zip(config_file: Path, edition: str = "student", zip_path: str | None = None, *,
              strict: bool = False) -> int:
    """Validate, build the folder edition in a temp dir, then write the zip atomically."""
    report = _validated(config_file)
    if report is None:
        return EXIT_ERRORS
    root = config_file.resolve().parent
    default = "site" if edition == "student" else f"site-{edition}"
    target = Path(zip_path).resolve() if zip_path else root / default
    if target.suffix != ".zip":
        target = target.with_name(target.name + ".zip")
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".marginalia-zip.") as tmp:
        site = Path(tmp) / "site"
        if not _mkdocs_build(config_file, edition, site, strict=strict, offline=True,
                             report=report):
            return EXIT_ERRORS
        shim = site / OFFLINE_SHIM
        shim.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(Path(__file__).parent.parent / "assets" / "iframe-worker.js", shim)
        partial = target.with_name(f".{target.name}.{os.getpid()}.part")
        try:
            _write_zip(site, partial)
            as_regular_file(partial)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    print(f"built the {edition} edition for opening from a folder into {_shown(target)} "
          "(unzip it and open index.html)", file=sys.stderr)
    return EXIT_OK


def _write_zip(folder: Path, dest: Path) -> None:
    """Every file of `folder`, in a stable order, paths relative to it."""
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())


def _swap(staging: Path, target: Path) -> None:
    """Replace `target` with `staging` so that readers never see a half-written site."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    staging.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def export(config_file: Path, lesson: str, formats: list[str], out_dir: str) -> int:
    """Validate, then write the lesson's exports; warnings name question and format."""
    from marginalia.exports import ExportError, export_lesson

    report = _validated(config_file)
    if report is None:
        return EXIT_ERRORS
    assert report.project is not None
    project = report.project
    article = project.lessons[lesson].article if lesson in project.lessons else ""
    try:
        results = export_lesson(project, lesson, formats, Path(out_dir),
                                article_body=report.article_bodies.get(article))
    except (ExportError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    for path, warnings in results:
        for warning in warnings:
            print(warning, file=sys.stderr)
        print(f"wrote {_shown(path)}")
    return EXIT_OK


def serve(config_file: Path, dev_addr: str) -> int:
    """Live preview that survives mistakes: a broken save keeps the last good site.

    MkDocs' own `serve` prints a Python traceback whenever a rebuild raises, and
    its build empties the served folder before writing. So the loop is ours, on
    MkDocs' LiveReloadServer: each rebuild validates first and prints problems as
    `file:line:col: error: …`; a good rebuild is written to a staging folder and
    swapped in whole, so readers always see a complete site.
    """
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    paths = _paths(config_file)
    report = load_project(paths)
    if report.errors:
        print(format_report(report.diagnostics), file=sys.stderr)
        return EXIT_ERRORS
    served = Path(tempfile.mkdtemp(prefix="marginalia-serve-"))
    log = logging.getLogger("marginalia")
    config = load_config(str(config_file), dev_addr=dev_addr, site_dir=str(served))
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    serve_url = f"http://{host}:{port}/"

    def rebuild(first=None) -> None:
        problems = load_project(paths)
        if problems.errors:
            print(format_report(problems.diagnostics).replace(
                "nothing was written.", "still serving the last good site."), file=sys.stderr)
            return
        staging = Path(tempfile.mkdtemp(prefix="marginalia-serve-next-"))
        try:
            cfg = first or load_config(str(config_file), dev_addr=dev_addr,
                                       site_dir=str(staging))
            cfg.site_dir = str(staging)
            cfg.site_url = serve_url
            if _mkdocs_build_config(cfg, serve_url):
                _swap_contents(staging, served)
            else:
                print("error: the site was not rebuilt; still serving the last good site",
                      file=sys.stderr)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(served))
    try:
        rebuild(config)
        server.watch(str(paths.docs_dir))
        server.watch(str(config_file.resolve()))
        server.watch(str(paths.annotations_dir))
        for item in config.watch:
            server.watch(item)
        server = config.plugins.on_serve(server, config=config, builder=rebuild)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    except OSError as exc:
        print(f"error: cannot serve on {dev_addr}: {exc.strerror} (fix: pass -a HOST:PORT with "
              "a free port)", file=sys.stderr)
        return EXIT_ERRORS
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(served, ignore_errors=True)
    return EXIT_OK


def _mkdocs_build_config(config, serve_url: str) -> bool:
    """Build an already loaded config; MkDocs' own errors become one line, not a traceback."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    try:
        mkdocs_build(config, serve_url=serve_url)
    except MkDocsException as exc:
        print(f"error: {exc}", file=sys.stderr)
        return False
    return True


def _swap_contents(staging: Path, served: Path) -> None:
    """Make `served` hold what `staging` holds, replacing each top-level entry whole."""
    for old in list(served.iterdir()):
        if not (staging / old.name).exists():
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    for new in staging.iterdir():
        target = served / new.name
        if target.is_dir() and new.is_dir():
            _swap(new, target)
        else:
            if target.is_dir():
                shutil.rmtree(target)
            new.replace(target)

