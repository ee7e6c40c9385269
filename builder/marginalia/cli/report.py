"""`marginalia report [--json]`: what an editor should annotate or update next.

Four lists, each from the rule that already owns it:

- names in articles that look like people, places or organizations and have no
  entry (`link.candidates`: capitalised names by simple rules), with every use;
- stale cards: the stale-card rule of `validate.versions` (`stale_cards`), the same
  warning `check` prints;
- entries no article mentions (by name, alias or explicit mention);
- the reading level of every article (`render.readability`, the lesson page's figures).

Printed for reading in a terminal, or as JSON (`--json`) for scripts. Exit 1 only
when the project does not pass `check` (its errors are printed instead).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from marginalia.cli.project import load_site_config, paths_of
from marginalia.cli.status import EXIT_ERRORS, EXIT_OK
from marginalia.diagnostics import format_report
from marginalia.link.candidates import unknown_names
from marginalia.link.linker import Linker
from marginalia.load import origin_at
from marginalia.model import Project
from marginalia.render.readability import measure_markdown
from marginalia.validate import load_project, mentions_of, name_claims
from marginalia.validate.versions import stale_cards


@dataclass
class Use:
    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class Coverage:
    """Everything the report says, as data (what `--json` prints)."""

    names_without_entry: list[dict] = field(default_factory=list)
    stale_cards: list[dict] = field(default_factory=list)
    unmentioned_entries: list[dict] = field(default_factory=list)
    reading_level: list[dict] = field(default_factory=list)


def report(config_file: Path, as_json: bool = False) -> int:
    config = load_site_config(config_file)
    if config is None:
        return EXIT_ERRORS
    paths = paths_of(config)
    checked = load_project(paths, keep_bodies=True)
    if checked.errors:
        print(format_report(checked.diagnostics).replace("nothing was written.",
                                                         "fix them for a report."),
              file=sys.stderr)
        return EXIT_ERRORS
    assert checked.project is not None
    coverage = coverage_of(checked.project, checked.article_bodies, paths.stale_after_days)
    print(json.dumps(asdict(coverage), indent=2, ensure_ascii=False) if as_json
          else as_text(coverage))
    return EXIT_OK


def coverage_of(project: Project, bodies: dict[str, str], stale_after_days: int) -> Coverage:
    """The four lists for a project that passes `check`."""
    glossary, articles = project.glossary, project.articles
    out = Coverage()
    linkers: dict[str, Linker] = {}
    uses: dict[str, list[Use]] = defaultdict(list)
    for slug, body in bodies.items():
        where, lang = articles[slug].origin, articles[slug].lang
        if lang not in linkers:  # an article in Spanish knows the entries' Spanish names
            linkers[lang] = Linker({label: keys[0] for label, keys
                                    in name_claims(glossary, lang).items()})
        for candidate in unknown_names(body, linkers[lang]):
            at = origin_at(body, candidate.start, where.file, where.line)
            uses[candidate.name].append(Use(at.file, at.line, at.column))
    for name in sorted(uses, key=lambda n: (-len(uses[n]), n)):
        out.names_without_entry.append({"name": name, "uses": [asdict(u) for u in uses[name]]})
    mentions = mentions_of(glossary, bodies, articles)
    for d in stale_cards(glossary, articles, mentions, stale_after_days):
        out.stale_cards.append({"message": d.message, "fix": d.hint, **asdict(_use(d.origin))})
    mentioned = {key for keys in mentions.values() for key in keys}
    for entity in glossary:
        if entity.key not in mentioned:
            out.unmentioned_entries.append({"entry": entity.key,
                                            **asdict(_use(entity.origin))})
    for slug in sorted(bodies, key=lambda s: (articles[s].date, s)):
        # Measured in the article's language, as its lesson page is (INFLESZ for Spanish).
        figures = measure_markdown(bodies[slug], articles[slug].lang)
        out.reading_level.append({"article": slug, "file": articles[slug].origin.file,
                                  "lang": articles[slug].lang, "level": figures.level_label(),
                                  "grade": figures.grade if figures.ease is None else None,
                                  "ease": figures.ease, "words": figures.words,
                                  "minutes": figures.minutes})
    return out


def _use(origin) -> Use:
    return Use(origin.file, origin.line, origin.column)


def as_text(coverage: Coverage) -> str:
    """The report for a terminal: one heading per list, one line per item."""
    lines = [f"Names with no glossary entry ({len(coverage.names_without_entry)}):"]
    for item in coverage.names_without_entry:
        places = ", ".join(str(Use(**u)) for u in item["uses"])
        lines.append(f"  {item['name']}  ({len(item['uses'])}×: {places})")
    lines.append(f"\nStale cards ({len(coverage.stale_cards)}):")
    lines += [f"  {Use(s['file'], s['line'], s['column'])}: {s['message']} ({s['fix']})"
              for s in coverage.stale_cards]
    lines.append(f"\nEntries no article mentions ({len(coverage.unmentioned_entries)}):")
    lines += [f"  {e['entry']}  ({Use(e['file'], e['line'], e['column'])})"
              for e in coverage.unmentioned_entries]
    lines.append("\nReading level (Flesch–Kincaid grade in English, INFLESZ in Spanish; "
                 "words, minutes):")
    lines += [f"  {r['article']}  {r['level']}, {r['words']} words, "
              f"{r['minutes']} min  ({r['file']})" for r in coverage.reading_level]
    return "\n".join(lines)
