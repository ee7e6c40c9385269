"""`marginalia check`: validate everything, print every problem, write nothing."""

from __future__ import annotations

import sys
from pathlib import Path

from marginalia.cli.project import load_site_config, report_of
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK
from marginalia.diagnostics import format_report


def check(config_file: Path) -> int:
    """Every problem (warnings too) one per line, then a count; exit 1 on any error."""
    config = load_site_config(config_file)
    if config is None:
        return EXIT_ERRORS
    _paths, report = report_of(config)
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
