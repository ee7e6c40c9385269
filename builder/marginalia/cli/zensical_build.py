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
from marginalia.publish import publish_folder


def build_zensical(config_file: Path, edition: Edition = Edition.STUDENT,
                   site_dir: str | None = None, *, strict: bool = False) -> int:
    """Build `config_file`'s site with Zensical into `site_dir` (or the default place);
    with `strict`, any warning fails it (`zensical_engine.build_into`)."""
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
    if site_dir:
        target = Path(site_dir).resolve()
    else:
        site = project.site_dir
        target = site.with_name(f"{site.name}-{edition}") if edition.is_teacher else site
    def fill(out: Path) -> bool:
        return build_into(project, report, edition, out, strict=strict)

    if not publish_folder(target, fill):
        return EXIT_ERRORS
    print(f"built the {edition} edition with Zensical into {_shown(target)}", file=sys.stderr)
    return EXIT_OK


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
