"""`marginalia` command line: a thin adapter over the core and MkDocs.

    marginalia check                      validate everything, print every error
    marginalia build [--edition E] [-d DIR]   build atomically (temp dir, then swap)
    marginalia build --engine zensical    the same site through Zensical (no MkDocs plugins)
    marginalia build --zip [-d FILE.zip]  a copy that works from a folder (file://), zipped
    marginalia serve [-a HOST:PORT]       live reload, also watching annotations/
    marginalia serve --engine zensical    the same preview built by Zensical
    marginalia export LESSON [--format qti|cc|moodle|gift|all] [-o DIR]   LMS files
    marginalia new article|quiz|lesson SLUG   a file to fill in, every key explained
    marginalia report [--json]            names with no entry, stale cards, unused entries,
                                          reading levels

Errors are printed as `file:line:col: error: … (fix …)` with exit status 1 and
never a traceback; a failed build leaves the previous site exactly as it was.
This module only reads the arguments: each command lives in its own module
(check, build, serve, export), mkdocs.yml is read by MkDocs (`cli.project`) and
everything written goes through `marginalia.publish`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from marginalia.cli.build import build, build_zip
from marginalia.cli.check import check
from marginalia.cli.export import export
from marginalia.cli.new import KINDS, new
from marginalia.cli.report import report
from marginalia.cli.serve import serve
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK, EXIT_USAGE
from marginalia.model.edition import EDITIONS, Edition
from marginalia.model.formats import ALL_FORMATS

ENGINES = ("mkdocs", "zensical")

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "build", "build_zip", "check", "export",
           "main", "serve"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="marginalia", description=__doc__.split("\n")[0])
    p.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate articles and annotations; print every error")
    b = sub.add_parser("build", help="build the site (student edition unless told otherwise)")
    b.add_argument("--edition", choices=EDITIONS, default=Edition.STUDENT.value)
    b.add_argument("-d", "--site-dir", help="output folder (default: site/, or site-teacher/)")
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument("--engine", choices=ENGINES, default="mkdocs",
                   help="mkdocs (default; also ProperDocs) or zensical")
    b.add_argument("--zip", action="store_true",
                   help="build a copy that works opened from a folder (file://, pages end in "
                        ".html, offline search) and pack it as site.zip (or -d FILE.zip)")
    s = sub.add_parser("serve", help="serve with live reload (also watches annotations/)")
    s.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    s.add_argument("--engine", choices=ENGINES, default="mkdocs",
                   help="mkdocs (default: a save redraws only the pages it changes) or "
                        "zensical (every save rebuilds the whole site)")
    e = sub.add_parser("export", help="write a lesson's quiz for an LMS (Canvas, Moodle, …) "
                                      "and its handouts (PDF, .docx)")
    e.add_argument("lesson", help="lesson slug (annotations/lessons/<slug>.yml)")
    e.add_argument("--format", action="append", dest="formats",
                   choices=(*ALL_FORMATS, "all"),
                   help="qti (Canvas .zip), cc (.imscc), moodle (XML), gift, pdf (worksheet "
                        "and answer key, A4 and Letter), docx (editable worksheet), or all; "
                        "repeatable (default: all)")
    e.add_argument("-o", "--out-dir", default="exports", help="output folder (default: exports/)")
    n = sub.add_parser("new", help="write a scaffold to fill in: every key, commented; "
                                   "never overwrites")
    n.add_argument("kind", choices=KINDS)
    n.add_argument("slug", help="the file's slug (an article's quiz takes the article's slug)")
    r = sub.add_parser("report", help="for editors: names with no entry, stale cards, entries "
                                      "no article mentions, reading level of every article")
    r.add_argument("--json", action="store_true", help="print the report as JSON")
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
            edition = Edition.parse(args.edition)
            if args.engine == "zensical":
                from marginalia.cli.zensical_build import build_zensical

                return build_zensical(config_file, edition, args.site_dir, strict=args.strict,
                                      zip_site=args.zip)
            if args.zip:
                return build_zip(config_file, edition, args.site_dir, strict=args.strict)
            return build(config_file, edition, args.site_dir, strict=args.strict)
        if args.command == "serve":
            if args.engine == "zensical":
                from marginalia.cli.zensical_serve import serve_zensical

                return serve_zensical(config_file, args.dev_addr)
            return serve(config_file, args.dev_addr)
        if args.command == "report":
            return report(config_file, as_json=args.json)
        if args.command == "new":
            return new(config_file, args.kind, args.slug)
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
