"""An article's reading text, computed once for every page and file that prints it.

The lesson page shows its reading level; the worksheet (page, PDF and .docx)
and the cartridge's lesson page print its paragraphs. All of them read the same
`ReadingText`, made once per lesson article from its Markdown, so the text is
rendered once and every copy agrees. A paragraph is one block of the rendered
article with the line breaks authors wrap their Markdown with read as the
spaces they render as: a wrapped paragraph is one paragraph, never one per
source line.
"""

from __future__ import annotations

from dataclasses import dataclass

from marginalia.link import evidence
from marginalia.link.sentences import split_sentences
from marginalia.model.languages import SITE_LANG
from marginalia.render.readability import Readability, measure_sentences


@dataclass(frozen=True)
class ReadingText:
    """What a student reads of one article: paragraphs, sentences and how hard they are."""

    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]
    level: Readability

    @classmethod
    def of_markdown(cls, body: str, lang: str = SITE_LANG) -> ReadingText:
        """The reading text of an article's Markdown body (front matter removed),
        measured by the formula of the article's language."""
        paragraphs = evidence.paragraphs(body)
        sentences = tuple(s for p in paragraphs for s in split_sentences(p))
        return cls(paragraphs, sentences, measure_sentences(list(sentences), lang))


def reading_text(body: str | None) -> ReadingText | None:
    """`ReadingText.of_markdown`, passing None through (an article without a body)."""
    return None if body is None else ReadingText.of_markdown(body)
