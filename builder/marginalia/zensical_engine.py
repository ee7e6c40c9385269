"""Zensical adapter: the same site built by Zensical, which runs no MkDocs plugins.

What the MkDocs plugin does through events, this does around one Zensical build:

1. read mkdocs.yml as Zensical reads it, validate the sources (all errors at once,
   nothing written);
2. stage the project in a temporary folder: a copy of `docs/` with the pages we
   generate (entity pages, glossary, quizzes, lessons, handouts) written into it
   as stubs, our assets beside them, and a config naming them in
   `extra_css`/`extra_javascript`, our theme layer as `custom_dir` and our
   Markdown extension (`marginalia.zensical_markdown`) that links mentions and
   draws each page's body. The user's `docs/` is never written to;
3. let Zensical build the staged project;
4. fill what needed every page (backlinks on entity pages) into the written HTML,
   write the teacher edition's exports and handouts, and publish the site whole.

No MkDocs module is imported here: every rule stays in the core (`SiteBuild`).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from marginalia.diagnostics import format_report
from marginalia.model.edition import Edition
from marginalia.render.i18n import translate_template
from marginalia.render.site import SiteBuild
from marginalia.render.urls import page_url
from marginalia.site_files import ASSET_DIR, ASSETS, THEME_DIR
from marginalia.validate import Paths, Report, load_project

PLUGIN = "marginalia"
EXTENSION = "marginalia.zensical_markdown"
ASSET_URL = "assets/marginalia"
DEFAULTS = {"annotations_dir": "annotations", "edition": Edition.STUDENT.value,
            "overrides_dir": "overrides/marginalia", "stale_after_days": 365}
"""The plugin's options and defaults, read from the same `plugins:` entry."""
_GLOB = re.compile(r"[*?\[\]\\!#]")
"""Characters with a meaning in a gitignore-style pattern (`not_in_nav`), escaped."""
STUB_BODY = "\n<!-- drawn by Marginalia when Zensical converts this page -->\n"


class EngineError(Exception):
    """The project cannot be built by Zensical; the message says why and what to do."""


@dataclass
class Project:
    """A mkdocs.yml as Zensical reads it, and where its parts are."""

    config_file: Path
    config: dict[str, Any]
    options: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.config.get("docs_dir") or "docs")

    @property
    def site_dir(self) -> Path:
        return self.root / str(self.config.get("site_dir") or "site")

    @property
    def directory_urls(self) -> bool:
        return bool(self.config.get("use_directory_urls", True))

    def paths(self) -> Paths:
        return Paths(self.root, self.docs_dir, self.root / self.options["annotations_dir"],
                     int(self.options["stale_after_days"]))


def read_project(config_file: Path) -> Project:
    """Read mkdocs.yml with Zensical's own reader (`!ENV`, `INHERIT`, Material's names)."""
    from zensical.config import ConfigurationError, _yaml_load

    try:
        with open(config_file, encoding="utf-8") as f:
            config = _yaml_load(f)
    except (ConfigurationError, OSError) as exc:
        raise EngineError(f"{config_file}: error: {exc}") from exc
    options = dict(DEFAULTS)
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and PLUGIN in entry:
            options.update(entry[PLUGIN] or {})
    return Project(Path(config_file), config, options)


def staged_config(project: Project, staging: Path, site_dir: str,
                  hidden: Sequence[str] = ()) -> dict[str, Any]:
    """The user's config, pointed at the staged docs and given our parts.

    `hidden` are the generated pages that stay out of the navigation (entity pages,
    quizzes), as the MkDocs plugin marks them NOT_IN_NAV: added to `not_in_nav`, one
    anchored line each, or Zensical would list every entity page in every page's
    navigation (4× the HTML and most of the build at 100 × 500).
    """
    config = dict(project.config)
    config.pop("INHERIT", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = site_dir
    if hidden:
        lines = [str(config.get("not_in_nav") or "").rstrip("\n"),
                 *("/" + _GLOB.sub(r"\\\g<0>", path) for path in hidden)]
        config["not_in_nav"] = "\n".join(line for line in lines if line) + "\n"
    plugins = []
    for entry in config.get("plugins") or []:
        name = entry if isinstance(entry, str) else next(iter(entry), "")
        if name != PLUGIN:  # Zensical would drop it silently; we are here instead
            plugins.append(entry)
    config["plugins"] = plugins
    css = [f"{ASSET_URL}/{n}" for n in ASSETS if n.endswith(".css")]
    js = [f"{ASSET_URL}/{n}" for n in ASSETS if n.endswith(".js")]
    config["extra_css"] = [*(config.get("extra_css") or []), *css]
    config["extra_javascript"] = [*(config.get("extra_javascript") or []), *js]
    config["markdown_extensions"] = [*_as_list(config.get("markdown_extensions")), EXTENSION]
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = "overrides"
    config["theme"] = theme
    return config


def _as_list(extensions: Any) -> list[Any]:
    if extensions is None:
        return []
    if isinstance(extensions, dict):
        return [{name: conf} if conf else name for name, conf in extensions.items()]
    return list(extensions)


def stage(project: Project, site: SiteBuild, staging: Path) -> list[str]:
    """Write the staged project into `staging`; return the warnings."""
    warnings: list[str] = []
    docs = staging / "docs"
    shutil.copytree(project.docs_dir, docs)
    for page in site.generated_pages():
        target = docs / page.src_path
        if target.exists():
            warnings.append(f"{page.src_path}: a hand-written page replaces the generated one")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        front = {"title": page.title, **site.meta_defaults(page.src_path)}
        # A body, however small: Markdown returns "" for an empty page unprocessed.
        target.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n"
                          + STUB_BODY, encoding="utf-8")
    assets = docs / ASSET_URL
    assets.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(ASSET_DIR / name, assets / name)
    overrides = staging / "overrides"
    shutil.copytree(THEME_DIR, overrides)
    # Zensical's templates have no gettext: our layer's words go in already translated.
    for template in overrides.rglob("*.html"):
        template.write_text(translate_template(template.read_text(encoding="utf-8"),
                                               site.renderer.lang), encoding="utf-8")
    custom = (project.config.get("theme") or {}).get("custom_dir")
    if custom:  # the site's own overrides win over our layer, as under MkDocs
        shutil.copytree(project.root / custom, overrides, dirs_exist_ok=True)
    return warnings


def fill_site(site: SiteBuild, out: Path, directory_urls: bool) -> None:
    """Put into the written entity pages what needed every article (backlinks)."""
    for page in site.generated_pages():
        if page.entity is None:
            continue
        url = page_url(page.src_path, directory_urls)
        path = out / (url + "index.html" if url.endswith("/") or not url else url)
        if path.is_file():
            html = path.read_text(encoding="utf-8")
            path.write_text(site.fill(page.src_path, html), encoding="utf-8")


def validated(project: Project) -> Report | None:
    """Load and check the sources; print every problem; None if any is an error."""
    report = load_project(project.paths())
    for d in report.diagnostics:
        if d.severity != "error":
            print(d, file=sys.stderr)
    if report.errors or report.project is None:
        print(format_report(report.errors), file=sys.stderr)
        return None
    return report


def build_into(project: Project, report: Report, edition: Edition, out: Path, *,
               strict: bool = False) -> bool:
    """Build the validated project with Zensical into the new folder `out`.

    With `strict`, as with MkDocs' `--strict`, any warning fails the build: ours (a
    validation warning, a hand-written page shadowing a generated one, what an LMS
    export loses) and Zensical's own (its strict mode). The caller publishes `out`
    only on success, so a strict failure leaves the previous site in place.
    """
    import zensical

    from marginalia import zensical_markdown

    assert report.project is not None
    site = SiteBuild(report.project, edition=edition, directory_urls=project.directory_urls,
                     overrides=project.root / project.options["overrides_dir"],
                     article_bodies=report.article_bodies,
                     site_url=str(project.config.get("site_url") or ""),
                     lang=str((project.config.get("theme") or {}).get("language") or "en"))
    warned = sum(1 for d in report.diagnostics if d.severity != "error")
    with tempfile.TemporaryDirectory(prefix=".marginalia-zensical-", dir=out.parent) as tmp:
        staging = Path(tmp)
        for message in stage(project, site, staging):
            print(f"warning: {message}", file=sys.stderr)
            warned += 1
        hidden = [p.src_path for p in site.generated_pages() if not p.in_nav]
        config = staged_config(project, staging, "site", hidden)
        try:
            text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
        except yaml.YAMLError as exc:
            print(f"{project.config_file}: error: the Zensical engine cannot restate this "
                  f"config ({exc}); fix: replace Python tags (!!python/...) in it",
                  file=sys.stderr)
            return False
        (staging / "mkdocs.yml").write_text(text, encoding="utf-8")
        zensical_markdown.activate(site)
        try:
            zensical.build(str(staging / "mkdocs.yml"), {"clean": True, "strict": strict})
        except Exception as exc:  # Zensical's errors (config, templates) become one line
            print(f"error: Zensical: {exc}", file=sys.stderr)
            return False
        finally:
            zensical_markdown.activate(None)
        built = staging / "site"
        if not built.is_dir():
            print("error: Zensical wrote no site", file=sys.stderr)
            return False
        fill_site(site, built, project.directory_urls)
        if out.exists():
            out.rmdir()
        os.replace(built, out)
    if site.has_teacher_files:
        from marginalia.exports.teacher_site import write_teacher_files

        for message in write_teacher_files(site, out):
            print(message, file=sys.stderr)
            warned += 1
    if strict and warned:
        print(f"error: aborted with {warned} warning(s) in strict mode; the site was not "
              "published (fix: the warnings above, or build without --strict)", file=sys.stderr)
        return False
    return True


def edition_of(project: Project, edition: Edition | None) -> Edition:
    return edition if edition is not None else Edition.parse(project.options["edition"])
