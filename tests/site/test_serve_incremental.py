"""After any sequence of edits, the site `serve` shows is a clean build, byte for byte.

The preview loop is driven directly on a copy of the synthetic newsroom (bench/
corpus.py's 12 articles × 60 entries): each step edits the sources as an editor
would, rebuilds, and compares every file of the served folder with a clean build
of the same sources made by a fresh preview. Edits an incremental rebuild can
vouch for (an entry's text, an article's body) must redraw only the pages that
read them; the rest (a new entry) are full builds; a bad save changes nothing
until it is fixed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from marginalia.cli.serve import Preview
from tests.conftest import FIXTURES, copy_project

CORPUS = FIXTURES / "synthetic-newsroom"
PEOPLE = "annotations/people.yml"
ENTRY = "people/farid-krailainair-6"
ARTICLE = "docs/articles/story-00001.md"
NEW_ENTRY = ("- id: zora-quill-99\n  name: Zora Quill\n  role: envoy\n"
             "  summary: Zora Quill is an envoy added while serving.\n"
             "  sources:\n  - title: Profile\n    url: https://example.org/zora\n")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def clean_build(project: Path, where: Path) -> dict[str, bytes]:
    where.mkdir()
    fresh = Preview(project / "mkdocs.yml", "127.0.0.1:8000", where)
    assert fresh.start() is not None
    return files(where)


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(project: Path, rel: str, text: str) -> None:
    with (project / rel).open("a", encoding="utf-8") as f:
        f.write(text)


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", "1714780800")  # the same sitemap date in every build
    tmp = tmp_path_factory.mktemp("incremental")
    project = copy_project(CORPUS, tmp / "project")
    served = tmp / "served"
    served.mkdir()
    preview = Preview(project / "mkdocs.yml", "127.0.0.1:8000", served)
    assert preview.start() is not None
    yield preview, project, tmp
    monkey.undo()


def step(session, name: str) -> tuple[Preview, set[str] | None]:
    preview, project, tmp = session
    preview.rebuild()
    drawn = preview.session.drawn if preview.session else None
    served = files(preview.served)
    clean = clean_build(project, tmp / f"clean-{name}")
    assert sorted(served) == sorted(clean)
    assert [n for n in clean if served[n] != clean[n]] == []
    return preview, drawn


# The steps run in order, each on the sources the previous one left.

def test_an_entry_edit_redraws_its_page_the_glossary_and_its_articles(session):
    _, project, _ = session
    edit(project, PEOPLE, "Farid Krailainair is a negotiator",
         "Farid Krailainair is a veteran negotiator")
    _, drawn = step(session, "entry")
    assert drawn is not None
    assert {f"{ENTRY}.md", "glossary.md", "articles/story-00001.md"} <= drawn
    assert len(drawn) < 12 + 60 + 2


def test_an_article_edit_redraws_the_article_alone_when_backlinks_stay(session):
    _, project, _ = session
    edit(project, ARTICLE, "## Major election", "## The major election")  # no backlink's sentence
    _, drawn = step(session, "article")
    assert drawn == {"articles/story-00001.md"}


def test_a_new_entry_is_a_full_build(session):
    _, project, _ = session
    append(project, PEOPLE, NEW_ENTRY)
    preview, drawn = step(session, "new-entry")
    assert drawn is None
    assert (preview.served / "people/zora-quill-99/index.html").is_file()


def test_removing_a_mention_redraws_the_entry_page_whose_backlinks_change(session):
    _, project, _ = session
    edit(project, ARTICLE, "Samir Rakazousk", "a delegate")  # the first of his mentions
    _, drawn = step(session, "removed-mention")
    assert drawn is not None and "articles/story-00001.md" in drawn
    assert any(src.startswith("people/samir-rakazousk") for src in drawn)


def test_a_bad_edit_keeps_the_site_and_its_fix_is_served(session):
    preview, project, _ = session
    before = files(preview.served)
    edit(project, PEOPLE, "  role: negotiator", "  rle: negotiator")
    preview.rebuild()
    assert preview.problems and files(preview.served) == before
    edit(project, PEOPLE, "  rle: negotiator", "  role: negotiator")
    edit(project, ARTICLE, "## Final border", "## The final border")
    _, drawn = step(session, "fixed")
    assert drawn is not None and "articles/story-00001.md" in drawn


LESSON_EDITS = {
    "an entry in a lesson's vocabulary": (
        "annotations/people.yml", "Runs the harbour", "Leads the harbour",
        {"people/mara-quill.md", "glossary.md", "articles/harbour-opens.md",
         "lessons/harbour-opens.md", "lessons/harbour-opens/worksheet.md"}),
    "a related entry": (
        "annotations/organizations.yml", "role:", "role: Former",
        {"people/mara-quill.md"}),
}


@pytest.mark.parametrize(("rel", "old", "new", "redrawn"), LESSON_EDITS.values(),
                         ids=LESSON_EDITS.keys())
def test_pages_that_read_an_entry_are_redrawn_and_equal_a_clean_build(
        tmp_path, monkeypatch, rel, old, new, redrawn):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714780800")
    project = copy_project(FIXTURES / "hostile" / "base", tmp_path / "project")
    served = tmp_path / "served"
    served.mkdir()
    preview = Preview(project / "mkdocs.yml", "127.0.0.1:8000", served)
    assert preview.start() is not None
    edit(project, rel, old, new)
    _, drawn = step((preview, project, tmp_path), "lesson")
    assert drawn is not None and redrawn <= drawn
