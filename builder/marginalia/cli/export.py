"""`marginalia export LESSON`: a lesson's quiz as LMS files (Canvas, Moodle, …)."""

from __future__ import annotations

import sys
from pathlib import Path

from marginalia.cli.project import load_site_config, shown, validated
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK


def export(config_file: Path, lesson: str, formats: list[str], out_dir: str) -> int:
    """Validate, then write the lesson's exports; warnings name question and format.

    The files' words follow the site's `theme.language` as the built teacher site's
    do (the same `site_language` the plugin gives the build)."""
    from marginalia.exports import ExportError, export_lesson
    from marginalia.plugin import site_language

    config = load_site_config(config_file)
    if config is None:
        return EXIT_ERRORS
    checked = validated(config)
    if checked is None:
        return EXIT_ERRORS
    project = checked[1].project
    assert project is not None
    article = project.lessons[lesson].article if lesson in project.lessons else ""
    try:
        results = export_lesson(project, lesson, formats, Path(out_dir),
                                article_body=checked[1].article_bodies.get(article),
                                site_lang=site_language(config))
    except (ExportError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERRORS
    for path, warnings in results:
        for warning in warnings:
            print(warning, file=sys.stderr)
        print(f"wrote {shown(path)}")
    return EXIT_OK
