"""How long `marginalia serve` makes an editor wait after one save.

Run as a child of bench/run.py (so its time and memory are its own) on a
Marginalia project written by bench/corpus.py. It drives the preview loop as the
server does: the first (full) build, then an edit of one entry that about 1 % of
the articles mention (its summary, as an editor would change it), then an edit
of one article's body (a heading, which no backlink quotes), each followed by
the server's rebuild. Prints one JSON object: wall and CPU seconds of each, and
how many pages each rebuild redrew (null for a full build).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from marginalia.cli.serve import Preview


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def entry_for_share(preview: Preview, share: float) -> tuple[str, int]:
    """The entry whose articles are closest to `share` of all articles, and their count."""
    assert preview.session is not None
    site = preview.session._site()
    target = max(1, round(share * len(site.project.articles)))
    key = min(site.mentions, key=lambda k: (abs(len(site.mentions[k]) - target), k))
    return key, len(site.mentions[key])


def redrawn(preview: Preview) -> int | None:
    """Pages the last rebuild redrew; None when it was a full build."""
    drawn = preview.session.drawn if preview.session else None
    return None if drawn is None else len(drawn)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main(project: Path) -> dict:
    served = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    preview = Preview(project / "mkdocs.yml", "127.0.0.1:8000", served)
    out: dict = {}
    out["full"] = timed(lambda: preview.start())
    key, articles = entry_for_share(preview, 0.01)
    entity = preview.session.report.project.glossary[key]
    edit(project / "annotations" / f"{entity.type}.yml", f"{entity.name} is a {entity.role}",
         f"{entity.name} is a former {entity.role}")
    out["entry"] = timed(preview.rebuild)
    out["entry_pages"] = redrawn(preview)
    out["entry_articles"] = articles
    article = sorted((project / "docs" / "articles").glob("*.md"))[0]
    heading = re.search(r"^## (.+)$", article.read_text(encoding="utf-8"), re.MULTILINE)
    assert heading is not None
    edit(article, heading.group(0), f"## Update: {heading.group(1)}")
    out["article"] = timed(preview.rebuild)
    out["article_pages"] = redrawn(preview)
    shutil.rmtree(served, ignore_errors=True)
    return out


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]).resolve())))
