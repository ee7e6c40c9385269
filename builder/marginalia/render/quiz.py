"""The quiz page of an article: questions, feedback, and the data the browser grades with.

Everything a reader needs is in the HTML, so the page is useful without
JavaScript: each question reveals its answer and evidence in a `<details>`.
With JavaScript (`assets/quiz.js`) the same markup becomes a self-grading form
that reads the answers from a JSON block embedded in the page. Choices travel as
indices, so the JSON never has to repeat (or escape) the choice texts twice.
Open questions are never graded; their model answer exists only in the teacher
edition, in the HTML and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from marginalia.link.asked import asked_terms
from marginalia.model import (
    ArticleMeta,
    KindFacts,
    Match,
    MultipleAnswer,
    Open,
    Order,
    Question,
    Quiz,
    ShortAnswer,
    SingleChoice,
    TrueFalse,
)
from marginalia.model.anchors import evidence_id
from marginalia.model.languages import SITE_LANG
from marginalia.model.messages import N_, Nn_
from marginalia.render import Renderer, i18n

SKILL_LABELS = {"recall": N_("Recall"), "vocabulary": N_("Vocabulary"),
                "inference": N_("Inference"), "main-idea": N_("Main idea"),
                "cause-effect": N_("Cause and effect")}
"""Each skill's label under a question (msgids: the template translates them)."""


@dataclass(frozen=True)
class QuestionView:
    """One question as the template shows it: texts rendered, controls numbered."""

    q: Question
    kind: KindFacts
    controls: str
    """The template of this kind's answer controls (chosen by `controls_template`)."""
    number: int
    prompt: Markup
    skill: str
    options: tuple[str, ...] = ()
    """Choices of single/multiple/order, the right-hand partners of match."""
    left: tuple[str, ...] = ()
    """Left-hand items of match (in the order the author wrote them)."""
    answer_items: tuple[str, ...] = ()
    """The right answer in words, one line each, for the no-JS reveal."""
    evidence_href: str = ""
    correct: Markup = field(default_factory=Markup)
    incorrect: Markup = field(default_factory=Markup)
    model_answer: Markup | None = None


def render_quiz_page(renderer: Renderer, quiz: Quiz, article: ArticleMeta, url: str) -> str:
    """The body of `/articles/<slug>/quiz/` for the renderer's edition."""
    article_href = renderer.link(url, renderer.article_url(article.slug))
    views = question_views(renderer, quiz.questions, url, article_href, article.lang)
    ui = renderer.lang_of(article)
    return renderer.render(
        "quiz.html", quiz=quiz, article=article, article_href=article_href,
        strings=Markup(script_json(quiz_strings(renderer, ui))),
        questions=views, graded=sum(1 for q in quiz.questions if q.graded),
        lang=article.lang, data=Markup(script_json(quiz_data(quiz, article.lang))))


def question_views(r: Renderer, questions: tuple[Question, ...] | list[Question], url: str,
                   article_href: str, lang: str = SITE_LANG) -> list[QuestionView]:
    """The questions as `quiz_question.html` shows them, numbered from 1, for a page at
    `url` whose evidence links go to the article at `article_href`."""
    return [_view(r, q, n, url, article_href, lang) for n, q in enumerate(questions, start=1)]


def _view(r: Renderer, q: Question, number: int, url: str, article_href: str,
          lang: str = SITE_LANG) -> QuestionView:
    """One question; names in its texts link to entity pages in the quiz's language."""
    ui = r.ui_lang(lang)
    options, left = _options(q)
    teacher = r.teacher
    return QuestionView(
        q=q, kind=q.kind, controls=controls_template(q),
        number=number, prompt=r.markdown(q.prompt, url, inline=True, lang=lang,
                                         unlinked=asked(r, q, lang)),
        skill=SKILL_LABELS.get(q.skill, q.skill),
        options=options, left=left,
        answer_items=tuple(answer_in_words(q, lambda m: r.gettext(m, ui))),
        evidence_href=f"{article_href}#{evidence_id(q.id)}" if q.evidence else "",
        correct=r.markdown(q.feedback_correct, url, lang=lang),
        incorrect=r.markdown(q.feedback_incorrect, url, lang=lang),
        model_answer=r.markdown(q.model_answer, url, lang=lang)
        if teacher and q.model_answer else None)


def controls_template(q: Question) -> str:
    """The partial that draws a kind's answer controls on the quiz page."""
    match q.answer:
        case SingleChoice():
            return "quiz/single.html"
        case MultipleAnswer():
            return "quiz/multiple.html"
        case TrueFalse():
            return "quiz/true_false.html"
        case ShortAnswer():
            return "quiz/short.html"
        case Order():
            return "quiz/order.html"
        case Match():
            return "quiz/match.html"
        case Open():
            return "quiz/open.html"
    raise TypeError(f"no quiz controls for {type(q.answer).__name__}")


def worksheet_template(q: Question) -> str:
    """The partial that draws a kind's answer space on the printed worksheet."""
    match q.answer:
        case SingleChoice() | MultipleAnswer():
            return "worksheet/choices.html"
        case TrueFalse():
            return "worksheet/true_false.html"
        case ShortAnswer():
            return "worksheet/short.html"
        case Order():
            return "worksheet/order.html"
        case Match():
            return "worksheet/match.html"
        case Open():
            return "worksheet/open.html"
    raise TypeError(f"no worksheet space for {type(q.answer).__name__}")


def asked(r: Renderer, q: Question, lang: str) -> frozenset[str]:
    """A vocabulary prompt never links the term it asks about (its card would answer)."""
    if q.skill != "vocabulary":
        return frozenset()
    return asked_terms(q.prompt, r.linker_for(lang))


def _options(q: Question) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(options, left items) the controls list: choices, or a match's partners and lefts."""
    match q.answer:
        case Match() as m:
            return m.partners, m.left
        case _:
            return q.choices, ()


def match_partners(answer: dict[str, str]) -> tuple[str, ...]:
    """Right-hand items of a match, sorted so their order gives nothing away."""
    return Match(tuple(answer.items())).partners


def answer_in_words(q: Question, gettext: Callable[[str], str] = str) -> list[str]:
    """The right answer as lines of text (empty for open questions), its words
    through `gettext` (the page's language)."""
    match q.answer:
        case TrueFalse(value=value):
            return [gettext(N_("True")) if value else gettext(N_("False"))]
        case ShortAnswer(accepted=accepted):
            also = gettext(N_("Also accepted: %(answers)s"))
            return list(accepted[:1]) + (
                [also % {"answers": "; ".join(accepted[1:])}] if len(accepted) > 1 else [])
        case _:
            return q.answer_list


QUIZ_STRINGS: dict[str, str] = {
    "unanswered": N_("Not answered yet."),
    "correct": N_("Correct."),
    "incorrect": N_("Not quite. Here is what the article says:"),
    "reread": N_("Not quite. Reread the article and try again."),
    "ungraded": N_("Not graded: compare your answer with the passage and the guidance below."),
    "score": N_("Score: %(right)s of %(graded)s right."),
    "progress": N_("%(checked)s of %(graded)s checked so far."),
    "all_right": N_("Every graded answer is right. Well done!"),
    "retry_hint": N_("Choose “Retry wrong answers” to try those again."),
    "none_wrong": N_("No wrong answers to retry."),
    "reset": N_("The quiz was reset."),
}
"""What quiz.js says, by key: the page carries them in its language (`quiz_strings`)."""
RETRIED = Nn_("Cleared %(count)s wrong answer: try again.",
              "Cleared %(count)s wrong answers: try again.")


def quiz_strings(r: Renderer, lang: str) -> dict[str, str]:
    """quiz.js's words in `lang`; `%(name)s` is filled in by the script. The plural
    is given for 1 and for many, which is all English and Spanish tell apart."""
    strings = {key: r.gettext(message, lang) for key, message in QUIZ_STRINGS.items()}
    strings["retried_one"] = i18n.ngettext(lang, *RETRIED, 1)
    strings["retried_other"] = i18n.ngettext(lang, *RETRIED, 2)
    return strings


def quiz_data(quiz: Quiz, lang: str = SITE_LANG) -> dict:
    """What quiz.js needs to grade: types and answers, never an open question's model;
    a short answer in another language carries it (`model/grading.py` folds accents
    by language)."""
    questions = {}
    for q in quiz.questions:
        entry: dict[str, object] = {"type": q.kind.name}
        match q.answer:
            case SingleChoice() as a:
                if a.index is not None:
                    entry["answer"] = a.index
            case MultipleAnswer(options=options, correct=correct):
                entry["answer"] = [options.index(c) for c in correct if c in options]
            case Order(sequence=sequence, shown=shown):
                entry["answer"] = [shown.index(c) for c in sequence if c in shown]
            case TrueFalse(value=value):
                entry["answer"] = value
            case ShortAnswer(accepted=accepted):
                entry["answer"] = list(accepted)
                if lang != SITE_LANG:
                    entry["lang"] = lang  # grading.py folds accents by language
            case Match() as m:
                partners = m.partners
                entry["answer"] = [partners.index(right) for _, right in m.pairs]
            case Open():
                pass
        questions[q.id] = entry
    return {"quiz": quiz.slug, "questions": questions}


def script_json(data: dict) -> str:
    """JSON safe inside `<script type="application/json">`: no `</script>` can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
