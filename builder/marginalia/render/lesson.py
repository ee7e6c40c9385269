"""The lesson page: everything a teacher needs to put one article in front of a class.

One template renders both editions. Teacher-only parts (notes, model answers,
the answer key, handout and export links, the Classroom share link) are only
*rendered* when the edition is `teacher`, never hidden with CSS, so the student
build's HTML, search index and assets cannot contain them.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from marginalia.model import (
    TYPE_SINGULAR,
    KindFacts,
    Lesson,
    Open,
    Project,
    Question,
    Quiz,
    TrueFalse,
)
from marginalia.model.anchors import evidence_id
from marginalia.model.edition import Edition
from marginalia.model.formats import export_files, handout_files
from marginalia.model.languages import SITE_LANG
from marginalia.render import Renderer
from marginalia.render.i18n import N_
from marginalia.render.reading import ReadingText
from marginalia.render.urls import (
    answer_key_path,
    export_path,
    guided_path,
    lesson_path,
    quiz_path,
    worksheet_path,
)

CLASSROOM_SHARE = "https://classroom.google.com/share?url="
"""Google Classroom's documented share URL: a plain link, no script on our page."""


KEY_TRUTH = {True: N_("true"), False: N_("false")}
"""A true-false answer as the answer key writes it (lower case, as the YAML has it)."""


@dataclass(frozen=True)
class KeyItem:
    """One line of an answer key: the question, its answer and where the text says so."""

    number: int
    question: Question
    answer: list[str]
    """The answer's lines (a list-style key shows one per line)."""
    text: str
    """The answer on one line, for kinds whose key is not a list."""
    evidence_href: str

    @property
    def kind(self) -> KindFacts:
        return self.question.kind


def answer_key(renderer: Renderer, quiz: Quiz, from_url: str) -> list[KeyItem]:
    """The quiz's answers in question order, each linked to its evidence in the article."""
    article_href = renderer.link(from_url, renderer.article_url(quiz.slug))
    lang = renderer.lang_of(renderer.project.articles.get(quiz.slug))
    items = []
    for number, q in enumerate(quiz.questions, start=1):
        match q.answer:
            case Open(model_answer=model):
                answer = [model] if model else []
                text = model or renderer.gettext(N_("(open: no single answer)"), lang)
            case TrueFalse(value=value):
                answer = [renderer.gettext(KEY_TRUTH[value], lang)]
                text = answer[0]
            case _:
                answer = q.answer_list
                text = ", ".join(answer)
        items.append(KeyItem(number, q, answer, text,
                             f"{article_href}#{evidence_id(q.id)}" if q.evidence else ""))
    return items


LOCAL_HOSTS = frozenset({"localhost", "0.0.0.0", "::1"})


def shareable(site_url: str) -> bool:
    """Whether students elsewhere can open this address: absolute http(s), not this machine.

    `serve` and the seed's default set `http://127.0.0.1:8000/`; a Classroom
    assignment pointing there opens nothing on a student's computer.
    """
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    return (parts.scheme in ("http", "https") and bool(host) and host not in LOCAL_HOSTS
            and not host.startswith("127.") and not host.endswith(".localhost"))


def share_link(site_url: str, lesson_page_url: str) -> str:
    """Classroom's share link for the lesson page, or "" without a public site address."""
    if not shareable(site_url):
        return ""
    target = site_url.rstrip("/") + "/" + lesson_page_url.lstrip("/")
    return CLASSROOM_SHARE + quote(target, safe="")


def lesson_paths(slug: str) -> dict[str, str]:
    """Source paths of a lesson's pages (handouts are generated next to it)."""
    return {"page": lesson_path(slug), "worksheet": worksheet_path(slug),
            "answer_key": answer_key_path(slug), "guided": guided_path(slug)}


def vocabulary(renderer: Renderer, lesson: Lesson, from_url: str) -> list[dict]:
    """Glossary entries of the lesson's vocabulary, in the lesson's order."""
    glossary = renderer.project.glossary
    article = renderer.project.articles.get(lesson.article)
    items = []
    for key in lesson.vocabulary:
        if key not in glossary:
            continue
        lang = article.lang if article else SITE_LANG
        entity = glossary[key].seen_in(lang, article.date if article else None)
        items.append({"entity": entity, "kind": TYPE_SINGULAR[entity.type],
                      "href": renderer.link(from_url, renderer.entity_url(key, lang)),
                      "summary": renderer.markdown(entity.summary),
                      "as_of": entity.as_of or (article.date if article else None)})
    return items


def render_lesson_page(renderer: Renderer, lesson: Lesson, url: str, *,
                       reading: ReadingText | None = None, site_url: str = "",
                       readings: dict[str, ReadingText] | None = None) -> str:
    """The body of `/lessons/<slug>/` for the renderer's edition, in the language of
    its article's version (vocabulary included), with every version's level."""
    from marginalia.render.article import versions_nav

    project = renderer.project
    article = project.articles.get(lesson.article)
    quiz = project.quizzes.get(lesson.quiz) if lesson.quiz else None
    paths = lesson_paths(lesson.slug)
    teacher = renderer.teacher
    md = renderer.markdown
    ui = renderer.lang_of(article)

    def say(message: str) -> str:
        return renderer.gettext(message, ui)

    return renderer.render(
        "lesson.html",
        lesson=lesson,
        article=article,
        article_href=renderer.link(url, renderer.article_url(lesson.article)),
        reading=reading.level if reading else None,
        lang=article.lang if article else SITE_LANG,
        versions=Markup(versions_nav(renderer, article, url, readings)) if article
        else Markup(""),
        vocabulary=vocabulary(renderer, lesson, url),
        before=md(lesson.before_reading, url),
        during=md(lesson.during_reading, url),
        after=md(lesson.after_reading, url),
        discussion=[(md(d.question, inline=True),
                     md(d.teacher_notes, url) if teacher and d.teacher_notes else "")
                    for d in lesson.discussion],
        quiz=quiz,
        quiz_href=renderer.link(url, renderer.url(quiz_path(quiz.slug)))
        if quiz else "",
        key=answer_key(renderer, quiz, url) if quiz and teacher else [],
        teacher_notes=md(lesson.teacher_notes, url) if teacher else Markup(""),
        worksheet_href=renderer.link(url, renderer.url(paths["worksheet"])),
        answer_key_href=renderer.link(url, renderer.url(paths["answer_key"])),
        guided=lesson.guided_reading,
        guided_href=renderer.link(url, renderer.url(paths["guided"]))
        if lesson.guided_reading else "",
        exports=[(label, renderer.link(url, export_path(lesson.slug, name)))
                 for name, label in export_files(lesson.slug, say)] if quiz and teacher else [],
        handout_files=[(label, renderer.link(url, export_path(lesson.slug, name)))
                       for name, label in handout_files(lesson.slug, say)] if teacher else [],
        share_href=share_link(site_url, url) if teacher else "",
    )


def render_cartridge_page(renderer: Renderer, lesson: Lesson,
                          reading: ReadingText | None) -> str:
    """The lesson as one self-contained HTML page, for Common Cartridge web content.

    This is the student-facing lesson (students open it inside the LMS): article
    text, vocabulary, activities and discussion questions. Teacher notes and model
    answers are never included, whatever the renderer's edition. The page has no
    scripts, fonts or outside links besides the glossary sources, and its CSS is
    inline, so any LMS shows it as is.
    """
    project = renderer.project
    md = renderer.markdown
    article = project.articles.get(lesson.article)
    day = article.date if article else None
    lang = article.lang if article else SITE_LANG
    vocabulary = [project.glossary[k].seen_in(lang, day) for k in lesson.vocabulary
                  if k in project.glossary]
    return renderer.render(
        "lesson_webcontent.html", lesson=lesson, article=article, lang=lang,
        paragraphs=reading.paragraphs if reading else (),
        vocabulary=[(entity, md(entity.summary)) for entity in vocabulary],
        before=md(lesson.before_reading), during=md(lesson.during_reading),
        after=md(lesson.after_reading),
        discussion=[md(d.question, inline=True) for d in lesson.discussion],
        empty=Markup(""))


def cartridge_page(project: Project, lesson: Lesson, reading: ReadingText | None,
                   site_lang: str = SITE_LANG) -> str:
    """`render_cartridge_page` with a student renderer of its own (for the CLI's exports),
    on a site in `site_lang` so its words are the ones the site's lesson page has."""
    return render_cartridge_page(Renderer(project, None, edition=Edition.STUDENT,
                                          lang=site_lang), lesson, reading)
