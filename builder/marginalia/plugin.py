"""MkDocs adapter: forwards MkDocs events to the core, holds no logic of its own.

on_config    load + validate annotations (all errors at once, nothing written)
on_files     add generated pages and our assets as in-memory files
on_env       give the theme's templates our catalogs, in each page's language
on_page_*    let the core link each page and wrap its body
on_page_context (before search indexes it) fill backlinks
on_post_page    let go of a written body the core owns
on_post_build   hand the finished site to the exporters (teacher files)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from marginalia.diagnostics import format_report
from marginalia.model.edition import EDITIONS, Edition
from marginalia.render.i18n import DEFAULT_LANG
from marginalia.render.templates import install_i18n
from marginalia.site_files import ASSET_DIR, ASSETS, THEME_DIR
from marginalia.validate import Paths, Report, load_project

if TYPE_CHECKING:
    from marginalia.render.site import SiteBuild

log = get_plugin_logger(__name__)


class MarginaliaConfig(base.Config):
    annotations_dir = c.Type(str, default="annotations")
    """Folder of glossary, quiz and lesson YAML, relative to mkdocs.yml."""
    edition = c.Choice(EDITIONS, default=Edition.STUDENT.value)
    """`teacher` adds lesson notes, model answers, answer keys and export downloads."""
    overrides_dir = c.Type(str, default="overrides/marginalia")
    """Templates here replace the packaged ones of the same name."""
    stale_after_days = c.Type(int, default=365)
    """Warn when an undated entry's `as_of` is further than this from an article's date."""


def project_paths(config, annotations_dir: str | None = None) -> Paths:
    """Where a project's sources are, as MkDocs itself resolved its config.

    The one reading of mkdocs.yml, for the plugin and the CLI alike: MkDocs
    resolves `!ENV` tags, `INHERIT` and paths relative to the config file, so
    `docs_dir: !ENV [MY_DOCS, docs]` means here what it means to MkDocs.
    `annotations_dir` is the plugin's option (looked up in `config` if not given).
    """
    root = Path(config.config_file_path or ".").resolve().parent
    plugin = config.plugins.get("marginalia")
    ours = isinstance(plugin, MarginaliaPlugin)
    if annotations_dir is None:
        annotations_dir = plugin.config.annotations_dir if ours \
            else MarginaliaConfig.annotations_dir.default
    stale = plugin.config.stale_after_days if ours \
        else MarginaliaConfig.stale_after_days.default
    return Paths(root, Path(config.docs_dir), root / annotations_dir, stale)


def site_language(config) -> str:
    """The site's language as the theme knows it (mkdocs-material's `theme.language`)."""
    theme = config.theme
    return str(theme["language"]) if "language" in theme else DEFAULT_LANG


def _src_path(page) -> str | None:
    file = getattr(page, "file", None)
    return file.src_uri if file is not None else None


class MarginaliaPlugin(BasePlugin[MarginaliaConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.validated: tuple[Paths, Report] | None = None
        """Set by `marginalia build`, which has just validated the same sources."""

    def on_config(self, config):
        paths = project_paths(config, self.config.annotations_dir)
        root = paths.root
        validated, self.validated = self.validated, None  # once: a rebuild reads again
        report = validated[1] if validated and validated[0].same_as(paths) \
            else load_project(paths)
        for warning in report.diagnostics:
            if warning.severity != "error":
                log.warning(str(warning))
        if report.project is None:
            raise PluginError("Marginalia found problems in the sources:\n"
                              + format_report(report.errors))
        from marginalia.render.site import SiteBuild  # not at import: `check` never renders

        self.site = SiteBuild(report.project, edition=Edition.parse(self.config.edition),
                              directory_urls=config.use_directory_urls,
                              overrides=root / self.config.overrides_dir,
                              article_bodies=report.article_bodies,
                              site_url=config.site_url or "", lang=site_language(config))
        config.markdown_extensions.append(self.site.extension)
        theme_dir = str(THEME_DIR)
        if theme_dir not in config.theme.dirs:  # after a site's custom_dir, before the theme
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        for name in ASSETS:
            target = config.extra_css if name.endswith(".css") else config.extra_javascript
            if f"assets/marginalia/{name}" not in target:
                target.append(f"assets/marginalia/{name}")
        if paths.annotations_dir.is_dir():
            config.watch.append(str(paths.annotations_dir))
        return config

    def on_env(self, env, *, config, files):
        assert self.site is not None
        site = self.site
        install_i18n(env, lambda context: site.page_lang(_src_path(context.get("page"))))
        return env

    def on_files(self, files: Files, *, config) -> Files:
        assert self.site is not None
        for page in self.site.generated_pages():
            if files.get_file_from_path(page.src_path) is not None:
                log.warning(f"{page.src_path}: a hand-written page replaces the generated one")
                continue
            files.append(File.generated(
                config, page.src_path, content=page.content,
                inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV))
        for name in ASSETS:
            files.append(File.generated(config, f"assets/marginalia/{name}",
                                        abs_src_path=str(ASSET_DIR / name)))
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        assert self.site is not None
        self.site.escape_meta(page.meta)
        for key, value in self.site.meta_defaults(page.file.src_uri).items():
            page.meta.setdefault(key, value)
        self.site.begin_page(page.file.src_uri, page.url)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        assert self.site is not None
        result = self.site.finish_page(page.file.src_uri, page.url, html)
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= result.anchors
        if result.skip_target and not page.toc.items:
            page.toc = get_toc([{"level": 1, "id": result.skip_target,
                                 "name": page.title or "", "children": []}])
        return result.html

    @event_priority(50)  # before the search plugin indexes page.content
    def on_page_context(self, context, *, page, config, nav):
        assert self.site is not None
        page.content = self.site.fill(page.file.src_uri, page.content)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        assert self.site is not None
        if self.site.owns_body(page.file.src_uri):
            page.content = None  # written; see SiteBuild.owns_body
        return output

    def on_post_build(self, *, config) -> None:
        assert self.site is not None
        if not self.site.has_teacher_files:
            return
        from marginalia.exports.teacher_site import write_teacher_files

        for message in write_teacher_files(self.site, Path(config.site_dir)):
            log.warning(message)  # each names what a teacher loses: never just information
